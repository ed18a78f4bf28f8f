import Foundation
import Testing

@testable import PovReviewCore
@testable import PovReviewIO

/// Unreadable headers get their own diagnosis, and control characters in values are
/// `invalid_encoding` (issue 10, item 4).
@Suite struct HeaderDiagnosisTests {
    /// The message of the `LocatedError` that opening `bytes` as a dump throws.
    static func failure(_ bytes: [UInt8], name: String = "households_2024.csv") -> LocatedError? {
        do {
            _ = try Ingest.reader(Ingest.temporaryFile(bytes, name: name))
            return nil
        } catch let error as LocatedError {
            return error
        } catch {
            Issue.record("\(error)")
            return nil
        }
    }

    static let dump = Ingest.header + "\n" + Ingest.row() + "\n"

    @Test func nulInTheHeaderIsNamed() throws {
        var bytes = Array(Self.dump.utf8)
        bytes[7] = 0  // inside "review_year"
        let error = try #require(Self.failure(bytes))
        #expect(error.message.contains("NUL byte (byte 8 of the line)"), "\(error.message)")
        #expect(!error.message.contains("missing"))
    }

    @Test(arguments: [(false, "little-endian", "UTF-16LE"), (true, "big-endian", "UTF-16BE")])
    func utf16WithoutByteOrderMark(bigEndian: Bool, words: String, table: String) throws {
        var bytes: [UInt8] = []
        for unit in Self.dump.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        let error = try #require(Self.failure(bytes))
        #expect(error.message.contains("UTF-16 (\(words)) saved without a byte-order mark"), "\(error.message)")
        #expect(error.message.contains("iconv -f \(table) -t UTF-8 'households_2024.csv' > 'converted/households_2024.csv'"), "\(error.message)")
    }

    @Test func carriageReturnOnlyLineEnds() throws {
        let bytes = Array(Self.dump.replacingOccurrences(of: "\n", with: "\r").utf8)
        let error = try #require(Self.failure(bytes))
        #expect(error.message.contains("carriage return only"), "\(error.message)")
        #expect(!error.message.contains("missing"))
    }

    @Test("One stray byte in a UTF-8 header is named as such, with no legacy-encoding advice")
    func strayByteInUTF8Header() throws {
        // A Vietnamese alias header in UTF-8 ("Năm rà soát" …) with one byte 0xA9 added.
        var bytes = Array("Năm rà soát,Mã hộ,Mã tỉnh,Mã xã,Thôn,Số nhân khẩu\n2024,H1,01,00001,Thôn Hòa,4\n".utf8)
        bytes.insert(0xA9, at: 3)
        let error = try #require(Self.failure(bytes))
        #expect(error.message.contains("UTF-8 except for the byte 0xA9 at byte 4"), "\(error.message)")
        #expect(!error.message.contains("TCVN") && !error.message.contains("iconv"), "\(error.message)")
    }

    @Test("The legacy advice names converted/<file>, which the dump folder listing never reads")
    func legacyAdviceNamesAFileOutsideThePattern() throws {
        let folder = Ingest.temporaryFile([0x41], name: "x").deletingLastPathComponent()
        let tcvn = try [UInt8](Data(contentsOf: Ingest.fixture("legacy/tcvn3.csv")))
        try Data(tcvn).write(to: folder.appendingPathComponent("households_2024.csv"))
        let error = try #require(Self.failure(tcvn))
        #expect(error.message.contains("TCVN3"), "\(error.message)")
        #expect(error.message.contains("> 'converted/households_2024.csv'"), "\(error.message)")
        // After following the advice, the converted file is in a subfolder: only the dump is read.
        let converted = folder.appendingPathComponent("converted")
        try FileManager.default.createDirectory(at: converted, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: converted.appendingPathComponent("households_2024.csv"))
        #expect(try RunInputs.listDumps(in: folder, pattern: "households*.csv").map(\.path) == ["households_2024.csv"])
    }

    @Test(arguments: [
        ("Tổ dân phố 1\u{0}X", true), ("Tổ dân phố 1\u{0C}", true), ("Tổ dân phố 1\u{1B}", true), ("\"Tổ dân\nphố 1\"", false), ("Tổ dân\tphố 1", false),
    ])
    func controlCharactersInValues(village: String, rejected: Bool) throws {
        let text = Ingest.header + "\n" + Ingest.row(["village": village]) + "\n"
        let records = try Ingest.records(Ingest.temporaryFile(text))
        try #require(records.count == 1)
        if rejected {
            #expect(records[0].rejection?.reason == .invalidEncoding)
            #expect(records[0].rejection?.column == "village")
            #expect(records[0].rejection?.message.contains("control character") == true)
        } else {
            #expect(records[0].household != nil, "a tab or a quoted line break is allowed: \(String(describing: records[0].rejection))")
        }
    }
}
