/// Report tables (b): the poor and near-poor dynamics ("diễn biến hộ nghèo", "diễn biến hộ cận
/// nghèo") per level, unit and pair of consecutive review years, from the view `unit_dynamics`:
/// the count at the start, each decrease and increase, and the count at the end, so that
/// end = start − decreases + increases, as in the report forms.
///
/// A row is shown only when its level has units in the later year: after the 2025 reform there
/// are no districts, and the view's district rows for 2024 → 2025 (every household "left")
/// would only be noise. A commune that was merged away still shows its households leaving.
public enum DynamicsReport {
    /// Which of the two tables.
    public enum Group: Sendable, CaseIterable {
        case poor, nearPoor
    }

    public static func id(_ group: Group) -> String {
        group == .poor ? "02-dien-bien-ho-ngheo" : "03-dien-bien-ho-can-ngheo"
    }
    public static func title(_ group: Group) -> String {
        group == .poor ? "Diễn biến hộ nghèo" : "Diễn biến hộ cận nghèo"
    }

    /// (header, unit_dynamics column or nil for a computed total) of the count columns.
    static func countColumns(_ group: Group) -> [(header: String, column: String?)] {
        switch group {
        case .poor:
            [
                ("Số hộ nghèo đầu năm", "poor_start"),
                ("Giảm: chuyển thành hộ cận nghèo", "poor_to_near_poor"),
                ("Giảm: thoát nghèo lên trên chuẩn cận nghèo", "poor_escaped_above"),
                ("Giảm: khác (chuyển đi, nhập hộ, chết)", "poor_left"),
                ("Tổng số hộ nghèo giảm", nil),
                ("Tăng: từ hộ cận nghèo", "poor_from_near_poor"),
                ("Tăng: tái nghèo", "poor_fell_back"),
                ("Tăng: phát sinh mới", "poor_newly"),
                ("Tăng: khác (chuyển đến, tách hộ)", "poor_entered"),
                ("Tổng số hộ nghèo tăng", nil),
                ("Số hộ nghèo cuối năm", "poor_end"),
            ]
        case .nearPoor:
            [
                ("Số hộ cận nghèo đầu năm", "near_poor_start"),
                ("Giảm: chuyển thành hộ nghèo", "near_poor_to_poor"),
                ("Giảm: thoát cận nghèo", "near_poor_escaped"),
                ("Giảm: khác (chuyển đi, nhập hộ, chết)", "near_poor_left"),
                ("Tổng số hộ cận nghèo giảm", nil),
                ("Tăng: từ hộ nghèo", "near_poor_from_poor"),
                ("Tăng: tái cận nghèo", "near_poor_fell_back"),
                ("Tăng: phát sinh mới", "near_poor_newly"),
                ("Tăng: khác (chuyển đến, tách hộ)", "near_poor_entered"),
                ("Tổng số hộ cận nghèo tăng", nil),
                ("Số hộ cận nghèo cuối năm", "near_poor_end"),
            ]
        }
    }

    public static func columns(_ group: Group) -> [ReportColumn] {
        let counts = countColumns(group)
        return [
            ReportColumn("Cấp", .text, source: "unit_dynamics.level" + ReportLabels.levelWords),
            ReportColumn("Mã đơn vị", .text, source: "unit_dynamics.unit_code"),
            ReportColumn("Tên đơn vị", .text, source: "unit_rates.unit_name (to_year, else from_year)"),
            ReportColumn("Từ năm", .integer, source: "unit_dynamics.from_year"),
            ReportColumn("Năm rà soát", .integer, source: "unit_dynamics.to_year"),
            ReportColumn("Chuẩn nghèo", .text, source: "unit_dynamics.standard"),
        ]
            + counts.enumerated().map { offset, column in
                let source: String
                if let name = column.column {
                    source = "unit_dynamics." + name
                } else {
                    let parts = counts[(offset < 5 ? 1 : 5)..<(offset < 5 ? 4 : 9)].compactMap(\.column)
                    source = parts.map { "unit_dynamics." + $0 }.joined(separator: " + ")
                }
                return ReportColumn(column.header, .integer, source: source)
            }
    }

    /// Reads both tables from `database` (one pass over the view).
    public static func tables(from database: SQLiteDatabase) throws -> (poor: ReportTable, nearPoor: ReportTable) {
        var poorRows: [[ReportCell]] = []
        var nearPoorRows: [[ReportCell]] = []
        for row in try DynamicsReportRows.rows(in: database) {
            let key: [ReportCell] = [
                .text(ReportLabels.level(row.level)), .text(row.unitCode), .text(row.unitName),
                .integer(row.fromYear), .integer(row.toYear), .text(row.standard),
            ]
            func counts(_ value: [Int]) -> [ReportCell] {
                let decreases = value[1] + value[2] + value[3]
                let increases = value[4] + value[5] + value[6] + value[7]
                return [
                    .integer(value[0]), .integer(value[1]), .integer(value[2]), .integer(value[3]),
                    .integer(decreases), .integer(value[4]), .integer(value[5]), .integer(value[6]),
                    .integer(value[7]), .integer(increases), .integer(value[8]),
                ]
            }
            poorRows.append(key + counts(row.poor))
            nearPoorRows.append(key + counts(row.nearPoor))
        }
        func table(_ group: Group, _ rows: [[ReportCell]]) -> ReportTable {
            ReportTable(id: id(group), title: title(group), sheetName: title(group), columns: columns(group), rows: rows)
        }
        return (table(.poor, poorRows), table(.nearPoor, nearPoorRows))
    }
}
