import Foundation
import Testing

@testable import PovReviewSample

/// The committed `SampleData/` is what the generator writes with its defaults, and its README
/// lists every bad row.
@Suite("Committed sample") struct CommittedSampleTests {
    typealias Support = SampleTestSupport

    private func bytes(_ directory: URL, _ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    @Test func theCommittedSampleIsReproducedByteForByte() throws {
        let (directory, summary) = try Support.generate(SampleConfiguration())
        let committed = Support.committedSampleData
        let names = try FileManager.default.contentsOfDirectory(atPath: committed.path)
            .filter { $0.hasSuffix(".csv") }.sorted()
        #expect(names == summary.files.sorted())
        for name in names {
            #expect(
                try bytes(directory, name) == bytes(committed, name),
                "SampleData/\(name) is not what the generator writes: regenerate it (see SampleData/README.md)")
        }
    }

    @Test func theReadmeListsEveryBadRow() throws {
        let summary = try SampleGenerator(configuration: SampleConfiguration())
            .write(to: Support.makeTemporaryDirectory())
        let readme = try String(
            contentsOf: Support.committedSampleData.appendingPathComponent("README.md"), encoding: .utf8)
        for bad in summary.badRows {
            #expect(
                readme.contains("| \(bad.line) | `\(bad.reason.rawValue)` |"),
                "README.md does not list line \(bad.line) (\(bad.reason.rawValue))")
        }
    }
}
