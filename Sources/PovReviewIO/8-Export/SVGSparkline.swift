/// A small multiple: one unit's poor rate and poor-and-near-poor rate over the review years, as a
/// small inline SVG. Every panel of a grid shares the same years and scale, so panels compare.
struct SVGSparkline {
    var title: String
    var years: [Int]
    /// Poor rate by year (solid line, circles).
    var poor: [Int: Double]
    /// Poor-and-near-poor rate by year (dashed line, squares).
    var poorNearPoor: [Int: Double]
    /// Labels of the last points (the exactly rounded values), by year.
    var poorLabels: [Int: String] = [:]
    var poorNearPoorLabels: [Int: String] = [:]
    var scale: ChartScale

    static let width = 250.0
    static let height = 120.0

    func svg() -> String {
        let c = HTMLText.coordinate
        let left = 34.0, right = Self.width - 40, top = 14.0, bottom = Self.height - 26
        func x(_ year: Int) -> Double {
            guard years.count > 1, let index = years.firstIndex(of: year) else { return (left + right) / 2 }
            return left + 8 + Double(index) * (right - left - 16) / Double(years.count - 1)
        }
        func y(_ value: Double) -> Double { bottom - (bottom - top) * value / scale.maximum }
        var svg = "<svg class=\"spark\" role=\"img\" viewBox=\"0 0 \(c(Self.width)) \(c(Self.height))\" "
        svg += "width=\"\(c(Self.width))\" height=\"\(c(Self.height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(HTMLText.escape(title))</title>"
        for tick in [0, scale.maximum] {
            svg += "<line class=\"grid\" x1=\"\(c(left))\" y1=\"\(c(y(tick)))\" x2=\"\(c(right))\" y2=\"\(c(y(tick)))\"/>"
            svg += "<text class=\"tick\" x=\"\(c(left - 4))\" y=\"\(c(y(tick) + 4))\" text-anchor=\"end\">\(HTMLText.tick(tick))</text>"
        }
        if let first = years.first, let last = years.last {
            svg += "<text class=\"tick\" x=\"\(c(x(first)))\" y=\"\(c(bottom + 18))\" text-anchor=\"middle\">\(first)</text>"
            if last != first {
                svg += "<text class=\"tick\" x=\"\(c(x(last)))\" y=\"\(c(bottom + 18))\" text-anchor=\"middle\">\(last)</text>"
            }
        }
        var lastLabels: [(x: Double, y: Double, text: String, color: String, style: Int)] = []
        for (index, (values, labels)) in [(poorNearPoor, poorNearPoorLabels), (poor, poorLabels)].enumerated() {
            let styleIndex = 1 - index  // poor: style 0, poor and near-poor: style 1
            let color = ChartStyle.color(styleIndex)
            var segment: [String] = []
            func flush() {
                if segment.count > 1 {
                    svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\""
                    svg += styleIndex == 1 ? " stroke-dasharray=\"5 3\"" : ""
                    svg += " points=\"\(segment.joined(separator: " "))\"/>"
                }
                segment = []
            }
            for year in years {
                if let value = values[year] { segment.append("\(c(x(year))),\(c(y(value)))") } else { flush() }
            }
            flush()
            for year in years {
                if let value = values[year] {
                    svg += ChartStyle.marker(styleIndex, x: x(year), y: y(value), color: color, size: 3)
                }
            }
            if let lastYear = years.last(where: { values[$0] != nil }), let value = values[lastYear] {
                lastLabels.append((x(lastYear), y(value), labels[lastYear] ?? HTMLText.tick(value), color, styleIndex))
            }
        }
        // Last values: poor-and-near-poor above its point, poor below, kept inside the plot and
        // at least a line apart.
        if let pn = lastLabels.first(where: { $0.style == 1 }), let p = lastLabels.first(where: { $0.style == 0 }) {
            let poorY = min(p.y + 12, bottom - 2)
            let pnY = min(pn.y - 6, poorY - 11)
            svg += "<text class=\"point-label\" x=\"\(c(pn.x + 6))\" y=\"\(c(max(pnY, top)))\" fill=\"\(pn.color)\">\(pn.text)</text>"
            svg += "<text class=\"point-label\" x=\"\(c(p.x + 6))\" y=\"\(c(poorY))\" fill=\"\(p.color)\">\(p.text)</text>"
        }
        svg += "</svg>"
        return svg
    }
}
