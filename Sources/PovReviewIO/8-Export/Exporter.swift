import Foundation

/// Writes every export of a run (outputs.md §2) into one folder: a CSV per report table, the
/// XLSX workbook with the same tables, and an HTML report per plan (file names in
/// `ExportFileNames`).
///
/// The folder is built aside as `<name>.building-<pid>` next to `directory` and then moved into
/// place, replacing the previous exports: rename(2) of the old folder out of the way, rename of
/// the new one in, removal of the old one. A kill in between leaves either the old exports, or
/// none beside the new database; the next run writes them again (outputs.md, "Atomicity").
/// `povreview run` and `export` pass `publish: false` and switch the built folder through
/// `Publication` instead, journaled together with the database (issue 10).
public enum Exporter {
    /// Writes all exports of `database` for `plans` and run `runID` to `directory` and returns
    /// the names of the files written, in writing order. Deterministic: the same database gives
    /// byte-identical files.
    @discardableResult
    public static func writeAll(
        database: SQLiteDatabase, to directory: URL, plans: [String], runID: Int, planTitles: [String: String] = [:],
        planDocuments: [String: String] = [:], publish shouldPublish: Bool = true
    ) throws -> [String] {
        var uniquePlans: [String] = []
        for plan in plans where !uniquePlans.contains(plan) { uniquePlans.append(plan) }
        let slugs = uniquePlans.map(ExportFileNames.slug)
        if Set(slugs).count != slugs.count {
            throw ExportError.fileSystem(
                path: directory.path, message: "two plans give the same file name: \(uniquePlans.joined(separator: ", "))")
        }

        let fileManager = FileManager.default
        let parent = directory.deletingLastPathComponent()
        let building = buildingFolder(for: directory)
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            OutputLocation.removeLeftovers(
                in: parent, prefixes: ["\(directory.lastPathComponent).building-", "\(directory.lastPathComponent).old-"])
            if fileManager.fileExists(atPath: building.path) { try fileManager.removeItem(at: building) }
            try fileManager.createDirectory(at: building, withIntermediateDirectories: false)
        } catch {
            throw ExportError.fileSystem(path: building.path, message: "cannot create the folder: \(error)")
        }

        var written: [String] = []
        do {
            let tables = ProvisionalStandardMark.marking(
                try ReportCatalog.tables(from: database, plans: uniquePlans, runID: runID),
                provisional: try ProvisionalStandardMark.provisionalStandards(in: database))
            for table in tables {
                let name = ExportFileNames.csv(table)
                try CSVWriter.write(table, to: building.appendingPathComponent(name))
                written.append(name)
            }

            let workbook = WorkbookWriter(
                title: "Báo cáo rà soát hộ nghèo, hộ cận nghèo",
                information: [
                    ("Kế hoạch", uniquePlans.isEmpty ? "—" : uniquePlans.joined(separator: ", ")),
                    ("Tạo từ lần chạy số", String(runID)),
                    ("Tỷ lệ (%)", "Lưu đủ độ chính xác, hiển thị 2 chữ số thập phân (định dạng 0.00); tệp CSV làm tròn 2 chữ số."),
                    (
                        "Biểu in",
                        "Năm rà soát gần nhất, mỗi cấp (huyện nếu còn, xã, thôn) một biểu cho mỗi bảng; khổ A4 ngang, vừa một trang theo chiều ngang. Số liệu mọi năm, mọi cấp ở các tệp CSV cùng thư mục."
                    ),
                ],
                created: try creationDate(database))
            let forms = ReportFormCatalog.forms(tables: tables, plans: uniquePlans, runID: runID)
            try workbook.write(
                forms: forms, dataFiles: tables.map { (ExportFileNames.csv($0), $0.title) },
                to: building.appendingPathComponent(ExportFileNames.workbook))
            written.append(ExportFileNames.workbook)

            for plan in uniquePlans {
                let html = try HTMLReport.render(
                    database: database, plan: plan, runID: runID, planTitle: planTitles[plan],
                    planDocument: planDocuments[plan])
                let name = ExportFileNames.html(plan: plan)
                try Data(html.utf8).write(to: building.appendingPathComponent(name))
                written.append(name)
            }
            if shouldPublish { try publish(building, to: directory) }
        } catch {
            try? fileManager.removeItem(at: building)
            throw error
        }
        return written
    }

    /// The workbook's creation time, from the data so that it is the same on every run:
    /// 1 January, 00:00 UTC, of the year after the latest review year (2000 without data).
    static func creationDate(_ database: SQLiteDatabase) throws -> Date {
        let latest = try UnitRatesQueries.latestReviewYear(in: database)
        var components = DateComponents()
        components.year = (latest ?? 1999) + 1
        components.month = 1
        components.day = 1
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)!
    }

    /// The folder the exports of `directory` are built in, beside it (`publish: false` leaves
    /// them there for `Publication`).
    public static func buildingFolder(for directory: URL) -> URL {
        directory.deletingLastPathComponent().appendingPathComponent("\(directory.lastPathComponent).building-\(getpid())")
    }

    /// Moves `building` to `directory`, replacing what is there.
    static func publish(_ building: URL, to directory: URL) throws {
        let fileManager = FileManager.default
        let old = directory.deletingLastPathComponent()
            .appendingPathComponent("\(directory.lastPathComponent).old-\(getpid())")
        if fileManager.fileExists(atPath: old.path) { try fileManager.removeItem(at: old) }
        let hadOld = fileManager.fileExists(atPath: directory.path)
        if hadOld, rename(directory.path, old.path) != 0 {
            throw ExportError.fileSystem(
                path: directory.path, message: "cannot move the previous exports aside: \(String(cString: strerror(errno)))")
        }
        if rename(building.path, directory.path) != 0 {
            let message = String(cString: strerror(errno))
            if hadOld { _ = rename(old.path, directory.path) }
            throw ExportError.fileSystem(path: directory.path, message: "cannot move the new exports into place: \(message)")
        }
        if hadOld { try? fileManager.removeItem(at: old) }
    }
}
