import Foundation
import PovReviewCore
import PovReviewIO

/// A hand-run measurement of the ingest hot path (scan + validate), run by `IngestBenchmarkTests`
/// (`POVREVIEW_BENCH=1 swift test -c release --filter IngestBenchmarkTests`).
///
/// Writes a synthetic dump of `rows` households (varied ids, 200 villages, a few NFD and
/// Vietnamese spellings, thousands separators) to a temporary file, then times one
/// `DumpReader` pass over it. Build in release mode for meaningful figures.
enum IngestBenchmark {
    /// The result of one run.
    struct Result: Sendable, CustomStringConvertible {
        var rows: Int
        var accepted: Int
        var bytes: Int
        var seconds: Double
        var rowsPerSecond: Double { Double(rows) / seconds }
        var description: String {
            let mb = Double(bytes) / 1_048_576
            return String(
                format: "ingest: %d rows (%.1f MiB, %d accepted) in %.3f s = %.0f rows/s, %.0f MiB/s",
                rows, mb, accepted, seconds, rowsPerSecond, mb / seconds)
        }
    }

    /// Generates `rows` rows into a temporary file, reads them back, and reports the time of
    /// the read only.
    static func run(rows: Int = 1_000_000) throws -> Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("povreview-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("households_2024.csv")
        let bytes = try writeDump(to: url, rows: rows)

        var units = [
            AdminUnit(code: "01", name: "Tỉnh A", level: .province, parentCode: nil),
            AdminUnit(code: "001", name: "Huyện A", level: .district, parentCode: "01"),
        ]
        for c in 0..<50 {
            units.append(AdminUnit(code: UnitCode(String(format: "%05d", c + 1)), name: "Xã \(c)", level: .commune, parentCode: "001"))
        }
        let admin = AdminDirectory(units: units)

        let clock = ContinuousClock()
        var accepted = 0
        var count = 0
        let elapsed = try clock.measure {
            let reader = try DumpReader(url: url, path: "households_2024.csv", rules: .nationalDefault, admin: admin)
            while let record = try reader.next() {
                count += 1
                if case .accepted = record.outcome { accepted += 1 }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(rows: count, accepted: accepted, bytes: bytes, seconds: seconds)
    }

    static func writeDump(to url: URL, rows: Int) throws -> Int {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var text = Column.allCases.map(\.rawValue).joined(separator: ",") + "\n"
        let villages = (0..<200).map { i -> String in
            switch i % 4 {
            case 0: "Thôn \(i)"
            case 1: "Tho\u{302}n Ho\u{300}a \(i)"
            case 2: "\"Bản Nà, \(i)\""
            default: "Tổ dân phố \(i)"
            }
        }
        let areas = ["rural", "urban", "Nông thôn", "thành thị"]
        let housing = ["durable", "semi_durable", "kiên cố", "non_durable"]
        let water = ["piped", "drilled_well", "Nước máy", "surface"]
        let latrine = ["septic", "pour_flush", "Tự hoại", "none"]
        var total = 0
        for r in 0..<rows {
            let members = 1 + r % 7
            let income = 800_000 + (r * 7919) % 3_000_000
            let incomeText: String
            if r % 3 == 0 && income >= 1_000_000 {
                incomeText = "\"\(income / 1_000_000),\(String(format: "%03d", (income / 1000) % 1000)),\(String(format: "%03d", income % 1000))\""
            } else if r % 3 == 1 && income >= 1_000_000 {
                incomeText = "\(income / 1_000_000).\(String(format: "%03d", (income / 1000) % 1000)).\(String(format: "%03d", income % 1000))"
            } else {
                incomeText = String(income)
            }
            text += "2024,HH\(r),01,001,\(String(format: "%05d", 1 + r % 50)),\(villages[r % 200]),\(areas[r % 4]),\(members),\(r % 5 == 0 ? "x" : "0"),"
            text += "\(incomeText),\(r % 2 == 0 ? String(100 + r % 100) : ""),\(min(1, members)),\(r % (members + 1)),0,\(r % 2),0,0,"
            text += "\(housing[r % 4]),\(r % 2 == 0 ? "\"12,5\"" : "40"),\(water[r % 4]),\(latrine[r % 4]),\(r % (members + 1)),\(r % 3),\(r % 2),"
            text += "\(members),\(r % 2),,,Nguyễn Văn \(r % 100),0010990\(r % 100000)\n"
            if text.utf8.count > 1 << 20 {
                let data = Data(text.utf8)
                total += data.count
                try handle.write(contentsOf: data)
                text = ""
            }
        }
        let data = Data(text.utf8)
        total += data.count
        try handle.write(contentsOf: data)
        return total
    }
}
