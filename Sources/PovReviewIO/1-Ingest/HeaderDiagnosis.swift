import Foundation
import PovReviewCore

/// Diagnoses a header line that cannot be read as a UTF-8 CSV header, before the columns are
/// looked for, so that the message names the real problem instead of "missing column" (issue
/// 10, item 4): a NUL byte, UTF-16 saved without a byte-order mark, CR-only line ends, a
/// legacy 8-bit encoding (only when the header really decodes as one) or a stray byte in an
/// otherwise UTF-8 header.
enum HeaderDiagnosis {
    /// The problem of the first line `first` of the dump `path`, or nil when it is a plain
    /// UTF-8 line.
    static func problem(of first: UnsafeBufferPointer<UInt8>, path: String, aliases: AliasTable<Column>) -> String? {
        if let nul = first.firstIndex(of: 0) {
            if let endian = utf16WithoutBOM(first) {
                return "the file looks like UTF-16 (\(endian)) saved without a byte-order mark; expected UTF-8: "
                    + "convert it in the dump folder with: mkdir -p converted && iconv -f UTF-16\(endian == "little-endian" ? "LE" : "BE") -t UTF-8 '\(path)' > '\(convertedName(path))', "
                    + "then replace the dump with the converted file"
            }
            return "the header holds a NUL byte (byte \(nul + 1) of the line); expected a line of column names: export the dump again from the review software"
        }
        if let cr = first.firstIndex(of: 0x0D), cr + 1 < first.count {
            return "the lines end with a carriage return only (old Mac line ends), so the whole file reads as one line; expected LF or CRLF line ends: "
                + "convert it in the dump folder with: mkdir -p converted && tr '\\r' '\\n' < '\(path)' > '\(convertedName(path))', then replace the dump with the converted file"
        }
        guard let bad = FieldBytes.firstInvalidUTF8Offset(first) else { return nil }
        if containsUTF8Sequence(first) {
            return "the header is UTF-8 except for the byte 0x\(String(first[bad], radix: 16, uppercase: true)) at byte \(bad + 1) of the line; "
                + "fix that character (or save the dump again as \"CSV UTF-8\")"
        }
        var message = "the header is not UTF-8"
        for legacy in [LegacyEncoding.tcvn3, .windows1258] where decodesAsHeader(first, from: legacy, aliases: aliases) {
            return message + "; it is in the legacy encoding \(legacy.rawValue): \(conversionHint(legacy, path: path))"
        }
        if LegacyEncoding.guess(first) == .vni {
            message += "; it may be in the legacy encoding VNI: \(LegacyEncoding.vni.conversionHint(path: path))"
        } else {
            message += " (a legacy encoding such as TCVN3, VNI or Windows-1258?); save the dump as \"CSV UTF-8\""
        }
        return message
    }

    /// `converted/<file name>`: a file the dump pattern never matches (the dump folder is
    /// listed without its subfolders), so the next run does not read the original twice.
    static func convertedName(_ path: String) -> String {
        "converted/" + (path.split(separator: "/").last.map(String.init) ?? path)
    }

    static func conversionHint(_ legacy: LegacyEncoding, path: String) -> String {
        let table = legacy == .tcvn3 ? "TCVN5712-1" : "CP1258"
        return "convert it in the dump folder with: mkdir -p converted && iconv -f \(table) -t UTF-8 '\(path)' > '\(convertedName(path))', "
            + "then replace the dump with the converted file"
    }

    /// "little-endian" or "big-endian" when the line's ASCII characters alternate with zero
    /// bytes, as UTF-16 text does.
    static func utf16WithoutBOM(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count >= 4 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for (index, byte) in bytes.enumerated() where byte == 0 {
            if index % 2 == 0 { zeroEven += 1 } else { zeroOdd += 1 }
        }
        let half = bytes.count / 2
        if zeroOdd * 10 >= half * 7 && zeroEven * 10 < half { return "little-endian" }
        if zeroEven * 10 >= half * 7 && zeroOdd * 10 < half { return "big-endian" }
        return nil
    }

    /// Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence (a legacy
    /// 8-bit text almost never does; a UTF-8 header with one stray byte does).
    static func containsUTF8Sequence(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0
            if length > 0, i + length <= bytes.count {
                let slice = UnsafeBufferPointer(rebasing: bytes[i..<(i + length)])
                if FieldBytes.firstInvalidUTF8Offset(slice) == nil { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether the line, decoded from `legacy` with iconv, is a header whose columns are found.
    static func decodesAsHeader(_ bytes: UnsafeBufferPointer<UInt8>, from legacy: LegacyEncoding, aliases: AliasTable<Column>) -> Bool {
        guard let text = decode(bytes, from: legacy == .tcvn3 ? "TCVN5712-1" : "CP1258") else { return false }
        let separator: Character = text.contains(",") ? "," : ";"
        let names = text.split(separator: separator, omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" \r"))
        }
        // Most names must be dump columns: decoding random bytes gives letters, not a header.
        guard case .success(let layout) = HeaderLayout.resolve(names, aliases: aliases) else { return false }
        return layout.unknownPositions.count * 2 < names.count
    }

    /// The bytes decoded by glibc's iconv, or nil when the table is missing or a byte is invalid.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, from encoding: String) -> String? {
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = Array(bytes)
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count, outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(decoding: output[..<produced], as: UTF8.self)
    }
}
