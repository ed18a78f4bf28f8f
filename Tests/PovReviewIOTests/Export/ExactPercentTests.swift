import Testing

@testable import PovReviewIO

@Suite struct ExactPercentTests {
    @Test(arguments: [
        (201, 20_000, "1.01"),  // 1.005 exactly: half away from zero (outputs.md §2)
        (1, 20_000, "0.01"),  // 0.005
        (1, 40_000, "0.00"),  // 0.0025
        (41, 8_000, "0.51"),  // 0.5125
        (141, 8_000, "1.76"),  // 1.7625
        (1, 3, "33.33"),
        (2, 3, "66.67"),
        (1, 8, "12.50"),
        (0, 7, "0.00"),
        (7, 7, "100.00"),
        (150, 201, "74.63"),  // 74.6268…
        (-201, 20_000, "-1.01"),  // negative values round away from zero too
        (-1, 40_000, "0.00"),
    ])
    func roundsHalfAwayFromZeroFromTheExactValue(numerator: Int, denominator: Int, expected: String) {
        #expect(ExactPercent(numerator, of: denominator)!.formatted() == expected)
    }

    @Test func floatingPointWouldGetTheHalfCaseWrong() {
        // 100 × 201 / 20000 in binary floating point is 1.00499999…, which a naive
        // round-to-2-decimals turns into 1.00; the exact rounding gives 1.01.
        let double = 100.0 * 201.0 / 20_000.0
        #expect((double * 100).rounded() / 100 == 1.0)
        #expect(ExactPercent(201, of: 20_000)!.formatted() == "1.01")
    }

    @Test func otherPlacesAndSeparators() {
        #expect(ExactPercent(1, of: 3)!.formatted(places: 0) == "33")
        #expect(ExactPercent(1, of: 8)!.formatted(places: 1, decimalSeparator: ",") == "12,5")
        #expect(ExactPercent(1, of: 0) == nil)
        #expect(ReportCell.rate(1, of: 0) == .empty)
    }
}
