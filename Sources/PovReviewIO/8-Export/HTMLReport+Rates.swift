import PovReviewCore

/// Section 1 of the HTML report: poor and near-poor rates over the years, per province,
/// district and commune (line charts, small multiples and tables).
extension Renderer {
    func ratesSection() -> String {
        var html = "<section id=\"ty-le\">\n<h2>1. Tỷ lệ hộ nghèo, hộ cận nghèo qua các năm</h2>\n"
        if data.provinces.isEmpty {
            return html + "<p class=\"note\">Không có số liệu cấp tỉnh cho kế hoạch này.</p>\n</section>\n"
        }
        // Province.
        html += "<h3>Cấp tỉnh</h3>\n"
        if data.provinces.count == 1, let province = data.provinces.first {
            let chart = SVGLineChart(
                title: "Tỷ lệ hộ nghèo, hộ cận nghèo và tỷ lệ nghèo đa chiều của \(province.name) qua các năm",
                years: data.years,
                series: [
                    series("Tỷ lệ hộ nghèo", province) { ($0.poor, $0.households) },
                    series("Tỷ lệ hộ cận nghèo", province) { ($0.nearPoor, $0.households) },
                    series("Tỷ lệ hộ nghèo và cận nghèo", province) { ($0.poor + $0.nearPoor, $0.households) },
                ],
                pointLabels: true)
            html += "<figure>\(chart.svg(id: "bieu-do-tinh"))\n<figcaption>\(HTMLText.escape(chart.title)) (%).</figcaption></figure>\n"
        } else {
            let chart = SVGLineChart(
                title: "Tỷ lệ hộ nghèo và cận nghèo theo tỉnh", years: data.years,
                series: data.provinces.map { province in
                    series(province.name, province) { ($0.poor + $0.nearPoor, $0.households) }
                },
                pointLabels: data.provinces.count <= 4)
            html += "<figure>\(chart.svg(id: "bieu-do-tinh"))\n<figcaption>\(HTMLText.escape(chart.title)) (%).</figcaption></figure>\n"
        }
        for province in data.provinces { html += provinceTable(province) }

        // Districts.
        html += "<h3>Cấp huyện</h3>\n"
        if data.districts.isEmpty {
            html += "<p class=\"note\">Không có số liệu cấp huyện.</p>\n"
        } else {
            let districtYears = Set(data.districts.flatMap(\.years.keys))
            let lastDistrictYear = districtYears.max()!
            let later = data.years.filter { $0 > lastDistrictYear }
            let marker = later.isEmpty ? nil : (afterYear: lastDistrictYear, text: "Không còn cấp huyện")
            for (id, title, part) in [
                ("bieu-do-huyen-ngheo", "Tỷ lệ hộ nghèo theo huyện", { (row: HTMLReportData.UnitYear) in (row.poor, row.households) }),
                (
                    "bieu-do-huyen-ngheo-can-ngheo", "Tỷ lệ hộ nghèo và cận nghèo theo huyện",
                    { (row: HTMLReportData.UnitYear) in (row.poor + row.nearPoor, row.households) }
                ),
            ] {
                // Legend from the highest latest rate down, so it reads in the order of the line ends.
                let ordered = data.districts.map { district in
                    (district, values(district, part)[lastDistrictYear] ?? -1)
                }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.code < $1.0.code }.map(\.0)
                let chart = SVGLineChart(
                    title: title, years: data.years,
                    series: ordered.map { series("\($0.name) (\($0.code))", $0, part) },
                    pointLabels: data.districts.count <= 4, marker: marker)
                html += "<figure>\(chart.svg(id: id))\n<figcaption>\(HTMLText.escape(title)) (%), chú giải xếp theo "
                html += "tỷ lệ năm \(lastDistrictYear) từ cao xuống thấp.</figcaption></figure>\n"
                html += ratesTable(title, data.districts, years: data.years.filter(districtYears.contains), part)
            }
            if !later.isEmpty {
                html += "<p class=\"note\">Cấp huyện chấm dứt hoạt động từ ngày 1/7/2025: số liệu cấp huyện dừng ở năm "
                html += "\(lastDistrictYear); các năm sau chỉ có cấp tỉnh và cấp xã.</p>\n"
            }
        }

