/// One report table of the exports: a Vietnamese title, typed columns and rows of cells.
///
/// The same value is written as a CSV file, an XLSX sheet and (in part) HTML, so each writer
/// decides presentation only; which rows and in which order is decided by the report types
/// (`ReviewResultsReport`, …) that read the database.
public struct ReportTable: Sendable, Equatable {
    /// Stable file stem, ASCII, e.g. `01-ket-qua-ra-soat` (the CSV is `<id>.csv`).
    public var id: String
    /// Vietnamese title, e.g. "Kết quả rà soát hộ nghèo, hộ cận nghèo".
    public var title: String
    /// Vietnamese sheet name for the workbook (at most 31 characters, no `[]:*?/\`).
    public var sheetName: String
    public var columns: [ReportColumn]
    public var rows: [[ReportCell]]

    public init(id: String, title: String, sheetName: String, columns: [ReportColumn], rows: [[ReportCell]]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "row width must match the columns")
        self.id = id
        self.title = title
        self.sheetName = sheetName
        self.columns = columns
        self.rows = rows
    }
}

/// A column of a report table: its Vietnamese header and where its values come from.
public struct ReportColumn: Sendable, Equatable {
    /// What the cells hold, for number formats and alignment.
    public enum Kind: Sendable, Equatable {
        case text
        case integer
        /// A percentage from two counts (`ReportCell.rate`).
        case rate
    }

    /// Vietnamese header with diacritics, e.g. "Tỷ lệ hộ nghèo (%)".
    public var header: String
    /// The database column or expression it shows, e.g. `unit_rates.poor` or
    /// `100 × unit_rates.poor / unit_rates.households` (the documented header mapping).
    public var source: String
    public var kind: Kind

    public init(_ header: String, _ kind: Kind, source: String) {
        self.header = header
        self.source = source
        self.kind = kind
    }
}

/// One cell of a report table.
public enum ReportCell: Sendable, Equatable {
    case empty
    case text(String)
    case integer(Int)
    /// A percentage; nil denominators are `.empty`.
    case rate(ExactPercent)

    /// `.rate` of `numerator / denominator`, or `.empty` when the denominator is 0.
    public static func rate(_ numerator: Int, of denominator: Int) -> ReportCell {
        ExactPercent(numerator, of: denominator).map(ReportCell.rate) ?? .empty
    }

    /// The cell as it appears in a CSV file: integers without separators, rates with 2 decimals.
    public var csvText: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .integer(let value): String(value)
        case .rate(let percent): percent.formatted(places: 2)
        }
    }
}

extension ReportColumn {
    /// The leading columns of the per-unit tables: level, unit code and name, year, standard.
    static let unitYearStandard: [ReportColumn] = [
        ReportColumn("Cấp", .text, source: "unit_rates.level" + ReportLabels.levelWords),
        ReportColumn("Mã đơn vị", .text, source: "unit_rates.unit_code"),
        ReportColumn("Tên đơn vị", .text, source: "unit_rates.unit_name"),
        ReportColumn("Năm rà soát", .integer, source: "unit_rates.review_year"),
        ReportColumn("Chuẩn nghèo", .text, source: "unit_rates.standard"),
    ]
}
