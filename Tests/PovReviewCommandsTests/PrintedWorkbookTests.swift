import Foundation
import PovReviewIO
import Testing

/// The SampleData workbook printed by LibreOffice (headless Calc, `scripts/install-deps.sh
/// --test`): it fits in at most 60 A4 pages and no cell's text is cut — every text of every form
/// (names, criteria, the wrapped evidence) is found whole in the PDF's text (`pdftotext`).
/// Skipped when LibreOffice or poppler-utils is missing.
@Suite("Workbook printed with LibreOffice")
struct PrintedWorkbookTests {
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let tools: (soffice: String, pdfinfo: String, pdftotext: String)? = {
        guard let soffice = find("soffice"), let pdfinfo = find("pdfinfo"), let pdftotext = find("pdftotext") else { return nil }
        return (soffice, pdfinfo, pdftotext)
    }()

    /// Runs a program to completion (killed after `timeout` s) and returns its status and output.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 300) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("print-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: out), as: UTF8.self))
    }

    /// Text with every run of white space made one space.
    static func squeezed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test(
        "At most 60 A4 pages, and every text of the forms printed whole",
        .enabled(if: tools != nil, "LibreOffice (soffice) or poppler-utils is not installed"))
    func printsWithinSixtyPagesWithNothingCut() async throws {
        let run = try await SampleDataRun.shared.value
        try #require(EndToEnd.published(run.status))
        let tools = try #require(Self.tools)
        let workspace = try EndToEnd.workspace("printed-workbook")
        let workbook = run.exports.appendingPathComponent("bao-cao-ra-soat.xlsx")
        let profile = workspace.appendingPathComponent("lo-profile")
        let (status, _) = try Self.run(
            tools.soffice,
            [
                "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", workspace.path, workbook.path,
            ])
        #expect(status == 0)
        let pdf = workspace.appendingPathComponent("bao-cao-ra-soat.pdf")
        try #require(FileManager.default.fileExists(atPath: pdf.path), "LibreOffice wrote no PDF")

        let (_, info) = try Self.run(tools.pdfinfo, [pdf.path])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
        let pageCount = try #require(pages)
        #expect(pageCount <= 60, "the workbook prints on \(pageCount) pages")
        let size = info.split(separator: "\n").first { $0.hasPrefix("Page size:") } ?? ""
        // A4 landscape: 841.89 × 595.28 points.
        #expect(size.contains("841.89 x 595.") && size.contains("(A4)"), "\(size)")

        let (_, text) = try Self.run(tools.pdftotext, ["-enc", "UTF-8", pdf.path, "-"])
        let printed = Self.squeezed(text)
        #expect(
            printed.contains("Số liệu từ lần chạy") && printed.contains("Người lập biểu")
                && printed.contains("Thủ trưởng đơn vị"))

        // Every text cell of every form, as the exporter builds them from the database.
        let database = try SQLiteDatabase(path: run.database.path, readOnly: true)
        let plans = try database.rows("SELECT DISTINCT plan FROM criteria_results ORDER BY plan").compactMap { $0[0].string }
        let runID = try database.rows("SELECT max(run_id) FROM runs")[0][0].int ?? 1
        let tables = try ReportCatalog.tables(from: database, plans: plans, runID: runID)
        var missing: [String] = []
        var checked = 0
        for form in ReportFormCatalog.forms(tables: tables, plans: plans, runID: runID) {
            for section in form.sections.values {
                checked += 1
                if !printed.contains(Self.squeezed(section)) { missing.append("\(form.sheetName): \(section)") }
            }
            for row in form.rows {
                for cell in row {
                    guard case .text(let value) = cell else { continue }
                    checked += 1
                    if !printed.contains(Self.squeezed(value)) { missing.append("\(form.sheetName): \(value)") }
                }
            }
        }
        #expect(checked > 100)
        #expect(missing.isEmpty, "\(missing.count) texts not found whole in the PDF, e.g. \(missing.prefix(5))")
    }
}
