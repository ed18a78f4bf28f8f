import CXLSXWriter
import Foundation

/// Writes report tables into one XLSX workbook with libxlsxwriter (outputs.md §2): an
/// information sheet, then one sheet per table with a bold, frozen, filterable header row,
/// numbers as numbers and rates at full precision shown with the `0.00` format, so that sums
/// and averages computed in Excel start from the exact values.
///
/// Deterministic: libxlsxwriter stamps `docProps/core.xml` with the current time unless
/// `lxw_doc_properties.created` is set, so it is set to `created` (the exporter derives it from
/// the data); the zip entries of libxlsxwriter 1.1 carry a fixed date. A test writes the same
/// workbook twice, seconds apart, and compares the bytes.
public struct WorkbookWriter {
    /// Lines of the information sheet, e.g. "Tạo từ lần chạy số 3".
    public var information: [(label: String, value: String)]
    /// Title in the document properties.
    public var title: String
    /// Creation time written to the document properties.
    public var created: Date

    public init(title: String, information: [(label: String, value: String)], created: Date) {
        self.title = title
        self.information = information
        self.created = created
    }

    /// Longest text Excel keeps in a cell.
    static let maximumCellLength = 32_767

    /// Writes `tables` to `url`, each on its own sheet, in order.
    public func write(_ tables: [ReportTable], to url: URL) throws {
        // Temporary files go beside the output (the folder being built), not to /tmp. The C
        // string lives until the workbook is closed, in case the library keeps the pointer.
        let tmpdir = strdup(url.deletingLastPathComponent().path)
        defer { free(tmpdir) }
        var options = lxw_workbook_options()
        options.tmpdir = tmpdir
        // Rows are written in order, so each is flushed to a temporary file once the next one
        // starts: memory stays flat for village-level sheets of hundreds of thousands of rows.
        options.constant_memory = 1
        guard let workbook = workbook_new_opt(url.path, &options) else {
            throw ExportError.workbook(path: url.path, message: "cannot create the workbook")
        }
        var closed = false
        defer { if !closed { _ = workbook_close(workbook) } }

        try setProperties(workbook, path: url.path)
        let formats = Formats(workbook)
        let names = SheetNames.unique(["Thông tin"] + tables.map(\.sheetName))
        try writeInformation(workbook, name: names[0], tables: tables, sheetNames: Array(names.dropFirst()), formats, path: url.path)
        for (table, name) in zip(tables, names.dropFirst()) {
            try write(table, into: workbook, name: name, formats, path: url.path)
        }
        closed = true
        let error = workbook_close(workbook)
        guard error == LXW_NO_ERROR else {
            throw ExportError.workbook(path: url.path, message: String(cString: lxw_strerror(error)))
        }
    }

    private struct Formats {
        let header: UnsafeMutablePointer<lxw_format>
        let title: UnsafeMutablePointer<lxw_format>
        let rate: UnsafeMutablePointer<lxw_format>

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            header = workbook_add_format(workbook)
            format_set_bold(header)
            format_set_text_wrap(header)
            format_set_align(header, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            format_set_bg_color(header, 0xDDEBF7)
            format_set_border(header, UInt8(LXW_BORDER_THIN.rawValue))
            title = workbook_add_format(workbook)
            format_set_bold(title)
            format_set_font_size(title, 14)
            rate = workbook_add_format(workbook)
            format_set_num_format(rate, "0.00")
        }
    }

    func setProperties(_ workbook: UnsafeMutablePointer<lxw_workbook>, path: String) throws {
        // libxlsxwriter copies the strings (lxw_strdup), so the C buffers need only outlive the call.
        let error = title.withCString { titleText in
            "povreview".withCString { author in
                var properties = lxw_doc_properties()
                properties.title = UnsafeMutablePointer(mutating: titleText)
                properties.author = UnsafeMutablePointer(mutating: author)
                properties.created = time_t(created.timeIntervalSince1970)
                return workbook_set_properties(workbook, &properties)
            }
        }
        guard error == LXW_NO_ERROR else {
            throw ExportError.workbook(path: path, message: String(cString: lxw_strerror(error)))
        }
    }

