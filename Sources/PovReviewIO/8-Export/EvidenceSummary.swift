/// Puts a criterion's `evidence` JSON into one line of text, for rows whose evaluator wrote no
/// `explanation_vi`.
///
/// The JSON is walked with SQLite's `json_tree`, which yields the members in document order
/// (Foundation's `JSONSerialization` loses it), so the text is deterministic and follows the
/// evaluator's own layout: `a: 1; b: 2022, 2023; c (x: 1, y: 2)`.
struct EvidenceSummary {
    private let statement: SQLiteStatement

    init(database: SQLiteDatabase) throws {
        statement = try database.prepare(
            "SELECT id, parent, key, type, atom FROM json_tree(?) ORDER BY id")
    }

    private struct Node {
        var key: String?
        var type: String
        var atom: SQLiteValue
        var children: [Int] = []
    }

    /// The summary of `json`; the JSON text itself when it cannot be parsed.
    func summary(of json: String) -> String {
        var nodes: [Int: Node] = [:]
        var root: Int?
        do {
            statement.reset()
            statement.bind(1, json)
            while try statement.step() {
                let id = statement.int(at: 0)
                let key: String? =
                    switch statement.value(at: 2) {
                    case .text(let text): text
                    case .integer(let index): "[\(index)]"
                    default: nil
                    }
                nodes[id] = Node(key: key, type: statement.string(at: 3) ?? "null", atom: statement.value(at: 4))
                if statement.isNull(at: 1) {
                    root = id
                } else {
                    nodes[statement.int(at: 1)]?.children.append(id)
                }
            }
            statement.reset()
        } catch {
            statement.reset()
            return json
        }
        guard let root, let node = nodes[root] else { return json }
        if node.type == "object" {
            return node.children.map { member(nodes, $0) }.joined(separator: "; ")
        }
        return value(nodes, root)
    }

    private func member(_ nodes: [Int: Node], _ id: Int) -> String {
        let node = nodes[id]!
        let key = node.key ?? ""
        return node.type == "object" ? "\(key) (\(value(nodes, id)))" : "\(key): \(value(nodes, id))"
    }

    private func value(_ nodes: [Int: Node], _ id: Int) -> String {
        let node = nodes[id]!
        switch node.type {
        case "object":
            return node.children.map { member(nodes, $0) }.joined(separator: ", ")
        case "array":
            let items = node.children.map { child -> String in
                nodes[child]!.type == "object" ? "(\(value(nodes, child)))" : value(nodes, child)
            }
            return items.isEmpty ? "—" : items.joined(separator: ", ")
        case "null":
            return "—"
        case "true", "false":
            return node.type
        default:
            return node.atom.text
        }
    }
}
