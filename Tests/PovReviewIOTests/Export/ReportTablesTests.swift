import Foundation
import Testing

@testable import PovReviewIO

/// The report tables read from the fixture database; expected values computed by hand from the
/// rows in `ExportFixture` (see the comments next to each).
@Suite struct ReportTablesTests {
    let directory: URL
    let database: SQLiteDatabase

    init() throws {
        directory = try ExportFixture.temporaryDirectory()
        database = try ExportFixture.makeDatabase(in: directory)
    }

    func texts(_ table: ReportTable) -> [[String]] { table.rows.map { $0.map(\.csvText) } }

    @Test func reviewResultsOrderedByLevelThenUnitCodeThenYear() throws {
        let table = try ReviewResultsReport.table(from: database)
        let keys = texts(table).map { "\($0[0]) \($0[1]) \($0[4])" }
        #expect(
            keys == [
                "Tỉnh 20 2023", "Tỉnh 20 2024", "Tỉnh 20 2025",
                "Huyện 201 2023", "Huyện 201 2024", "Huyện 202 2023", "Huyện 202 2024",
                "Xã 00001 2023", "Xã 00001 2024", "Xã 00001 2025", "Xã 00002 2023", "Xã 00002 2024",
                "Xã 00003 2023", "Xã 00003 2024", "Xã 00003 2025",
                "Thôn 00003/Thôn Hạ 2023", "Thôn 00003/Thôn Hạ 2024", "Thôn 00003/Thôn Hạ 2025",
            ])
        // 201 / 20000 = 1.005 % → 1.01; 300 / 20000 = 1.5 %; 501 / 20000 = 2.505 % → 2.51.
        #expect(
            texts(table)[0] == [
                "Tỉnh", "20", "Lạng Sơn", "", "2023", "vn-2022", "20000", "201", "1.01", "300", "1.50", "501", "2.51",
                "2000", "804", "1200", "Dữ liệu rà soát",
            ])
        // Commune 00003, 2023: 41 / 8000 = 0.5125 % → 0.51; 100 / 8000 = 1.25 %; 141 / 8000 = 1.7625 % → 1.76.
        #expect(Array(texts(table)[12][6...12]) == ["8000", "41", "0.51", "100", "1.25", "141", "1.76"])
        #expect(
            table.columns.map(\.header).prefix(9) == [
                "Cấp", "Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên", "Năm rà soát", "Chuẩn nghèo", "Tổng số hộ",
                "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)",
            ])
    }

    @Test func dynamicsBalanceAndDropDistrictsAfterTheReform() throws {
        let (poor, nearPoor) = try DynamicsReport.tables(from: database)
        // District 202 has a 2024 → 2025 row in unit_dynamics (h1 "left" it) but 2025 has no districts.
        #expect(
            texts(poor).map { "\($0[1]) \($0[4])" } == [
                "20 2024", "20 2025", "202 2024", "00003 2024", "00003 2025", "00003/Thôn Hạ 2024", "00003/Thôn Hạ 2025",
            ])
        // Commune 00003, 2023 → 2024: poor h1 h2 h3 h4 at the start; h2 → near-poor, h3 escaped, h4 left;
        // h6 from near-poor, h7 newly poor, h5 entered; poor at the end h1 h5 h6 h7.
        #expect(
            texts(poor)[3] == [
                "Xã", "00003", "Xã Đồng Đăng", "2023", "2024", "vn-2022", "4", "1", "1", "1", "3", "1", "0", "1", "1", "3", "4",
            ])
        // Near-poor: h6 h8 at the start; h6 → poor; h2 from poor; h2 h8 at the end.
        #expect(Array(texts(nearPoor)[3][6...]) == ["2", "1", "0", "0", "1", "1", "0", "0", "0", "1", "2"])
        #expect(Array(texts(poor)[4][6...]) == ["1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "1"])
        for row in poor.rows + nearPoor.rows {
            guard case .integer(let start) = row[6], case .integer(let decreases) = row[10],
                case .integer(let increases) = row[15], case .integer(let end) = row[16]
            else { Issue.record("count cells expected"); continue }
            #expect(end == start - decreases + increases)
        }
    }

    @Test func deprivationsPerIndicatorWithShareOfPoor() throws {
        let table = try DeprivationReport.table(from: database)
        // 18 unit-years × 12 indicators of vn-2022 (digital_services and waste are NULL).
        #expect(table.rows.count == 18 * 12)
        #expect(!texts(table).contains { $0[6] == "waste" || $0[6] == "digital_services" })
        // Province 2023: 101 of 201 poor deprived on health insurance = 50.2487… % → 50.25; 30 of 300 = 10 %.
        #expect(
            texts(table)[3] == [
                "Tỉnh", "20", "Lạng Sơn", "2023", "vn-2022", "Y tế", "health_insurance", "Bảo hiểm y tế",
                "201", "101", "50.25", "300", "30", "10.00",
            ])
        // Province 2025, water: 60 of 120 poor = 50 %; 57 of 230 near-poor = 24.78 %.
        let water = texts(table).first { $0[1] == "20" && $0[3] == "2025" && $0[6] == "water" }
        #expect(water.map { Array($0[8...]) } == ["120", "60", "50.00", "230", "57", "24.78"])
    }

    @Test func ethnicMinorityAndLabourCapacity() throws {
        let table = try EthnicMinorityReport.table(from: database)
        // 150 / 5000 = 3 %; 150 / 201 = 74.63 % of the poor; 30 / 201 = 14.93 % without labour capacity.
        #expect(
            texts(table)[0] == [
                "Tỉnh", "20", "Lạng Sơn", "2023", "vn-2022", "20000", "201", "5000", "150", "3.00", "74.63", "30", "14.93", "40",
            ])
        // 2025: no ethnic-minority household, so no ethnic-minority poor rate.
        #expect(Array(texts(table)[2][7...]) == ["0", "0", "", "0.00", "0", "0.00", "0"])
    }

    @Test func criteriaWithExplanationOrEvidenceSummary() throws {
        let table = try CriteriaReport.table(from: database, plan: "national-666")
        let rows = texts(table)
        #expect(
            rows.map { "\($0[4]) \($0[6]) \($0[1])" } == [
                "20 2024 province", "20 2025 province", "201 2024 district-poor", "00003 2025 commune-ethnic-region",
                "00003/Thôn Hạ 2024 village",
            ])
        #expect(rows[0][8...] == ["Đạt", "", "Tỷ lệ nghèo đa chiều giảm 2,15 điểm (≥ 2)."])
        #expect(
            rows[1][8...] == [
                "Không đạt", "Có", "years: 2024, 2025; rate_pn: 2.15, 1.75; threshold: 2; check (decrease: 0.4, met: false)",
            ])
        #expect(rows[2][8...] == ["Thiếu dữ liệu", "", "missing_years: 2021, 2022"])
        #expect(rows[3][8] == "Không áp dụng")
        #expect(try CriteriaReport.table(from: database, plan: "lang-son").rows.isEmpty)
    }

    @Test func sustainedEscapesListOnlyIdsAndVillages() throws {
        let table = try SustainedEscapeReport.table(from: database, plan: "national-666")
        #expect(
            texts(table) == [
                ["national-666", "2021", "2025", "vn-2022", "20", "00001", "Xã Tân Thanh", "00001/Bản Nà", "Bản Nà", "h9"],
                ["national-666", "2021", "2025", "vn-2022", "20", "00003", "Xã Đồng Đăng", "00003/Thôn Hạ", "Thôn Hạ", "h3"],
            ])
    }

    @Test func dataQualityOfTheRunOnly() throws {
        #expect(
            texts(try DataQualityReport.quarantineTable(from: database, runID: ExportFixture.runID)) == [
                ["households_2024.csv", "invalid_number", "Số không hợp lệ", "1"],
                ["households_2024.csv", "missing_value", "Thiếu giá trị bắt buộc", "2"],
                ["households_2025.csv", "duplicate_household", "Mã hộ trùng trong cùng năm rà soát", "1"],
            ])
        #expect(
            texts(try DataQualityReport.inputFilesTable(from: database, runID: ExportFixture.runID)) == [
                ["households_2024.csv", "100", "97", "3", "3.00", "abc"],
                ["households_2025.csv", "50", "49", "1", "2.00", "def"],
            ])
        #expect(
            texts(try DataQualityReport.warningsTable(from: database, runID: ExportFixture.runID)) == [
                ["households_2024.csv", "padded_code", "2"]
            ])
    }

    @Test func headerMappingNamesADatabaseSourceForEveryHeader() {
        let mapping = ReportCatalog.headerMapping
        #expect(!mapping.isEmpty)
        #expect(mapping.allSatisfy { !$0.header.isEmpty && !$0.source.isEmpty })
        #expect(mapping.contains { $0.header == "Tỷ lệ hộ nghèo (%)" && $0.source == "100 × unit_rates.poor / unit_rates.households" })
        #expect(ReportCatalog.headerMappingMarkdown.hasPrefix("| file | header | database column |"))
    }
}
