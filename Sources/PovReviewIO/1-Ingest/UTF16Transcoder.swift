import Foundation

/// Decodes a UTF-16 file (after its byte-order mark) into UTF-8, chunk by chunk.
///
/// An unpaired surrogate or an odd final byte becomes the byte 0xC0, which is never valid
/// UTF-8, so the row holding it is `invalid_encoding` (and it still counts one code unit for
/// file offsets).
struct UTF16Transcoder {
    let bigEndian: Bool
    private var raw: [UInt8]
    private var rawStart = 0
    private var rawEnd = 0
    private var pendingHigh: UInt16?
    private var sourceDone = false

    init(bigEndian: Bool, chunkSize: Int) {
        self.bigEndian = bigEndian
        raw = [UInt8](repeating: 0, count: max(chunkSize / 2, 4096))
    }

    mutating func read(fd: Int32, into out: UnsafeMutablePointer<UInt8>, capacity: Int) throws(SystemError) -> Int {
        var produced = 0
        while produced + 8 <= capacity {
            if rawEnd - rawStart < 2 {
                if sourceDone {
                    if rawEnd - rawStart == 1 { out[produced] = 0xC0; produced += 1; rawStart = rawEnd }
                    if pendingHigh != nil { out[produced] = 0xC0; produced += 1; pendingHigh = nil }
                    break
                }
                let leftover = rawEnd - rawStart
                if leftover > 0 { raw[0] = raw[rawStart] }
                let count = raw.count
                let got = raw.withUnsafeMutableBufferPointer { p in
                    DumpScanner.readFully(fd, p.baseAddress! + leftover, count - leftover)
                }
                if got < 0 { throw SystemError(code: errno) }
                rawStart = 0
                rawEnd = leftover + got
                if got == 0 { sourceDone = true }
                continue
            }
            let a = UInt16(raw[rawStart]), b = UInt16(raw[rawStart + 1])
            rawStart += 2
            let unit = bigEndian ? (a << 8 | b) : (b << 8 | a)
            if let high = pendingHigh {
                pendingHigh = nil
                if unit >= 0xDC00 && unit <= 0xDFFF {
                    let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                    out[produced] = UInt8(0xF0 | (scalar >> 18))
                    out[produced + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
                    out[produced + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                    out[produced + 3] = UInt8(0x80 | (scalar & 0x3F))
                    produced += 4
                    continue
                }
                out[produced] = 0xC0
                produced += 1
            }
            switch unit {
            case 0..<0x80:
                out[produced] = UInt8(unit); produced += 1
            case 0x80..<0x800:
                out[produced] = UInt8(0xC0 | (unit >> 6))
                out[produced + 1] = UInt8(0x80 | (unit & 0x3F))
                produced += 2
            case 0xD800...0xDBFF:
                pendingHigh = unit
            case 0xDC00...0xDFFF:
                out[produced] = 0xC0; produced += 1
            default:
                out[produced] = UInt8(0xE0 | (unit >> 12))
                out[produced + 1] = UInt8(0x80 | ((unit >> 6) & 0x3F))
                out[produced + 2] = UInt8(0x80 | (unit & 0x3F))
                produced += 3
            }
        }
        return produced
    }
}
