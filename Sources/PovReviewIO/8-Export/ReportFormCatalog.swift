/// The print-ready forms of the workbook, built from the long report tables: for the latest
/// review year, per level below the province (district when the year has districts, commune,
/// village), the review results, the poor and near-poor dynamics, the deprivations of poor and
/// near-poor households per indicator and the ethnic-minority breakdown; the commune × year
/// sheet of poor rates ranked in the latest year; and per plan the criteria of its latest
/// evaluation year with their evidence.
///
/// Every form's total row is the province's row of the same table, so totals are the stored
/// province figures, not sums recomputed here.
public enum ReportFormCatalog {
    /// Levels below the province, in print order, with their Vietnamese words.
    static let levels: [(label: String, words: String)] = [("Huyện", "cấp huyện"), ("Xã", "cấp xã"), ("Thôn", "cấp thôn")]

    /// Short sheet names of the forms, before " – xã" (sheet names have at most 31 characters).
    static func shortName(_ tableID: String) -> String {
        switch tableID {
        case ReviewResultsReport.id: "Kết quả rà soát"
        case DynamicsReport.id(.poor): "Diễn biến nghèo"
        case DynamicsReport.id(.nearPoor): "Diễn biến cận nghèo"
        case EthnicMinorityReport.id: "DTTS, lao động"
        default: tableID
        }
    }

    /// "xã" of "cấp xã".
    static func levelWord(_ levelWords: String) -> String { String(levelWords.dropFirst(4)) }

    /// The forms for `tables` (as `ReportCatalog.tables` returns them) of run `runID`.
    public static func forms(tables: [ReportTable], plans: [String], runID: Int) -> [ReportForm] {
        guard let results = tables.first(where: { $0.id == ReviewResultsReport.id }) else { return [] }
        let year = results.column("Năm rà soát")
        guard let latest = results.rows.compactMap({ $0[year].integerValue }).max() else { return [] }
        let province = results.rows.first { $0[results.column("Cấp")] == .text("Tỉnh") && $0[year].integerValue == latest }
        let provinceName = province.map { $0[results.column("Tên đơn vị")].csvText } ?? ""
        let standards = orderedUnique(
            results.rows.filter { $0[year].integerValue == latest }
                .map { $0[results.column("Chuẩn nghèo")].csvText })
        let run = ReportForm.runLine(runID)

        var forms: [ReportForm] = []
        for standard in standards {
            let context = Context(
                year: latest, standard: standard, provinceName: provinceName, run: run,
                suffix: standards.count > 1 ? " " + standard : "")
            for level in levels {
                let select = Selection(level: level.label, year: latest, standard: standard)
                guard results.rows.contains(where: select.matches(results)) else { continue }
                for table in tables {
                    switch table.id {
                    case ReviewResultsReport.id, DynamicsReport.id(.poor), DynamicsReport.id(.nearPoor), EthnicMinorityReport.id:
                        forms.append(unitForm(table, select, level.words, context))
                    case DeprivationReport.id:
                        forms.append(deprivationForm(table, select, level.words, context, nearPoor: false))
                        forms.append(deprivationForm(table, select, level.words, context, nearPoor: true))
                    default:
                        continue
                    }
                }
            }
            forms.append(communeRates(results, context))
        }
        for plan in plans {
            if let table = tables.first(where: { $0.id == CriteriaReport.id(plan: plan) }) {
                forms.append(criteriaForm(table, plan: plan, provinceName: provinceName, run: run))
                if let villages = villageCriteriaForm(table, plan: plan, provinceName: provinceName, run: run) {
                    forms.append(villages)
                }
            }
        }
        return forms
    }

    struct Context {
        var year: Int
        var standard: String
        var provinceName: String
        var run: String
        var suffix: String

        func subtitle(_ levelWords: String) -> String {
            "\(provinceName) – \(levelWords) – chuẩn nghèo \(standard)"
        }
    }

    /// Rows of one level, year and standard of a long table.
    struct Selection {
        var level: String
        var year: Int
        var standard: String

        func matches(_ table: ReportTable) -> ([ReportCell]) -> Bool {
            let levelColumn = table.column("Cấp"), yearColumn = table.column("Năm rà soát")
            let standardColumn = table.column("Chuẩn nghèo")
            return { row in
                row[levelColumn] == .text(level) && row[yearColumn].integerValue == year
                    && row[standardColumn] == .text(standard)
            }
        }

