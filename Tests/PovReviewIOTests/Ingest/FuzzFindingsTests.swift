import Foundation
import Testing

@testable import PovReviewCore
@testable import PovReviewIO

/// What `scripts/fuzz.sh` found, pinned (the inputs are also seeds in `Fuzz/corpus/`).
@Suite struct FuzzFindingsTests {
    @Test("A UTF-16 file with an odd final byte: the last record ends at the end of the file, not one byte past it")
    func utf16OddFinalByte() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in (Ingest.header + "\r\n" + Ingest.row() + "\r\n" + Ingest.row(["household_id": "H002"])).utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        bytes.append(0x35)  // half a code unit
        let url = Ingest.temporaryFile(bytes)
        let records = try Ingest.records(url)
        try #require(records.count == 2)
        let last = records[1].location
        #expect(last.byteOffset + last.byteLength == Int64(bytes.count), "\(last)")
        #expect(records[1].rejection?.reason == .invalidEncoding)
    }
}
