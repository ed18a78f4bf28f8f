import Foundation
import PovReviewCore

extension SampleGenerator {
    /// Writes `admin_units.csv`, and `crosswalk.csv`, `targets.csv`, `household_totals.csv` as
    /// the configuration asks.
    func writeReferenceFiles(
        to directory: URL, householdCounts: [[Int]], summary: inout SampleSummary
    ) throws(SampleGeneratorError) {
        try write(adminUnits(), named: "admin_units.csv", in: directory, summary: &summary)
        if configuration.includesReform {
            try write(crosswalk(), named: "crosswalk.csv", in: directory, summary: &summary)
        }
        if configuration.writesTargets {
            try write(targets(), named: "targets.csv", in: directory, summary: &summary)
        }
        if configuration.writesHouseholdTotals {
            try write(householdTotals(householdCounts), named: "household_totals.csv", in: directory, summary: &summary)
        }
    }

    private func write(
        _ rows: [[String]], named name: String, in directory: URL, summary: inout SampleSummary
    ) throws(SampleGeneratorError) {
        var output = try SampleByteBuffer(creating: directory.appendingPathComponent(name))
        for row in rows {
            output.append(row.map(Self.csvField).joined(separator: ","))
            output.append(UInt8(ascii: "\n"))
        }
        try output.close()
        summary.files.append(name)
    }

    /// `value` as a CSV field, quoted when it holds a comma, a quote or a line break.
    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// input-format.md §2. Without the reform every row is open-ended; with it, districts and the
    /// communes the reform merges or splits end at 2024, the communes it leaves unchanged get a
    /// second row under the province from 2025, and the merged communes start in 2025.
    func adminUnits() -> [[String]] {
        let reform = configuration.includesReform
        let lastBefore = reform ? String(SampleConfiguration.reformYear.value - 1) : ""
        let from = String(SampleConfiguration.reformYear.value)
        let provinceCode = province.provinceCode.rawValue
        func flag(_ value: Bool) -> String { value ? "1" : "0" }
        var rows: [[String]] = [
            [
                "code", "name", "level", "parent_code", "poor_district", "coastal_special_difficulty",
                "ethnic_region", "valid_from", "valid_to",
            ]
        ]
        rows.append([provinceCode, province.provinceName, "province", "", "0", "0", "", "", ""])
        for district in province.districts {
            rows.append([
                district.code.rawValue, district.name, "district", provinceCode,
                flag(district.poor), "0", "", "", lastBefore,
            ])
        }
        for commune in province.communes {
            rows.append([
                commune.code.rawValue, commune.name, "commune",
                province.districts[commune.district].code.rawValue, "0", flag(commune.coastal),
                commune.region?.rawValue ?? "", "", lastBefore,
            ])
        }
        guard reform else { return rows }
        var after: [[String]] = province.communes.indices.filter(province.continuesAfterReform).map { index in
            let commune = province.communes[index]
            return [
                commune.code.rawValue, commune.name, "commune", provinceCode, "0", flag(commune.coastal),
                commune.region?.rawValue ?? "", from, "",
            ]
        }
        after += province.reformedCommunes.map { commune in
            [
                commune.code.rawValue, commune.name, "commune", provinceCode, "0", flag(commune.coastal),
                commune.region?.rawValue ?? "", from, "",
            ]
        }
        return rows + after.sorted { $0[0] < $1[0] }
    }

    /// input-format.md §3: each merged or split commune to the communes of 2025 with its share of
    /// households, then each village of those communes to its village in the new commune.
    func crosswalk() -> [[String]] {
        var rows: [[String]] = [["old_code", "new_code", "share"]]
        for row in province.communeCrosswalk() {
            rows.append([
                province.communes[row.old].code.rawValue, province.reformedCommunes[row.new].code.rawValue,
                Self.decimal(numerator: row.weight, denominator: row.total),
            ])
        }
        let reformYear = SampleConfiguration.reformYear
        for village in province.villages.indices {
            guard let successor = province.successor(ofVillage: village) else { continue }
            let name = province.villageName(village, in: reformYear)
            let old = UnitCode.village(commune: province.communes[province.villages[village].commune].code, name: name)
            let new = UnitCode.village(commune: province.reformedCommunes[successor].code, name: name)
            rows.append([old.rawValue, new.rawValue, "1"])
        }
        return rows
    }

    /// Vĩnh Phúc-style planned poor-rate decreases (plans.md, plan `vinh-phuc`, metric
    /// `poor_rate_decrease`): for every commune and village of each review year 2022–2025 written,
    /// a target between 0.5 and 1.5 points, drawn from the seed.
    func targets() -> [[String]] {
        var rows: [[String]] = [["plan", "review_year", "level", "unit_code", "metric", "target"]]
        for year in configuration.years where (2022...2025).contains(year) {
            var communes: [UnitCode] = []
            var villages: [UnitCode] = []
            for village in province.villages.indices {
                let code = communeCode(ofVillage: village, in: year)
                if !communes.contains(code) { communes.append(code) }
                villages.append(.village(commune: code, name: province.villageName(village, in: year)))
            }
            for (level, codes) in [("commune", communes), ("village", villages)] {
                for code in codes {
                    var hash = SampleRandom.hash(configuration.seed, UInt64(year.value))
                    for byte in code.rawValue.utf8 { hash = SampleRandom.hash(hash, UInt64(byte)) }
                    let tenths = 5 + Int(hash % 11)
                    rows.append([
                        "vinh-phuc", String(year.value), level, code.rawValue, "poor_rate_decrease",
                        "\(tenths / 10).\(tenths % 10)",
                    ])
                }
            }
        }
        return rows
    }

    /// Official resident households per commune and year (input-format.md §3): the reviewed
    /// households of the dump plus 2–8% not reviewed, drawn from the seed.
    func householdTotals(_ counts: [[Int]]) -> [[String]] {
        var rows: [[String]] = [["review_year", "commune_code", "households"]]
        for (offset, year) in configuration.years.enumerated() {
            var units: [Int] = []
            for village in province.villages.indices {
                let unit = unitIndex(ofVillage: village, in: year)
                if !units.contains(unit) { units.append(unit) }
            }
            for unit in units where counts[offset][unit] > 0 {
                let code = province.communeCode(atUnitIndex: unit)
                let reviewed = counts[offset][unit]
                let extra = reviewed * (2 + Int(SampleRandom.hash(configuration.seed, UInt64(year.value), UInt64(unit)) % 7)) / 100
                rows.append([String(year.value), code.rawValue, String(reviewed + extra)])
            }
        }
        return rows
    }

    /// The commune code of `village` in the dump of `year`.
    func communeCode(ofVillage village: Int, in year: ReviewYear) -> UnitCode {
        province.communeCode(atUnitIndex: unitIndex(ofVillage: village, in: year))
    }

    /// `numerator / denominator` in decimal with at most six places, e.g. `0.4`, `1`.
    static func decimal(numerator: Int, denominator: Int) -> String {
        let millionths = (numerator * 1_000_000 + denominator / 2) / denominator
        var text = String(millionths / 1_000_000)
        var fraction = String(millionths % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if !fraction.isEmpty { text += "." + fraction }
        return text
    }
}
