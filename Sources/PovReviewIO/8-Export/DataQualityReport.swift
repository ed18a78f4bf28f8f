/// Report tables (g): data quality of a run — rejected rows by file and reason, the input files
/// with their row counts, and the warnings by file and code.
public enum DataQualityReport {
    public static let quarantineID = "06-dong-bi-loai"
    public static let inputFilesID = "07-tep-dau-vao"
    public static let warningsID = "08-canh-bao"

    public static let quarantineColumns: [ReportColumn] = [
        ReportColumn("Tệp nguồn", .text, source: "quarantine.source_file"),
        ReportColumn("Mã lý do", .text, source: "quarantine.reason"),
        ReportColumn("Lý do loại", .text, source: "Vietnamese label of quarantine.reason"),
        ReportColumn("Số dòng bị loại", .integer, source: "count(*) of quarantine rows"),
    ]
    public static let inputFilesColumns: [ReportColumn] = [
        ReportColumn("Tệp đầu vào", .text, source: "input_files.path"),
        ReportColumn("Số dòng đọc", .integer, source: "input_files.rows_read"),
        ReportColumn("Số dòng nhận", .integer, source: "input_files.rows_accepted"),
        ReportColumn("Số dòng bị loại", .integer, source: "input_files.rows_quarantined"),
        ReportColumn(
            "Tỷ lệ dòng bị loại (%)", .rate, source: "100 × input_files.rows_quarantined / input_files.rows_read"),
        ReportColumn("Mã băm SHA-256", .text, source: "input_files.sha256"),
    ]
    public static let warningsColumns: [ReportColumn] = [
        ReportColumn("Tệp nguồn", .text, source: "warnings.source_file"),
        ReportColumn("Mã cảnh báo", .text, source: "warnings.code"),
        ReportColumn("Số cảnh báo", .integer, source: "count(*) of warnings rows"),
    ]

    /// Rejected rows of run `runID` by file and reason.
    public static func quarantineTable(from database: SQLiteDatabase, runID: Int) throws -> ReportTable {
        let rows = try DataQualityRows.rejections(runID: runID, in: database).map { row -> [ReportCell] in
            [.text(row.sourceFile), .text(row.reason), .text(ReportLabels.quarantineReason(row.reason)), .integer(row.rows)]
        }
        return ReportTable(
            id: quarantineID, title: "Dòng dữ liệu bị loại theo tệp và lý do", sheetName: "Dòng bị loại",
            columns: quarantineColumns, rows: rows)
    }

    /// The input files of run `runID` with their row counts.
    public static func inputFilesTable(from database: SQLiteDatabase, runID: Int) throws -> ReportTable {
        let rows = try DataQualityRows.inputFiles(runID: runID, in: database).map { row -> [ReportCell] in
            [
                .text(row.path), .integer(row.rowsRead), .integer(row.rowsAccepted), .integer(row.rowsQuarantined),
                .rate(row.rowsQuarantined, of: row.rowsRead), .text(row.sha256),
            ]
        }
        return ReportTable(
            id: inputFilesID, title: "Tệp dữ liệu đầu vào", sheetName: "Tệp đầu vào", columns: inputFilesColumns,
            rows: rows)
    }

    /// Warnings of run `runID` by file and code.
    public static func warningsTable(from database: SQLiteDatabase, runID: Int) throws -> ReportTable {
        let rows = try DataQualityRows.warnings(runID: runID, in: database).map { row -> [ReportCell] in
            [.text(row.sourceFile), .text(row.code), .integer(row.count)]
        }
        return ReportTable(
            id: warningsID, title: "Cảnh báo chất lượng dữ liệu theo tệp và mã", sheetName: "Cảnh báo",
            columns: warningsColumns, rows: rows)
    }
}
