import Foundation
import Testing

@testable import PovReviewCore
@testable import PovReviewIO

/// Standard files: the shipped ones say what standards.md says, and every kind of mistake in a
/// file is reported at its line (and column inside a rule) before any row is read.
@Suite("Standard files: rules as data, located errors")
struct StandardFileTests {
    static let folder = ConfigFileTests.repository.appendingPathComponent("Pipelines/standards")

    /// The rules of standards.md, written by hand from its tables.
    static let specRules: [String: String] = [
        "employment": "working_age_without_job >= 1",
        "dependants": "dependants * 2 > members",
        "nutrition": "children_malnourished >= 1",
        "health_insurance": "members_6plus_uninsured >= 1",
        "adult_education": "adults_16_30_without_qualification >= 1",
        "child_schooling": "children_3_15_out_of_school >= 1",
        "housing_quality": "housing_type in [non_durable, none]",
        "housing_area": "housing_area_m2 < 8 * members",
        "water": "water_source not in [piped, drilled_well, protected_well, protected_spring, rainwater, bottled]",
        "latrine": "latrine not in [septic, pour_flush, double_vault, ventilated_pit, biogas]",
        "telecom": "internet_users = 0",
        "information_access": "info_devices = 0 and loudspeaker_access = 0",
        "digital_services": "digital_service_users = 0",
        "waste": "waste_disposal in [none, open_dumping]",
    ]

