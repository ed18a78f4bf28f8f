/// Every report table the exporter writes, in file order, and the documented mapping of each
/// Vietnamese header to the database column or expression it shows.
public enum ReportCatalog {
    /// Reads every report table of `database`: the fixed tables, then for each plan its criteria
    /// results and its sustained-escape list.
    public static func tables(from database: SQLiteDatabase, plans: [String], runID: Int) throws -> [ReportTable] {
        let dynamics = try DynamicsReport.tables(from: database)
        var tables = [
            try ReviewResultsReport.table(from: database),
            dynamics.poor,
            dynamics.nearPoor,
            try DeprivationReport.table(from: database),
            try EthnicMinorityReport.table(from: database),
            try DataQualityReport.quarantineTable(from: database, runID: runID),
            try DataQualityReport.inputFilesTable(from: database, runID: runID),
            try DataQualityReport.warningsTable(from: database, runID: runID),
        ]
        for plan in plans {
            tables.append(try CriteriaReport.table(from: database, plan: plan))
            tables.append(try SustainedEscapeReport.table(from: database, plan: plan))
        }
        return tables
    }

    /// (file, header, database column or expression) for every column of every report table.
    public static let headerMapping: [(file: String, header: String, source: String)] = {
        let definitions: [(String, [ReportColumn])] = [
            (ReviewResultsReport.id + ".csv", ReviewResultsReport.columns),
            (DynamicsReport.id(.poor) + ".csv", DynamicsReport.columns(.poor)),
            (DynamicsReport.id(.nearPoor) + ".csv", DynamicsReport.columns(.nearPoor)),
            (DeprivationReport.id + ".csv", DeprivationReport.columns),
            (EthnicMinorityReport.id + ".csv", EthnicMinorityReport.columns),
            (DataQualityReport.quarantineID + ".csv", DataQualityReport.quarantineColumns),
            (DataQualityReport.inputFilesID + ".csv", DataQualityReport.inputFilesColumns),
            (DataQualityReport.warningsID + ".csv", DataQualityReport.warningsColumns),
            ("tieu-chi-<plan>.csv", CriteriaReport.columns),
            ("thoat-ngheo-ben-vung-<plan>.csv", SustainedEscapeReport.columns),
        ]
        return definitions.flatMap { file, columns in columns.map { (file, $0.header, $0.source) } }
    }()

    /// `headerMapping` as a Markdown table, for the README.
    public static var headerMappingMarkdown: String {
        var text = "| file | header | database column |\n| --- | --- | --- |\n"
        for row in headerMapping {
            text += "| `\(row.file)` | \(row.header) | \(row.source.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        return text
    }
}