        /// The province rows of the same year and standard: the total.
        func total(_ table: ReportTable) -> [ReportCell]? {
            let province = Selection(level: "Tỉnh", year: year, standard: standard)
            let rows = table.rows.filter(province.matches(table))
            return rows.count == 1 ? rows[0] : nil
        }
    }

    /// Columns that identify the row in the long tables and that a form shows elsewhere (level,
    /// year, standard in the title; the parent code).
    static let keyHeaders: Set<String> = ["Cấp", "Năm rà soát", "Chuẩn nghèo", "Từ năm", "Mã đơn vị cấp trên"]

    static func unitForm(_ table: ReportTable, _ select: Selection, _ levelWords: String, _ context: Context) -> ReportForm {
        let kept = table.columns.indices.filter { !keyHeaders.contains(table.columns[$0].header) }
        let name = table.column("Tên đơn vị")
        let rows = table.rows.filter(select.matches(table))
        var columns = [ReportForm.Column("STT", .integer)]
        columns += kept.map { ReportForm.Column(table.columns[$0].header, kind(table.columns[$0])) }
        let body = rows.enumerated().map { offset, row -> [ReportCell] in
            [ReportCell.integer(offset + 1)] + kept.map { row[$0] }
        }
        let total = select.total(table).map { row in
            [ReportCell.empty]
                + kept.map { index -> ReportCell in
                    if index == name { return .text("Tổng cộng") }
                    return table.columns[index].header == "Mã đơn vị" ? .empty : row[index]
                }
        }
        let yearWords =
            table.id == ReviewResultsReport.id || table.id == EthnicMinorityReport.id
            ? "NĂM \(context.year)" : "NĂM \(context.year - 1) – \(context.year)"
        return ReportForm(
            sheetName: SheetNames.fit("\(shortName(table.id)) – \(levelWord(levelWords))\(context.suffix)"),
            title: "\(table.title.uppercased()) \(yearWords)",
            subtitle: context.subtitle(levelWords), unitsNote: "Đơn vị tính: hộ, người; tỷ lệ: %",
            runLine: context.run, columns: columns, rows: body, total: total)
    }

    /// Units down, indicators across: poor (or near-poor) households deprived on each indicator.
    static func deprivationForm(
        _ table: ReportTable, _ select: Selection, _ levelWords: String, _ context: Context, nearPoor: Bool
    ) -> ReportForm {
        let code = table.column("Mã đơn vị"), name = table.column("Tên đơn vị")
        let indicator = table.column("Chỉ số thiếu hụt")
        let group = table.column(nearPoor ? "Số hộ cận nghèo" : "Số hộ nghèo")
        let deprived = table.column(nearPoor ? "Số hộ cận nghèo thiếu hụt" : "Số hộ nghèo thiếu hụt")
        let rows = table.rows.filter(select.matches(table))
        let indicators = orderedUnique(rows.map { $0[indicator].csvText })
        func pivot(_ rows: [[ReportCell]]) -> [(key: [ReportCell], values: [String: ReportCell])] {
            var result: [(key: [ReportCell], values: [String: ReportCell])] = []
            for row in rows {
                if result.last?.key[0] != row[code] { result.append(([row[code], row[name], row[group]], [:])) }
                result[result.count - 1].values[row[indicator].csvText] = row[deprived]
            }
            return result
        }
        let groupWords = nearPoor ? "hộ cận nghèo" : "hộ nghèo"
        let columns =
            [
                ReportForm.Column("STT", .integer), .init("Mã đơn vị", .text), .init("Tên đơn vị", .text),
                .init("Số \(groupWords)", .integer),
            ] + indicators.map { ReportForm.Column($0, .integer) }
        let body = pivot(rows).enumerated().map { offset, entry in
            [.integer(offset + 1)] + entry.key + indicators.map { entry.values[$0] ?? .empty }
        }
        let provinceRows = table.rows.filter(Selection(level: "Tỉnh", year: select.year, standard: select.standard).matches(table))
        let total = pivot(provinceRows).first.map { entry in
            [ReportCell.empty, .empty, .text("Tổng cộng"), entry.key[2]] + indicators.map { entry.values[$0] ?? .empty }
        }
        return ReportForm(
            sheetName: SheetNames.fit("Thiếu hụt \(nearPoor ? "cận nghèo" : "nghèo") – \(levelWord(levelWords))\(context.suffix)"),
            title: "SỐ \(groupWords.uppercased()) THIẾU HỤT CÁC DỊCH VỤ XÃ HỘI CƠ BẢN THEO CHỈ SỐ NĂM \(context.year)",
            subtitle: context.subtitle(levelWords), unitsNote: "Đơn vị tính: hộ",
            runLine: context.run, columns: columns, rows: body, total: total)
    }