    @Test("Shipped standards: the rules, names and provisional marks of standards.md")
    func shipped() throws {
        let loaded = try StandardFile.loadAll(
            ["vn-2022", "vn-2027", "example-local", "da-nang-local"].map {
                Self.folder.appendingPathComponent("\($0).yaml")
            })
        let byID = Dictionary(uniqueKeysWithValues: loaded.standards.map { ($0.id, $0) })
        let vn2022 = try #require(byID["vn-2022"]), vn2027 = try #require(byID["vn-2027"])
        let local = try #require(byID["example-local"])
        #expect(
            vn2022.definitions.map(\.id) == [
                "employment", "dependants", "nutrition", "health_insurance",
                "adult_education", "child_schooling", "housing_quality", "housing_area", "water", "latrine",
                "telecom", "information_access",
            ])
        #expect(vn2027.definitions.map(\.id) == Array(vn2022.definitions.map(\.id).prefix(10)) + ["digital_services", "waste"])
        for standard in [vn2022, vn2027, local] {
            for definition in standard.definitions {
                if let national = definition.nationalID {
                    #expect(definition.ruleText == Self.specRules[definition.id], "\(standard.id) \(definition.id)")
                    let slot = Indicator.withID(national)
                    #expect(definition.nameVi == slot.nameVi && definition.nameEn == slot.nameEn)
                    #expect(definition.dimension == slot.dimension.rawValue)
                }
            }
        }
        #expect(vn2027.provisional)
        #expect(vn2027.definitions.filter(\.provisional).map(\.id) == ["digital_services", "waste"])
        #expect(vn2027.averageUpperBound == nil && vn2027.scoreLine == nil)
        #expect(vn2027.incomeLine == AreaThresholds(rural: 2_200_000, urban: 2_800_000))
        // example-local
        #expect(!local.national)
        #expect(local.incomeLine == AreaThresholds(rural: 1_800_000, urban: 2_400_000))
        #expect(local.averageUpperBound == nil)
        #expect(local.deprivationCutoff == 2)
        #expect(local.indicators == vn2022.indicators)
        #expect(local.localIndicators.map(\.id) == ["electricity"])
        #expect(local.localIndicators[0].ruleText == "electricity_access = 0")
        #expect(
            loaded.extraColumns == [
                ExtraColumn(
                    name: "electricity_access", type: .boolean,
                    headerAliases: ["Tiếp cận điện lưới", "Có điện"])
            ])
        #expect(local.extraColumnIndices == [0])
        #expect(vn2022.extraColumnIndices.isEmpty)
    }

    func write(_ text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("s.yaml")
        try Data(text.utf8).write(to: url)
        return url
    }

    /// A small standard (lines 1–9) whose indicator list ends with `tail`; line 10 onwards.
    func standard(cutoff: Int = 1, columns: String = "", _ tail: String) -> String {
        """
        version: 1
        id: t
        name_vi: T
        income_line: { rural: 1, urban: 2 }
        deprivation_cutoff: \(cutoff)
        indicators:
          - { id: employment, name_vi: "Việc làm", name_en: E, dimension: employment,
              deprived_when: "working_age_without_job >= 1" }
          - id: other
        \(tail)
        """ + (columns.isEmpty ? "" : "\n" + columns)
    }

    @Test(
        "Each mistake is located: line, column, what was expected",
        arguments: [
            // (indicator lines from line 10, expected line, expected column or nil, message part)
            ("    name_vi: O\n    name_en: O\n    dimension: housing\n    deprived_when: \"wealth < 3\"", 13, 21, "unknown column \"wealth\""),
            ("    name_vi: O\n    name_en: O\n    dimension: housing\n    deprived_when: water_source >= 1", 13, 20, "is an enumeration"),
            (
                "    name_vi: O\n    name_en: O\n    dimension: housing\n    deprived_when: \"latrine in [septic, gold]\"", 13, 41,
                "cannot take the value \"gold\""
            ),
            ("    name_vi: O\n    name_en: O\n    dimension: housing\n    deprived_when: \"members >=\"", 13, 31, "expected a column name or a number"),
            ("    name_vi: O\n    name_en: O\n    dimension: happiness\n    deprived_when: \"members >= 1\"", 12, nil, "unknown dimension"),
        ])
    func located(tail: String, line: Int, column: Int?, message: String) throws {
        let url = try write(standard(tail))
        #expect {
            try StandardFile.load(url, displayPath: "s.yaml")
        } throws: { error in
            guard let e = error as? LocatedError else { return false }
            return e.line == line && e.column == column && e.message.contains(message) && e.path == "s.yaml"
        }
    }

    @Test("A duplicate indicator id is reported at the second one")
    func duplicate() throws {
        let url = try write(
            standard(
                """
                    name_vi: O
                    name_en: O
                    dimension: housing
                    deprived_when: "members >= 9"
                  - { id: other, name_vi: O, name_en: O, dimension: housing, deprived_when: "members >= 8" }
                """))
        #expect {
            try StandardFile.load(url, displayPath: "s.yaml")
        } throws: { error in
            let e = error as? LocatedError
            return e?.line == 14 && e?.message.contains("indicator id \"other\" appears twice") == true
        }
    }

    @Test("A cut-off outside 1…number of indicators is reported at its line", arguments: [0, 3])
    func cutoff(cutoff: Int) throws {
        let url = try write(standard(cutoff: cutoff, "    name_vi: O\n    name_en: O\n    dimension: housing\n    deprived_when: \"members >= 9\""))
        #expect {
            try StandardFile.load(url, displayPath: "s.yaml")
        } throws: { error in
            let e = error as? LocatedError
            return e?.line == 5 && e?.message.contains("deprivation_cutoff must be a whole number between 1 and the number of indicators (2)") == true
        }
    }

    @Test(
        "Extra input columns: declared, typed, and checked",
        arguments: [
            ("  - { name: members, type: integer }", 15, "already a column of the dump format"),
            ("  - { name: fuel, type: text }", 15, "unknown column type \"text\""),
            ("  - { name: fuel, type: enum }", 15, "an enum column needs `values:`"),
            ("  - { name: fuel, type: enum, values: [gas, wood] }", 13, "cannot take the value \"coal\""),
        ])
    func extraColumns(declaration: String, line: Int, message: String) throws {
        let url = try write(
            standard(
                columns: "input_columns:\n" + declaration,
                "    name_vi: O\n    name_en: O\n    dimension: housing\n    deprived_when: \"fuel in [coal]\""))
        #expect {
            try StandardFile.load(url, displayPath: "s.yaml")
        } throws: { error in
            guard let e = error as? LocatedError else { return false }
            return e.line == line && e.message.contains(message)
        }
    }

    @Test("An extra enum column is usable in a rule")
    func extraEnumColumn() throws {
        let url = try write(
            standard(
                columns: "input_columns:\n  - { name: fuel, type: enum, values: [gas, wood, coal] }",
                "    name_vi: O\n    name_en: O\n    dimension: housing\n    deprived_when: \"fuel in [coal, wood]\""))
        let standard = try StandardFile.load(url)
        var h = Household(
            reviewYear: 2024, householdID: HouseholdID("1"), provinceCode: "99", communeCode: "00001",
            village: "A", area: .rural, members: 2, incomePerCapita: 0)
        h.extraValues = [ExactDecimal(1)]  // wood
        #expect(try standard.classification(of: h).get().localDeprivations == 1)
        h.extraValues = [ExactDecimal(0)]  // gas
        #expect(try standard.classification(of: h).get().localDeprivations == 0)
    }
}
