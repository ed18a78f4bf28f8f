import CXLSXWriter
import Foundation

/// The print-ready workbook (issue 9, item 2): an information sheet, then one sheet per
/// `ReportForm`, each set up to print on A4 landscape, one page wide, with its header row
/// repeated on every page, counts as `#,##0`, rates as `0.00` (full precision kept), long text
/// wrapped in fixed-width columns, and a signature block under the total row.
///
/// Merged title cells do not work in libxlsxwriter's constant-memory mode, so this workbook is
/// written in normal mode; it holds only the latest review year, so its size stays small.
extension WorkbookWriter {
    /// Writes `forms` to `url`, each on its own sheet, in order, after the information sheet;
    /// `dataFiles` are the CSV files with the full tables, listed on the information sheet.
    public func write(forms: [ReportForm], dataFiles: [(name: String, title: String)], to url: URL) throws {
        let tmpdir = strdup(url.deletingLastPathComponent().path)
        defer { free(tmpdir) }
        var options = lxw_workbook_options()
        options.tmpdir = tmpdir
        guard let workbook = workbook_new_opt(url.path, &options) else {
            throw ExportError.workbook(path: url.path, message: "cannot create the workbook")
        }
        var closed = false
        defer { if !closed { _ = workbook_close(workbook) } }
        try setProperties(workbook, path: url.path)
        let formats = FormFormats(workbook)
        let names = SheetNames.unique(["Thông tin"] + forms.map(\.sheetName))
        try writeFormInformation(
            workbook, name: names[0], forms: forms, sheetNames: Array(names.dropFirst()),
            dataFiles: dataFiles, formats, path: url.path)
        for (form, name) in zip(forms, names.dropFirst()) {
            try write(form, into: workbook, name: name, formats, path: url.path)
        }
        closed = true
        let error = workbook_close(workbook)
        guard error == LXW_NO_ERROR else {
            throw ExportError.workbook(path: url.path, message: String(cString: lxw_strerror(error)))
        }
    }

    /// Font size of the forms (report forms print small; the title is 12).
    static let formFontSize = 9.0
    /// Height in points of one line of `formFontSize` text.
    static let formLineHeight = 11.5

    /// Row of the header in every form sheet (after title, subtitle, units, run line, a blank).
    static let formHeaderRow: lxw_row_t = 5

