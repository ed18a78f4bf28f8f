/// The order the reports list units in: province, district, commune, then village.
enum ReportOrdering {
    /// An ORDER BY term ranking `column` (a `level` column) province first.
    static func levelRank(_ column: String) -> String {
        "CASE \(column) WHEN 'province' THEN 0 WHEN 'district' THEN 1 WHEN 'commune' THEN 2 ELSE 3 END"
    }
}
