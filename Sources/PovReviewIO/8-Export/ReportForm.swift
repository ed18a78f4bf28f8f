/// One print-ready report form of the workbook (issue 9, item 2): a table as the review's report
/// forms lay it out, for one level and the latest review year — a title with the province and
/// the year, the unit of measure, the run it comes from, units down with their names, figures
/// across, a total row, and a signature block under it (`WorkbookWriter+Forms` prints it on A4
/// landscape, one page wide, with the header row repeated on every page).
///
/// Built from the long `ReportTable`s (`ReportFormCatalog`), so the forms show the same numbers
/// as the CSV files.
public struct ReportForm: Sendable, Equatable {
    /// How a column is printed.
    public enum Kind: Sendable, Equatable {
        /// Short text (codes, names): one line, width from the content.
        case text
        /// Long text (evidence, criteria): wrapped in a fixed-width column.
        case longText
        /// A count, `#,##0`.
        case integer
        /// A percentage, `0.00`.
        case rate
    }

    public struct Column: Sendable, Equatable {
        public var header: String
        public var kind: Kind
        public init(_ header: String, _ kind: Kind) {
            self.header = header
            self.kind = kind
        }
    }

    /// Sheet name (at most 31 characters; made unique by the writer).
    public var sheetName: String
    /// Upper-case title, e.g. "KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2025".
    public var title: String
    /// e.g. "Tỉnh Sơn Hà – cấp xã – chuẩn nghèo vn-2022".
    public var subtitle: String
    /// e.g. "Đơn vị tính: hộ; tỷ lệ: %".
    public var unitsNote: String
    /// "Số liệu từ lần chạy N".
    public var runLine: String
    public var columns: [Column]
    public var rows: [[ReportCell]]
    /// The total row ("Tổng cộng"), or nil when the form has none (criteria).
    public var total: [ReportCell]?
    /// Titles printed as a full-width row before the row of that index (the criterion before
    /// its units, in the criteria forms).
    public var sections: [Int: String]

    public init(
        sheetName: String, title: String, subtitle: String, unitsNote: String, runLine: String, columns: [Column],
        rows: [[ReportCell]], total: [ReportCell]?, sections: [Int: String] = [:]
    ) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "row width must match the columns")
        precondition(total.map { $0.count == columns.count } ?? true, "total width must match the columns")
        self.sheetName = sheetName
        self.title = title
        self.subtitle = subtitle
        self.unitsNote = unitsNote
        self.runLine = runLine
        self.columns = columns
        self.rows = rows
        self.total = total
        self.sections = sections
    }

    /// "Số liệu từ lần chạy 3".
    public static func runLine(_ runID: Int) -> String { "Số liệu từ lần chạy \(runID)" }

    /// The signature block under the table: place and date left blank for the officer.
    public static let signaturePlaceDate = "……………, ngày …… tháng …… năm ………"
    public static let signatureLeft = ("Người lập biểu", "(Ký, ghi rõ họ tên)")
    public static let signatureRight = ("Thủ trưởng đơn vị", "(Ký tên, đóng dấu)")
}
