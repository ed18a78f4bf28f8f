import Foundation
import Testing

@testable import PovReviewCore
@testable import PovReviewIO

@Suite struct DumpReaderTests {
    @Test(arguments: [
        ("malformed_row", QuarantineReason.malformedRow),
        ("invalid_encoding", .invalidEncoding),
        ("missing_value", .missingValue),
        ("invalid_number", .invalidNumber),
        ("invalid_enum", .invalidEnum),
        ("unsupported_year", .unsupportedYear),
        ("inconsistent_counts", .inconsistentCounts),
        ("unknown_unit", .unknownUnit),
    ])
    func eachReasonFixtureRejectsItsSecondRow(name: String, reason: QuarantineReason) throws {
        let records = try Ingest.records(Ingest.fixture("reasons/\(name).csv"))
        try #require(records.count == 2)
        #expect(records[0].household != nil)
        #expect(records[1].rejection?.reason == reason)
        #expect(records[1].location.line == 3)
        guard case .rejected(_, let raw) = records[1].outcome else { return }
        #expect(!raw.contains("Nguyễn") && !raw.contains("001099012345"))
        #expect(raw.contains("***"))
    }

    @Test func duplicateFixtureGivesTheSameKeyTwice() throws {
        let records = try Ingest.records(Ingest.fixture("reasons/duplicate_household.csv"))
        #expect(records.count == 2)
        #expect(records[0].key == records[1].key)
        #expect(records[0].key == HouseholdKey(reviewYear: 2024, householdID: HouseholdID("H001")))
    }

    @Test func bomAndCRLF() throws {
        let records = try Ingest.records(Ingest.fixture("messy/bom_crlf.csv"))
        #expect(records.map(\.location.line) == [2, 3])
        #expect(records.allSatisfy { $0.household != nil })
        #expect(records[1].household?.headIDNumber == nil)
        // CR is not part of the last field.
        let reader = try Ingest.reader(Ingest.fixture("messy/bom_crlf.csv"))
        let first = try #require(try reader.next())
        let raw = try reader.rawText(at: first.location)
        #expect(raw.hasPrefix("2024,H001,01,001,00001,Thôn Hòa"))
        #expect(raw.hasSuffix(",***,***"))
        #expect(first.location.byteOffset == Int64(3 + Ingest.header.utf8.count + 2))
    }

    @Test func semicolonSeparatedWithDecimalComma() throws {
        let reader = try Ingest.reader(Ingest.fixture("messy/semicolon.csv"))
        #expect(reader.delimiter == ";")
        let record = try #require(try reader.next())
        #expect(record.household?.housingAreaM2 == ExactDecimal(significand: 125, scale: 1))
    }

    @Test func utf16FileIsDecodedAndOffsetsAreInFileBytes() throws {
        let reader = try Ingest.reader(Ingest.fixture("messy/utf16le.csv"))
        #expect(reader.isUTF16)
        let first = try #require(try reader.next())
        let second = try #require(try reader.next())
        #expect(try reader.next() == nil)
        #expect(first.household?.village == "Thôn Hoà")
        #expect(second.household?.householdID == HouseholdID("H002"))
        #expect(first.location.byteOffset == Int64(2 + 2 * (Ingest.header.utf16.count + 2)))
        let expectedRow = Ingest.row(["village": "Thôn Hoà"])
        #expect(first.location.byteLength == Int64(2 * expectedRow.utf16.count))
        #expect(try reader.rawText(at: second.location) == Ingest.row(["household_id": "H002", "head_name": "***", "head_id_number": "***"]))
    }

    @Test func quotedCommasAndLineBreaksSpanLines() throws {
        let records = try Ingest.records(Ingest.fixture("messy/quoted_multiline.csv"))
        try #require(records.count == 2)
        let household = try #require(records[0].household)
        #expect(household.village == "Thôn \"Mới\" bản, 2")
        #expect(household.incomePerCapita == 1_500_000)
        #expect(records[0].location.line == 2 && records[0].location.lineCount == 2)
        #expect(records[1].location.line == 4 && records[1].location.lineCount == 1)
    }

    @Test func blankLinesAreSkippedAndLinesStayPhysical() throws {
        let records = try Ingest.records(Ingest.fixture("messy/blank_lines.csv"))
        #expect(records.map(\.location.line) == [3, 6])
        #expect(records.allSatisfy { $0.household != nil })
    }

    @Test func neverClosedQuoteSwallowsTheRestOfTheFile() throws {
        let records = try Ingest.records(Ingest.fixture("messy/never_closed.csv"))
        try #require(records.count == 2)
        #expect(records[0].household != nil)
        let broken = records[1]
        #expect(broken.rejection?.reason == .malformedRow)
        #expect(broken.location.line == 3)
        #expect(broken.location.lineCount == 3)
        #expect(broken.key == nil)
        guard case .rejected(_, let raw) = broken.outcome else { return }
        #expect(!raw.contains("Nguyễn") && !raw.contains("001099012345") && !raw.contains("H003"))
    }

