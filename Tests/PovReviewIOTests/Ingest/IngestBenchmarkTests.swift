import Foundation
import Testing

@testable import PovReviewIO

@Suite struct IngestBenchmarkTests {
    /// A small run that checks the synthetic dump is all accepted.
    @Test func syntheticDumpIsAccepted() throws {
        let result = try IngestBenchmark.run(rows: 2_000)
        #expect(result.rows == 2_000)
        #expect(result.accepted == 2_000)
    }

    /// The hand-run measurement: `POVREVIEW_BENCH=1 swift test -c release --filter IngestBenchmarkTests`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["POVREVIEW_BENCH"] != nil))
    func millionRows() throws {
        let result = try IngestBenchmark.run(rows: 1_000_000)
        print(result)
        #expect(result.accepted == 1_000_000)
    }
}
