import Foundation
import PovReviewCore

/// Re-reads the raw text of a record of one dump file by its location, with personal data
/// masked like rejected rows: for rows found to be duplicates after they were read.
///
/// A value with no state of its own, so the thread that writes the database can re-read rows
/// while the thread that scans the file keeps its `DumpReader` to itself.
struct RecordRawText: Sendable {
    let url: URL
    /// Display path used in messages.
    let path: String
    let encoding: DumpScanner.Encoding
    let delimiter: UInt8
    let personalPositions: [Int]
    let headerFieldCount: Int

    /// The raw text of the record at `location`, masked.
    func rawText(at location: RecordLocation) throws(LocatedError) -> String {
        let handle: FileHandle
        let data: Data
        do {
            handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            try handle.seek(toOffset: UInt64(location.byteOffset))
            data = try handle.read(upToCount: Int(location.byteLength)) ?? Data()
        } catch {
            throw LocatedError(
                .unreadable, path: path, line: location.line,
                message: "cannot re-read the record: \(error.localizedDescription)")
        }
        var bytes = [UInt8](data)
        if case .utf16(let bigEndian) = encoding {
            var units: [UInt16] = []
            var i = 0
            while i + 1 < bytes.count {
                let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
                units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
                i += 2
            }
            bytes = Array(String(decoding: units, as: UTF16.self).utf8)
        }
        return bytes.withUnsafeBufferPointer {
            RawTextMasker.maskedText(
                $0, delimiter: delimiter, personalPositions: personalPositions,
                headerFieldCount: headerFieldCount, truncated: false)
        }
    }
}
