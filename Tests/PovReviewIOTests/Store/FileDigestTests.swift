import Foundation
import Testing

@testable import PovReviewIO

/// `FileDigest` hashes files in chunks through a buffer of its own: the FIPS 180-2 test vectors,
/// a file of several chunks, and a missing file.
@Suite struct FileDigestTests {
    static func file(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        return url
    }

    @Test("The FIPS 180-2 vectors: \"abc\", and a million \"a\"")
    func standardVectors() throws {
        let abc = try Self.file(Array("abc".utf8))
        defer { try? FileManager.default.removeItem(at: abc) }
        #expect(try FileDigest.sha256(of: abc) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let million = try Self.file([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        defer { try? FileManager.default.removeItem(at: million) }
        #expect(try FileDigest.sha256(of: million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("A file longer than the read buffer hashes as its bytes do in one piece; an empty file too")
    func severalChunks() throws {
        let bytes = (0..<(3 << 20) + 5).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
        let url = try Self.file(bytes)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try FileDigest.sha256(of: url) == FileDigest.sha256(of: Data(bytes)))
        let empty = try Self.file([])
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(try FileDigest.sha256(of: empty) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("A missing file is an error that says so")
    func missingFile() {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/households_2024.csv")
        #expect {
            try FileDigest.sha256(of: url)
        } throws: { error in
            error.localizedDescription == "No such file or directory"
        }
    }
}
