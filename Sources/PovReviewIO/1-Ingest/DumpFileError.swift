import PovReviewCore

/// A problem that makes a whole dump file unusable: it cannot be read, it is not UTF-8 in its
/// header (a legacy Vietnamese encoding), or its header lacks or repeats a column
/// (input-format.md §4, rule 10). Fails the run, located by file, line and column.
public struct DumpFileError: Error, Sendable, CustomStringConvertible {
    /// What kind of problem, for callers that report them differently.
    public enum Kind: String, Sendable {
        case unreadable
        case encoding
        case header
    }

    public var kind: Kind
    /// Display path of the dump (relative to the dump folder).
    public var path: String
    /// 1-based physical line, when the problem is on one line.
    public var line: Int?
    /// Canonical column at fault, when one is.
    public var column: String?
    public var message: String

    public init(kind: Kind, path: String, line: Int? = nil, column: String? = nil, message: String) {
        self.kind = kind
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = path
        if let line { location += ":\(line)" }
        if let column { location += " (column \(column))" }
        return "\(location): \(message)"
    }
}
