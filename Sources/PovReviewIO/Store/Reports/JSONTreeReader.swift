/// Walks a JSON text with SQLite's `json_tree`, which yields the members in document order
/// (Foundation's `JSONSerialization` loses it). One statement, prepared once, for many texts.
final class JSONTreeReader {
    private let statement: SQLiteStatement

    init(database: SQLiteDatabase) throws {
        statement = try database.prepare("SELECT id, parent, key, type, atom FROM json_tree(?) ORDER BY id")
    }

    /// One element of the tree, in `json_tree`'s terms.
    struct Node {
        var id: Int
        /// nil for the root.
        var parent: Int?
        /// A member's name (text) or an array element's index (integer); NULL for the root.
        var key: SQLiteValue
        var type: String?
        var atom: SQLiteValue
    }

    /// The elements of `json` in document order; throws when SQLite cannot parse it.
    func nodes(of json: String) throws -> [Node] {
        statement.reset()
        defer { statement.reset() }
        statement.bind(1, json)
        var nodes: [Node] = []
        while try statement.step() {
            nodes.append(
                Node(
                    id: statement.int(at: 0), parent: statement.isNull(at: 1) ? nil : statement.int(at: 1),
                    key: statement.value(at: 2), type: statement.string(at: 3), atom: statement.value(at: 4)))
        }
        return nodes
    }
}
