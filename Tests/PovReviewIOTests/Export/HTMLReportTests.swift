import Foundation
import Testing

@testable import PovReviewIO

@Suite struct HTMLReportTests {
    @Test func selfContainedVietnameseDocumentWithoutScriptOrNetwork() throws {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try ExportFixture.makeDatabase(in: directory)
        let html = try HTMLReport.render(database: database, plan: "national-666", runID: ExportFixture.runID)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.contains("<title>Báo cáo rà soát hộ nghèo, hộ cận nghèo – kế hoạch national-666 – Lạng Sơn</title>"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("url("))
        #expect(!html.contains("href=\"http"))
        // Every "http" is an SVG namespace, not a resource.
        #expect(html.components(separatedBy: "http").count - 1 == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
        #expect(html == html.precomposedStringWithCanonicalMapping)
        // The sections a reader looks for.
        for heading in [
            "1. Tỷ lệ hộ nghèo, hộ cận nghèo qua các năm", "2. Thiếu hụt dịch vụ xã hội cơ bản của hộ nghèo",
            "3. Kết quả đánh giá tiêu chí", "4. Hộ thoát nghèo bền vững", "5. Chất lượng dữ liệu",
        ] {
            #expect(html.contains("<h2>\(heading)</h2>"))
        }
        // Rates rounded half away from zero from the counts, with a decimal comma: 201 / 20000 → 1,01.
        #expect(html.contains("<td>1,01</td>"))
        // The 2025 reform is marked on the district charts.
        #expect(html.contains(">Không còn</text>") && html.contains(">cấp huyện</text>"))
        // A borderline not-met verdict: colour class, symbol and words.
        #expect(html.contains("class=\"v v-not_met borderline\""))
        #expect(html.contains("✗≈<span class=\"label\"> Không đạt, sát ngưỡng</span>"))
    }

    @Test func escapesTextFromTheDatabase() throws {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try ExportFixture.makeDatabase(in: directory)
        try database.run(
            "UPDATE unit_rates SET unit_name = ? WHERE level = 'province'", [.text("<script>alert('x')</script> & \"Tỉnh\"")])
        try database.run("UPDATE criteria_results SET explanation_vi = ? WHERE unit_code = '20'", [.text("a < b & c > d")])
        let html = try HTMLReport.render(database: database, plan: "national-666", runID: ExportFixture.runID)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Tỉnh&quot;"))
        #expect(html.contains("a &lt; b &amp; c &gt; d"))
    }

    @Test func planWithoutCriteriaStillRenders() throws {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try ExportFixture.makeDatabase(in: directory)
        let html = try HTMLReport.render(database: database, plan: "lang-son", runID: ExportFixture.runID)
        #expect(html.contains("Chưa có kết quả đánh giá tiêu chí cho kế hoạch này."))
        #expect(html.contains("Không có hộ thoát nghèo bền vững."))
        #expect(html.contains("Lạng Sơn (mã 20)"), "without criteria rows, every province of the database")
    }

    @Test func emptyDatabaseRendersNotes() throws {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("empty.sqlite").path)
        try Migrator.migrate(database)
        let html = try HTMLReport.render(database: database, plan: "national-666", runID: 1)
        #expect(html.contains("Không có số liệu cấp tỉnh cho kế hoạch này."))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test(
        .enabled(
            if: ExternalTool.chromium != nil, "chromium is not installed (apt-get install -y chromium)"))
    func rendersInHeadlessChromiumWithoutConsoleErrors() throws {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try ExportFixture.makeDatabase(in: directory)
        let page = directory.appendingPathComponent("report.html")
        try Data(try HTMLReport.render(database: database, plan: "national-666", runID: ExportFixture.runID).utf8)
            .write(to: page)
        let screenshot = directory.appendingPathComponent("report.png")
        let output = try ExternalTool.run(
            ExternalTool.chromium!,
            [
                "--headless", "--disable-gpu", "--no-sandbox", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=\(directory.appendingPathComponent("profile").path)",
                "--screenshot=\(screenshot.path)", "--window-size=1280,2000", page.absoluteString,
            ])
        #expect(output.status == 0, "chromium failed:\n\(output.stderr.suffix(2000))")
        #expect(!output.stderr.contains("Uncaught"))
        #expect(!output.stderr.contains("ERROR:CONSOLE"))
        let png = try [UInt8](Data(contentsOf: screenshot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "a PNG file")
        func bigEndian(_ offset: Int) -> Int { png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(bigEndian(16) == 1280 && bigEndian(20) == 2000, "the requested window size")
        // A blank page compresses to a few kilobytes; text and charts give far more.
        #expect(png.count > 50_000, "screenshot only \(png.count) bytes: is the page blank?")
    }
}
