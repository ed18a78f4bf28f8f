import Foundation
import PovReviewCore

/// The analyst sections of the HTML report (outputs.md §3): depth of poverty by commune
/// (M0 and the leading deprivations, ranked), the integrity findings, and the robustness of the
/// figures and verdicts with the chart "how many households change status if the line moves".
/// Each section is an HTML fragment; `adding(to:)` hooks them into the report.
enum MeasuresReportSections {
    /// `html` with the sections inserted before `</main>` and listed in the table of contents.
    static func adding(to html: String, database: SQLiteDatabase, plan: String) throws -> String {
        var result = html
        let nav = """
            <li><a href="#do-sau">Độ sâu nghèo đa chiều theo xã</a></li>
            <li><a href="#bat-thuong">Dấu hiệu bất thường cần xem trước khi công bố</a></li>
            <li><a href="#do-vung">Độ vững của số liệu và kết quả đánh giá</a></li>

            """
        if let range = result.range(of: "</ol></nav>") { result.replaceSubrange(range, with: nav + "</ol></nav>") }
        let sections = try depthSection(database) + findingsSection(database) + robustnessSection(database, plan: plan)
        if let range = result.range(of: "</main>", options: .backwards) { result.replaceSubrange(range, with: sections + "</main>") }
        return result
    }

    static let e = HTMLText.escape

    static func number(_ value: Double, places: Int) -> String { MeasureNumber.decimal(value, places: places, vietnamese: true) }

    /// The last review year of each national standard with AF measures.
    static func latestYears(_ database: SQLiteDatabase) throws -> [(standard: String, year: Int, cutoff: Int)] {
        try database.rows(
            """
            SELECT m.standard, max(m.review_year), s.deprivation_cutoff FROM unit_af_measures m
            JOIN standards s ON s.standard = m.standard WHERE s.national = 1
            GROUP BY m.standard ORDER BY m.standard
            """
        ).map { ($0[0].string ?? "", $0[1].int ?? 0, $0[2].int ?? 0) }
    }

