import Foundation
import PovReviewCore
import Testing

@testable import PovReviewIO

/// The review years the track stage pairs come from the village tallies (`yearsByStandard`):
/// a year counts while it holds a household, and no longer once its rows are taken back out.
@Suite struct VillageTalliesTests {
    static func household(_ year: Int, _ id: String, village: String) -> Household {
        Household(
            reviewYear: ReviewYear(year), householdID: HouseholdID(id), provinceCode: "99", districtCode: nil,
            communeCode: "00001", village: village, area: .rural, members: 4, ethnicMinority: false,
            membersWithLabourCapacity: 1, socialProtectionMembers: 0)
    }

    @Test func yearsByStandardAreTheYearsWithAHouseholdCounted() {
        let standard = IntegrityFindingsBuilderTests.standard
        let poor = Classification(status: .poor, basis: .income, deprivations: DeprivationSet(), basesDisagree: false, localDeprivations: 0)
        let villages = VillageTallies()
        #expect(villages.yearsByStandard.isEmpty)
        for (year, id, village) in [(2023, "h1", "Thôn A"), (2023, "h2", "Thôn B"), (2024, "h1", "Thôn A")] {
            let household = Self.household(year, id, village: village)
            let slot = villages.slot(of: household, standards: [standard])
            villages.add(household, poor, at: villages.tallyPosition(slot, 0))
        }
        #expect(villages.yearsByStandard == ["vn-2022": [2023, 2024]])
        // h1's 2024 row taken back out (a repeated key): 2024 holds no household any more.
        villages.subtract(
            Self.household(2024, "h1", village: "Thôn A"), poor,
            key: VillageTallyKey(reviewYear: 2024, standardID: "vn-2022", commune: "00001", villageKey: VillageNaming.key("Thôn A")))
        #expect(villages.yearsByStandard == ["vn-2022": [2023]])
    }
}
