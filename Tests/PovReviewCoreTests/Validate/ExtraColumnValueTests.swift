import Testing

@testable import PovReviewCore

/// Values of a local standard's extra input columns, read with the quarantine reasons of the
/// built-in columns (input-format.md §4).
@Suite("Extra input column values")
struct ExtraColumnValueTests {
    func read(_ text: String, _ type: RuleValueType) -> Result<ExactDecimal, RowRejection> {
        let column = ExtraColumn(name: "x", type: type)
        return Array(text.utf8).withUnsafeBufferPointer { bytes in
            Result { () throws(RowRejection) -> ExactDecimal in try RowValidator.extraValue(bytes, column) }
        }
    }

    @Test(
        "Accepted values",
        arguments: [
            ("3", RuleValueType.integer, ExactDecimal(3)), ("1.500", .integer, ExactDecimal(1500)),
            ("", .boolean, ExactDecimal(0)), ("x", .boolean, ExactDecimal(1)), ("có", .boolean, ExactDecimal(1)),
            ("12,5", .decimal, ExactDecimal(significand: 125, scale: 1)), ("Wood", .enumeration(["gas", "wood"]), ExactDecimal(1)),
        ])
    func accepted(text: String, type: RuleValueType, value: ExactDecimal) throws {
        #expect(try read(text, type).get() == value)
    }

    @Test(
        "Rejected values and their reasons",
        arguments: [
            ("", RuleValueType.integer, QuarantineReason.missingValue), ("-1", .integer, .invalidNumber),
            ("maybe", .boolean, .invalidEnum), ("1,234", .decimal, .invalidNumber), ("", .decimal, .missingValue),
            ("coal", .enumeration(["gas", "wood"]), .invalidEnum), ("", .enumeration(["gas"]), .missingValue),
        ])
    func rejected(text: String, type: RuleValueType, reason: QuarantineReason) {
        guard case .failure(let rejection) = read(text, type) else {
            Issue.record("\"\(text)\" accepted")
            return
        }
        #expect(rejection.reason == reason)
        #expect(rejection.column == "x")
    }
}
