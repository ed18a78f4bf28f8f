import PovReviewCore

/// Builds the `quarantine.raw` text of a record with the personal-data fields (`head_name`,
/// `head_id_number`) replaced by `***` (pinned rule 11).
///
/// The record is split again with the strict rules. When its field count differs from the
/// header, the personal fields are masked both as counted from the start and from the end (a
/// single missing or extra separator shifts one of the two). When the record breaks the CSV
/// rules at some field and a personal column lies at or after it, everything from that field
/// to the end is masked: a broken record may hide personal data anywhere in its tail.
enum RawTextMasker {
    static func maskedText(
        _ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, personalPositions: [Int],
        headerFieldCount: Int, truncated: Bool
    ) -> String {
        var suffix = ""
        if truncated { suffix = " … [record cut at \(bytes.count) bytes]" }
        guard !personalPositions.isEmpty else { return FieldBytes.string(bytes) + suffix }

        // Split: raw ranges of fields, and the index of the field where the structure breaks.
        var ranges: [Range<Int>] = []
        var brokenAt: Int? = nil
        var i = 0
        let n = bytes.count
        let quote = UInt8(ascii: "\"")
        fieldLoop: while true {
            let start = i
            if i < n && bytes[i] == quote {
                i += 1
                while true {
                    if i >= n { brokenAt = ranges.count; break fieldLoop }
                    if bytes[i] == quote {
                        if i + 1 < n && bytes[i + 1] == quote { i += 2; continue }
                        i += 1
                        break
                    }
                    i += 1
                }
                if i < n && bytes[i] != delimiter { brokenAt = ranges.count; break fieldLoop }
            } else {
                while i < n && bytes[i] != delimiter {
                    if bytes[i] == quote { brokenAt = ranges.count; break fieldLoop }
                    i += 1
                }
            }
            ranges.append(start..<i)
            if i >= n { break }
            i += 1  // separator
        }
        if truncated && brokenAt == nil { brokenAt = max(ranges.count - 1, 0) }

        var masked = Set<Int>()
        var maskTailFrom: Int? = nil
        if let broken = brokenAt {
            for p in personalPositions {
                if p < broken { masked.insert(p) } else { maskTailFrom = broken }
            }
        } else {
            let shift = ranges.count - headerFieldCount
            for p in personalPositions {
                masked.insert(p)
                if shift != 0 { masked.insert(p + shift) }
            }
        }

        var out: [UInt8] = []
        out.reserveCapacity(n)
        var cursor = 0
        let stars = Array("***".utf8)
        for (index, range) in ranges.enumerated() {
            if let tail = maskTailFrom, index >= tail { break }
            if masked.contains(index) && !range.isEmpty {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<range.lowerBound]))
                out.append(contentsOf: stars)
                cursor = range.upperBound
            }
        }
        if let tail = maskTailFrom {
            let tailStart = tail < ranges.count ? ranges[tail].lowerBound : (ranges.last.map { $0.upperBound + 1 } ?? 0)
            let from = min(tailStart, n)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<max(cursor, from)]))
            out.append(contentsOf: stars)
            return String(decoding: out, as: UTF8.self) + " [rest of the malformed record hidden: it may hold personal data]"
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<n]))
        return String(decoding: out, as: UTF8.self) + suffix
    }
}