    /// Communes of the latest year down, years across: the poor rate, ranked by the latest year
    /// (highest first; ties by commune code). Communes that no longer exist are not listed.
    static func communeRates(_ results: ReportTable, _ context: Context) -> ReportForm {
        let level = results.column("Cấp"), year = results.column("Năm rà soát"), standard = results.column("Chuẩn nghèo")
        let code = results.column("Mã đơn vị"), name = results.column("Tên đơn vị")
        let rate = results.column("Tỷ lệ hộ nghèo (%)")
        let communes = results.rows.filter { $0[level] == .text("Xã") && $0[standard] == .text(context.standard) }
        let years = Array(Set(communes.compactMap { $0[year].integerValue })).sorted()
        var rates: [String: [Int: ReportCell]] = [:]
        var names: [String: ReportCell] = [:]
        for row in communes {
            rates[row[code].csvText, default: [:]][row[year].integerValue ?? 0] = row[rate]
            if row[year].integerValue == context.year { names[row[code].csvText] = row[name] }
        }
        let ranked = names.keys.sorted { left, right in
            let l = rates[left]?[context.year]?.rateValue ?? -1, r = rates[right]?[context.year]?.rateValue ?? -1
            return l != r ? l > r : left < right
        }
        let columns =
            [ReportForm.Column("Xếp hạng", .integer), .init("Mã xã", .text), .init("Tên xã", .text)]
            + years.map { ReportForm.Column("Tỷ lệ hộ nghèo \($0) (%)", .rate) }
        let body = ranked.enumerated().map { offset, commune in
            [.integer(offset + 1), .text(commune), names[commune] ?? .empty] + years.map { rates[commune]?[$0] ?? .empty }
        }
        let province = results.rows.filter { $0[level] == .text("Tỉnh") && $0[standard] == .text(context.standard) }
        var provinceRates: [Int: ReportCell] = [:]
        for row in province { provinceRates[row[year].integerValue ?? 0] = row[rate] }
        let total = [ReportCell.empty, .empty, .text("Toàn tỉnh")] + years.map { provinceRates[$0] ?? .empty }
        return ReportForm(
            sheetName: SheetNames.fit("Tỷ lệ nghèo xã theo năm\(context.suffix)"),
            title: "TỶ LỆ HỘ NGHÈO CỦA CÁC XÃ QUA CÁC NĂM, XẾP HẠNG THEO NĂM \(context.year)",
            subtitle: "\(context.provinceName) – cấp xã – chuẩn nghèo \(context.standard)",
            unitsNote: "Đơn vị tính: %; xếp hạng 1 là xã có tỷ lệ hộ nghèo cao nhất năm \(context.year)",
            runLine: context.run, columns: columns, rows: body, total: total)
    }

