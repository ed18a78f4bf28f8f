import PovReviewCore

/// Section 5 of the HTML report: the data quality of the run, and the table markup it uses.
extension Renderer {
    func qualitySection() -> String {
        let e = HTMLText.escape
        var html = "<section id=\"chat-luong\">\n<h2>5. Chất lượng dữ liệu</h2>\n"
        if data.inputFiles.rows.isEmpty {
            html += "<p class=\"note\">Không có tệp đầu vào nào được ghi cho lần chạy \(data.runID).</p>\n"
        } else {
            html += table(data.inputFiles, caption: "Tệp đầu vào")
        }
        var byReason: [(code: String, count: Int)] = []
        for row in data.quarantine.rows {
            guard case .text(let code) = row[1], case .integer(let count) = row[3] else { continue }
            if let index = byReason.firstIndex(where: { $0.code == code }) {
                byReason[index].count += count
            } else {
                byReason.append((code, count))
            }
        }
        if byReason.isEmpty {
            html += "<p>Không có dòng dữ liệu nào bị loại.</p>\n"
        } else {
            byReason.sort { $0.count != $1.count ? $0.count > $1.count : $0.code < $1.code }
            let total = byReason.reduce(0) { $0 + $1.count }
            html += "<table class=\"numbers\"><caption>Dòng bị loại theo lý do (tổng \(HTMLText.integer(total)) dòng)</caption>\n"
            html += "<thead><tr><th>Lý do</th><th>Mã</th><th>Số dòng</th><th>Tỷ trọng (%)</th></tr></thead>\n<tbody>\n"
            for reason in byReason {
                html += "<tr><td class=\"t\">\(e(ReportLabels.quarantineReason(reason.code)))</td><td class=\"t\"><code>\(e(reason.code))</code></td>"
                html += "<td>\(HTMLText.integer(reason.count))</td><td>\(percent(reason.count, total).dropLast())</td></tr>\n"
            }
            html += "</tbody></table>\n"
            html += table(data.quarantine, caption: "Dòng bị loại theo tệp và lý do")
        }
        if !data.warnings.rows.isEmpty {
            html += table(translatedWarnings(), caption: "Cảnh báo theo tệp và mã")
        }
        return html + "</section>\n"
    }

    /// A report table as an HTML table, numbers the Vietnamese way.
    func table(_ table: ReportTable, caption: String) -> String {
        var html = "<table class=\"numbers\"><caption>\(HTMLText.escape(caption))</caption>\n<thead><tr>"
        for column in table.columns { html += "<th>\(HTMLText.escape(column.header))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for cell in row {
                switch cell {
                case .empty: html += "<td></td>"
                case .text(let text): html += "<td class=\"t\">\(HTMLText.escape(text))</td>"
                case .integer(let value): html += "<td>\(HTMLText.integer(value))</td>"
                case .rate(let value): html += "<td>\(HTMLText.percent(value))</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table>\n"
    }
}
