/// A line chart of rates over review years as inline SVG: axes with ticks and labels, light grid
/// lines, one line per series (colour, dash and marker differ, so it prints in black and white),
/// a legend on the right, and an optional vertical marker for the 2025 reform.
///
/// A series that lacks a year breaks its line there (a district after the reform, a commune
/// before it was formed); a series with a single year is drawn as its marker alone.
struct SVGLineChart {
    struct Series {
        var label: String
        /// Value (percent) by review year.
        var values: [Int: Double]
        /// Text of each point's label (the exactly rounded value), by review year.
        var labels: [Int: String] = [:]
    }

    /// Accessible title of the chart.
    var title: String
    var years: [Int]
    var series: [Series]
    var yAxisLabel = "%"
    var xAxisLabel = "Năm rà soát"
    /// Writes each point's value next to it (for charts with few series).
    var pointLabels = false
    /// A vertical dashed line after this year with the text (the 2025 reform).
    var marker: (afterYear: Int, text: String)?

    static let width = 900.0
    static let legendWidth = 250.0

    func svg(id: String) -> String {
        let c = HTMLText.coordinate
        let plotLeft = 64.0, top = 28.0, plotHeight = 260.0
        let plotRight = Self.width - Self.legendWidth - 24
        let legendHeight = Double(series.count) * 20 + 10
        let height = max(top + plotHeight + 52, top + legendHeight)
        let largest = series.flatMap(\.values.values).max() ?? 0
        let scale = ChartScale(largest: largest, cap: 100)
        let inset = 28.0
        func x(_ year: Int) -> Double {
            guard years.count > 1, let index = years.firstIndex(of: year) else { return (plotLeft + plotRight) / 2 }
            return plotLeft + inset + Double(index) * (plotRight - plotLeft - 2 * inset) / Double(years.count - 1)
        }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - value / scale.maximum) }

        var svg = "<svg class=\"chart\" id=\"\(id)\" role=\"img\" aria-labelledby=\"\(id)-title\" "
        svg += "viewBox=\"0 0 \(c(Self.width)) \(c(height))\" width=\"\(c(Self.width))\" height=\"\(c(height))\" "
        svg += "xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title>\n"
        // Grid and y axis.
        for tick in scale.ticks {
            let ty = c(y(tick))
            svg += "<line class=\"grid\" x1=\"\(c(plotLeft))\" y1=\"\(ty)\" x2=\"\(c(plotRight))\" y2=\"\(ty)\"/>"
            svg += "<text class=\"tick\" x=\"\(c(plotLeft - 8))\" y=\"\(c(y(tick) + 4))\" text-anchor=\"end\">\(HTMLText.tick(tick))</text>\n"
        }
        svg += "<line class=\"axis\" x1=\"\(c(plotLeft))\" y1=\"\(c(top))\" x2=\"\(c(plotLeft))\" y2=\"\(c(top + plotHeight))\"/>"
        svg += "<line class=\"axis\" x1=\"\(c(plotLeft))\" y1=\"\(c(top + plotHeight))\" x2=\"\(c(plotRight))\" y2=\"\(c(top + plotHeight))\"/>\n"
        svg += "<text class=\"axis-label\" x=\"\(c(plotLeft - 8))\" y=\"\(c(top - 12))\" text-anchor=\"end\">\(HTMLText.escape(yAxisLabel))</text>\n"
        for year in years {
            svg += "<line class=\"axis\" x1=\"\(c(x(year)))\" y1=\"\(c(top + plotHeight))\" x2=\"\(c(x(year)))\" y2=\"\(c(top + plotHeight + 5))\"/>"
            svg += "<text class=\"tick\" x=\"\(c(x(year)))\" y=\"\(c(top + plotHeight + 20))\" text-anchor=\"middle\">\(year)</text>\n"
        }
        svg +=
            "<text class=\"axis-label\" x=\"\(c((plotLeft + plotRight) / 2))\" y=\"\(c(top + plotHeight + 42))\" text-anchor=\"middle\">\(HTMLText.escape(xAxisLabel))</text>\n"
        // Reform marker.
        if let marker, let index = years.firstIndex(of: marker.afterYear), index + 1 < years.count {
            let mx = (x(years[index]) + x(years[index + 1])) / 2
            svg += "<line class=\"reform\" x1=\"\(c(mx))\" y1=\"\(c(top))\" x2=\"\(c(mx))\" y2=\"\(c(top + plotHeight))\"/>"
            // Up to two lines of text right of the marker, within the plot.
            let words = marker.text.split(separator: " ")
            let lines =
                words.count > 2
                ? [words.prefix(words.count / 2).joined(separator: " "), words.dropFirst(words.count / 2).joined(separator: " ")]
                : [marker.text]
            for (offset, line) in lines.enumerated() {
                svg += "<text class=\"reform-label\" x=\"\(c(mx + 4))\" y=\"\(c(top + 12 + 14 * Double(offset)))\">\(HTMLText.escape(line))</text>"
            }
            svg += "\n"
        }
        // Lines and markers.
        var labels: [(year: Int, y: Double, text: String, color: String)] = []
        for (index, serie) in series.enumerated() {
            let color = ChartStyle.color(index), dash = ChartStyle.dash(index)
            svg += "<g class=\"series\"><title>\(HTMLText.escape(serie.label))</title>"
            var segment: [String] = []
            func flush() {
                if segment.count > 1 {
                    svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.5\""
                    svg += dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
                    svg += " points=\"\(segment.joined(separator: " "))\"/>"
                }
                segment = []
            }
            for year in years {
                if let value = serie.values[year] {
                    segment.append("\(c(x(year))),\(c(y(value)))")
                } else {
                    flush()
                }
            }
            flush()
            for year in years {
                guard let value = serie.values[year] else { continue }
                svg += ChartStyle.marker(index, x: x(year), y: y(value), color: color)
                if pointLabels {
                    labels.append((year, y(value), serie.labels[year] ?? HTMLText.tick(value), color))
                }
            }
            svg += "</g>\n"
        }
        // Point labels above their points, pushed apart where they would overlap.
        for year in years {
            let column = labels.filter { $0.year == year }.sorted { $0.y < $1.y }
            var previous = -Double.infinity
            for label in column {
                let ly = max(label.y - 9, previous + 13)
                previous = ly
                svg += "<text class=\"point-label\" x=\"\(c(x(year) + 7))\" y=\"\(c(ly))\" fill=\"\(label.color)\">\(label.text)</text>"
            }
            if !column.isEmpty { svg += "\n" }
        }
        // Legend.
        let legendX = plotRight + 24
        for (index, serie) in series.enumerated() {
            let ly = top + Double(index) * 20
            let color = ChartStyle.color(index), dash = ChartStyle.dash(index)
            svg +=
                "<g class=\"legend\"><line x1=\"\(c(legendX))\" y1=\"\(c(ly))\" x2=\"\(c(legendX + 30))\" y2=\"\(c(ly))\" stroke=\"\(color)\" stroke-width=\"2.5\""
            svg += dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
            svg += "/>" + ChartStyle.marker(index, x: legendX + 15, y: ly, color: color)
            svg += "<text x=\"\(c(legendX + 38))\" y=\"\(c(ly + 4))\">\(HTMLText.escape(HTMLText.shortened(serie.label, 30)))"
            svg += "<title>\(HTMLText.escape(serie.label))</title></text></g>\n"
        }
        svg += "</svg>"
        return svg
    }
}
