/// A problem in an input or reference file — pipeline, standard or plan file, dump, admin units,
/// crosswalk, household totals, targets, province regions — located by file, line and column,
/// saying what was expected (STYLE.md: "Messages say where and what was expected").
///
/// One shape for every file the run reads, printed one way:
/// `path[:line[:column]][ (column name)]: message[; hint]`, for instance
/// `plans/p.yaml:10:12: unknown level "hamlet"; …` or
/// `admin_units.csv:4 (column level): level must be one of …`.
public struct LocatedError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem, for callers that report them differently (a dump's header problem
    /// is reported at line 1, a read error in the middle of a file at its own line).
    public enum Kind: String, Sendable {
        /// The file cannot be read at all (missing, unreadable, a folder that cannot be listed).
        case unreadable
        /// The bytes are not UTF-8 (a legacy Vietnamese encoding, input-format.md §4).
        case encoding
        /// The file is not well-formed YAML or CSV.
        case syntax
        /// A dump's header lacks or repeats a column (input-format.md §4, rule 10).
        case header
        /// A key, value or reference in a well-formed file is wrong.
        case content
    }

    /// What kind of problem.
    public var kind: Kind
    /// Display path of the file, as the user named it (relative where the run shows it so).
    public var path: String
    /// 1-based physical line, when the problem is on one line.
    public var line: Int?
    /// 1-based column (Unicode scalars) within `line`, when known; printed only with a line.
    public var column: Int?
    /// The named CSV column at fault (a canonical header name), when one is.
    public var columnName: String?
    /// What is wrong and what was expected.
    public var message: String
    /// What to do about it, when the message does not already say.
    public var hint: String?

    /// A located problem; `kind` defaults to a wrong key or value in a well-formed file.
    public init(
        _ kind: Kind = .content, path: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil,
        message: String, hint: String? = nil
    ) {
        self.kind = kind
        self.path = path
        self.line = line
        self.column = column
        self.columnName = columnName
        self.message = message
        self.hint = hint
    }

    /// What is wrong and what to do, without the location: `message[; hint]`.
    public var explanation: String {
        message + (hint.map { "; \($0)" } ?? "")
    }

    /// `path[:line[:column]][ (column name)]: message[; hint]`.
    public var description: String {
        var location = path
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        if let columnName { location += " (column \(columnName))" }
        return "\(location): \(explanation)"
    }
}