    static func depthSection(_ database: SQLiteDatabase) throws -> String {
        var html = "<section id=\"do-sau\">\n<h2>6. Độ sâu nghèo đa chiều theo xã (Alkire–Foster)</h2>\n"
        html += "<p class=\"note\">H: tỷ lệ hộ thiếu hụt từ k chỉ số trở lên; A: mức thiếu hụt bình quân của các hộ đó; "
        html += "M0 = H × A. Trọng số các chỉ số bằng nhau; xếp theo M0 giảm dần. Đóng góp: phần của từng chỉ số trong M0.</p>\n"
        let years = try latestYears(database)
        if years.isEmpty { return html + "<p class=\"note\">Không có số liệu.</p>\n</section>\n" }
        for (standard, year, cutoff) in years {
            let rows = try database.rows(
                """
                SELECT m.unit_code, r.unit_name, m.households, m.headcount_ratio, m.intensity, m.adjusted_headcount
                FROM unit_af_measures m
                JOIN unit_rates r ON r.review_year = m.review_year AND r.standard = m.standard AND r.level = m.level
                    AND r.unit_code = m.unit_code
                WHERE m.standard = ? AND m.review_year = ? AND m.level = 'commune' AND m.scope = 'all' AND m.k = ?
                ORDER BY m.adjusted_headcount DESC, m.unit_code
                """, [.text(standard), .integer(Int64(year)), .integer(Int64(cutoff))])
            let leading = try database.prepare(
                """
                SELECT indicator, contribution_percent FROM unit_af_indicators
                WHERE standard = ? AND review_year = ? AND level = 'commune' AND unit_code = ? AND scope = 'all' AND k = ?
                    AND contribution_percent > 0
                ORDER BY contribution_percent DESC, indicator LIMIT 3
                """)
            html += "<table>\n<caption>Năm \(year), chuẩn \(e(standard)), k = \(cutoff)</caption>\n"
            html +=
                "<thead><tr><th>Hạng</th><th>Xã</th><th>Số hộ</th><th>H (%)</th><th>A (%)</th><th>M0</th><th>Ba chỉ số đóng góp lớn nhất</th></tr></thead>\n<tbody>\n"
            for (rank, row) in rows.enumerated() {
                try leading.bind([.text(standard), .integer(Int64(year)), row[0], .integer(Int64(cutoff))])
                var parts: [String] = []
                while try leading.step() {
                    let name = IndicatorID(rawValue: leading.string(at: 0) ?? "").map { Indicator.withID($0).nameVi } ?? (leading.string(at: 0) ?? "")
                    parts.append("\(name) \(number(leading.double(at: 1), places: 2))%")
                }
                leading.reset()
                html += "<tr><td>\(rank + 1)</td><td>\(e(row[1].string ?? ""))</td><td class=\"num\">\(HTMLText.integer(row[2].int ?? 0))</td>"
                html += "<td class=\"num\">\(number((row[3].double ?? 0) * 100, places: 2))</td>"
                html += "<td class=\"num\">\(row[4].double.map { number($0 * 100, places: 2) } ?? "—")</td>"
                html += "<td class=\"num\">\(number(row[5].double ?? 0, places: 4))</td><td>\(e(parts.joined(separator: "; ")))</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        return html + "</section>\n"
    }

    static func findingsSection(_ database: SQLiteDatabase) throws -> String {
        var html = "<section id=\"bat-thuong\">\n<h2>7. Dấu hiệu bất thường cần xem trước khi công bố</h2>\n"
        html += "<p class=\"note\">Các kiểm tra và phương pháp được mô tả trong README (mục “Analyst measures”). "
        html += "Một dấu hiệu không phải là kết luận sai phạm: đó là chỗ cần kiểm tra lại hồ sơ.</p>\n"
        let rows = try database.rows(
            """
            SELECT review_year, standard, level, unit_code, "check", severity, statistic, threshold FROM integrity_findings
            ORDER BY severity DESC, review_year, standard, level, unit_code, "check"
            """)
        if rows.isEmpty { return html + "<p class=\"note\">Không có dấu hiệu bất thường.</p>\n</section>\n" }
        html +=
            "<table>\n<thead><tr><th>Năm</th><th>Chuẩn</th><th>Cấp</th><th>Đơn vị</th><th>Kiểm tra</th><th>Mức độ</th><th>Giá trị</th><th>Ngưỡng</th></tr></thead>\n<tbody>\n"
        for row in rows {
            let check = IntegrityCheck(rawValue: row[4].string ?? "")
            html += "<tr><td>\(row[0].int ?? 0)</td><td>\(e(row[1].string ?? ""))</td><td>\(e(row[2].string ?? ""))</td>"
            html += "<td>\(e(row[3].string ?? ""))</td><td>\(e(check?.labelVi ?? (row[4].string ?? "")))</td>"
            html += "<td>\(row[5].string == "warning" ? "⚠ cần xem" : "thông tin")</td>"
            html += "<td class=\"num\">\(MeasureNumber.statistic(row[6].double ?? 0, vietnamese: true))</td>"
            html += "<td class=\"num\">\(MeasureNumber.statistic(row[7].double ?? 0, vietnamese: true))</td></tr>\n"
        }
        return html + "</tbody></table>\n</section>\n"
    }

    static func verdictVi(_ verdict: String) -> String {
        switch verdict {
        case "met": "Đạt"
        case "not_met": "Không đạt"
        case "not_applicable": "Không áp dụng"
        default: "Thiếu số liệu"
        }
    }

    static func robustnessSection(_ database: SQLiteDatabase, plan: String) throws -> String {
        var html = "<section id=\"do-vung\">\n<h2>8. Độ vững của số liệu và kết quả đánh giá</h2>\n"
        for (standard, year, _) in try latestYears(database) {
            let rows = try database.rows(
                """
                SELECT unit_code, scenario, households_changing_status FROM sensitivity
                WHERE standard = ? AND review_year = ? AND level = 'province' ORDER BY unit_code
                """, [.text(standard), .integer(Int64(year))])
            for province in Array(Set(rows.compactMap { $0[0].string })).sorted() {
                let scenarios: [SensitivityScenario] = [.lineMinus10, .lineMinus5, .linePlus5, .linePlus10, .cutoffMinus1, .cutoffPlus1]
                let chartRows = scenarios.map { scenario -> SVGBarChart.Row in
                    let count = rows.first { $0[0].string == province && $0[1].string == scenario.rawValue }?[2].int ?? 0
                    return SVGBarChart.Row(label: scenario.labelVi, values: [Double(count)], valueLabels: [HTMLText.integer(count) + " hộ"])
                }
                let chart = SVGBarChart(
                    title: "Số hộ thay đổi phân loại nếu chuẩn thay đổi – tỉnh \(province), năm \(year), chuẩn \(standard)",
                    series: ["\(year)"], rows: chartRows, axisLabel: "số hộ thay đổi phân loại")
                html += "<figure>\n\(chart.svg(id: "do-vung-\(standard)-\(province)"))\n"
                html +=
                    "<figcaption>Bao nhiêu hộ thay đổi phân loại nếu chuẩn thu nhập thay đổi (±5%, ±10%) hoặc ngưỡng thiếu hụt thay đổi một chỉ số – tỉnh \(e(province)), năm \(year), chuẩn \(e(standard)).</figcaption>\n</figure>\n"
            }
        }
        let flips = try database.rows(
            """
            SELECT criterion_id, level, unit_code, evaluation_year, official_verdict, scenario, verdict FROM criteria_sensitivity
            WHERE plan = ? AND flipped = 1
            ORDER BY evaluation_year, criterion_id,
                CASE level WHEN 'province' THEN 0 WHEN 'district' THEN 1 WHEN 'commune' THEN 2 ELSE 3 END, unit_code, scenario
            """, [.text(plan)])
        let checked =
            try database.rows(
                "SELECT count(DISTINCT criterion_id || '|' || unit_code || '|' || evaluation_year || '|' || standard) FROM criteria_sensitivity WHERE plan = ?",
                [.text(plan)]
            ).first?[0].int ?? 0
        if checked == 0 { return html + "<p class=\"note\">Chưa có kết quả đánh giá tiêu chí cho kế hoạch này.</p>\n</section>\n" }
        struct Key: Hashable { var criterion: String; var level: String; var unit: String; var year: Int; var official: String }
        var grouped: [(Key, [String])] = []
        for row in flips {
            let key = Key(
                criterion: row[0].string ?? "", level: row[1].string ?? "", unit: row[2].string ?? "", year: row[3].int ?? 0, official: row[4].string ?? "")
            let text = "\(SensitivityScenario(rawValue: row[5].string ?? "")?.labelVi ?? "") → \(verdictVi(row[6].string ?? ""))"
            if let last = grouped.last, last.0 == key { grouped[grouped.count - 1].1.append(text) } else { grouped.append((key, [text])) }
        }
        html +=
            "<p>Trong \(HTMLText.integer(checked)) kết quả đánh giá của kế hoạch, \(HTMLText.integer(grouped.count)) kết quả thay đổi theo ít nhất một kịch bản.</p>\n"
        guard !grouped.isEmpty else { return html + "</section>\n" }
        html +=
            "<table>\n<thead><tr><th>Năm</th><th>Tiêu chí</th><th>Cấp</th><th>Đơn vị</th><th>Kết quả chính thức</th><th>Thay đổi theo kịch bản</th></tr></thead>\n<tbody>\n"
        for (key, texts) in grouped {
            html += "<tr><td>\(key.year)</td><td>\(e(key.criterion))</td><td>\(e(key.level))</td><td>\(e(key.unit))</td>"
            html += "<td>\(verdictVi(key.official))</td><td>\(e(texts.joined(separator: "; ")))</td></tr>\n"
        }
        return html + "</tbody></table>\n</section>\n"
    }
}
