import Foundation
import Testing

@testable import PovReviewIO

/// Golden files of the SampleData exports (issue #4: "byte-identical across runs on the same
/// inputs, golden-file tests on SampleData, re-recorded only deliberately").
///
/// The review-results CSV is kept whole, so a change shows as a readable diff; every export file
/// is pinned by its SHA-256 in `SHA256SUMS`. To re-record after a deliberate change:
/// `POVREVIEW_RECORD_GOLDENS=1 swift test --filter GoldenExportsTests`, then review `git diff`.
@Suite("SampleData exports match their golden files")
struct GoldenExportsTests {
    static let goldens = EndToEnd.repositoryRoot
        .appendingPathComponent("Tests/PovReviewCommandsTests/Fixtures/sampledata-exports")
    static let wholeFiles = ["01-ket-qua-ra-soat.csv"]
    static var recording: Bool { ProcessInfo.processInfo.environment["POVREVIEW_RECORD_GOLDENS"] == "1" }

    @Test(.timeLimit(.minutes(3)))
    func exportsMatchGoldens() async throws {
        let run = try await SampleDataRun.shared.value
        try #require(EndToEnd.published(run.status))
        let names = try FileManager.default.contentsOfDirectory(atPath: run.exports.path).sorted()
        var sums = ""
        for name in names {
            sums += "\(try FileDigest.sha256(of: run.exports.appendingPathComponent(name)))  \(name)\n"
        }
        let sumsURL = Self.goldens.appendingPathComponent("SHA256SUMS")
        if Self.recording {
            try Data(sums.utf8).write(to: sumsURL)
            for name in Self.wholeFiles {
                let target = Self.goldens.appendingPathComponent(name)
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: run.exports.appendingPathComponent(name), to: target)
            }
            return
        }
        for name in Self.wholeFiles {
            let actual = try String(contentsOf: run.exports.appendingPathComponent(name), encoding: .utf8)
            let expected = try String(contentsOf: Self.goldens.appendingPathComponent(name), encoding: .utf8)
            let actualLines = actual.components(separatedBy: "\r\n")
            let expectedLines = expected.components(separatedBy: "\r\n")
            let firstDifference = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
            #expect(
                actual == expected,
                "\(name) differs from its golden at line \((firstDifference?.offset ?? min(actualLines.count, expectedLines.count)) + 1): \(firstDifference.map { "got \($0.element.0), golden \($0.element.1)" } ?? "different length")"
            )
        }
        let expectedSums = try String(contentsOf: sumsURL, encoding: .utf8)
        let expected = Set(expectedSums.split(separator: "\n").map(String.init))
        let actual = Set(sums.split(separator: "\n").map(String.init))
        #expect(
            actual == expected,
            "changed export files: \(actual.symmetricDifference(expected).map { $0.split(separator: " ").last.map(String.init) ?? $0 }.sorted())")
    }
}
