import Testing

@testable import PovReviewCore

@Suite("Transition change codes (outputs.md table, first match wins)")
struct TransitionChangeTests {
    @Test(arguments: [
        (SideStatus.absent, SideStatus.poor, false, false, TransitionChange.enteredPoor),
        (.poor, .poor, false, false, .stayedPoor),
        (.nearPoor, .poor, true, false, .nearPoorToPoor),
        (.average, .poor, true, false, .fellBackPoor),
        (.above, .poor, false, false, .newlyPoor),
        (.above, .poor, false, true, .newlyPoor),  // near-poor earlier does not make it tái nghèo
        (.absent, .nearPoor, false, false, .enteredNearPoor),
        (.poor, .nearPoor, false, false, .poorToNearPoor),
        (.nearPoor, .nearPoor, false, false, .stayedNearPoor),
        (.average, .nearPoor, false, true, .fellBackNearPoor),
        (.average, .nearPoor, true, false, .newlyNearPoor),
        (.poor, .average, false, false, .escapedAboveNearPoor),
        (.poor, .above, false, false, .escapedAboveNearPoor),
        (.nearPoor, .above, false, false, .escapedNearPoverty),
        (.poor, .absent, false, false, .poorLeft),
        (.nearPoor, .absent, false, false, .nearPoorLeft),
        (.average, .above, true, true, .stayedOut),
        (.absent, .average, false, false, .stayedOut),
        (.above, .absent, false, false, .stayedOut),
    ])
    func change(from: SideStatus, to: SideStatus, poorEarlier: Bool, nearPoorEarlier: Bool, expected: TransitionChange) {
        #expect(TransitionChange(from: from, to: to, wasPoorEarlier: poorEarlier, wasNearPoorEarlier: nearPoorEarlier) == expected)
    }
}
