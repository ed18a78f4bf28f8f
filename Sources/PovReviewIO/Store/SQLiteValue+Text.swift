extension SQLiteValue {
    /// The integer value, 0 for NULL.
    var count: Int { int ?? 0 }
    /// The text value, "" for NULL; integers and reals as SQLite writes them.
    var text: String {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .null: ""
        }
    }
}
