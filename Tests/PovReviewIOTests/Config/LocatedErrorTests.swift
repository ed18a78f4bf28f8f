import Testing

@testable import PovReviewIO

@Suite("LocatedError: one printed shape for every input and reference file")
struct LocatedErrorTests {
    @Test(arguments: [
        (LocatedError(path: "p.yaml", message: "m"), "p.yaml: m"),
        (LocatedError(path: "p.yaml", line: 3, message: "m"), "p.yaml:3: m"),
        (LocatedError(path: "p.yaml", line: 3, column: 7, message: "m"), "p.yaml:3:7: m"),
        // A column without a line is not printed: it would read as a line.
        (LocatedError(path: "p.yaml", column: 7, message: "m"), "p.yaml: m"),
        (LocatedError(path: "a.csv", line: 4, columnName: "level", message: "m"), "a.csv:4 (column level): m"),
        (LocatedError(.header, path: "h.csv", columnName: "village", message: "m"), "h.csv (column village): m"),
        (LocatedError(.encoding, path: "a.csv", message: "not UTF-8", hint: "save it as CSV UTF-8"), "a.csv: not UTF-8; save it as CSV UTF-8"),
    ])
    func description(error: LocatedError, printed: String) {
        #expect(error.description == printed)
    }
}
