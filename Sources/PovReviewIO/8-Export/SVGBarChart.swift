/// A horizontal bar chart as inline SVG: one group of bars per row (an indicator), one bar per
/// series (a year), the value written at the end of each bar, a labelled axis and a legend.
struct SVGBarChart {
    struct Row {
        var label: String
        /// One value per series, nil when the series lacks the row.
        var values: [Double?]
        /// Text written after each bar.
        var valueLabels: [String]
    }

    var title: String
    /// Series labels, e.g. the years.
    var series: [String]
    var rows: [Row]
    var axisLabel: String

    static let width = 900.0
    /// Later series are drawn darker: the latest year is the one to read first.
    static let fills = ["#9ecae1", "#08519c", "#3182bd"]

    func svg(id: String) -> String {
        let c = HTMLText.coordinate
        let labelWidth = 300.0, top = 40.0, barHeight = 14.0, gap = 3.0
        let plotLeft = labelWidth + 10, plotRight = Self.width - 150
        let rowHeight = Double(series.count) * (barHeight + gap) + 12
        let plotHeight = Double(rows.count) * rowHeight
        let height = top + plotHeight + 44
        let scale = ChartScale(largest: rows.flatMap { $0.values.compactMap { $0 } }.max() ?? 0, cap: 100)
        func x(_ value: Double) -> Double { plotLeft + (plotRight - plotLeft) * value / scale.maximum }

        var svg = "<svg class=\"chart\" id=\"\(id)\" role=\"img\" aria-labelledby=\"\(id)-title\" "
        svg += "viewBox=\"0 0 \(c(Self.width)) \(c(height))\" width=\"\(c(Self.width))\" height=\"\(c(height))\" "
        svg += "xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title>\n"
        // Legend.
        var lx = plotLeft
        for (index, name) in series.enumerated() {
            defer { lx += Double(name.count) * 7.5 + 44 }
            svg += "<rect x=\"\(c(lx))\" y=\"8\" width=\"14\" height=\"14\" fill=\"\(fill(index))\"/>"
            svg += "<text x=\"\(c(lx + 20))\" y=\"20\">\(HTMLText.escape(name))</text>\n"
        }
        for tick in scale.ticks {
            svg += "<line class=\"grid\" x1=\"\(c(x(tick)))\" y1=\"\(c(top))\" x2=\"\(c(x(tick)))\" y2=\"\(c(top + plotHeight))\"/>"
            svg += "<text class=\"tick\" x=\"\(c(x(tick)))\" y=\"\(c(top + plotHeight + 16))\" text-anchor=\"middle\">\(HTMLText.tick(tick))</text>\n"
        }
        svg += "<line class=\"axis\" x1=\"\(c(plotLeft))\" y1=\"\(c(top))\" x2=\"\(c(plotLeft))\" y2=\"\(c(top + plotHeight))\"/>\n"
        svg +=
            "<text class=\"axis-label\" x=\"\(c((plotLeft + plotRight) / 2))\" y=\"\(c(top + plotHeight + 36))\" text-anchor=\"middle\">\(HTMLText.escape(axisLabel))</text>\n"
        for (rowIndex, row) in rows.enumerated() {
            let rowTop = top + Double(rowIndex) * rowHeight + 6
            let middle = rowTop + Double(series.count) * (barHeight + gap) / 2
            svg += "<text class=\"bar-label\" x=\"\(c(labelWidth))\" y=\"\(c(middle + 4))\" text-anchor=\"end\">\(HTMLText.escape(row.label))</text>"
            for (index, value) in row.values.enumerated() {
                guard let value else { continue }
                let by = rowTop + Double(index) * (barHeight + gap)
                svg +=
                    "<rect x=\"\(c(plotLeft))\" y=\"\(c(by))\" width=\"\(c(max(x(value) - plotLeft, 0.5)))\" height=\"\(c(barHeight))\" fill=\"\(fill(index))\"><title>\(HTMLText.escape(series[index] + ": " + row.valueLabels[index]))</title></rect>"
                svg += "<text class=\"bar-value\" x=\"\(c(x(value) + 5))\" y=\"\(c(by + barHeight - 3))\">\(HTMLText.escape(row.valueLabels[index]))</text>"
            }
            svg += "\n"
        }
        svg += "</svg>"
        return svg
    }

    private func fill(_ index: Int) -> String {
        // With one series use the dark fill; with two, light then dark.
        series.count == 1 ? Self.fills[1] : Self.fills[min(index, Self.fills.count - 1)]
    }
}
