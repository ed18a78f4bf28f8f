import CSQLite

private let SQLITE_TRANSIENT_DESTRUCTOR = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement. Bind parameters by 1-based index, step, read columns by 0-based index.
public final class SQLiteStatement {
    let statement: OpaquePointer
    unowned let database: SQLiteDatabase
    let sql: String

    init(statement: OpaquePointer, database: SQLiteDatabase, sql: String) {
        self.statement = statement
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(statement) }

    /// Number of result columns.
    public var columnCount: Int { Int(sqlite3_column_count(statement)) }

    /// Name of result column `index`.
    public func columnName(_ index: Int) -> String { String(cString: sqlite3_column_name(statement, Int32(index))) }

    @inline(__always) public func bind(_ index: Int32, _ value: Int) {
        sqlite3_bind_int64(statement, index, Int64(value))
    }
    @inline(__always) public func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(statement, index, value)
    }
    @inline(__always) public func bind(_ index: Int32, _ value: Bool) {
        sqlite3_bind_int64(statement, index, value ? 1 : 0)
    }
    @inline(__always) public func bind(_ index: Int32, _ value: Double) {
        sqlite3_bind_double(statement, index, value)
    }
    @inline(__always) public func bind(_ index: Int32, _ value: String) {
        var value = value
        value.withUTF8 { buffer in
            _ = sqlite3_bind_text(
                statement, index, UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self),
                Int32(buffer.count), SQLITE_TRANSIENT_DESTRUCTOR)
        }
    }
    @inline(__always) public func bindNull(_ index: Int32) { sqlite3_bind_null(statement, index) }

    /// Binds `count` UTF-8 bytes at `bytes` as text without copying them (`SQLITE_STATIC`).
    ///
    /// The bytes must stay unchanged until the statement has been stepped and this parameter
    /// bound again. For buffers a writer owns and refills before each execution: binding with
    /// `SQLITE_TRANSIENT` makes SQLite allocate, copy and free every text value, measured at
    /// ~9% of the thread that inserts `household_status` rows.
    @inline(__always) public func bindStatic(_ index: Int32, _ bytes: UnsafePointer<UInt8>, count: Int) {
        sqlite3_bind_text(
            statement, index, UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self),
            Int32(count), nil)
    }

    /// Binds an optional value, NULL when nil.
    public func bind(_ index: Int32, _ value: SQLiteValue) {
        switch value {
        case .null: bindNull(index)
        case .integer(let v): bind(index, v)
        case .real(let v): bind(index, v)
        case .text(let v): bind(index, v)
        }
    }

    /// Binds `values` to parameters 1…n.
    public func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        for (offset, value) in values.enumerated() { bind(Int32(offset + 1), value) }
    }

    /// Executes one step; true when a row is available.
    @discardableResult
    public func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(statement)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error(code, sql: sql)
        }
    }

    /// Steps until done (for statements that return no rows), then resets for reuse.
    public func stepToEnd() throws(SQLiteError) {
        while try step() {}
        reset()
    }

    /// Resets the statement and clears its bindings, ready for the next execution.
    @inline(__always) public func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    /// Executes an insert or update with the current bindings and resets.
    @inline(__always) public func execute() throws(SQLiteError) {
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        if code != SQLITE_DONE { throw database.error(code, sql: sql) }
    }

    public func int(at index: Int) -> Int { Int(sqlite3_column_int64(statement, Int32(index))) }
    public func double(at index: Int) -> Double { sqlite3_column_double(statement, Int32(index)) }
    public func isNull(at index: Int) -> Bool { sqlite3_column_type(statement, Int32(index)) == SQLITE_NULL }
    public func string(at index: Int) -> String? {
        guard let pointer = sqlite3_column_text(statement, Int32(index)) else { return nil }
        return String(cString: pointer)
    }

    /// Column `index` of the current row as UTF-8 bytes, nil when NULL. The bytes are SQLite's
    /// and valid only until the next `step`, `reset` or read of the column as another type: for
    /// hot loops that compare or look up a value without making a `String` of it.
    @inline(__always) public func textBytes(at index: Int) -> UnsafeBufferPointer<UInt8>? {
        guard let pointer = sqlite3_column_text(statement, Int32(index)) else { return nil }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, Int32(index))))
    }

    /// Column `index` of the current row as a value.
    public func value(at index: Int) -> SQLiteValue {
        switch sqlite3_column_type(statement, Int32(index)) {
        case SQLITE_NULL: .null
        case SQLITE_INTEGER: .integer(sqlite3_column_int64(statement, Int32(index)))
        case SQLITE_FLOAT: .real(sqlite3_column_double(statement, Int32(index)))
        default: .text(string(at: index) ?? "")
        }
    }
}
