/// Marks every figure computed under a provisional standard in the export tables: the
/// "Chuẩn nghèo" cell of such a row reads `vn-2027 (tạm tính)` in the CSV files, the workbook's
/// sheets and forms alike (standards.md, `vn-2027`: "every output computed under it says so").
/// Which standards are provisional is read from the run's `standards` table (the standard files).
enum ProvisionalStandardMark {
    static let suffix = " (tạm tính)"

    /// The ids of the provisional standards the run used.
    static func provisionalStandards(in database: SQLiteDatabase) throws -> Set<String> {
        try StandardsQueries.provisional(in: database)
    }

    /// `tables` with the standard cell of every provisional standard's row marked.
    static func marking(_ tables: [ReportTable], provisional: Set<String>) -> [ReportTable] {
        guard !provisional.isEmpty else { return tables }
        return tables.map { table in
            guard let column = table.columns.firstIndex(where: { $0.header == "Chuẩn nghèo" }) else { return table }
            var marked = table
            marked.rows = table.rows.map { row in
                guard case .text(let id) = row[column], provisional.contains(id) else { return row }
                var row = row
                row[column] = .text(id + suffix)
                return row
            }
            return marked
        }
    }
}
