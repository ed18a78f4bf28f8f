import Yams

/// The keys of one YAML mapping of a `YAMLFile`, read one by one for files walked by hand (plan
/// files, whose rules are looked up by kind): tracks which keys were read so the rest can be
/// rejected, and locates every error at the offending node's line and column.
struct YAMLMapping {
    /// The mapping node.
    let node: Node
    /// The file it belongs to, for locating errors.
    let file: YAMLFile
    /// What the mapping is, as messages name it ("plan", "criterion", "period").
    let what: String
    private let pairs: [(key: String, keyNode: Node, value: Node)]
    private let consumed = ReadKeys()

    /// The keys read so far (a class: the mapping is passed around by value while being read).
    private final class ReadKeys { var keys = Set<String>() }

    /// The mapping at `node`; fails unless it is a mapping with text keys.
    init(_ node: Node, in file: YAMLFile, what: String) throws(LocatedError) {
        self.node = node
        self.file = file
        self.what = what
        guard let mapping = node.mapping else { throw file.error(at: node, "\(what) must be a mapping") }
        var pairs: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { throw file.error(at: key, "expected a text key in \(what)") }
            pairs.append((name, key, value))
        }
        self.pairs = pairs
    }

    /// The value of `key`, nil when absent; marks the key as read.
    func optional(_ key: String) -> Node? {
        consumed.keys.insert(key)
        return pairs.first { $0.key == key }?.value
    }

    /// The value of `key`; an error at the mapping when absent.
    func required(_ key: String) throws(LocatedError) -> Node {
        guard let value = optional(key) else { throw file.error(at: node, "\(what): missing key \"\(key)\"") }
        return value
    }

    /// Fails at the first key that was never read.
    func rejectUnknown() throws(LocatedError) {
        if let unknown = pairs.first(where: { !consumed.keys.contains($0.key) }) {
            throw file.error(at: unknown.keyNode, "unknown key \"\(unknown.key)\" in \(what)")
        }
    }
}
