import Foundation
import PovReviewSample
import Testing

/// Rewrites the committed `SampleData/` from the default configuration. Off unless
/// `POVREVIEW_REGENERATE_SAMPLE=1` (`POVREVIEW_REGENERATE_SAMPLE=1 swift test --filter
/// SampleDataRegeneration`); `povreview sample --out SampleData` does the same.
@Suite struct SampleDataRegeneration {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["POVREVIEW_REGENERATE_SAMPLE"] == "1"))
    func regenerateCommittedSample() throws {
        let summary = try SampleGenerator(configuration: SampleConfiguration())
            .write(to: SampleTestSupport.committedSampleData)
        print("valid rows with messy spellings: \(summary.messySpellingRows)")
        for bad in summary.badRows {
            print("| \(bad.line) | `\(bad.reason.rawValue)` | \(bad.column.map { "`\($0.rawValue)`" } ?? "") | \(bad.problem) |")
        }
    }
}
