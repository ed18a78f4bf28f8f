/// A problem in a plan file: fails the run with the file, the line and what was expected
/// (STYLE.md: "Config errors carry file and line").
public struct PlanFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// 1-based line, when known.
    public var line: Int?
    public var message: String

    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)"
    }
}
