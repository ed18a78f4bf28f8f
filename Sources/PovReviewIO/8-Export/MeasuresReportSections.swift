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
        // The markers are ASCII tags the report writes itself, found in its bytes (`ByteText`).
        if let range = ByteText.ranges(of: "</ol></nav>", in: &result).first { result.replaceSubrange(range, with: nav + "</ol></nav>") }
        let sections = try depthSection(database) + findingsSection(database) + robustnessSection(database, plan: plan)
        if let range = ByteText.ranges(of: "</main>", in: &result).last { result.replaceSubrange(range, with: sections + "</main>") }
        return result
    }

    static let e = HTMLText.escape

    static func number(_ value: Double, places: Int) -> String { MeasureNumber.decimal(value, places: places, vietnamese: true) }

    /// The last review year of each national standard with AF measures.
    static func latestYears(_ database: SQLiteDatabase) throws -> [(standard: String, year: Int, cutoff: Int)] {
        try MeasuresReportRows.latestYears(in: database)
    }

    static func depthSection(_ database: SQLiteDatabase) throws -> String {
        var html = "<section id=\"do-sau\">\n<h2>6. Độ sâu nghèo đa chiều theo xã (Alkire–Foster)</h2>\n"
        html += "<p class=\"note\">H: tỷ lệ hộ thiếu hụt từ k chỉ số trở lên; A: mức thiếu hụt bình quân của các hộ đó; "
        html += "M0 = H × A. Trọng số các chỉ số bằng nhau; xếp theo M0 giảm dần. Đóng góp: phần của từng chỉ số trong M0.</p>\n"
        let years = try latestYears(database)
        if years.isEmpty { return html + "<p class=\"note\">Không có số liệu.</p>\n</section>\n" }
        for (standard, year, cutoff) in years {
            let rows = try MeasuresReportRows.communeDepth(standard: standard, year: year, cutoff: cutoff, in: database)
            let leading = try MeasuresReportRows.LeadingIndicators(database: database)
            html += "<table>\n<caption>Năm \(year), chuẩn \(e(standard)), k = \(cutoff)</caption>\n"
            html +=
                "<thead><tr><th>Hạng</th><th>Xã</th><th>Số hộ</th><th>H (%)</th><th>A (%)</th><th>M0</th><th>Ba chỉ số đóng góp lớn nhất</th></tr></thead>\n<tbody>\n"
            for (rank, row) in rows.enumerated() {
                let parts = try leading.leading(standard: standard, year: year, unitCode: row.unitCode, cutoff: cutoff).map {
                    let name = IndicatorID(rawValue: $0.indicator).map { Indicator.withID($0).nameVi } ?? $0.indicator
                    return "\(name) \(number($0.percent, places: 2))%"
                }
                html += "<tr><td>\(rank + 1)</td><td>\(e(row.unitName))</td><td class=\"num\">\(HTMLText.integer(row.households))</td>"
                html += "<td class=\"num\">\(number(row.headcountRatio * 100, places: 2))</td>"
                html += "<td class=\"num\">\(row.intensity.map { number($0 * 100, places: 2) } ?? "—")</td>"
                html += "<td class=\"num\">\(number(row.adjustedHeadcount, places: 4))</td><td>\(e(parts.joined(separator: "; ")))</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        return html + "</section>\n"
    }

    static func findingsSection(_ database: SQLiteDatabase) throws -> String {
        var html = "<section id=\"bat-thuong\">\n<h2>7. Dấu hiệu bất thường cần xem trước khi công bố</h2>\n"
        html += "<p class=\"note\">Các kiểm tra và phương pháp được mô tả trong README (mục “Analyst measures”). "
        html += "Một dấu hiệu không phải là kết luận sai phạm: đó là chỗ cần kiểm tra lại hồ sơ.</p>\n"
        let rows = try MeasuresReportRows.findings(in: database)
        if rows.isEmpty { return html + "<p class=\"note\">Không có dấu hiệu bất thường.</p>\n</section>\n" }
        html +=
            "<table>\n<thead><tr><th>Năm</th><th>Chuẩn</th><th>Cấp</th><th>Đơn vị</th><th>Kiểm tra</th><th>Mức độ</th><th>Giá trị</th><th>Ngưỡng</th></tr></thead>\n<tbody>\n"
        for row in rows {
            let check = IntegrityCheck(rawValue: row.check)
            html += "<tr><td>\(row.reviewYear)</td><td>\(e(row.standard))</td><td>\(e(row.level))</td>"
            html += "<td>\(e(row.unitCode))</td><td>\(e(check?.labelVi ?? row.check))</td>"
            html += "<td>\(row.severity == "warning" ? "⚠ cần xem" : "thông tin")</td>"
            html += "<td class=\"num\">\(MeasureNumber.statistic(row.statistic, vietnamese: true))</td>"
            html += "<td class=\"num\">\(MeasureNumber.statistic(row.threshold, vietnamese: true))</td></tr>\n"
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
            let rows = try MeasuresReportRows.provinceSensitivity(standard: standard, year: year, in: database)
            for province in Array(Set(rows.compactMap(\.unitCode))).sorted() {
                let scenarios: [SensitivityScenario] = [.lineMinus10, .lineMinus5, .linePlus5, .linePlus10, .cutoffMinus1, .cutoffPlus1]
                let chartRows = scenarios.map { scenario -> SVGBarChart.Row in
                    let count = rows.first { $0.unitCode == province && $0.scenario == scenario.rawValue }?.householdsChangingStatus ?? 0
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
        let flips = try MeasuresReportRows.flippedVerdicts(of: plan, in: database)
        let checked = try MeasuresReportRows.checkedResults(of: plan, in: database)
        if checked == 0 { return html + "<p class=\"note\">Chưa có kết quả đánh giá tiêu chí cho kế hoạch này.</p>\n</section>\n" }
        struct Key: Hashable { var criterion: String; var level: String; var unit: String; var year: Int; var official: String }
        var grouped: [(Key, [String])] = []
        for row in flips {
            let key = Key(
                criterion: row.criterionID, level: row.level, unit: row.unitCode, year: row.evaluationYear, official: row.officialVerdict)
            let text = "\(SensitivityScenario(rawValue: row.scenario)?.labelVi ?? "") → \(verdictVi(row.verdict))"
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
