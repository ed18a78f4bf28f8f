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

    // MARK: Rates over the years

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
                ("bieu-do-huyen-ngheo-can-ngheo", "Tỷ lệ hộ nghèo và cận nghèo theo huyện",
                 { (row: HTMLReportData.UnitYear) in (row.poor + row.nearPoor, row.households) }),
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
            html += "<p class=\"legend-line\"><svg width=\"34\" height=\"12\" aria-hidden=\"true\"><line x1=\"2\" y1=\"6\" x2=\"32\" y2=\"6\" stroke=\"\(ChartStyle.color(0))\" stroke-width=\"2\"/>"
            html += ChartStyle.marker(0, x: 17, y: 6, color: ChartStyle.color(0), size: 3)
            html += "</svg> Tỷ lệ hộ nghèo (%) <svg width=\"34\" height=\"12\" aria-hidden=\"true\"><line x1=\"2\" y1=\"6\" x2=\"32\" y2=\"6\" stroke=\"\(ChartStyle.color(1))\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>"
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

    // MARK: Deprivation profile

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
                series: compared.map { "Năm \($0.year) (\(HTMLText.integer($0.poor)) hộ nghèo)" },
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

    // MARK: Criteria

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
                        html += "<span class=\"chip v-\(verdict)\" title=\"\(ReportLabels.verdict(verdict))\">\(ReportLabels.verdictSymbol(verdict)) \(count)</span> "
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

    // MARK: Sustained escapes

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

    // MARK: Data quality

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

    // MARK: Style

    static let css = """
        :root { color-scheme: light; --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d0d0d0; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1100px; padding: 24px; color: var(--ink); background: #fff;
          font: 15px/1.45 "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
        h1 { font-size: 26px; margin: 0 0 8px; }
        h2 { font-size: 21px; margin: 36px 0 8px; padding-top: 8px; border-top: 2px solid var(--ink); }
        h3 { font-size: 17px; margin: 22px 0 6px; }
        .meta span { display: inline-block; margin-right: 18px; color: var(--muted); }
        .meta b { color: var(--ink); }
        nav ol { margin: 6px 0 0; padding-left: 22px; columns: 2; }
        a { color: #0b4f8a; }
        .figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 20px 0 0; }
        .card { flex: 1 1 200px; border: 1px solid var(--rule); border-radius: 6px; padding: 10px 14px; }
        .card .label { color: var(--muted); font-size: 13px; }
        .card .value { font-size: 26px; font-weight: 600; }
        .card .detail { color: var(--muted); font-size: 13px; }
        figure { margin: 12px 0 18px; }
        figcaption { color: var(--muted); font-size: 13px; }
        svg.chart { max-width: 100%; height: auto; display: block; }
        svg text { font-family: inherit; font-size: 12px; fill: var(--ink); }
        svg .tick { fill: var(--muted); }
        svg .axis-label { font-size: 12px; fill: var(--muted); }
        svg .grid { stroke: #e6e6e6; stroke-width: 1; }
        svg .axis { stroke: #444; stroke-width: 1; }
        svg .reform { stroke: #7a0000; stroke-width: 1.5; stroke-dasharray: 4 4; }
        svg .reform-label { fill: #7a0000; font-size: 12px; }
        svg .point-label, svg .bar-value { font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 3px;
          stroke-linejoin: round; }
        svg .bar-label { font-size: 12.5px; }
        .panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 6px 14px; }
        .panel { margin: 0; border-top: 1px solid var(--rule); padding-top: 4px; }
        .panel figcaption { color: var(--ink); font-size: 13px; }
        .code { color: var(--muted); font-size: 12px; font-weight: normal; }
        .legend-line svg { vertical-align: middle; }
        .note { color: var(--muted); font-style: italic; }
        details { margin: -8px 0 16px; }
        summary { cursor: pointer; color: #0b4f8a; font-size: 13.5px; }
        @media print { details { display: none; } }
        table { border-collapse: collapse; margin: 10px 0 18px; font-size: 13.5px; }
        caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
        th, td { border: 1px solid var(--rule); padding: 4px 8px; vertical-align: top; }
        thead th { background: #f1f4f8; text-align: left; }
        table.numbers td { text-align: right; font-variant-numeric: tabular-nums; }
        table.numbers td.t { text-align: left; }
        table.criteria th[scope=row] { text-align: left; font-weight: normal; max-width: 420px; }
        table.criteria .label { font-weight: 600; }
        table.criteria .text { color: var(--muted); font-size: 12.5px; }
        td.v { text-align: center; font-weight: 700; min-width: 44px; }
        td.v .label { font-weight: normal; white-space: nowrap; }
        .chip { display: inline-block; padding: 1px 7px; margin: 1px 0; border-radius: 10px; border: 1px solid #999;
          font-size: 12.5px; white-space: nowrap; }
        .v-met { background: #d7f0d7; color: #125c12; border-color: #6fb46f; }
        .v-not_met { background: #f9d6d5; color: #8e1512; border-color: #d77471; }
        .v-insufficient_data { background: #ececec; color: #444; border-color: #aaa; }
        .v-not_applicable { background: #fff; color: #777; border-color: #ccc; }
        .borderline { outline: 2px dashed #b26b00; outline-offset: -3px; }
        .chip.borderline { outline: none; border: 2px dashed #b26b00; background: #fff4e0; color: #6b4000; }
        td.none, .none { color: #bbb; text-align: center; }
        .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        table.evidence td:last-child { max-width: 640px; }
        footer { margin-top: 40px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--rule); }
        @media print {
          body { max-width: none; padding: 0; font-size: 11pt; }
          nav { display: none; }
          h2, h3 { break-before: auto; break-after: avoid; }
          figure, table { break-inside: avoid; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
