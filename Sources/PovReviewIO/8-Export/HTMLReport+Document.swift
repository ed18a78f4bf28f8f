/// The HTML report as a printable document (issue 9, item 3): A4 page rules, every verdict's
/// evidence in the page (not only in tooltips), the communes ranked in the latest year, the
/// warning codes in words, and links to the CSV and XLSX files beside the report.
extension Renderer {
    /// Print rules: A4, headings kept with what follows, rows, figures and cards never split,
    /// table headers repeated on every page, links shown with their file names.
    static let printCSS = """
        @page { size: A4; margin: 14mm 12mm 16mm; }
        .evidence td.t { white-space: pre-line; }
        .files li { margin: 2px 0; }
        table.ranked td:first-child { text-align: right; }
        @media print {
          body { max-width: none; }
          h2, h3, caption, summary { break-after: avoid; page-break-after: avoid; }
          h2 { break-before: auto; }
          tr, figure, .card, .chip, svg { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          nav { display: none; }
          a { color: inherit; text-decoration: none; }
        }
        """

    /// The warning code in words (`warnings.code`), with the code kept for searching.
    static func warningWords(_ code: String) -> String {
        switch code {
        case "basis_disagreement": "Thu nhập bình quân và điểm B1 cho kết quả khác nhau về mức chuẩn"
        case "leftover_district_code": "Mã huyện bị bỏ qua: xã trực thuộc tỉnh trong năm rà soát (đã bỏ cấp huyện)"
        case "missing_totals": "Xã có dữ liệu rà soát nhưng không có tổng số hộ chính thức: tỷ lệ tính trên số hộ đã rà soát"
        case "no_totals": "Không có tệp tổng số hộ: tỷ lệ tính trên số hộ trong dữ liệu rà soát"
        case "padded_code": "Mã đơn vị thiếu số 0 ở đầu, đã được bổ sung"
        case "totals_below_reviewed": "Tổng số hộ chính thức nhỏ hơn số hộ đã rà soát"
        case "unknown_column": "Cột không thuộc mẫu dữ liệu rà soát, không dùng trong thống kê"
        default: code
        }
    }

    /// The warnings table with each code followed by its meaning.
    func translatedWarnings() -> ReportTable {
        var table = data.warnings
        guard let code = table.columns.firstIndex(where: { $0.header == "Mã cảnh báo" }) else { return table }
        table.rows = table.rows.map { row in
            var row = row
            if case .text(let value) = row[code] { row[code] = .text("\(Self.warningWords(value)) (\(value))") }
            return row
        }
        return table
    }

    /// Communes of the latest year ranked by poor rate (highest first; ties by code), with the
    /// households, poor and near-poor counts and rates.
    func rankedCommunesSection() -> String {
        guard let last = data.years.last else { return "" }
        let communes = data.communes.compactMap { unit in unit.years[last].map { (unit, $0) } }
        guard !communes.isEmpty else { return "" }
        let ranked = communes.sorted { left, right in
            let l = Double(left.1.poor) / Double(left.1.households), r = Double(right.1.poor) / Double(right.1.households)
            if l != r { return l > r }
            return left.0.code.unicodeScalars.lexicographicallyPrecedes(right.0.code.unicodeScalars)
        }
        let e = HTMLText.escape
        var html = "<section id=\"xep-hang\">\n<h2>6. Xếp hạng xã theo tỷ lệ hộ nghèo năm \(last)</h2>\n"
        html += "<table class=\"numbers ranked\"><thead><tr><th>Hạng</th><th>Xã</th><th>Tổng số hộ</th><th>Hộ nghèo</th>"
        html += "<th>Tỷ lệ hộ nghèo (%)</th><th>Hộ cận nghèo</th><th>Tỷ lệ hộ cận nghèo (%)</th></tr></thead>\n<tbody>\n"
        for (rank, entry) in ranked.enumerated() {
            let (unit, row) = entry
            html += "<tr><td>\(rank + 1)</td><td class=\"t\">\(e(unit.name)) <span class=\"code\">\(e(unit.code))</span></td>"
            html += "<td>\(HTMLText.integer(row.households))</td><td>\(HTMLText.integer(row.poor))</td>"
            html += "<td>\(rateText(row.poor, row.households))</td><td>\(HTMLText.integer(row.nearPoor))</td>"
            html += "<td>\(rateText(row.nearPoor, row.households))</td></tr>\n"
        }
        return html + "</tbody></table>\n</section>\n"
    }

    /// A rate in Vietnamese notation without the "%" (the column header has it).
    func rateText(_ numerator: Int, _ denominator: Int) -> String {
        ExactPercent(numerator, of: denominator).map(HTMLText.percent) ?? "—"
    }

    /// The evidence in words of every verdict of `rows` (one level), by year then unit, with
    /// the criterion's label (its text when the plan file has no label) rather than its id.
    func evidenceTable(_ rows: [CriteriaReport.Row], heading: String) -> String {
        let e = HTMLText.escape
        var html = "<h4>Căn cứ đánh giá – \(e(heading.prefix(1).lowercased() + heading.dropFirst()))</h4>\n"
        html += "<table class=\"evidence\"><thead><tr><th>Năm</th><th>Đơn vị</th><th>Tiêu chí</th>"
        html += "<th>Kết quả</th><th>Căn cứ</th></tr></thead>\n<tbody>\n"
        let sorted = rows.sorted {
            ($0.year, $0.unitCode, $0.criterionID) < ($1.year, $1.unitCode, $1.criterionID)
        }
        for row in sorted {
            html += "<tr><td>\(row.year)</td><td class=\"t\">\(e(row.unitName))</td><td class=\"t\">\(e(row.criterionLabel))</td>"
            html += "\(verdictCell(row, showingText: true))<td class=\"t\">\(e(row.explanation))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// Links to the files written beside the report.
    func filesSection() -> String {
        let e = HTMLText.escape
        var html = "<section id=\"tep\">\n<h2>7. Tệp số liệu kèm theo</h2>\n<ul class=\"files\">\n"
        html += "<li><a href=\"\(e(ExportFileNames.workbook))\">\(e(ExportFileNames.workbook))</a>: biểu báo cáo in được (năm gần nhất)</li>\n"
        let files: [(String, String)] = [
            (ReviewResultsReport.id, ReviewResultsReport.title),
            (DynamicsReport.id(.poor), DynamicsReport.title(.poor)),
            (DynamicsReport.id(.nearPoor), DynamicsReport.title(.nearPoor)),
            (DeprivationReport.id, DeprivationReport.title),
            (EthnicMinorityReport.id, EthnicMinorityReport.title),
            (CriteriaReport.id(plan: data.plan), "Kết quả đánh giá tiêu chí, đủ căn cứ"),
            (SustainedEscapeReport.id(plan: data.plan), "Hộ thoát nghèo bền vững"),
        ]
        for (id, title) in files {
            html += "<li><a href=\"\(e(id)).csv\">\(e(id)).csv</a>: \(e(title))</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }
}
