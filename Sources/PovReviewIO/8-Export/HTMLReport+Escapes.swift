import PovReviewCore

/// Section 4 of the HTML report: the sustained escapes per village.
extension Renderer {
    func escapesSection() -> String {
        var html = "<section id=\"thoat-ngheo\">\n<h2>4. Hộ thoát nghèo bền vững</h2>\n"
        html += "<p>Hộ là hộ nghèo ở năm gốc của kế hoạch, có mặt và không nghèo, không cận nghèo trong hai năm rà soát cuối. "
        html += "Danh sách mã hộ trong tệp <code>\(HTMLText.escape(SustainedEscapeReport.id(plan: data.plan))).csv</code>.</p>\n"
        guard let year = data.escapes.map(\.year).max() else {
            return html + "<p class=\"note\">Không có hộ thoát nghèo bền vững.</p>\n</section>\n"
        }
        let rows = data.escapes.filter { $0.year == year }
        let total = rows.reduce(0) { $0 + $1.households }
        html += "<p>Năm \(year): <b>\(HTMLText.integer(total))</b> hộ.</p>\n"
        html += "<table class=\"numbers\"><thead><tr><th>Xã</th><th>Thôn</th><th>Số hộ</th></tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr><td class=\"t\">\(HTMLText.escape(row.communeName)) <span class=\"code\">\(HTMLText.escape(row.communeCode))</span></td>"
            html += "<td class=\"t\">\(HTMLText.escape(row.village))</td><td>\(HTMLText.integer(row.households))</td></tr>\n"
        }
        return html + "</tbody></table>\n</section>\n"
    }
}
