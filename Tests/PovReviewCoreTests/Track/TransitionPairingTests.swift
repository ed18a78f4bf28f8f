import PovReviewCore
import Testing

/// Which review years are paired and when a change looks back (outputs.md,
/// `household_transitions`), on hand-made year sets.
@Suite("Track: pairing of review years")
struct TransitionPairingTests {
    @Test("Only consecutive years present under the same standard are paired; a gap year pairs nothing")
    func consecutiveYearsOnly() {
        let pairs = TransitionPairing.pairs(yearsByStandard: ["vn-2022": [2021, 2022, 2024, 2025, 2026], "vn-2027": [2026]])
        #expect(pairs.map { "\($0.standard) \($0.from)-\($0.to)" } == ["vn-2022 2021-2022", "vn-2022 2024-2025", "vn-2022 2025-2026"])
    }

    @Test("Standards in id order, years ascending, whatever order the years were given in")
    func order() {
        let pairs = TransitionPairing.pairs(yearsByStandard: ["vn-2027": [2028, 2027, 2026], "vn-2022": [2026, 2025]])
        #expect(pairs.map { "\($0.standard) \($0.from)" } == ["vn-2022 2025", "vn-2027 2026", "vn-2027 2027"])
    }

    @Test("An incremental rerun leaves out the pairs that end before its first re-read year")
    func keptBefore() {
        let years: [StandardID: Set<Int>] = ["vn-2022": [2021, 2022, 2023, 2024, 2025]]
        #expect(TransitionPairing.pairs(yearsByStandard: years, keptBefore: 2024).map(\.from) == [2023, 2024])
        #expect(TransitionPairing.pairs(yearsByStandard: years, keptBefore: 2022).map(\.from) == [2021, 2022, 2023, 2024])
        #expect(TransitionPairing.pairs(yearsByStandard: years, keptBefore: 2026).isEmpty)
    }

    @Test("History is looked up only for a move from average or above into (near) poverty")
    func needsEarlierYears() {
        var needing: [String] = []
        for from in SideStatus.allCases {
            for to in SideStatus.allCases where TransitionPairing.needsEarlierYears(from: from, to: to) {
                needing.append("\(from.rawValue)>\(to.rawValue)")
            }
        }
        #expect(needing.sorted() == ["above>near_poor", "above>poor", "average>near_poor", "average>poor"])
    }

    @Test("Earlier statuses decide fell_back versus newly; average and above years count for nothing")
    func earlierStatuses() {
        var earlier = EarlierStatuses()
        earlier.record(.average)
        earlier.record(.above)
        #expect(TransitionChange(from: .average, to: .poor, earlier: earlier) == .newlyPoor)
        #expect(TransitionChange(from: .above, to: .nearPoor, earlier: earlier) == .newlyNearPoor)
        earlier.record(.nearPoor)
        #expect(TransitionChange(from: .average, to: .poor, earlier: earlier) == .newlyPoor)
        #expect(TransitionChange(from: .average, to: .nearPoor, earlier: earlier) == .fellBackNearPoor)
        earlier.record(.poor)
        #expect(TransitionChange(from: .above, to: .poor, earlier: earlier) == .fellBackPoor)
    }
}
