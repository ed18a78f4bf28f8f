import Foundation
import PovReviewIO

/// Three tiny province databases for the national roll-up tests, built with `povreview run` from
/// dumps written here. All households rural, 4 members; the statuses follow from vn-2022 (rural
/// line 1,500,000, average band up to 2,250,000, 3 deprivations make an under-the-line household
/// poor): `poor` = income 1,000,000 deprived on health insurance, water and latrine (D = 3);
/// `near` = income 1,000,000 deprived on nothing; `average` = 2,000,000; `above` = 3,000,000.
///
///   province 20 Lạng Sơn (Trung du và miền núi phía Bắc), commune 20001:
///     2023: poor (ethnic), poor, near (ethnic), above      2024: poor (ethnic), near, above (ethnic), above
///   province 22 Quảng Ninh (Đồng bằng sông Hồng), commune 22001:
///     2023: poor, near, near, average, average              2024: poor, near, above, above, above
///   province 01 Hà Nội (Đồng bằng sông Hồng), commune 01001: 2024 only: poor, above
enum RollupProvinces {
    enum Status { case poor, near, average, above }

    struct Province {
        var code: String
        var name: String
        /// Review year → (status, ethnic minority) of each household.
        var years: [Int: [(Status, Bool)]]
    }

    static let langSon = Province(
        code: "20", name: "Tỉnh Lạng Sơn",
        years: [
            2023: [(.poor, true), (.poor, false), (.near, true), (.above, false)],
            2024: [(.poor, true), (.near, false), (.above, true), (.above, false)],
        ])
    static let quangNinh = Province(
        code: "22", name: "Tỉnh Quảng Ninh",
        years: [
            2023: [(.poor, false), (.near, false), (.near, false), (.average, false), (.average, false)],
            2024: [(.poor, false), (.near, false), (.above, false), (.above, false), (.above, false)],
        ])
    static let haNoi = Province(
        code: "01", name: "Thành phố Hà Nội",
        years: [
            2024: [(.poor, false), (.above, false)]
        ])

    static let header =
        "review_year,household_id,province_code,district_code,commune_code,village,area,members,ethnic_minority,income_per_capita,income_score,working_age_without_job,dependants,children_malnourished,members_6plus_uninsured,adults_16_30_without_qualification,children_3_15_out_of_school,housing_type,housing_area_m2,water_source,latrine,internet_users,info_devices,loudspeaker_access,members_with_labour_capacity,social_protection_members"

    static func row(year: Int, index: Int, province: String, status: Status, ethnic: Bool) -> String {
        let income =
            switch status {
            case .poor, .near: "1000000"
            case .average: "2000000"
            case .above: "3000000"
            }
        let deprived = status == .poor
        return "\(year),H\(index),\(province),\(province)1,\(province)001,Thôn Một,rural,4,\(ethnic ? 1 : 0),\(income),,0,1,0,"
            + "\(deprived ? 1 : 0),0,0,durable,60,\(deprived ? "surface" : "piped"),\(deprived ? "none" : "septic"),2,2,1,2,0"
    }

    /// Writes the province's dumps, admin file and pipeline into `directory/<code>/`, runs
    /// `povreview run` and returns the database (`directory/province-<code>.sqlite`).
    static func build(_ province: Province, in directory: URL) async throws -> URL {
        let folder = directory.appendingPathComponent(province.code)
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let p = province.code
        try """
        code,name,level,parent_code,poor_district,coastal_special_difficulty,ethnic_region
        \(p),\(province.name),province,,0,0,
        \(p)1,Huyện Một,district,\(p),0,0,
        \(p)001,Xã Một,commune,\(p)1,0,0,

        """.write(to: data.appendingPathComponent("admin_units.csv"), atomically: true, encoding: .utf8)
        for (year, households) in province.years {
            let rows = households.enumerated().map { row(year: year, index: $0.offset + 1, province: p, status: $0.element.0, ethnic: $0.element.1) }
            try ([header] + rows + [""]).joined(separator: "\n")
                .write(to: data.appendingPathComponent("households_\(year).csv"), atomically: true, encoding: .utf8)
        }
        try """
        version: 1
        name: province-\(p)
        inputs:
          folder: data
          pattern: "households*.csv"
          admin: data/admin_units.csv
        output:
          folder: out
        standards:
          files:
            - standards/vn-2022.yaml
            - standards/vn-2027.yaml
          schedule:
            - { years: "2021-2025", standards: [vn-2022] }
            - { years: "2026", standards: [vn-2022, vn-2027] }
            - { years: "2027-2030", standards: [vn-2027] }
          income_basis: auto
        plans: []

        """.write(to: folder.appendingPathComponent("pipeline.yaml"), atomically: true, encoding: .utf8)
        for sub in ["standards", "plans"] {
            try FileManager.default.copyItem(
                at: EndToEnd.repositoryRoot.appendingPathComponent("Pipelines/\(sub)"), to: folder.appendingPathComponent(sub))
        }
        let database = directory.appendingPathComponent("province-\(p).sqlite")
        let status = await EndToEnd.povreview([
            "run", "--pipeline", folder.appendingPathComponent("pipeline.yaml").path, "--database", database.path,
            "--no-exports",
        ])
        guard status == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "povreview run failed for province \(p) (exit \(status))"])
        }
        return database
    }

    /// The three databases in a fresh workspace: (workspace, [20, 22, 01]).
    static func buildAll(_ name: String = #function) async throws -> (URL, [URL]) {
        let workspace = try EndToEnd.workspace(name)
        var databases: [URL] = []
        for province in [langSon, quangNinh, haNoi] { databases.append(try await build(province, in: workspace)) }
        return (workspace, databases)
    }

    /// The shipped province → region file.
    static let regionsFile = EndToEnd.repositoryRoot.appendingPathComponent("Pipelines/reference/province_regions.csv").path
}
