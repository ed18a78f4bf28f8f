import PovReviewCore

/// Section 2 of the HTML report: the deprivation profile of poor households.
extension Renderer {
    func deprivationSection() -> String {
        var html = "<section id=\"thieu-hut\">\n<h2>2. Thiếu hụt dịch vụ xã hội cơ bản của hộ nghèo</h2>\n"
        html += "<p>Tỷ lệ hộ nghèo thiếu hụt từng chỉ số (số hộ nghèo thiếu hụt chỉ số / tổng số hộ nghèo), "
        html += "năm rà soát gần nhất so với năm đầu tiên có cùng chuẩn nghèo.</p>\n"
        var drawn = false
        for (index, province) in data.provinces.enumerated() {
            guard let last = data.years.last(where: { province.years[$0] != nil }), let latest = province.years[last] else {
                continue
            }
            let firstYear = data.years.first { province.years[$0]?.standard == latest.standard && $0 < last }
            let compared = [firstYear.flatMap { province.years[$0] }, latest].compactMap { $0 }
            if latest.poor == 0 {
                html += "<p class=\"note\">\(HTMLText.escape(province.name)) không có hộ nghèo năm \(last).</p>\n"
                continue
            }
            var rows: [(share: Double, order: Int, row: SVGBarChart.Row)] = []
            for (offset, indicator) in Indicator.catalog.enumerated() {
                guard let latestCount = latest.poorDeprived[offset] else { continue }
                var values: [Double?] = []
                var labels: [String] = []
                for row in compared {
                    if let count = row.poorDeprived[offset], let share = ExactPercent(count, of: row.poor) {
                        values.append(share.doubleValue)
                        labels.append("\(HTMLText.percent(share))% (\(HTMLText.integer(count)) hộ)")
                    } else {
                        values.append(nil)
                        labels.append("")
                    }
                }
                let share = ExactPercent(latestCount, of: latest.poor)?.doubleValue ?? 0
                rows.append((share, offset, SVGBarChart.Row(label: indicator.nameVi, values: values, valueLabels: labels)))
            }
            rows.sort { $0.share != $1.share ? $0.share > $1.share : $0.order < $1.order }
            let chart = SVGBarChart(
                title: "Tỷ lệ hộ nghèo thiếu hụt theo chỉ số – \(province.name)",
                series: compared.map { "Năm \($0.reviewYear) (\(HTMLText.integer($0.poor)) hộ nghèo)" },
                rows: rows.map(\.row), axisLabel: "% số hộ nghèo")
            html += "<figure>\(chart.svg(id: "bieu-do-thieu-hut-\(index + 1)"))\n"
            html += "<figcaption>\(HTMLText.escape(chart.title)), xếp theo tỷ lệ năm \(last).</figcaption></figure>\n"
            drawn = true
        }
        if !drawn && data.provinces.isEmpty {
            html += "<p class=\"note\">Không có số liệu cấp tỉnh.</p>\n"
        }
        return html + "</section>\n"
    }
}
