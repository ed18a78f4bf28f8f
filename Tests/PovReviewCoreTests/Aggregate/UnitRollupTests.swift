import Testing

@testable import PovReviewCore

@Suite("Aggregation roll-up of a tiny fixture, computed by hand")
struct UnitRollupTests {
    /// Province 99 → district 901 → communes 00001 (villages A, B) and 00002 (village C).
    let admin = AdminDirectory(units: [
        AdminUnit(code: "99", name: "Tỉnh Thử", level: .province, parentCode: nil),
        AdminUnit(code: "901", name: "Huyện Một", level: .district, parentCode: "99"),
        AdminUnit(code: "00001", name: "Xã Một", level: .commune, parentCode: "901"),
        AdminUnit(code: "00002", name: "Xã Hai", level: .commune, parentCode: "901"),
    ])

    func tally(poor: Int, nearPoor: Int, other: Int, ethnicPoor: Int = 0) -> VillageTally {
        var v = VillageTally(district: "901", province: "99")
        let standard = StandardFixtures.vn2022
        func add(_ status: HouseholdStatus, ethnic: Bool) {
            var h = StandardFixtures.household(income: status == .above ? 9_000_000 : 1_000_000)
            h.ethnicMinority = ethnic
            if status == .poor { h.workingAgeWithoutJob = 1; h.childrenMalnourished = 1; h.members6PlusUninsured = 1 }
            let c = try! standard.classification(of: h).get()
            #expect(c.status == status)
            v.tally.add(h, c)
        }
        for i in 0..<poor { add(.poor, ethnic: i < ethnicPoor) }
        for _ in 0..<nearPoor { add(.nearPoor, ethnic: false) }
        for _ in 0..<other { add(.above, ethnic: false) }
        return v
    }

    func key(_ commune: UnitCode, _ village: String) -> VillageTallyKey {
        VillageTallyKey(reviewYear: 2024, standardID: "vn-2022", commune: commune, villageKey: village)
    }

    @Test func rollsUpVillagesToCommunesDistrictAndProvince() {
        let villages = [
            key("00001", "a"): tally(poor: 2, nearPoor: 1, other: 7, ethnicPoor: 1),  // 10 households
            key("00001", "b"): tally(poor: 0, nearPoor: 2, other: 3),  // 5
            key("00002", "c"): tally(poor: 1, nearPoor: 0, other: 4),  // 5
        ]
        let names = [
            VillageNameKey(commune: "00001", villageKey: "a"): "Thôn A",
            VillageNameKey(commune: "00001", villageKey: "b"): "Thôn B",
            VillageNameKey(commune: "00002", villageKey: "c"): "Thôn C",
        ]
        let (rows, warnings) = UnitRollup().rows(villages: villages, villageNames: names, admin: admin)
        #expect(warnings.isEmpty)
        #expect(rows.map(\.unitCode.rawValue) == ["00001/Thôn A", "00001/Thôn B", "00002/Thôn C", "00001", "00002", "901", "99"])
        let commune1 = rows.first { $0.unitCode == "00001" }!
        #expect(commune1.households == 15)
        #expect(commune1.tally.poor == 2)
        #expect(commune1.tally.nearPoor == 3)
        #expect(commune1.parentCode == "901")
        #expect(abs(commune1.poorNearPoorRate - 100.0 * 5 / 15) < 1e-12)
        let province = rows.first { $0.level == .province }!
        #expect(province.households == 20)
        #expect(province.tally.poor == 3)
        #expect(province.tally.poorNearPoor == 6)
        #expect(province.poorRate == 15.0)
        #expect(province.poorNearPoorRate == 30.0)
        #expect(province.tally.ethnicMinorityHouseholds == 1)
        #expect(province.ethnicMinorityPoorRate == 100.0)
        #expect(province.tally.poorDeprived[IndicatorID.employment.bit] == 3)
        #expect(province.unitName == "Tỉnh Thử")
        #expect(province.parentCode == nil)
        #expect(rows.first { $0.level == .district }?.parentCode == "99")
    }

    @Test func officialTotalsReplaceCommuneDenominatorsButNotVillages() {
        let villages = [
            key("00001", "a"): tally(poor: 2, nearPoor: 1, other: 7),  // 10 reviewed
            key("00002", "c"): tally(poor: 1, nearPoor: 0, other: 4),  // 5 reviewed
        ]
        let names = [
            VillageNameKey(commune: "00001", villageKey: "a"): "Thôn A",
            VillageNameKey(commune: "00002", villageKey: "c"): "Thôn C",
        ]
        let rollup = UnitRollup(totals: HouseholdTotals(totals: [.init(reviewYear: 2024, communeCode: "00001"): 40]))
        let (rows, warnings) = rollup.rows(villages: villages, villageNames: names, admin: admin)
        let village = rows.first { $0.level == .village && $0.unitCode == "00001/Thôn A" }!
        #expect(village.households == 10)
        #expect(village.denominatorSource == .dump)
        let commune1 = rows.first { $0.unitCode == "00001" }!
        #expect(commune1.households == 40)
        #expect(commune1.denominatorSource == .totals)
        #expect(commune1.poorRate == 5.0)  // 2 of 40
        let commune2 = rows.first { $0.unitCode == "00002" }!
        #expect(commune2.households == 5)
        #expect(commune2.denominatorSource == .dump)
        #expect(warnings.map(\.code) == ["missing_totals"])
        let province = rows.first { $0.level == .province }!
        #expect(province.households == 45)
        #expect(province.tally.households == 15)
        // One commune on the dump's count: the province is not wholly on official totals.
        #expect(province.denominatorSource == .dump)
    }

    @Test func communeInTotalsWithoutReviewedHouseholdsStillCountsInDenominators() {
        let villages = [key("00001", "a"): tally(poor: 2, nearPoor: 1, other: 7)]  // 10 reviewed
        let names = [VillageNameKey(commune: "00001", villageKey: "a"): "Thôn A"]
        let rollup = UnitRollup(
            totals: HouseholdTotals(totals: [
                .init(reviewYear: 2024, communeCode: "00001"): 40,
                .init(reviewYear: 2024, communeCode: "00002"): 60,  // nobody reviewed there
            ]))
        let (rows, warnings) = rollup.rows(villages: villages, villageNames: names, admin: admin)
        #expect(warnings.isEmpty)
        let commune2 = rows.first { $0.unitCode == "00002" }!
        #expect(commune2.households == 60)
        #expect(commune2.tally.poor == 0)
        #expect(commune2.poorRate == 0)
        #expect(commune2.denominatorSource == .totals)
        let province = rows.first { $0.level == .province }!
        #expect(province.households == 100)  // 40 + 60
        #expect(province.poorRate == 2.0)  // 2 of 100
        #expect(province.denominatorSource == .totals)
    }
}
