import Testing

@testable import PovReviewCore

@Suite struct IndicatorCatalogTests {
    @Test func catalogListsEveryIndicatorOnceInIDOrder() {
        #expect(Indicator.catalog.map(\.id) == IndicatorID.allCases)
    }

    @Test func bitIsThePositionInAllCases() {
        for (index, id) in IndicatorID.allCases.enumerated() { #expect(id.bit == index) }
    }
}