    struct FormFormats {
        let title, subtitle, note, header, text, wrapped, integer, rate: UnsafeMutablePointer<lxw_format>
        let totalText, totalInteger, totalRate, signature, signatureNote, placeDate: UnsafeMutablePointer<lxw_format>
        let infoLabel, section: UnsafeMutablePointer<lxw_format>

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            func make(_ configure: (UnsafeMutablePointer<lxw_format>) -> Void) -> UnsafeMutablePointer<lxw_format> {
                let format = workbook_add_format(workbook)!
                configure(format)
                return format
            }
            let center = UInt8(LXW_ALIGN_CENTER.rawValue), top = UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)
            let vcenter = UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue), thin = UInt8(LXW_BORDER_THIN.rawValue)
            let size = WorkbookWriter.formFontSize
            title = make {
                format_set_bold($0); format_set_font_size($0, 12); format_set_align($0, center); format_set_text_wrap($0)
            }
            subtitle = make {
                format_set_font_size($0, size); format_set_bold($0); format_set_align($0, center)
            }
            note = make {
                format_set_font_size($0, size); format_set_italic($0); format_set_align($0, center)
            }
            header = make {
                format_set_font_size($0, size); format_set_bold($0); format_set_text_wrap($0); format_set_align($0, center); format_set_align($0, vcenter)
                format_set_bg_color($0, 0xDDEBF7); format_set_border($0, thin)
            }
            text = make {
                format_set_font_size($0, size); format_set_border($0, thin); format_set_align($0, top)
            }
            wrapped = make {
                format_set_font_size($0, size); format_set_border($0, thin); format_set_align($0, top); format_set_text_wrap($0)
            }
            integer = make {
                format_set_font_size($0, size); format_set_border($0, thin); format_set_align($0, top); format_set_num_format($0, "#,##0")
            }
            rate = make {
                format_set_font_size($0, size); format_set_border($0, thin); format_set_align($0, top); format_set_num_format($0, "0.00")
            }
            totalText = make {
                format_set_font_size($0, size); format_set_border($0, thin); format_set_bold($0)
            }
            totalInteger = make {
                format_set_font_size($0, size); format_set_border($0, thin); format_set_bold($0); format_set_num_format($0, "#,##0")
            }
            totalRate = make {
                format_set_font_size($0, size); format_set_border($0, thin); format_set_bold($0); format_set_num_format($0, "0.00")
            }
            signature = make {
                format_set_font_size($0, size); format_set_bold($0); format_set_align($0, center)
            }
            signatureNote = make {
                format_set_font_size($0, size); format_set_italic($0); format_set_align($0, center)
            }
            placeDate = make {
                format_set_font_size($0, size); format_set_italic($0); format_set_align($0, center)
            }
            section = make {
                format_set_font_size($0, size); format_set_bold($0); format_set_text_wrap($0); format_set_border($0, thin)
                format_set_bg_color($0, 0xF2F2F2)
            }
            infoLabel = make {
                format_set_bold($0); format_set_bg_color($0, 0xDDEBF7); format_set_border($0, thin)
            }
        }
    }

    private func writeFormInformation(
        _ workbook: UnsafeMutablePointer<lxw_workbook>, name: String, forms: [ReportForm], sheetNames: [String],
        dataFiles: [(name: String, title: String)], _ formats: FormFormats, path: String
    ) throws {
        let sheet = try addSheet(workbook, name, path: path)
        Self.setUpPage(sheet, headerRow: nil)
        worksheet_set_column(sheet, 0, 0, 34, nil)
        worksheet_set_column(sheet, 1, 1, 90, nil)
        var row: lxw_row_t = 0
        try check(worksheet_write_string(sheet, row, 0, title, nil), path)
        worksheet_set_row(sheet, row, 20, formats.subtitle)
        row += 2
        for line in information {
            try check(worksheet_write_string(sheet, row, 0, line.label, formats.infoLabel), path)
            try check(worksheet_write_string(sheet, row, 1, Self.cellText(line.value), formats.wrapped), path)
            row += 1
        }
        row += 1
        try check(worksheet_write_string(sheet, row, 0, "Trang tính (biểu in)", formats.infoLabel), path)
        try check(worksheet_write_string(sheet, row, 1, "Nội dung", formats.infoLabel), path)
        row += 1
        for (form, sheetName) in zip(forms, sheetNames) {
            try check(worksheet_write_string(sheet, row, 0, sheetName, formats.text), path)
            try check(worksheet_write_string(sheet, row, 1, "\(form.title) (\(form.subtitle))", formats.wrapped), path)
            row += 1
        }
        row += 1
        try check(worksheet_write_string(sheet, row, 0, "Tệp CSV (đủ mọi năm, mọi cấp)", formats.infoLabel), path)
        try check(worksheet_write_string(sheet, row, 1, "Nội dung", formats.infoLabel), path)
        row += 1
        for file in dataFiles {
            try check(worksheet_write_string(sheet, row, 0, file.name, formats.text), path)
            try check(worksheet_write_string(sheet, row, 1, file.title, formats.wrapped), path)
            row += 1
        }
    }

    private func write(
        _ form: ReportForm, into workbook: UnsafeMutablePointer<lxw_workbook>, name: String, _ formats: FormFormats,
        path: String
    ) throws {
        let sheet = try addSheet(workbook, name, path: path)
        let last = lxw_col_t(max(form.columns.count - 1, 0))
        let widths = Self.formColumnWidths(form)
        for (index, width) in widths.enumerated() {
            worksheet_set_column(sheet, lxw_col_t(index), lxw_col_t(index), width, nil)
        }
        try check(worksheet_merge_range(sheet, 0, 0, 0, last, form.title, formats.title), path)
        let titleLines = Int((Double(form.title.count) / max(widths.reduce(0, +) - 2, 1)).rounded(.up))
        worksheet_set_row(sheet, 0, 18 * Double(max(titleLines, 1)) + 2, nil)
        try check(worksheet_merge_range(sheet, 1, 0, 1, last, form.subtitle, formats.subtitle), path)
        try check(worksheet_merge_range(sheet, 2, 0, 2, last, form.unitsNote, formats.note), path)
        try check(worksheet_merge_range(sheet, 3, 0, 3, last, form.runLine, formats.note), path)

        let headerRow = Self.formHeaderRow
        var headerLines = 1
        for (index, column) in form.columns.enumerated() {
            try check(worksheet_write_string(sheet, headerRow, lxw_col_t(index), column.header, formats.header), path)
            headerLines = max(headerLines, Self.lines(column.header, width: widths[index]))
        }
        worksheet_set_row(sheet, headerRow, Self.formLineHeight * Double(headerLines) + 4, nil)

        var row = headerRow + 1
        let fullWidth = widths.reduce(0, +)
        for (index, cells) in form.rows.enumerated() {
            if let section = form.sections[index] {
                try check(worksheet_merge_range(sheet, row, 0, row, last, Self.cellText(section), formats.section), path)
                let lines = Self.lines(section, width: fullWidth)
                worksheet_set_row(sheet, row, Self.formLineHeight * Double(lines) + 3, nil)
                row += 1
            }
            try writeCells(cells, form: form, row: row, sheet: sheet, total: false, formats, path: path)
            // Rows with wrapped text get the height of their longest cell, so that nothing is cut
            // in print (LibreOffice and Excel keep a stored height as it is).
            var lines = 1
            for (index, cell) in cells.enumerated() where form.columns[index].kind == .longText {
                if case .text(let text) = cell { lines = max(lines, Self.lines(text, width: widths[index])) }
            }
            if lines > 1 { worksheet_set_row(sheet, row, Self.formLineHeight * Double(lines) + 3, nil) }
            row += 1
        }
        if let total = form.total {
            try writeCells(total, form: form, row: row, sheet: sheet, total: true, formats, path: path)
            row += 1
        }
        try writeSignature(sheet, below: row, columns: form.columns.count, formats, path: path)

        Self.setUpPage(sheet, headerRow: headerRow)
        worksheet_freeze_panes(sheet, headerRow + 1, 0)
    }

    private func writeCells(
        _ cells: [ReportCell], form: ReportForm, row: lxw_row_t, sheet: UnsafeMutablePointer<lxw_worksheet>, total: Bool,
        _ formats: FormFormats, path: String
    ) throws {
        for (index, cell) in cells.enumerated() {
            let column = lxw_col_t(index)
            let kind = form.columns[index].kind
            switch cell {
            case .empty:
                let format = total ? formats.totalText : (kind == .longText ? formats.wrapped : formats.text)
                try check(worksheet_write_blank(sheet, row, column, format), path)
            case .text(let text):
                let format = total ? formats.totalText : (kind == .longText ? formats.wrapped : formats.text)
                try check(worksheet_write_string(sheet, row, column, Self.cellText(text), format), path)
            case .integer(let value):
                try check(worksheet_write_number(sheet, row, column, Double(value), total ? formats.totalInteger : formats.integer), path)
            case .rate(let percent):
                try check(worksheet_write_number(sheet, row, column, percent.doubleValue, total ? formats.totalRate : formats.rate), path)
            }
        }
    }

    /// "……, ngày … tháng … năm …" over the right half; "Người lập biểu" on the left and "Thủ
    /// trưởng đơn vị" on the right, each with its note; four blank rows to sign in.
    private func writeSignature(
        _ sheet: UnsafeMutablePointer<lxw_worksheet>, below row: lxw_row_t, columns: Int, _ formats: FormFormats,
        path: String
    ) throws {
        let last = lxw_col_t(max(columns - 1, 0))
        let middle = lxw_col_t(max(columns / 2, 1))
        let start = row + 1
        func span(_ r: lxw_row_t, _ first: lxw_col_t, _ end: lxw_col_t, _ text: String, _ format: UnsafeMutablePointer<lxw_format>) throws {
            if first >= end {
                try check(worksheet_write_string(sheet, r, first, text, format), path)
            } else {
                try check(worksheet_merge_range(sheet, r, first, r, end, text, format), path)
            }
        }
        try span(start, min(middle, last), last, ReportForm.signaturePlaceDate, formats.placeDate)
        try span(start + 1, 0, middle > 0 ? middle - 1 : 0, ReportForm.signatureLeft.0, formats.signature)
        try span(start + 1, min(middle, last), last, ReportForm.signatureRight.0, formats.signature)
        try span(start + 2, 0, middle > 0 ? middle - 1 : 0, ReportForm.signatureLeft.1, formats.signatureNote)
        try span(start + 2, min(middle, last), last, ReportForm.signatureRight.1, formats.signatureNote)
    }

    /// A4 landscape, one page wide, header row repeated, page numbers in the footer.
    static func setUpPage(_ sheet: UnsafeMutablePointer<lxw_worksheet>, headerRow: lxw_row_t?) {
        worksheet_set_landscape(sheet)
        worksheet_set_paper(sheet, 9)  // A4
        worksheet_set_margins(sheet, 0.4, 0.4, 0.5, 0.6)
        worksheet_fit_to_pages(sheet, 1, 0)
        worksheet_center_horizontally(sheet)
        _ = worksheet_set_footer(sheet, "&CTrang &P/&N")
        if let headerRow { _ = worksheet_repeat_rows(sheet, headerRow, headerRow) }
    }

    /// Widths in characters: short text and numbers fit their longest value (numbers with their
    /// thousands separators), headers wrap at word boundaries so count up to their longest word
    /// (at least 8), long text is fixed: 40 for a criterion, 70 for evidence.
    static func formColumnWidths(_ form: ReportForm) -> [Double] {
        form.columns.enumerated().map { index, column in
            if column.kind == .longText { return column.header == "Căn cứ đánh giá" ? 90 : 40 }
            let longestWord = column.header.split(separator: " ").map(\.count).max() ?? 0
            var longest = max(longestWord, min(column.header.count, 12))
            for cells in form.rows + (form.total.map { [$0] } ?? []) {
                let length =
                    switch cells[index] {
                    case .empty: 0
                    case .text(let text): text.count
                    case .integer(let value): String(value).count + (String(value).count - 1) / 3
                    case .rate(let percent): percent.formatted(places: 2).count
                    }
                longest = max(longest, length)
            }
            return Double(min(max(longest + 2, 5), 50))
        }
    }

    /// Lines `text` takes wrapped in a column of `width` characters (words kept whole; explicit
    /// line breaks honoured). A width unit is the default font's digit (7 px); 9-point
    /// Vietnamese text measured about 1.9 characters a unit in Calibri (and Carlito, its metric
    /// twin that LibreOffice uses) on the SampleData evidence; 1.6 errs on the side of more lines.
    static func lines(_ text: String, width: Double) -> Int {
        let usable = max(Int(width * 1.6) - 2, 1)
        var total = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var lines = 1, current = 0
            for word in paragraph.split(separator: " ") {
                let length = word.count
                if current == 0 {
                    current = length
                } else if current + 1 + length <= usable {
                    current += 1 + length
                } else {
                    lines += 1
                    current = length
                }
                while current > usable {
                    lines += 1
                    current -= usable
                }
            }
            total += lines
        }
        return max(total, 1)
    }
}
