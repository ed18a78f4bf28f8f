import Foundation
import Testing

@testable import PovReviewIO

/// The HTML report as a document (issue 9, item 3), on the export fixture: values by hand from
/// `ExportFixture`.
@Suite struct HTMLDocumentTests {
    static func render(planTitle: String? = nil, planDocument: String? = nil) throws -> String {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try ExportFixture.makeDatabase(in: directory)
        return try HTMLReport.render(
            database: database, plan: "national-666", runID: ExportFixture.runID, planTitle: planTitle,
            planDocument: planDocument)
    }

    @Test func planTitleAndA4PrintRules() throws {
        let html = try Self.render(
            planTitle: "Kế hoạch “Vì người nghèo” 2021 – 2025", planDocument: "Quyết định số 666/QĐ-TTg ngày 02/6/2022")
        #expect(html.contains("<p class=\"plan-title\"><b>Kế hoạch “Vì người nghèo” 2021 – 2025</b></p>"))
        #expect(html.contains("<p class=\"plan-document\">Quyết định số 666/QĐ-TTg ngày 02/6/2022</p>"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("h2, h3, caption, summary { break-after: avoid;"))
        #expect(html.contains("tr, figure, .card, .chip, svg { break-inside: avoid;"))
        // The district and commune tables are open, so they print.
        #expect(!html.contains("<details>") && html.contains("<details open>"))
        #expect(!(try Self.render()).contains("plan-title"))
    }

    @Test func everyVerdictsEvidenceIsInThePageAndCriteriaAreNamedByTheirText() throws {
        let html = try Self.render()
        // The fixture's explanations, as cell text (not only in a title attribute).
        #expect(html.contains("<td class=\"t\">Tỷ lệ nghèo đa chiều giảm 2,15 điểm (≥ 2).</td>"))
        #expect(html.contains("<td class=\"t\">Quy mô giảm từ 30 xuống 14 hộ (&lt; 50%).</td>"))
        // One evidence table per level with criteria (province, district, commune, village).
        #expect(html.components(separatedBy: "<table class=\"evidence\">").count - 1 == 4)
        // Criterion ids are not shown as text; their Vietnamese text is.
        #expect(!html.contains("<code>district-poor</code>") && !html.contains(">district-poor<"))
        #expect(html.contains("<td class=\"t\">Huyện nghèo: tỷ lệ giảm từ 6%/năm trở lên</td>"))
    }

    @Test func communesRankedInTheLatestYear() throws {
        let html = try Self.render()
        // 2025: Xã Tân Thanh 100 / 12.000 = 0,83 %; Xã Đồng Đăng 20 / 8.000 = 0,25 %.
        let first = try #require(html.range(of: "<tr><td>1</td><td class=\"t\">Xã Tân Thanh"))
        let second = try #require(html.range(of: "<tr><td>2</td><td class=\"t\">Xã Đồng Đăng"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(html.contains("<td>12.000</td><td>100</td><td>0,83</td>"))
        #expect(!html.contains("<td class=\"t\">Xã Hoàng Việt <span class=\"code\">00002</span></td><td>4.000</td>"))
        #expect(html.contains("<h2>6. Xếp hạng xã theo tỷ lệ hộ nghèo năm 2025</h2>"))
    }

    @Test func warningCodesInWordsAndLinksToTheFiles() throws {
        let html = try Self.render()
        #expect(html.contains("Mã đơn vị thiếu số 0 ở đầu, đã được bổ sung (padded_code)"))
        #expect(html.contains("<a href=\"bao-cao-ra-soat.xlsx\">"))
        #expect(html.contains("<a href=\"01-ket-qua-ra-soat.csv\">"))
        #expect(html.contains("<a href=\"tieu-chi-national-666.csv\">"))
    }
}