    func addSheet(_ workbook: UnsafeMutablePointer<lxw_workbook>, _ name: String, path: String) throws
        -> UnsafeMutablePointer<lxw_worksheet>
    {
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw ExportError.workbook(path: path, message: "cannot add the sheet “\(name)”")
        }
        return sheet
    }

    private func writeInformation(
        _ workbook: UnsafeMutablePointer<lxw_workbook>, name: String, tables: [ReportTable], sheetNames: [String],
        _ formats: Formats, path: String
    ) throws {
        let sheet = try addSheet(workbook, name, path: path)
        worksheet_set_column(sheet, 0, 0, 34, nil)
        worksheet_set_column(sheet, 1, 1, 80, nil)
        var row: lxw_row_t = 0
        try check(worksheet_write_string(sheet, row, 0, title, formats.title), path)
        row += 2
        for line in information {
            try check(worksheet_write_string(sheet, row, 0, line.label, formats.header), path)
            try check(worksheet_write_string(sheet, row, 1, Self.cellText(line.value), nil), path)
            row += 1
        }
        row += 1
        try check(worksheet_write_string(sheet, row, 0, "Trang tính", formats.header), path)
        try check(worksheet_write_string(sheet, row, 1, "Nội dung", formats.header), path)
        row += 1
        for (table, sheetName) in zip(tables, sheetNames) {
            try check(worksheet_write_string(sheet, row, 0, sheetName, nil), path)
            try check(worksheet_write_string(sheet, row, 1, table.title, nil), path)
            row += 1
        }
    }

    private func write(
        _ table: ReportTable, into workbook: UnsafeMutablePointer<lxw_workbook>, name: String, _ formats: Formats,
        path: String
    ) throws {
        let sheet = try addSheet(workbook, name, path: path)
        let widths = Self.columnWidths(table)
        var headerLines = 1
        for (index, column) in table.columns.enumerated() {
            let width = widths[index]
            worksheet_set_column(sheet, lxw_col_t(index), lxw_col_t(index), width, nil)
            try check(worksheet_write_string(sheet, 0, lxw_col_t(index), column.header, formats.header), path)
            headerLines = max(headerLines, Int((Double(column.header.count) / max(width - 1, 1)).rounded(.up)))
        }
        worksheet_set_row(sheet, 0, 15 * Double(min(headerLines, 5)) + 3, nil)
        for (offset, cells) in table.rows.enumerated() {
            let row = lxw_row_t(offset + 1)
            for (index, cell) in cells.enumerated() {
                let column = lxw_col_t(index)
                switch cell {
                case .empty:
                    continue
                case .text(let text):
                    try check(worksheet_write_string(sheet, row, column, Self.cellText(text), nil), path)
                case .integer(let value):
                    try check(worksheet_write_number(sheet, row, column, Double(value), nil), path)
                case .rate(let percent):
                    try check(worksheet_write_number(sheet, row, column, percent.doubleValue, formats.rate), path)
                }
            }
        }
        worksheet_freeze_panes(sheet, 1, 0)
        if !table.columns.isEmpty {
            try check(
                worksheet_autofilter(sheet, 0, 0, lxw_row_t(table.rows.count), lxw_col_t(table.columns.count - 1)), path)
        }
    }

    /// Text cut to what a cell can hold.
    static func cellText(_ text: String) -> String {
        text.utf16.count <= maximumCellLength ? text : String(text.prefix(maximumCellLength - 1)) + "…"
    }

    /// Widths in characters: the longest value (headers wrap, so they count up to 24), 6…60.
    static func columnWidths(_ table: ReportTable) -> [Double] {
        table.columns.enumerated().map { index, column in
            var longest = min(column.header.count, 24)
            for row in table.rows {
                let length =
                    switch row[index] {
                    case .empty: 0
                    case .text(let text): text.count
                    case .integer(let value): String(value).count
                    case .rate(let percent): percent.formatted(places: 2).count
                    }
                longest = max(longest, length)
            }
            return Double(min(max(longest + 2, 6), 60))
        }
    }

    func check(_ error: lxw_error, _ path: String) throws {
        guard error == LXW_NO_ERROR else {
            throw ExportError.workbook(path: path, message: String(cString: lxw_strerror(error)))
        }
    }
}

/// A failure to write the exports.
public enum ExportError: Error, CustomStringConvertible, Sendable {
    case workbook(path: String, message: String)
    case fileSystem(path: String, message: String)

    public var description: String {
        switch self {
        case .workbook(let path, let message): "\(path): cannot write the workbook: \(message)"
        case .fileSystem(let path, let message): "\(path): \(message)"
        }
    }
}
