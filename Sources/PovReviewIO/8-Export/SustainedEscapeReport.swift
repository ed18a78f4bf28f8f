/// Report table (f): the households of one plan that escaped poverty sustainably (poor at the
/// baseline, neither poor nor near-poor in the last two review years), per village. Only the
/// household id and where it lives: no names or other personal data (outputs.md §1).
public enum SustainedEscapeReport {
    public static func id(plan: String) -> String { "thoat-ngheo-ben-vung-" + ExportFileNames.slug(plan) }
    public static func title(plan: String) -> String { "Hộ thoát nghèo bền vững – kế hoạch \(plan)" }
    public static func sheetName(plan: String) -> String { SheetNames.fit("Thoát nghèo BV " + plan) }

    public static let columns: [ReportColumn] = [
        ReportColumn("Kế hoạch", .text, source: "sustained_escapes.plan"),
        ReportColumn("Năm gốc", .integer, source: "sustained_escapes.baseline_year"),
        ReportColumn("Năm đánh giá", .integer, source: "sustained_escapes.evaluation_year"),
        ReportColumn("Chuẩn nghèo", .text, source: "sustained_escapes.standard"),
        ReportColumn("Mã tỉnh", .text, source: "sustained_escapes.province_code"),
        ReportColumn("Mã xã", .text, source: "sustained_escapes.commune_code"),
        ReportColumn("Tên xã", .text, source: "unit_rates.unit_name (commune, evaluation_year)"),
        ReportColumn("Mã thôn", .text, source: "sustained_escapes.village_code"),
        ReportColumn("Tên thôn", .text, source: "unit_rates.unit_name (village, evaluation_year), else from the code"),
        ReportColumn("Mã hộ", .text, source: "sustained_escapes.household_id"),
    ]

    static let sql = """
        SELECT s.plan, s.baseline_year, s.evaluation_year, s.standard, s.province_code, s.commune_code,
            (SELECT r.unit_name FROM unit_rates r WHERE r.review_year = s.evaluation_year
                AND r.standard = s.standard AND r.level = 'commune' AND r.unit_code = s.commune_code),
            s.village_code,
            (SELECT r.unit_name FROM unit_rates r WHERE r.review_year = s.evaluation_year
                AND r.standard = s.standard AND r.level = 'village' AND r.unit_code = s.village_code),
            s.household_id
        FROM sustained_escapes s
        WHERE s.plan = ?
        ORDER BY s.village_code, s.evaluation_year, s.household_id
        """

    /// Reads the list of `plan` from `database`.
    public static func table(from database: SQLiteDatabase, plan: String) throws -> ReportTable {
        let rows = try database.rows(sql, [.text(plan)]).map { row -> [ReportCell] in
            let villageName = row[8] == .null ? ReportLabels.villageName(fromCode: row[7].text) : row[8].text
            return [
                row[0].textCell, row[1].integerCell, row[2].integerCell, row[3].textCell, row[4].textCell,
                row[5].textCell, row[6].textCell, row[7].textCell, .text(villageName), row[9].textCell,
            ]
        }
        return ReportTable(
            id: id(plan: plan), title: title(plan: plan), sheetName: sheetName(plan: plan), columns: columns,
            rows: rows)
    }
}
