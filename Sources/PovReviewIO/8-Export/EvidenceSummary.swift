/// Puts a criterion's `evidence` JSON into one line of text, for rows whose evaluator wrote no
/// `explanation_vi`.
///
/// The JSON is walked with SQLite's `json_tree`, which yields the members in document order
/// (Foundation's `JSONSerialization` loses it), so the text is deterministic and follows the
/// evaluator's own layout: `a: 1; b: 2022, 2023; c (x: 1, y: 2)`.
struct EvidenceSummary {
    private let tree: JSONTreeReader

    init(database: SQLiteDatabase) throws {
        tree = try JSONTreeReader(database: database)
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
            for element in try tree.nodes(of: json) {
                let key: String? =
                    switch element.key {
                    case .text(let text): text
                    case .integer(let index): "[\(index)]"
                    default: nil
                    }
                nodes[element.id] = Node(key: key, type: element.type ?? "null", atom: element.atom)
                if let parent = element.parent {
                    nodes[parent]?.children.append(element.id)
                } else {
                    root = element.id
                }
            }
        } catch {
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
