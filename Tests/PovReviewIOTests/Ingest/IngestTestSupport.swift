import Foundation
import Testing

@testable import PovReviewCore
@testable import PovReviewIO

enum Ingest {
    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        .appendingPathComponent("ingest")

    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    static let admin: AdminDirectory = try! AdminUnitsFile.load(
        contentsOf: fixture("admin_units.csv"), path: "admin_units.csv")

    static func reader(
        _ url: URL, rules: ValidationRules = .nationalDefault,
        options: DumpReader.Options = .init()
    ) throws -> DumpReader {
        try DumpReader(url: url, path: url.lastPathComponent, rules: rules, admin: admin, options: options)
    }

    static func records(
        _ url: URL, rules: ValidationRules = .nationalDefault,
        options: DumpReader.Options = .init()
    ) throws -> [DumpRecord] {
        let reader = try reader(url, rules: rules, options: options)
        var out: [DumpRecord] = []
        while let record = try reader.next() { out.append(record) }
        return out
    }

    /// A fresh temporary file holding `bytes`.
    static func temporaryFile(_ bytes: [UInt8], name: String = "households.csv") -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("povreview-ingest-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try! Data(bytes).write(to: url)
        return url
    }

    static func temporaryFile(_ text: String, name: String = "households.csv") -> URL {
        temporaryFile(Array(text.utf8), name: name)
    }

    static let columns = Column.allCases.map(\.rawValue)
    static let header = columns.joined(separator: ",")

    static let base: [String: String] = [
        "review_year": "2024", "household_id": "H001", "province_code": "01", "district_code": "001",
        "commune_code": "00001", "village": "Thôn Hòa", "area": "rural", "members": "4",
        "ethnic_minority": "0", "income_per_capita": "1200000", "income_score": "",
        "working_age_without_job": "1", "dependants": "2", "children_malnourished": "0",
        "members_6plus_uninsured": "0", "adults_16_30_without_qualification": "0",
        "children_3_15_out_of_school": "0", "housing_type": "durable", "housing_area_m2": "40",
        "water_source": "piped", "latrine": "septic", "internet_users": "2", "info_devices": "1",
        "loudspeaker_access": "1", "members_with_labour_capacity": "2",
        "social_protection_members": "0", "digital_service_users": "", "waste_disposal": "",
        "head_name": "Nguyễn Văn A", "head_id_number": "001099012345",
    ]

    static func row(_ overrides: [String: String] = [:], columns: [String] = columns) -> String {
        columns.map { overrides[$0] ?? base[$0]! }.joined(separator: ",")
    }
}
