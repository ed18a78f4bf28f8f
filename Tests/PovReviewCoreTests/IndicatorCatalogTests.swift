import Testing
@testable import PovReviewCore

@Suite struct IndicatorCatalogTests {
    @Test func catalogListsEveryIndicatorOnceInIDOrder() {
        #expect(Indicator.catalog.map(\.id) == IndicatorID.allCases)
    }
}
