import Foundation
import PovReviewCore
import Testing

@testable import PovReviewIO

/// A province of realistic size — 12 districts of 12 communes, 2021–2025, the district level
/// abolished and communes merged in pairs in 2025, thousands of village criteria rows — to see
/// that the exports stay readable and fast. Set POVREVIEW_KEEP_EXPORTS=<folder> to keep the
/// files for looking at them in a browser or spreadsheet.
@Suite struct ExportScaleTests {
    /// A deterministic pseudo-random sequence (64-bit LCG), so the data is the same on every run.
    struct Sequence {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        mutating func next(_ range: ClosedRange<Int>) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Int((state >> 33) % UInt64(range.count))
        }
    }

    static func makeDatabase(in directory: URL) throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("scale.sqlite").path)
        try Migrator.migrate(database)
        try database.execute("BEGIN")
        var random = Sequence()
        var rates: [ExportFixture.Rates] = []
        var communeCounts: [String: [Int: (Int, Int, Int)]] = [:]
        let years = 2021...2025
        let syllables = ["An", "Bình", "Đồng", "Hòa", "Lạc", "Minh", "Phú", "Quang", "Sơn", "Tân", "Thanh", "Vĩnh"]
        for district in 1...12 {
            for commune in 1...12 {
                let code = String(format: "%05d", district * 100 + commune)
                let households = random.next(1_500...6_000)
                var poorRate = Double(random.next(300...1_400)) / 100
                for year in years {
                    let poor = Int(Double(households) * poorRate / 100)
                    let nearPoor = Int(Double(households) * (poorRate * 0.8 + 1) / 100)
                    communeCounts[code, default: [:]][year] = (households, poor, nearPoor)
                    poorRate = max(poorRate - Double(random.next(20...250)) / 100, 0.1)
                }
            }
        }
        func deprived(_ poor: Int, _ random: inout Sequence) -> [IndicatorID: Int] {
            var result: [IndicatorID: Int] = [:]
            for id in IndicatorID.allCases where id != .digitalServices && id != .waste {
                result[id] = poor * random.next(0...70) / 100
            }
            return result
        }
        for year in years {
            var province = (0, 0, 0)
            for district in 1...12 {
                var sum = (0, 0, 0)
                for commune in 1...12 {
                    let code = String(format: "%05d", district * 100 + commune)
                    let (h, p, n) = communeCounts[code]![year]!
                    sum = (sum.0 + h, sum.1 + p, sum.2 + n)
                    if year < 2025 {
                        rates.append(
                            .init(
                                year: year, level: "commune", code: code,
                                name: "Xã \(syllables[commune - 1]) \(syllables[(district + commune) % 12])",
                                parent: String(format: "%03d", 240 + district), households: h, poor: p, nearPoor: n))
                    } else if commune % 2 == 1 {
                        // 2025: communes merged in pairs into the odd one, directly under the province.
                        let (h2, p2, n2) = communeCounts[String(format: "%05d", district * 100 + commune + 1)]![year]!
                        rates.append(
                            .init(
                                year: year, level: "commune", code: code,
                                name: "Xã \(syllables[commune - 1]) \(syllables[(district + commune) % 12]) mới",
                                parent: "26", households: h + h2, poor: p + p2, nearPoor: n + n2))
                    }
                }
                if year < 2025 {
                    rates.append(
                        .init(
                            year: year, level: "district", code: String(format: "%03d", 240 + district),
                            name: "Huyện \(syllables[district - 1]) \(syllables[(district * 5) % 12])", parent: "26",
                            households: sum.0, poor: sum.1, nearPoor: sum.2))
                }
                province = (province.0 + sum.0, province.1 + sum.1, province.2 + sum.2)
            }
            rates.append(
                .init(
                    year: year, level: "province", code: "26", name: "Vĩnh Phúc", parent: nil, households: province.0,
                    poor: province.1, nearPoor: province.2, ethnicHouseholds: 4_000, ethnicPoor: 300,
                    poorDeprived: deprived(province.1, &random)))
        }
        try ExportFixture.insert(rates, into: database)

        let criterion = try database.prepare(
            """
            INSERT INTO criteria_results (plan, criterion_id, criterion_text_vi, level, unit_code, unit_name, evaluation_year, standard, verdict, evidence, borderline, explanation_vi, explanation_en) VALUES ('national-666', ?, 'Tiêu chí', ?, ?, ?, ?, 'vn-2022', ?, '{"x":1}', ?, NULL, NULL)
            """)
        let verdicts = ["met", "not_met", "insufficient_data", "not_applicable"]
        for year in 2022...2025 {
            try criterion.bind([
                .text("province"), .text("province"), .text("26"), .text("Vĩnh Phúc"), .integer(Int64(year)),
                .text(verdicts[random.next(0...1)]), .integer(Int64(random.next(0...1))),
            ])
            try criterion.execute()
            for district in 1...12 where year < 2025 {
                try criterion.bind([
                    .text(district <= 3 ? "district-poor" : "district-other"), .text("district"),
                    .text(String(format: "%03d", 240 + district)), .text("Huyện \(district)"),
                    .integer(Int64(year)), .text(verdicts[random.next(0...2)]), .integer(0),
                ])
                try criterion.execute()
            }
            for village in 0..<600 {
                try criterion.bind([
                    .text("village"), .text("village"), .text(String(format: "%05d/Thôn %03d", 101 + village % 12, village)),
                    .text("Thôn \(village)"), .integer(Int64(year)), .text(verdicts[random.next(0...3)]), .integer(0),
                ])
                try criterion.execute()
            }
        }
        try database.execute("COMMIT")
        return database
    }

    @Test func largeProvinceExportsQuicklyAndReadably() throws {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try Self.makeDatabase(in: directory)
        let exports = directory.appendingPathComponent("exports")
        let start = Date()
        try Exporter.writeAll(database: database, to: exports, plans: ["national-666"], runID: 1)
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < 20, "exports took \(seconds) s")
        print("ExportScaleTests: exports written in \(Int(seconds * 1000)) ms")
        let html = try String(contentsOf: exports.appendingPathComponent("bao-cao-national-666.html"), encoding: .utf8)
        // 144 communes until 2024 and 72 merged ones in 2025, one panel each (the odd codes are in both).
        #expect(html.components(separatedBy: "<figure class=\"panel\">").count - 1 == 144)
        #expect(html.contains(">Không còn</text>") && html.contains(">cấp huyện</text>"))
        // 600 village rows (village × criterion) are too many for the page: a pointer to the CSV instead.
        #expect(html.contains("600 dòng: xem đầy đủ trong tệp <code>tieu-chi-national-666.csv</code>"))
        #expect(html.utf8.count < 2_000_000)
        if let keep = ProcessInfo.processInfo.environment["POVREVIEW_KEEP_EXPORTS"] {
            let target = URL(fileURLWithPath: keep + "-scale")
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: exports, to: target)
        }
    }
}
