/// A linear value axis from 0 to a "nice" maximum, with ticks at a nice step (1, 2, 2.5 or 5
/// times a power of ten), for the SVG charts.
struct ChartScale {
    let maximum: Double
    let step: Double

    /// A scale whose maximum is at least `largest` × 1.1 (room above the highest point), capped
    /// at `cap` when given (percentages never need more than 100).
    init(largest: Double, cap: Double? = nil) {
        let target = max(largest * 1.1, 0.5)
        let rough = target / 5
        var power = 0.001
        while power * 10 <= rough { power *= 10 }
        let step = [1.0, 2.0, 2.5, 5.0, 10.0].map { $0 * power }.first { $0 >= rough } ?? power * 10
        var maximum = (target / step).rounded(.up) * step
        if let cap, maximum > cap, largest <= cap {
            maximum = cap
        }
        self.maximum = maximum
        self.step = step
    }

    /// The tick values from 0 to the maximum.
    var ticks: [Double] {
        var values: [Double] = []
        var index = 0
        while Double(index) * step <= maximum + step / 1000 {
            values.append(Double(index) * step)
            index += 1
        }
        return values
    }
}

/// Colours and shapes of chart series: the Okabe–Ito palette (readable with colour-vision
/// deficiencies) combined with marker shapes and dash patterns, so that series stay apart when
/// printed in black and white.
enum ChartStyle {
    static let colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C6D1F"]
    static let dashes = ["", "6 3", "2 3", "9 3 2 3"]

    static func color(_ index: Int) -> String { colors[index % colors.count] }
    static func dash(_ index: Int) -> String { dashes[(index / 2 + index) % dashes.count] }

    /// An SVG marker shape of series `index` centred on (x, y).
    static func marker(_ index: Int, x: Double, y: Double, color: String, size: Double = 4) -> String {
        let cx = HTMLText.coordinate(x), cy = HTMLText.coordinate(y)
        let s = size
        let c = HTMLText.coordinate
        switch index % 5 {
        case 0:
            return "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\(q(c(s))) fill=\"\(color)\" stroke=\"#fff\" stroke-width=\"1\"/>"
        case 1:
            return "<rect x=\(q(c(x - s))) y=\(q(c(y - s))) width=\(q(c(2 * s))) height=\(q(c(2 * s))) fill=\"\(color)\" stroke=\"#fff\" stroke-width=\"1\"/>"
        case 2:
            return
                "<path d=\"M\(c(x)) \(c(y - s - 1))L\(c(x + s + 1)) \(c(y + s))L\(c(x - s - 1)) \(c(y + s))Z\" fill=\"\(color)\" stroke=\"#fff\" stroke-width=\"1\"/>"
        case 3:
            return
                "<path d=\"M\(c(x)) \(c(y - s - 1))L\(c(x + s + 1)) \(c(y))L\(c(x)) \(c(y + s + 1))L\(c(x - s - 1)) \(c(y))Z\" fill=\"\(color)\" stroke=\"#fff\" stroke-width=\"1\"/>"
        default:
            return
                "<path d=\"M\(c(x - s)) \(c(y - s))L\(c(x + s)) \(c(y + s))M\(c(x - s)) \(c(y + s))L\(c(x + s)) \(c(y - s))\" stroke=\"\(color)\" stroke-width=\"2.5\"/>"
        }
    }

    private static func q(_ text: String) -> String { "\"" + text + "\"" }
}
