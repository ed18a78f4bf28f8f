import PovReviewCore
import Yams

/// The parameters of one rule in a plan file, read from a YAML node. Records the keys the rule
/// asked for, so the loader can reject the others, and locates every error at its line.
final class NodeRuleArguments: RuleArguments {
    let node: Node
    let path: String
    let loader: PlanFileReader
    private(set) var consumed = Set<String>()
    private let pairs: [(key: String, keyNode: Node, value: Node)]

    init(node: Node, path: String, loader: PlanFileReader) throws {
        self.node = node
        self.path = path
        self.loader = loader
        if let mapping = node.mapping {
            var pairs: [(String, Node, Node)] = []
            for (key, value) in mapping {
                guard let name = key.scalar?.string else {
                    throw LocatedError(path: path, line: key.mark?.line, message: "expected a text key")
                }
                pairs.append((name, key, value))
            }
            self.pairs = pairs
        } else {
            pairs = []
        }
    }

    private func value(_ key: String) -> (keyNode: Node, value: Node)? {
        consumed.insert(key)
        return pairs.first { $0.key == key }.map { ($0.keyNode, $0.value) }
    }

    private func requireMapping() throws {
        guard node.mapping != nil else {
            throw LocatedError(path: path, line: node.mark?.line, message: "expected a mapping of rule parameters")
        }
    }

    func optionalText(_ key: String) throws -> String? {
        try requireMapping()
        guard let (_, value) = value(key) else { return nil }
        guard let scalar = value.scalar else {
            throw LocatedError(path: path, line: value.mark?.line, message: "\"\(key)\" must be a text value")
        }
        return scalar.string
    }

    func optionalNumber(_ key: String) throws -> PlanParameter? {
        try requireMapping()
        guard let (_, value) = value(key) else { return nil }
        return try loader.parameter(value, key: key)
    }

    func optionalTextList(_ key: String) throws -> [String]? {
        try requireMapping()
        guard let (_, value) = value(key) else { return nil }
        guard let sequence = value.sequence else {
            throw LocatedError(path: path, line: value.mark?.line, message: "\"\(key)\" must be a list")
        }
        return try sequence.map { item in
            guard let text = item.scalar?.string else {
                throw LocatedError(path: path, line: item.mark?.line, message: "\"\(key)\" items must be text values")
            }
            return text
        }
    }

    func subrules() throws -> [any CriterionRule] {
        guard let sequence = node.sequence else {
            throw LocatedError(path: path, line: node.mark?.line, message: "expected a list of rules")
        }
        return try sequence.map { try loader.rule($0) }
    }

    func problem(_ key: String?, _ message: String) -> any Error {
        let line = key.flatMap { k in pairs.first { $0.key == k }?.value.mark?.line } ?? node.mark?.line
        return LocatedError(path: path, line: line, message: message)
    }

    /// Keys present but never asked for, with their lines.
    func unknownKeys() -> [(String, Int?)] {
        pairs.filter { !consumed.contains($0.key) }.map { ($0.key, $0.keyNode.mark?.line) }
    }
}
