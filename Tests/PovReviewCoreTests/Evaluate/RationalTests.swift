import PovReviewCore
import Testing

@Suite("Evaluate: Rational")
struct RationalTests {
    @Test(arguments: [
        ("12", Rational(12)), ("1.5", Rational(3, 2)), ("0.333333", Rational(333_333, 1_000_000)),
        ("-0.25", Rational(-1, 4)), ("1,5", Rational(3, 2)), ("40.00", Rational(40)), (".5", Rational(1, 2)),
    ])
    func parsesDecimalTextExactly(text: String, expected: Rational) {
        #expect(Rational(decimalText: text) == expected)
    }

    @Test(arguments: ["", "1,234", "1.2.3", "1e3", "abc", "1.", "--1"])
    func rejectsAmbiguousOrMalformedText(text: String) {
        #expect(Rational(decimalText: text) == nil)
    }

    @Test func roundsHalfAwayFromZero() {
        // outputs.md: 201 of 20,000 is 1.01.
        #expect(Rational.percentage(Rational(201), of: Rational(20_000))!.rounded() == Rational(101, 100))
        #expect(Rational(5, 1000).rounded() == Rational(1, 100))
        #expect(Rational(-5, 1000).rounded() == Rational(-1, 100))
        #expect(Rational(4999, 10000).rounded() == Rational(1, 2))
        #expect(Rational(1, 3).decimalText(places: 2) == "0.33")
        #expect(Rational(2, 3).decimalText(places: 2, separator: ",") == "0,67")
        #expect(Rational(-1, 200).decimalText(places: 2) == "-0.01")
    }

    @Test func comparesByCrossMultiplication() {
        #expect(Rational(1, 3) < Rational(333_334, 1_000_000))
        #expect(Rational(333_333, 1_000_000) < Rational(1, 3))
        #expect(Rational(2, 4) == Rational(1, 2))
        #expect(Rational(1, 3) + Rational(2, 3) == .one)
        #expect(Rational(3, 2).plainText == "1.5")
        #expect(Rational(1, 3).plainText == "0.333333")
    }
}

@Suite("Evaluate: three-valued verdict logic")
struct VerdictLogicTests {
    typealias V = Verdict

    @Test(arguments: [
        ([V.met, .notMet], V.met), ([.insufficientData, .notMet], .insufficientData),
        ([.notMet, .notApplicable], .notMet), ([.notApplicable, .notApplicable], .notApplicable),
        ([.insufficientData, .met], .met), ([.notApplicable, .insufficientData], .insufficientData),
    ])
    func anyOf(parts: [Verdict], expected: Verdict) {
        #expect(Verdict.anyOf(parts) == expected)
    }

    @Test(arguments: [
        ([V.met, .met], V.met), ([.met, .notMet], .notMet), ([.insufficientData, .notMet], .notMet),
        ([.met, .insufficientData], .insufficientData), ([.notApplicable, .met], .notApplicable),
        ([.notApplicable, .notApplicable], .notApplicable),
    ])
    func allOf(parts: [Verdict], expected: Verdict) {
        #expect(Verdict.allOf(parts) == expected)
    }

    @Test func everyUnit() {
        #expect(Verdict.everyUnit([.met, .insufficientData, .notMet]) == .notMet)
        #expect(Verdict.everyUnit([.met, .insufficientData]) == .insufficientData)
        #expect(Verdict.everyUnit([.met, .met]) == .met)
    }
}
