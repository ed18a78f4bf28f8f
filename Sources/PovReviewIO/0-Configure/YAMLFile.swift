import Foundation
import Yams

/// A YAML configuration file parsed into a node tree, so that decoding errors and unknown keys
/// are reported with the file and line (STYLE.md: config errors carry file and line).
public struct YAMLFile {
    /// Display path used in messages.
    public let path: String
    /// The root node of the document.
    public let root: Node

    /// Reads and parses the file at `url`; `expecting` names what an empty file lacks.
    public init(url: URL, displayPath: String? = nil, expecting: String = "a YAML mapping") throws(LocatedError) {
        let path = displayPath ?? url.path
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw LocatedError(.unreadable, path: path, message: "cannot read the file: \(error.localizedDescription)")
        }
        try self.init(text: text, path: path, expecting: expecting)
    }

    /// Parses `text`; `expecting` names what an empty file lacks ("a plan").
    public init(text: String, path: String, expecting: String = "a YAML mapping") throws(LocatedError) {
        self.path = path
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw LocatedError(.syntax, path: path, line: 1, message: "the file is empty; expected \(expecting)")
            }
            root = node
        } catch let error as LocatedError {
            throw error
        } catch let error as YamlError {
            throw LocatedError(.syntax, path: path, line: YAMLFile.line(of: error), message: "not valid YAML: \(error)")
        } catch {
            throw LocatedError(.syntax, path: path, message: "not valid YAML: \(error)")
        }
    }

    /// Decodes the whole document as `T`, first rejecting keys that `shape` does not allow.
    public func decode<T: Decodable>(_ type: T.Type, shape: KeyShape) throws(LocatedError) -> T {
        try check(root, against: shape, at: [])
        do {
            return try YAMLDecoder().decode(T.self, from: root)
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw LocatedError(path: path, line: nil, message: "\(error)")
        }
    }

    /// The line of the node at `codingPath` (the deepest node that exists).
    public func line(at codingPath: [CodingKey]) -> Int? {
        var node = root
        for key in codingPath {
            if let index = key.intValue, let sequence = node.sequence, index < sequence.count {
                node = sequence[index]
            } else if let mapping = node.mapping, let child = mapping[key.stringValue] {
                node = child
            } else {
                break
            }
        }
        return node.mark.map { $0.line }
    }

    private func check(_ node: Node, against shape: KeyShape, at path: [String]) throws(LocatedError) {
        switch (shape, node) {
        case (.any, _):
            return
        case (.mapping(let allowed), .mapping(let mapping)):
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                guard let child = allowed[key] else {
                    let where_ = path.isEmpty ? "at the top level" : "under \(path.joined(separator: "."))"
                    throw LocatedError(
                        path: self.path, line: keyNode.mark?.line,
                        message: "unknown key \"\(key)\" \(where_); expected one of: \(allowed.keys.sorted().joined(separator: ", "))")
                }
                try check(value, against: child, at: path + [key])
            }
        case (.sequence(let element), .sequence(let sequence)):
            for (index, value) in sequence.enumerated() {
                try check(value, against: element, at: path + ["[\(index)]"])
            }
        case (.mapping, .scalar(let scalar)) where scalar.string == "null" || scalar.string == "~" || scalar.string.isEmpty:
            return
        case (.mapping, _):
            throw LocatedError(path: self.path, line: node.mark?.line, message: "\(path.joined(separator: ".")) must be a mapping (key: value)")
        case (.sequence, _):
            throw LocatedError(path: self.path, line: node.mark?.line, message: "\(path.joined(separator: ".")) must be a list")
        }
    }

    private func describe(_ error: DecodingError) -> LocatedError {
        func render(_ codingPath: [CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let path = context.codingPath
            return LocatedError(
                path: self.path, line: line(at: path),
                message: "missing key \"\(key.stringValue)\"" + (path.isEmpty ? "" : " under \(render(path))"))
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return LocatedError(
                path: self.path, line: line(at: context.codingPath),
                message: "\(render(context.codingPath)): expected \(Self.typeName(type)); \(context.debugDescription)")
        case .dataCorrupted(let context):
            return LocatedError(
                path: self.path, line: line(at: context.codingPath),
                message: "\(render(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            return LocatedError(path: self.path, line: nil, message: "\(error)")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is String.Type: "text"
        default: "\(type)"
        }
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }
}

/// The keys a YAML document may contain, to reject misspelt keys with their line.
public indirect enum KeyShape: Sendable {
    case any
    case mapping([String: KeyShape])
    case sequence(KeyShape)
}