        // Communes: small multiples on one scale.
        html += "<h3>Cấp xã</h3>\n"
        if data.communes.isEmpty {
            html += "<p class=\"note\">Không có số liệu cấp xã.</p>\n"
        } else {
            var largest = 0.0
            for commune in data.communes {
                for row in commune.years.values { largest = max(largest, rate(row.poor + row.nearPoor, row.households) ?? 0) }
            }
            let scale = ChartScale(largest: largest, cap: 100)
            html +=
                "<p class=\"legend-line\"><svg width=\"34\" height=\"12\" aria-hidden=\"true\"><line x1=\"2\" y1=\"6\" x2=\"32\" y2=\"6\" stroke=\"\(ChartStyle.color(0))\" stroke-width=\"2\"/>"
            html += ChartStyle.marker(0, x: 17, y: 6, color: ChartStyle.color(0), size: 3)
            html +=
                "</svg> Tỷ lệ hộ nghèo (%) <svg width=\"34\" height=\"12\" aria-hidden=\"true\"><line x1=\"2\" y1=\"6\" x2=\"32\" y2=\"6\" stroke=\"\(ChartStyle.color(1))\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>"
            html += ChartStyle.marker(1, x: 17, y: 6, color: ChartStyle.color(1), size: 3)
            html += "</svg> Tỷ lệ hộ nghèo và cận nghèo (%) · cùng thang đo 0–\(HTMLText.tick(scale.maximum))% cho mọi xã.</p>\n"
            html += "<div class=\"panels\">\n"
            for commune in data.communes {
                let spark = SVGSparkline(
                    title: "\(commune.name) (\(commune.code))", years: data.years,
                    poor: values(commune) { ($0.poor, $0.households) },
                    poorNearPoor: values(commune) { ($0.poor + $0.nearPoor, $0.households) },
                    poorLabels: labels(commune) { ($0.poor, $0.households) },
                    poorNearPoorLabels: labels(commune) { ($0.poor + $0.nearPoor, $0.households) }, scale: scale)
                let present = data.years.filter { commune.years[$0] != nil }
                let caption = "<b>\(HTMLText.escape(commune.name))</b> <span class=\"code\">\(HTMLText.escape(commune.code))</span>"
                var note = ""
                if present.count < data.years.count, let first = present.first, let last = present.last {
                    note = "<div class=\"code\">Chỉ có số liệu \(first == last ? "năm \(first)" : "\(first)–\(last)")</div>"
                }
                html += "<figure class=\"panel\"><figcaption>\(caption)</figcaption>\(spark.svg())\(note)</figure>\n"
            }
            html += "</div>\n"
        }
        return html + "</section>\n"
    }

    func values(_ unit: Unit, _ part: (HTMLReportData.UnitYear) -> (Int, Int)) -> [Int: Double] {
        var result: [Int: Double] = [:]
        for (year, row) in unit.years {
            let (numerator, denominator) = part(row)
            result[year] = rate(numerator, denominator)
        }
        return result
    }

    /// The exactly rounded rates of `unit` as point labels ("1,01").
    func labels(_ unit: Unit, _ part: (HTMLReportData.UnitYear) -> (Int, Int)) -> [Int: String] {
        var result: [Int: String] = [:]
        for (year, row) in unit.years {
            let (numerator, denominator) = part(row)
            result[year] = ExactPercent(numerator, of: denominator).map(HTMLText.percent)
        }
        return result
    }

    /// A chart series of `unit`'s rate `part`, with exact point labels.
    func series(_ label: String, _ unit: Unit, _ part: (HTMLReportData.UnitYear) -> (Int, Int)) -> SVGLineChart.Series {
        SVGLineChart.Series(label: label, values: values(unit, part), labels: labels(unit, part))
    }

    /// A folded table of `units`' rates by year, for reading exact values off a busy chart.
    func ratesTable(
        _ title: String, _ units: [Unit], years: [Int], _ part: (HTMLReportData.UnitYear) -> (Int, Int)
    ) -> String {
        var html = "<details open><summary>Số liệu: \(HTMLText.escape(title.prefix(1).lowercased() + title.dropFirst())) (%)</summary>\n"
        html += "<table class=\"numbers\"><thead><tr><th>Đơn vị</th>"
        for year in years { html += "<th>\(year)</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for unit in units {
            html += "<tr><td class=\"t\">\(HTMLText.escape(unit.name)) <span class=\"code\">\(HTMLText.escape(unit.code))</span></td>"
            for year in years {
                let text = unit.years[year].flatMap { row -> String? in
                    let (numerator, denominator) = part(row)
                    return ExactPercent(numerator, of: denominator).map(HTMLText.percent)
                }
                html += "<td>\(text ?? "—")</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table>\n</details>\n"
    }

    func provinceTable(_ province: Unit) -> String {
        var html = "<table class=\"numbers\"><caption>\(HTMLText.escape(province.name)): số liệu theo năm</caption>\n"
        html += "<thead><tr><th>Năm rà soát</th><th>Tổng số hộ</th><th>Số hộ nghèo</th><th>Tỷ lệ hộ nghèo (%)</th>"
        html += "<th>Mức giảm tỷ lệ hộ nghèo (điểm %)</th><th>Số hộ cận nghèo</th><th>Tỷ lệ hộ cận nghèo (%)</th>"
        html += "<th>Tỷ lệ hộ nghèo và cận nghèo (%)</th><th>Mức giảm tỷ lệ nghèo và cận nghèo (điểm %)</th></tr></thead>\n<tbody>\n"
        var previous: HTMLReportData.UnitYear?
        for year in data.years {
            guard let row = province.years[year] else { previous = nil; continue }
            func decrease(_ part: (HTMLReportData.UnitYear) -> Int) -> String {
                // rate(y−1) − rate(y) on the exact rationals: (a·d − c·b) / (b·d).
                guard let previous else { return "—" }
                let a = part(previous), b = previous.households, c = part(row), d = row.households
                guard let value = ExactPercent(a * d - c * b, of: b * d) else { return "—" }
                return HTMLText.percent(value)
            }
            html += "<tr><th scope=\"row\">\(year)</th><td>\(HTMLText.integer(row.households))</td>"
            html += "<td>\(HTMLText.integer(row.poor))</td><td>\(percent(row.poor, row.households).dropLast())</td>"
            html += "<td>\(decrease { $0.poor })</td>"
            html += "<td>\(HTMLText.integer(row.nearPoor))</td><td>\(percent(row.nearPoor, row.households).dropLast())</td>"
            html += "<td>\(percent(row.poor + row.nearPoor, row.households).dropLast())</td>"
            html += "<td>\(decrease { $0.poor + $0.nearPoor })</td></tr>\n"
            previous = row
        }
        return html + "</tbody></table>\n"
    }
}
