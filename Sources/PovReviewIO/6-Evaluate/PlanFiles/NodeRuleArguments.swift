import PovReviewCore
import Yams

/// The parameters of one rule in a plan file, read from a YAML node. Records the keys the rule
/// asked for, so the loader can reject the others, and locates every error at its line and column.
final class NodeRuleArguments: RuleArguments {
    let node: Node
    let loader: PlanFileReader
    private var file: YAMLFile { loader.file }
    private(set) var consumed = Set<String>()
    private let pairs: [(key: String, keyNode: Node, value: Node)]

    init(node: Node, loader: PlanFileReader) throws(LocatedError) {
        self.node = node
        self.loader = loader
        if let mapping = node.mapping {
            var pairs: [(String, Node, Node)] = []
            for (key, value) in mapping {
                guard let name = key.scalar?.string else {
                    throw loader.file.error(at: key, "expected a text key")
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
            throw file.error(at: node, "expected a mapping of rule parameters")
        }
    }

    func optionalText(_ key: String) throws -> String? {
        try requireMapping()
        guard let (_, value) = value(key) else { return nil }
        guard let scalar = value.scalar else {
            throw file.error(at: value, "\"\(key)\" must be a text value")
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
            throw file.error(at: value, "\"\(key)\" must be a list")
        }
        return try sequence.map { item in
            guard let text = item.scalar?.string else {
                throw file.error(at: item, "\"\(key)\" items must be text values")
            }
            return text
        }
    }

    func subrules() throws -> [any CriterionRule] {
        guard let sequence = node.sequence else {
            throw file.error(at: node, "expected a list of rules")
        }
        return try sequence.map { try loader.rule($0) }
    }

    func problem(_ key: String?, _ message: String) -> any Error {
        let located = key.flatMap { k in pairs.first { $0.key == k }?.value } ?? node
        return file.error(at: located, message)
    }

    /// Keys present but never asked for, with their key nodes.
    func unknownKeys() -> [(String, Node)] {
        pairs.filter { !consumed.contains($0.key) }.map { ($0.key, $0.keyNode) }
    }
}
