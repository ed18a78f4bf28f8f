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

    static let quarantineSQL = """
        SELECT source_file, reason, count(*) FROM quarantine WHERE run_id = ?
        GROUP BY source_file, reason ORDER BY source_file, reason
        """
    static let inputFilesSQL = """
        SELECT path, rows_read, rows_accepted, rows_quarantined, sha256 FROM input_files WHERE run_id = ?
        ORDER BY path
        """
    static let warningsSQL = """
        SELECT coalesce(source_file, ''), code, count(*) FROM warnings WHERE run_id = ?
        GROUP BY coalesce(source_file, ''), code ORDER BY coalesce(source_file, ''), code
        """

    /// Rejected rows of run `runID` by file and reason.
    public static func quarantineTable(from database: SQLiteDatabase, runID: Int) throws -> ReportTable {
        let rows = try database.rows(quarantineSQL, [.integer(Int64(runID))]).map { row -> [ReportCell] in
            [row[0].textCell, row[1].textCell, .text(ReportLabels.quarantineReason(row[1].text)), row[2].integerCell]
        }
        return ReportTable(
            id: quarantineID, title: "Dòng dữ liệu bị loại theo tệp và lý do", sheetName: "Dòng bị loại",
            columns: quarantineColumns, rows: rows)
    }

    /// The input files of run `runID` with their row counts.
    public static func inputFilesTable(from database: SQLiteDatabase, runID: Int) throws -> ReportTable {
        let rows = try database.rows(inputFilesSQL, [.integer(Int64(runID))]).map { row -> [ReportCell] in
            [
                row[0].textCell, row[1].integerCell, row[2].integerCell, row[3].integerCell,
                .rate(row[3].count, of: row[1].count), row[4].textCell,
            ]
        }
        return ReportTable(
            id: inputFilesID, title: "Tệp dữ liệu đầu vào", sheetName: "Tệp đầu vào", columns: inputFilesColumns,
            rows: rows)
    }

    /// Warnings of run `runID` by file and code.
    public static func warningsTable(from database: SQLiteDatabase, runID: Int) throws -> ReportTable {
        let rows = try database.rows(warningsSQL, [.integer(Int64(runID))]).map { row -> [ReportCell] in
            [row[0].textCell, row[1].textCell, row[2].integerCell]
        }
        return ReportTable(
            id: warningsID, title: "Cảnh báo chất lượng dữ liệu theo tệp và mã", sheetName: "Cảnh báo",
            columns: warningsColumns, rows: rows)
    }
}
