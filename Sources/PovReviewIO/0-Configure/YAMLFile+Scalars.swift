import Yams

/// Scalars read from the nodes of a file walked by hand (plan files), each error located at the
/// offending node.
extension YAMLFile {
    /// An error located at `node`'s line and column (the file alone without a node).
    func error(at node: Node?, _ message: String) -> LocatedError {
        LocatedError(path: path, line: node?.mark?.line, column: node?.mark?.column, message: message)
    }

    /// The text of scalar `node`, the value of `key`.
    func text(_ node: Node, _ key: String) throws(LocatedError) -> String {
        guard let scalar = node.scalar else { throw error(at: node, "\"\(key)\" must be a text value") }
        return scalar.string
    }

    /// The whole number in `node`, the value of `key`.
    func integer(_ node: Node, _ key: String) throws(LocatedError) -> Int {
        guard let scalar = node.scalar, let value = Int(scalar.string) else {
            throw error(at: node, "\"\(key)\" must be a whole number")
        }
        return value
    }

    /// `true` or `false` in `node`, the value of `key`.
    func bool(_ node: Node, _ key: String) throws(LocatedError) -> Bool {
        switch node.scalar?.string {
        case "true": return true
        case "false": return false
        default: throw error(at: node, "\"\(key)\" must be true or false")
        }
    }
}