    /// The criteria of the plan's latest evaluation year for the province, districts and
    /// communes, grouped by criterion (its text as a full-width row before its units), with the
    /// evidence in words (wrapped). Village criteria are in `villageCriteriaForm`.
    static func criteriaForm(_ table: ReportTable, plan: String, provinceName: String, run: String) -> ReportForm {
        let year = table.column("Năm đánh giá"), level = table.column("Cấp")
        let latest = table.rows.compactMap { $0[year].integerValue }.max()
        let criterion = table.column("Tiêu chí")
        let shown: [(String, ReportForm.Kind)] = [
            ("Cấp", .text), ("Tên đơn vị", .text), ("Kết quả", .text), ("Sát ngưỡng", .text), ("Căn cứ đánh giá", .longText),
        ]
        let indices = shown.map { table.column($0.0) }
        let rows =
            latest.map { latest in
                table.rows.filter { $0[year].integerValue == latest && $0[level] != .text("Thôn") }
            } ?? []
        // Criteria in order of first appearance, each with its rows in table order.
        let criteria = orderedUnique(rows.map { $0[criterion].csvText })
        var body: [[ReportCell]] = []
        var sections: [Int: String] = [:]
        for text in criteria {
            sections[body.count] = text
            for row in rows where row[criterion].csvText == text {
                body.append([ReportCell.integer(body.count + 1)] + indices.map { row[$0] })
            }
        }
        let yearWords = latest.map { " NĂM \($0)" } ?? ""
        let unitsNote =
            latest == nil
            ? "Kế hoạch chưa có kết quả đánh giá" : "Căn cứ đánh giá: số liệu và phép tính dẫn đến kết quả"
        return ReportForm(
            sheetName: SheetNames.fit("Tiêu chí \(plan)\(latest.map { " \($0)" } ?? "")"),
            title: "KẾT QUẢ ĐÁNH GIÁ TIÊU CHÍ\(yearWords) – KẾ HOẠCH \(plan.uppercased())",
            subtitle: provinceName, unitsNote: unitsNote,
            runLine: run, columns: [ReportForm.Column("STT", .integer)] + shown.map { ReportForm.Column($0.0, $0.1) },
            rows: body, total: nil, sections: sections)
    }

    /// The village criteria of the plan's latest evaluation year as a matrix: villages down,
    /// criteria across, the verdict in each cell ("(sát ngưỡng)" when borderline). Hundreds of
    /// village rows with their evidence would print on dozens of pages; the evidence of every
    /// village is in the CSV file and the HTML report. Nil when the plan has no village criteria.
    static func villageCriteriaForm(_ table: ReportTable, plan: String, provinceName: String, run: String) -> ReportForm? {
        let year = table.column("Năm đánh giá"), level = table.column("Cấp"), criterion = table.column("Tiêu chí")
        let code = table.column("Mã đơn vị"), name = table.column("Tên đơn vị")
        let verdict = table.column("Kết quả"), borderline = table.column("Sát ngưỡng")
        guard let latest = table.rows.compactMap({ $0[year].integerValue }).max() else { return nil }
        let rows = table.rows.filter { $0[year].integerValue == latest && $0[level] == .text("Thôn") }
        guard !rows.isEmpty else { return nil }
        let criteria = orderedUnique(rows.map { $0[criterion].csvText })
        let villages = orderedUnique(rows.map { $0[code].csvText })
        var names: [String: ReportCell] = [:]
        var cells: [String: [String: ReportCell]] = [:]
        for row in rows {
            names[row[code].csvText] = row[name]
            let mark = row[borderline].csvText.isEmpty ? "" : " (sát ngưỡng)"
            cells[row[code].csvText, default: [:]][row[criterion].csvText] = .text(row[verdict].csvText + mark)
        }
        let body = villages.enumerated().map { offset, village in
            [ReportCell.integer(offset + 1), .text(village), names[village] ?? .empty]
                + criteria.map { cells[village]?[$0] ?? .empty }
        }
        return ReportForm(
            sheetName: SheetNames.fit("Tiêu chí thôn \(plan)"),
            title: "KẾT QUẢ ĐÁNH GIÁ TIÊU CHÍ CẤP THÔN NĂM \(latest) – KẾ HOẠCH \(plan.uppercased())",
            subtitle: provinceName,
            unitsNote: "Căn cứ đánh giá của từng thôn: tệp \(CriteriaReport.id(plan: plan)).csv và báo cáo HTML",
            runLine: run,
            columns: [ReportForm.Column("STT", .integer), .init("Mã thôn", .text), .init("Tên thôn", .text)]
                + criteria.map { ReportForm.Column($0, .text) },
            rows: body, total: nil)
    }

    static func kind(_ column: ReportColumn) -> ReportForm.Kind {
        switch column.kind {
        case .text: .text
        case .integer: .integer
        case .rate: .rate
        }
    }

    static func orderedUnique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}

extension ReportTable {
    /// Index of the column with `header` (a programming error when absent).
    func column(_ header: String) -> Int {
        guard let index = columns.firstIndex(where: { $0.header == header }) else {
            preconditionFailure("table \(id) has no column “\(header)”")
        }
        return index
    }
}

extension ReportCell {
    var integerValue: Int? { if case .integer(let value) = self { value } else { nil } }
    var rateValue: Double? { if case .rate(let percent) = self { percent.doubleValue } else { nil } }
}
