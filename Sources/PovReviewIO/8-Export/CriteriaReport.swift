/// Report table (e): the criteria results of one plan, with the evidence in words: the
/// evaluator's `explanation_vi` when present, else a summary of the evidence JSON.
public enum CriteriaReport {
    public static func id(plan: String) -> String { "tieu-chi-" + ExportFileNames.slug(plan) }
    public static func title(plan: String) -> String { "Kết quả đánh giá tiêu chí – kế hoạch \(plan)" }
    public static func sheetName(plan: String) -> String { SheetNames.fit("Tiêu chí " + plan) }

    public static let columns: [ReportColumn] = [
        ReportColumn("Kế hoạch", .text, source: "criteria_results.plan"),
        ReportColumn("Mã tiêu chí", .text, source: "criteria_results.criterion_id"),
        ReportColumn("Tiêu chí", .text, source: "criteria_results.criterion_text_vi"),
        ReportColumn("Cấp", .text, source: "criteria_results.level" + ReportLabels.levelWords),
        ReportColumn("Mã đơn vị", .text, source: "criteria_results.unit_code"),
        ReportColumn("Tên đơn vị", .text, source: "criteria_results.unit_name"),
        ReportColumn("Năm đánh giá", .integer, source: "criteria_results.evaluation_year"),
        ReportColumn("Chuẩn nghèo", .text, source: "criteria_results.standard"),
        ReportColumn(
            "Kết quả", .text,
            source: "criteria_results.verdict (met Đạt, not_met Không đạt, not_applicable Không áp dụng, insufficient_data Thiếu dữ liệu)"),
        ReportColumn("Sát ngưỡng", .text, source: "criteria_results.borderline (1 → “Có”)"),
        ReportColumn(
            "Căn cứ đánh giá", .text,
            source: "criteria_results.explanation_vi, else a summary of criteria_results.evidence"),
    ]

    /// One criteria row as read for the table and the HTML report.
    struct Row {
        var criterionID: String
        var criterionText: String
        /// The criterion's short label (`label_vi` of the plan file; its text when it has none).
        var criterionLabel = ""
        var level: String
        var unitCode: String
        var unitName: String
        var year: Int
        var standard: String
        var verdict: String
        var borderline: Bool
        var explanation: String
        /// The evidence says `"provisional": true` (provisional standard or plan number).
        var provisional = false

        init(
            criterionID: String, criterionText: String, level: String, unitCode: String, unitName: String,
            year: Int, standard: String, verdict: String, borderline: Bool, explanation: String,
            provisional: Bool = false, criterionLabelOrText: String? = nil
        ) {
            self.criterionID = criterionID
            self.criterionText = criterionText
            self.criterionLabel = criterionLabelOrText ?? criterionText
            self.level = level
            self.unitCode = unitCode
            self.unitName = unitName
            self.year = year
            self.standard = standard
            self.verdict = verdict
            self.borderline = borderline
            self.explanation = explanation
            self.provisional = provisional
        }
    }

    static func rows(from database: SQLiteDatabase, plan: String) throws -> [Row] {
        let evidence = try EvidenceSummary(database: database)
        return try PlanReportRows.criteria(of: plan, in: database).map { row in
            let explanation = (row.explanationVi ?? "").isEmpty ? evidence.summary(of: row.evidence) : row.explanationVi ?? ""
            return Row(
                criterionID: row.criterionID, criterionText: row.criterionTextVi, level: row.level,
                unitCode: row.unitCode, unitName: row.unitName, year: row.evaluationYear, standard: row.standard,
                verdict: row.verdict, borderline: row.borderline, explanation: explanation,
                // Evidence JSON is written with sorted keys and no spaces (Evidence.jsonText);
                // searched in its bytes: Foundation's `contains` bridged each text to NSString.
                provisional: ByteText.contains("\"provisional\":true", in: row.evidence), criterionLabelOrText: row.labelOrText)
        }
    }

    /// Reads the table of `plan` from `database`.
    public static func table(from database: SQLiteDatabase, plan: String) throws -> ReportTable {
        let rows = try rows(from: database, plan: plan).map { row -> [ReportCell] in
            [
                .text(plan), .text(row.criterionID), .text(row.criterionText), .text(ReportLabels.level(row.level)),
                .text(row.unitCode), .text(row.unitName), .integer(row.year), .text(row.standard),
                .text(ReportLabels.verdict(row.verdict)), row.borderline ? .text("Có") : .empty,
                .text(row.explanation),
            ]
        }
        return ReportTable(
            id: id(plan: plan), title: title(plan: plan), sheetName: sheetName(plan: plan), columns: columns,
            rows: rows)
    }
}
