import Foundation
import PovReviewCore
import Testing

@testable import PovReviewIO

/// The duplicate-key table's records on disk: what is appended reads back the same, whether it
/// is still in the write buffer, already written, or split between both; a folder where the file
/// cannot be made fails with what to do.
@Suite("Ingest: duplicate-key spill file")
struct DuplicateKeySpillFileTests {
    /// `count` bytes following a simple pattern from `seed`.
    private static func pattern(_ count: Int, seed: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ seed) }
    }

    @Test("Appends read back whole: in the buffer, past a flush, across both, and larger than the buffer")
    func roundTrip() throws {
        let file = try DuplicateKeySpillFile()
        let small = Self.pattern(100, seed: 1)
        let offsetSmall = try small.withUnsafeBytes { try file.append($0) }
        #expect(offsetSmall == 0)
        #expect(try file.read(at: 0, upTo: 100) == small)
        // 1 MB buffer: 700 KB twice forces a flush of the first part.
        let a = Self.pattern(700_000, seed: 2), b = Self.pattern(700_000, seed: 3)
        let offsetA = try a.withUnsafeBytes { try file.append($0) }
        let offsetB = try b.withUnsafeBytes { try file.append($0) }
        #expect(offsetA == 100)
        #expect(offsetB == 700_100)
        #expect(try file.read(at: offsetA, upTo: a.count) == a)
        #expect(try file.read(at: offsetB, upTo: b.count) == b)
        let big = Self.pattern(3_000_000, seed: 4)
        let offsetBig = try big.withUnsafeBytes { try file.append($0) }
        #expect(offsetBig == 1_400_100)
        #expect(try file.read(at: offsetBig, upTo: big.count) == big)
        // Across the end: what there is, no more.
        #expect(try file.read(at: offsetBig + 2_999_990, upTo: 50) == Array(big[2_999_990...]))
        #expect(file.byteCount == 4_400_100)
        try file.removeAll()
        #expect(file.byteCount == 0)
        #expect(try file.read(at: 0, upTo: 10) == [])
    }

    @Test("The table over the spill file finds a repeat and returns the first row")
    func tableOnFile() throws {
        let table = DuplicateKeyTable(expectedKeys: 16, records: try DuplicateKeySpillFile())
        let row = DuplicateKeyTable.AcceptedRow(file: 2, location: RecordLocation(line: 9, lineCount: 1, byteOffset: 812, byteLength: 95))
        for i in 0..<5_000 {
            _ = try table.countRow(year: 2026, id: "79-\(i)", accepted: i == 4_321 ? row : nil)
        }
        let again = try table.countRow(year: 2026, id: "79-4321", accepted: nil)
        #expect(again.repeated)
        #expect(again.retracted?.file == 2)
        #expect(again.retracted?.location == row.location)
    }

    @Test("A folder where the file cannot be made: the error names it and says to set TMPDIR")
    func missingFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("povreview-no-such-folder-\(getpid())")
        do {
            _ = try DuplicateKeySpillFile(folder: folder)
            Issue.record("the file was created in a missing folder")
        } catch let error as PipelineError {
            let text = "\(error)"
            #expect(text.contains(folder.path), "\(text)")
            #expect(text.contains("cannot create the temporary file of household keys (No such file or directory)"), "\(text)")
            #expect(text.contains("set TMPDIR to a folder with room"), "\(text)")
        }
    }
}
