import PovReviewCore

/// The HTML report of one plan (outputs.md §2): one self-contained file — inline CSS and SVG,
/// no script, no network — in Vietnamese (`lang="vi"`), that a person opens in a browser or
/// prints: key figures, rates over the years per province, district and commune (line charts
/// and small multiples, with the 2025 reform marked), the deprivation profile of poor
/// households, the criteria verdicts at a glance (colour plus a symbol, so it prints in black and
/// white), the sustained escapes per village and the data quality of the run.
///
/// Numbers follow Vietnamese usage (20.000 households, 1,01 %); rates are rounded half away from
/// zero from the counts, as in the CSV files. Deterministic: the same database gives the same bytes.
public enum HTMLReport {
    /// The report of `plan` from `database`; `runID` selects the data-quality rows.
    /// `planTitle` and `planDocument` are the plan's Vietnamese title and its document and
    /// number (from its plan file), shown under the heading.
    public static func render(
        database: SQLiteDatabase, plan: String, runID: Int, planTitle: String? = nil, planDocument: String? = nil
    ) throws -> String {
        let data = try HTMLReportData(database: database, plan: plan, runID: runID)
        let html = Renderer(data: data, planTitle: planTitle, planDocument: planDocument).document()
        return try MeasuresReportSections.adding(to: html, database: database, plan: plan)
    }
}

struct Renderer {
    let data: HTMLReportData
    var planTitle: String? = nil
    var planDocument: String? = nil

    typealias Unit = HTMLReportData.Unit

    var provinceNames: String {
        data.provinces.map { "\($0.name) (mã \($0.code))" }.joined(separator: ", ")
    }

    func document() -> String {
        let e = HTMLText.escape
        var title = "Báo cáo rà soát hộ nghèo, hộ cận nghèo – kế hoạch \(data.plan)"
        if !data.provinces.isEmpty { title += " – " + data.provinces.map(\.name).joined(separator: ", ") }
        var html = """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="povreview">
            <title>\(e(title))</title>
            <style>
            \(Self.css)
            \(Self.printCSS)
            </style>
            </head>
            <body>
            <header>
            <h1>Báo cáo kết quả rà soát hộ nghèo, hộ cận nghèo</h1>

            """
        if let planTitle { html += "<p class=\"plan-title\"><b>\(e(planTitle))</b></p>\n" }
        if let planDocument { html += "<p class=\"plan-document\">\(e(planDocument))</p>\n" }
        html += "<p class=\"meta\"><span>Kế hoạch: <b>\(e(data.plan))</b></span>"
        html += "<span>Tỉnh: <b>\(e(provinceNames.isEmpty ? "—" : provinceNames))</b></span>"
        if let first = data.years.first, let last = data.years.last {
            html += "<span>Năm rà soát: <b>\(first == last ? "\(first)" : "\(first)–\(last)")</b></span>"
        }
        let standards = Array(Set(data.standards.values)).sorted()
        if !standards.isEmpty { html += "<span>Chuẩn nghèo: <b>\(e(standards.joined(separator: ", ")))</b></span>" }
        html += "<span>Tạo từ lần chạy số <b>\(data.runID)</b></span></p>\n"
        html += """
            <nav><ol>
            <li><a href="#ty-le">Tỷ lệ hộ nghèo, hộ cận nghèo qua các năm</a></li>
            <li><a href="#thieu-hut">Thiếu hụt dịch vụ xã hội cơ bản của hộ nghèo</a></li>
            <li><a href="#tieu-chi">Kết quả đánh giá tiêu chí</a></li>
            <li><a href="#thoat-ngheo">Hộ thoát nghèo bền vững</a></li>
            <li><a href="#chat-luong">Chất lượng dữ liệu</a></li>
            <li><a href="#xep-hang">Xếp hạng xã theo tỷ lệ hộ nghèo</a></li>
            <li><a href="#tep">Tệp số liệu kèm theo</a></li>
            </ol></nav>
            </header>
            <main>

            """
        html += keyFigures()
        html += ratesSection()
        html += deprivationSection()
        html += criteriaSection()
        html += escapesSection()
        html += qualitySection()
        html += rankedCommunesSection()
        html += filesSection()
        html += """
            </main>
            <footer><p>Tạo từ lần chạy số \(data.runID) bằng povreview. Tỷ lệ tính từ số hộ và làm tròn đến 2 chữ số \
            thập phân (làm tròn nửa xa số 0); các tệp CSV và XLSX cùng thư mục có đầy đủ số liệu.</p></footer>
            </body>
            </html>

            """
        return html
    }

    // MARK: Key figures

    func keyFigures() -> String {
        guard data.provinces.count == 1, let province = data.provinces.first,
            let last = data.years.last(where: { province.years[$0] != nil }), let row = province.years[last]
        else { return "" }
        var html = "<section class=\"figures\" aria-label=\"Số liệu chính năm \(last)\">\n"
        func card(_ label: String, _ value: String, _ detail: String) {
            html += "<div class=\"card\"><div class=\"label\">\(HTMLText.escape(label))</div>"
            html += "<div class=\"value\">\(value)</div><div class=\"detail\">\(HTMLText.escape(detail))</div></div>\n"
        }
        card("Tổng số hộ năm \(last)", HTMLText.integer(row.households), "hộ")
        card("Hộ nghèo", HTMLText.integer(row.poor), "tỷ lệ " + percent(row.poor, row.households))
        card("Hộ cận nghèo", HTMLText.integer(row.nearPoor), "tỷ lệ " + percent(row.nearPoor, row.households))
        card(
            "Tỷ lệ nghèo đa chiều", percent(row.poor + row.nearPoor, row.households),
            "hộ nghèo và cận nghèo: " + HTMLText.integer(row.poor + row.nearPoor))
        html += "</section>\n"
        return html
    }

    func percent(_ numerator: Int, _ denominator: Int) -> String {
        ExactPercent(numerator, of: denominator).map { HTMLText.percent($0) + "%" } ?? "—"
    }

    func rate(_ numerator: Int, _ denominator: Int) -> Double? {
        ExactPercent(numerator, of: denominator)?.doubleValue
    }
}