    @Test func nfdVillageNoBreakSpacesAndPaddedCodes() throws {
        let records = try Ingest.records(Ingest.fixture("messy/nfd_nbsp.csv"))
        guard case .accepted(let household, let warnings) = try #require(records.first).outcome else {
            Issue.record("rejected: \(String(describing: records.first?.rejection))"); return
        }
        #expect(household.village == "Thôn Hòa")
        #expect(household.householdID == HouseholdID("H001"))
        #expect(household.communeCode == "00001" && household.provinceCode == "01")
        #expect(warnings.filter { $0.code == "padded_code" }.count == 3)
    }

    @Test func vietnameseHeadersAndValueAliases() throws {
        let reader = try Ingest.reader(Ingest.fixture("messy/vietnamese_headers.csv"))
        #expect(reader.headerWarnings.map(\.code) == ["unknown_column"])
        #expect(reader.headerWarnings.first?.message.contains("Ghi chú") == true)
        let household = try #require(try reader.next()?.household)
        #expect(household.area == .rural && household.housingType == .durable)
        #expect(household.waterSource == .piped && household.latrine == .septic)
        #expect(household.ethnicMinority && household.loudspeakerAccess)
        #expect(household.incomePerCapita == 1_500_000)
    }

    @Test(arguments: [("tcvn3", "TCVN3", "iconv -f TCVN5712-1"), ("cp1258", "Windows-1258", "iconv -f CP1258"), ("vni", "VNI", "UniKey")])
    func legacyEncodingsFailWithAHint(name: String, encoding: String, hint: String) {
        do {
            _ = try Ingest.reader(Ingest.fixture("legacy/\(name).csv"))
            Issue.record("expected an encoding error")
        } catch let error as LocatedError {
            #expect(error.kind == .encoding)
            #expect(error.message.contains(encoding), "\(error.message)")
            #expect(error.message.contains(hint))
        } catch { Issue.record("\(error)") }
    }

    @Test func strictQuotesEndTheRecordAtItsLine() throws {
        let text =
            Ingest.header + "\n"
            + Ingest.row(["village": "Thôn \"A\""]) + "\n"
            + Ingest.row(["village": "\"Thôn A\"x", "household_id": "H2"]) + "\n"
            + Ingest.row(["household_id": "H3"]) + "\n"
            + Ingest.row(["household_id": "H4"]).dropLast(13) + "\n"
        let records = try Ingest.records(Ingest.temporaryFile(text))
        #expect(records.map(\.rejection?.reason) == [.malformedRow, .malformedRow, nil, .malformedRow])
        #expect(records.map(\.location.line) == [2, 3, 4, 5])
        #expect(records[0].rejection?.message.contains("village") == true)
        #expect(records[3].rejection?.message == "expected 30 fields as in the header, found 29")
        #expect(records.allSatisfy { $0.key == nil || $0.household != nil })
    }

    @Test func maskingCoversShiftedAndBrokenRows() throws {
        // An extra field before the personal columns: both alignments are masked.
        let shifted = Ingest.header + "\n" + Ingest.row(["village": "Thôn A,B"]) + "\n"
        let records = try Ingest.records(Ingest.temporaryFile(shifted))
        guard case .rejected(_, let raw) = try #require(records.first).outcome else { return }
        #expect(!raw.contains("Nguyễn") && !raw.contains("001099012345"))
    }

    @Test func headerProblemsFailTheFile() {
        func problem(_ text: String) -> LocatedError? {
            do { _ = try Ingest.records(Ingest.temporaryFile(text)); return nil } catch let error as LocatedError { return error } catch { return nil }
        }
        let noVillage = Ingest.columns.filter { $0 != "village" }
        let a = problem(noVillage.joined(separator: ",") + "\n" + Ingest.row(columns: noVillage) + "\n")
        #expect(a?.kind == .header && a?.columnName == "village")
        let twice = problem(Ingest.header + ",Mã hộ\n")
        #expect(twice?.columnName == "household_id")
        #expect(twice?.message.contains("Mã hộ") == true)
        let noWaste = Ingest.columns.filter { $0 != "waste_disposal" }
        let c = problem(
            noWaste.joined(separator: ",") + "\n"
                + Ingest.row(columns: noWaste) + "\n"
                + Ingest.row(["review_year": "2027", "district_code": "", "digital_service_users": "1"], columns: noWaste) + "\n")
        #expect(c?.columnName == "waste_disposal")
        #expect(problem("")?.kind == .header)
    }

    @Test func invalidUTF8InARowIsInvalidEncoding() throws {
        var bytes = Array((Ingest.header + "\n").utf8)
        bytes += Array(Ingest.row(["village": "T@n"]).utf8).map { $0 == UInt8(ascii: "@") ? 0xF4 : $0 }
        bytes += Array("\n".utf8)
        let records = try Ingest.records(Ingest.temporaryFile(bytes))
        #expect(records.first?.rejection?.reason == .invalidEncoding)
        #expect(records.first?.key == nil)
    }

    @Test func recordsAcrossSmallChunksAndOverlongRecords() throws {
        var text = Ingest.header + "\n"
        for i in 0..<200 { text += Ingest.row(["household_id": "H\(i)", "village": "\"Thôn\nDài \(i)\""]) + "\n" }
        let options = DumpReader.Options(chunkSize: 64, maxRecordBytes: 1000, maxRawTextBytes: 100)
        let records = try Ingest.records(Ingest.temporaryFile(text), options: options)
        #expect(records.count == 200)
        #expect(records.allSatisfy { $0.household != nil })
        #expect(records.last?.location.line == 2 + 199 * 2)

        let broken =
            Ingest.header + "\n" + Ingest.row(["village": "\"never"]) + "\n"
            + String(repeating: Ingest.row() + "\n", count: 20)
        let brokenRecords = try Ingest.records(Ingest.temporaryFile(broken), options: options)
        #expect(brokenRecords.count == 1)
        #expect(brokenRecords[0].location.lineCount == 21)
        #expect(brokenRecords[0].rejection?.reason == .malformedRow)
    }

    @Test func rawTextOfAnAcceptedRowCanBeReadAgain() throws {
        let url = Ingest.fixture("messy/quoted_multiline.csv")
        let reader = try Ingest.reader(url)
        let record = try #require(try reader.next())
        let raw = try reader.rawText(at: record.location)
        #expect(raw.contains("\"Thôn \"\"Mới\"\"\nbản, 2\""))
        #expect(raw.hasSuffix(",***,***"))
    }
}
