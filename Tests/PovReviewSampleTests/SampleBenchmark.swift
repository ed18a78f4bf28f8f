import Foundation
import PovReviewSample
import Testing

/// Times the generator on a large panel. Off unless `POVREVIEW_SAMPLE_BENCH` holds the number
/// of households (e.g. `POVREVIEW_SAMPLE_BENCH=1000000 swift test -c release --filter SampleBenchmark`).
@Suite struct SampleBenchmark {
    static let households = ProcessInfo.processInfo.environment["POVREVIEW_SAMPLE_BENCH"].flatMap { Int($0) }

    @Test(.enabled(if: households != nil)) func generatesOneLargeYear() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("povreview-sample-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = SampleConfiguration(householdsPerYear: Self.households ?? 0, years: 2024...2024, seed: 7)
        let clock = ContinuousClock()
        let start = clock.now
        let summary = try SampleGenerator(configuration: configuration).write(to: directory)
        let elapsed = clock.now - start
        let size =
            try FileManager.default.attributesOfItem(
                atPath: directory.appendingPathComponent("households_2024.csv").path)[.size] as? Int ?? 0
        print("sample bench: \(configuration.householdsPerYear) households in \(elapsed), \(size) bytes, \(summary.badRows.count) bad rows")
        #expect(summary.householdRows[2024] == configuration.householdsPerYear)
    }
}
