import Foundation
import Testing

@testable import PovReviewIO

/// Where the golden files live in the source tree (re-recorded only deliberately: run the tests
/// with `POVREVIEW_RECORD_GOLDENS=1`, then review the diff).
enum ExportGoldens {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/exports")
    static var recording: Bool { ProcessInfo.processInfo.environment["POVREVIEW_RECORD_GOLDENS"] == "1" }
}

@Suite struct ExporterTests {
    static let plans = ["national-666", "lang-son"]
    static let expectedFiles = [
        "01-ket-qua-ra-soat.csv", "02-dien-bien-ho-ngheo.csv", "03-dien-bien-ho-can-ngheo.csv",
        "04-thieu-hut-theo-chi-so.csv", "05-dan-toc-thieu-so-va-lao-dong.csv", "06-dong-bi-loai.csv",
        "07-tep-dau-vao.csv", "08-canh-bao.csv",
        "tieu-chi-national-666.csv", "thoat-ngheo-ben-vung-national-666.csv",
        "tieu-chi-lang-son.csv", "thoat-ngheo-ben-vung-lang-son.csv",
        "bao-cao-ra-soat.xlsx", "bao-cao-national-666.html", "bao-cao-lang-son.html",
    ]

    @Test func writesTheDocumentedFilesAndReplacesThePreviousExports() throws {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try ExportFixture.makeDatabase(in: directory)
        let exports = directory.appendingPathComponent("out/exports")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: exports.appendingPathComponent("stale.csv"))

        let written = try Exporter.writeAll(database: database, to: exports, plans: Self.plans, runID: ExportFixture.runID)
        #expect(written == Self.expectedFiles)
        if let keep = ProcessInfo.processInfo.environment["POVREVIEW_KEEP_EXPORTS"] {
            // For looking at the files by hand (Excel, LibreOffice, a browser).
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: exports, to: URL(fileURLWithPath: keep))
        }
        let present = try FileManager.default.contentsOfDirectory(atPath: exports.path).sorted()
        #expect(present == Self.expectedFiles.sorted(), "exactly the documented files, no stale or temporary file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: exports.deletingLastPathComponent().path) == ["exports"])
    }

    @Test func identicalBytesOnEveryRun() throws {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try ExportFixture.makeDatabase(in: directory)
        let first = directory.appendingPathComponent("first/exports")
        let second = directory.appendingPathComponent("second/exports")
        try Exporter.writeAll(database: database, to: first, plans: Self.plans, runID: ExportFixture.runID)
        // Over a second apart, so a timestamp anywhere (docProps/core.xml, zip entries) would show.
        Thread.sleep(forTimeInterval: 1.2)
        try Exporter.writeAll(database: database, to: second, plans: Self.plans, runID: ExportFixture.runID)
        for name in Self.expectedFiles {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between two runs")
        }
    }

    @Test func csvAndHTMLMatchTheGoldenFiles() throws {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try ExportFixture.makeDatabase(in: directory)
        let exports = directory.appendingPathComponent("exports")
        try Exporter.writeAll(database: database, to: exports, plans: Self.plans, runID: ExportFixture.runID)
        for name in Self.expectedFiles where !name.hasSuffix(".xlsx") {
            let produced = try Data(contentsOf: exports.appendingPathComponent(name))
            let golden = ExportGoldens.directory.appendingPathComponent(name)
            if ExportGoldens.recording {
                try FileManager.default.createDirectory(at: ExportGoldens.directory, withIntermediateDirectories: true)
                try produced.write(to: golden)
                continue
            }
            let expected = try? Data(contentsOf: golden)
            #expect(expected != nil, "no golden file \(name): record with POVREVIEW_RECORD_GOLDENS=1")
            #expect(produced == expected, "\(name) differs from its golden file; re-record deliberately with POVREVIEW_RECORD_GOLDENS=1")
        }
    }

    /// The header ↔ database column mapping, kept as a golden Markdown file for the README.
    @Test func headerMappingMatchesItsGoldenFile() throws {
        let golden = ExportGoldens.directory.appendingPathComponent("header-mapping.md")
        let produced = Data(ReportCatalog.headerMappingMarkdown.utf8)
        if ExportGoldens.recording {
            try produced.write(to: golden)
            return
        }
        #expect(produced == (try? Data(contentsOf: golden)), "re-record deliberately with POVREVIEW_RECORD_GOLDENS=1")
    }

    @Test func rejectsPlansWhoseFileNamesCollide() throws {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try ExportFixture.makeDatabase(in: directory)
        #expect(throws: ExportError.self) {
            try Exporter.writeAll(
                database: database, to: directory.appendingPathComponent("exports"), plans: ["a b", "a-b"], runID: 2)
        }
    }
}

@Suite struct CSVWriterTests {
    @Test func bomCRLFAndRFC4180Quoting() {
        let table = ReportTable(
            id: "t", title: "T", sheetName: "T",
            columns: [
                ReportColumn("Tên đơn vị", .text, source: "x"), ReportColumn("Số hộ", .integer, source: "y"),
                ReportColumn("Tỷ lệ (%)", .rate, source: "z"),
            ],
            rows: [
                [.text("Thôn \"Mới\", Nà"), .integer(20_000), .rate(201, of: 20_000)],
                [.text("hai\ndòng"), .empty, .rate(1, of: 0)],
            ])
        let bytes = [UInt8](CSVWriter.data(for: table))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "Tên đơn vị,Số hộ,Tỷ lệ (%)\r\n\"Thôn \"\"Mới\"\", Nà\",20000,1.01\r\n\"hai\ndòng\",,\r\n")
    }

    @Test func aFieldIsQuotedWhateverFollowsItsComma() {
        // A comma, quote or line break followed by a combining mark is still one (the check is
        // over bytes, not grapheme clusters); a field without them is written as it is.
        #expect(CSVWriter.field(",\u{301}") == "\",\u{301}\"")
        #expect(CSVWriter.field("\"\u{300}x") == "\"\"\"\u{300}x\"")
        #expect(CSVWriter.field("\r\n") == "\"\r\n\"")
        #expect(CSVWriter.field("Hộ nghèo; tỷ lệ") == "Hộ nghèo; tỷ lệ")
        #expect(CSVWriter.field("") == "")
    }

    @Test func sheetNamesFitExcelsRules() {
        #expect(SheetNames.fit("Thoát nghèo BV a-very-long-plan-identifier") == "Thoát nghèo BV a-very-long-plan")
        #expect(SheetNames.fit("a/b:c[d]") == "a-b-c-d-")
        #expect(SheetNames.unique(["Tiêu chí", "tiêu chí", "Tiêu chí"]) == ["Tiêu chí", "tiêu chí (2)", "Tiêu chí (3)"])
        #expect(ExportFileNames.slug("Đà Nẵng 169") == "n-ng-169")
        #expect(ExportFileNames.slug("national-666") == "national-666")
    }
}

@Suite struct HTMLTextTests {
    @Test func escapesTheFiveCharactersAndNothingElse() {
        #expect(HTMLText.escape("Thôn <Bản> & \"Nà\" 'Mới'") == "Thôn &lt;Bản&gt; &amp; &quot;Nà&quot; &#39;Mới&#39;")
        #expect(HTMLText.escape("Tỷ lệ hộ nghèo đa chiều") == "Tỷ lệ hộ nghèo đa chiều")
        #expect(HTMLText.escape("&\u{301}") == "&amp;\u{301}")
        #expect(HTMLText.escape("") == "")
    }
}
