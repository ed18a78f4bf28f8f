import PovReviewCore

/// Section 3 of the HTML report: the criteria verdicts at a glance, with their evidence.
extension Renderer {
    static let verdictOrder = ["met", "not_met", "insufficient_data", "not_applicable"]

    func verdictCell(_ row: CriteriaReport.Row, showingText: Bool = false) -> String {
        let symbol = ReportLabels.verdictSymbol(row.verdict)
        var text = ReportLabels.verdict(row.verdict)
        if row.borderline { text += ", sát ngưỡng" }
        if row.provisional { text += ", tạm tính" }
        let tooltip = text + ": " + row.explanation
        return "<td class=\"v v-\(row.verdict)\(row.borderline ? " borderline" : "")\" title=\"\(HTMLText.escape(tooltip))\">"
            + "\(symbol)\(row.borderline ? "≈" : "")\(row.provisional ? "†" : "")<span class=\"\(showingText ? "label" : "sr")\"> \(HTMLText.escape(text))</span></td>"
    }

    func criteriaSection() -> String {
        let e = HTMLText.escape
        var html = "<section id=\"tieu-chi\">\n<h2>3. Kết quả đánh giá tiêu chí</h2>\n"
        guard !data.criteria.isEmpty else {
            return html + "<p class=\"note\">Chưa có kết quả đánh giá tiêu chí cho kế hoạch này.</p>\n</section>\n"
        }
        html += "<p class=\"verdict-legend\">"
        for verdict in Self.verdictOrder {
            html += "<span class=\"chip v-\(verdict)\">\(ReportLabels.verdictSymbol(verdict)) \(ReportLabels.verdict(verdict))</span> "
        }
        html += "<span class=\"chip borderline\">≈ Sát ngưỡng (làm tròn 2 chữ số thập phân sẽ đổi kết quả)</span>"
        if data.criteria.contains(where: \.provisional) {
            html += " <span class=\"chip\">† Tạm tính (chuẩn nghèo hoặc ngưỡng của kế hoạch chưa chính thức)</span>"
        }
        html += "</p>\n"

        let years = Array(Set(data.criteria.map(\.year))).sorted()
        var criterionIDs: [String] = []
        var texts: [String: String] = [:]
        var labels: [String: String] = [:]
        for row in data.criteria.sorted(by: { $0.criterionID < $1.criterionID }) where texts[row.criterionID] == nil {
            criterionIDs.append(row.criterionID)
            texts[row.criterionID] = row.criterionText
            labels[row.criterionID] = row.criterionLabel
        }

        // Summary: per criterion and year, how many units got each verdict.
        html += "<h3>Tổng hợp theo tiêu chí</h3>\n<table class=\"criteria\"><thead><tr><th>Tiêu chí</th>"
        for year in years { html += "<th>\(year)</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for id in criterionIDs {
            // The plan's short label, then its full wording (both print; no id is shown).
            let label = labels[id] ?? id, text = texts[id] ?? id
            html += "<tr><th scope=\"row\"><span class=\"label\">\(e(label))</span>"
            if text != label { html += "<br><span class=\"text\">\(e(text))</span>" }
            html += "</th>"
            for year in years {
                let rows = data.criteria.filter { $0.criterionID == id && $0.year == year }
                html += "<td class=\"counts\">"
                for verdict in Self.verdictOrder {
                    let count = rows.filter { $0.verdict == verdict }.count
                    if count > 0 {
                        html +=
                            "<span class=\"chip v-\(verdict)\" title=\"\(ReportLabels.verdict(verdict))\">\(ReportLabels.verdictSymbol(verdict)) \(count)</span> "
                    }
                }
                let borderline = rows.filter(\.borderline).count
                if borderline > 0 { html += "<span class=\"chip borderline\" title=\"Sát ngưỡng\">≈ \(borderline)</span>" }
                if rows.isEmpty { html += "<span class=\"none\">·</span>" }
                html += "</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody></table>\n"

        // Per level: unit × criterion rows, one column per year.
        let levels: [(String, String)] = [
            ("province", "Cấp tỉnh"), ("district", "Cấp huyện"), ("commune", "Cấp xã"), ("village", "Cấp thôn"),
        ]
        for (level, heading) in levels {
            let rows = data.criteria.filter { $0.level == level }
            guard !rows.isEmpty else { continue }
            var keys: [(code: String, name: String, criterion: String)] = []
            var seen: Set<String> = []
            var cells: [String: CriteriaReport.Row] = [:]
            for row in rows {
                let key = row.unitCode + "\u{0}" + row.criterionID
                if seen.insert(key).inserted {
                    keys.append((row.unitCode, row.unitName, row.criterionID))
                }
                cells[key + "\u{0}\(row.year)"] = row
            }
            // Code-point order, as SQLite's BINARY collation orders the CSV rows.
            keys.sort {
                $0.code != $1.code
                    ? $0.code.unicodeScalars.lexicographicallyPrecedes($1.code.unicodeScalars)
                    : $0.criterion.unicodeScalars.lexicographicallyPrecedes($1.criterion.unicodeScalars)
            }
            html += "<h3>\(heading)</h3>\n"
            let limit = 400
            if keys.count > limit {
                html += "<p class=\"note\">\(HTMLText.integer(keys.count)) dòng: xem đầy đủ trong tệp "
                html += "<code>\(e(CriteriaReport.id(plan: data.plan))).csv</code> hoặc bảng tính XLSX.</p>\n"
                continue
            }
            html += "<table class=\"criteria matrix\"><thead><tr><th>Đơn vị</th><th>Tiêu chí</th>"
            for year in years { html += "<th>\(year)</th>" }
            html += "</tr></thead>\n<tbody>\n"
            for key in keys {
                html += "<tr><th scope=\"row\">\(e(key.name)) <span class=\"code\">\(e(key.code))</span></th>"
                html += "<td class=\"t\">\(e(texts[key.criterion] ?? key.criterion))</td>"
                for year in years {
                    if let row = cells[key.code + "\u{0}" + key.criterion + "\u{0}\(year)"] {
                        html += verdictCell(row)
                    } else {
                        html += "<td class=\"v none\">·</td>"
                    }
                }
                html += "</tr>\n"
            }
            html += "</tbody></table>\n"
            // Every verdict's evidence in words, in the page (it prints; tooltips do not).
            html += evidenceTable(rows, heading: heading)
        }
        return html + "</section>\n"
    }
}
