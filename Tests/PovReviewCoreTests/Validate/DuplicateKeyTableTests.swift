import Testing

@testable import PovReviewCore

/// Rule 2 of input-format.md §4 (a key that repeats in a review year quarantines all its rows),
/// as the pass decides it, without a database: hand-made sequences of keys.
@Suite("Validate: duplicate keys")
struct DuplicateKeyTableTests {
    private static func row(file: Int32, line: Int) -> DuplicateKeyTable.AcceptedRow {
        .init(file: file, location: RecordLocation(line: line, lineCount: 1, byteOffset: Int64(line * 100), byteLength: 99))
    }

    private static func table(expectedKeys: Int = 1 << 16) -> DuplicateKeyTable {
        DuplicateKeyTable(expectedKeys: expectedKeys, records: InMemoryDuplicateKeyRecords())
    }

    @Test("The second row of a key retracts the accepted first one; a third retracts nothing more")
    func secondRowRetractsTheFirst() throws {
        let table = Self.table()
        #expect(try !table.countRow(year: 2024, id: "HH-1", accepted: Self.row(file: 0, line: 2)).repeated)
        #expect(try !table.countRow(year: 2024, id: "HH-2", accepted: Self.row(file: 0, line: 3)).repeated)
        let second = try table.countRow(year: 2024, id: "HH-1", accepted: Self.row(file: 1, line: 7))
        #expect(second.repeated)
        #expect(second.retracted?.file == 0)
        #expect(second.retracted?.location.line == 2)
        let third = try table.countRow(year: 2024, id: "HH-1", accepted: nil)
        #expect(third.repeated)
        #expect(third.retracted == nil)
        #expect(table.count == 2)
    }

    @Test("The same id in another review year is another key")
    func yearIsPartOfTheKey() throws {
        let table = Self.table()
        #expect(try !table.countRow(year: 2024, id: "HH-1", accepted: Self.row(file: 0, line: 2)).repeated)
        #expect(try !table.countRow(year: 2025, id: "HH-1", accepted: nil).repeated)
        #expect(try !table.countRow(year: 2023, id: "HH-1", accepted: nil).repeated)
        #expect(table.count == 3)
    }

    @Test("A first row that was rejected has nothing to retract when its key repeats")
    func rejectedFirstRow() throws {
        let table = Self.table()
        #expect(try !table.countRow(year: 2024, id: "HH-9", accepted: nil).repeated)
        let second = try table.countRow(year: 2024, id: "HH-9", accepted: Self.row(file: 0, line: 4))
        #expect(second.repeated)
        #expect(second.retracted == nil)
    }

    @Test("Ids that share a prefix or differ in one byte are different keys; Vietnamese ids are bytes")
    func similarIDs() throws {
        let table = Self.table()
        for id in ["A1", "A10", "A1 ", "a1", "Hộ-01", "Hô-01", ""] {
            #expect(try !table.countRow(year: 2024, id: id, accepted: nil).repeated, "\(id)")
        }
        #expect(try table.countRow(year: 2024, id: "Hộ-01", accepted: nil).repeated)
    }

    @Test("Far more keys than it was sized for: every key counted once, then twice, and retracted where accepted")
    func growth() throws {
        let table = Self.table(expectedKeys: 16)
        let keys = 50_000
        for i in 0..<keys {
            let accepted = i % 2 == 0 ? Self.row(file: 1, line: i + 2) : nil
            #expect(try !table.countRow(year: 2021 + i % 5, id: "HH-\(i)", accepted: accepted).repeated)
        }
        #expect(table.count == keys)
        var retracted = 0
        for i in 0..<keys {
            let counted = try table.countRow(year: 2021 + i % 5, id: "HH-\(i)", accepted: nil)
            #expect(counted.repeated)
            if let row = counted.retracted {
                retracted += 1
                #expect(row.location.line == i + 2)
            }
        }
        #expect(retracted == keys / 2)
    }

    @Test("Keys whose hashes all collide (one slot chain, equal tags) are still told apart by their bytes, across growth")
    func collidingHashes() throws {
        let table = DuplicateKeyTable(expectedKeys: 4, records: InMemoryDuplicateKeyRecords(), hashOverride: { _, _ in 42 })
        for i in 0..<300 {
            #expect(try !table.countRow(year: 2024, id: "HH-\(i)", accepted: Self.row(file: 0, line: i + 2)).repeated)
        }
        #expect(table.count == 300)
        let again = try table.countRow(year: 2024, id: "HH-123", accepted: nil)
        #expect(again.repeated)
        #expect(again.retracted?.location.line == 125)
        #expect(try !table.countRow(year: 2025, id: "HH-123", accepted: nil).repeated)
        #expect(table.count == 301)
    }

    @Test("An accepted row beyond 32-bit lines, lengths or files comes back whole when its key repeats")
    func acceptedRowsBeyond32Bits() throws {
        let table = Self.table()
        let far = DuplicateKeyTable.AcceptedRow(
            file: 3, location: RecordLocation(line: 5_000_000_000, lineCount: 2, byteOffset: 1 << 40, byteLength: 1 << 33))
        let near = DuplicateKeyTable.AcceptedRow(
            file: 4, location: RecordLocation(line: 4_294_967_295, lineCount: 1, byteOffset: 7, byteLength: 120))
        _ = try table.countRow(year: 2024, id: "far", accepted: far)
        _ = try table.countRow(year: 2024, id: "near", accepted: near)
        let farAgain = try table.countRow(year: 2024, id: "far", accepted: nil).retracted
        #expect(farAgain?.file == 3)
        #expect(farAgain?.location == far.location)
        let nearAgain = try table.countRow(year: 2024, id: "near", accepted: nil).retracted
        #expect(nearAgain?.file == 4)
        #expect(nearAgain?.location == near.location)
        #expect(try table.countRow(year: 2024, id: "far", accepted: nil).retracted == nil)
    }

    @Test("An id longer than the table's read-back chunk survives growth")
    func longIDAcrossGrowth() throws {
        let table = Self.table(expectedKeys: 4)
        let long = String(repeating: "x", count: 1_500_000)
        _ = try table.countRow(year: 2024, id: long, accepted: Self.row(file: 0, line: 2))
        for i in 0..<200 { _ = try table.countRow(year: 2024, id: "HH-\(i)", accepted: nil) }
        let again = try table.countRow(year: 2024, id: long, accepted: nil)
        #expect(again.repeated)
        #expect(again.retracted?.location.line == 2)
    }

    @Test("Records in memory read back whole across chunks, and a table over 5-byte chunks finds its repeats")
    func inMemoryChunks() throws {
        let records = InMemoryDuplicateKeyRecords(chunkSize: 7)
        let parts: [[UInt8]] = [[1, 2, 3], Array(10..<20), [], Array(30..<50)]
        var offsets: [UInt64] = []
        for part in parts { offsets.append(try part.withUnsafeBytes { try records.append($0) }) }
        // Offsets by hand: 0, 3, 13, 13; 33 bytes over chunks of 7 (the second part spans two
        // chunks, the last three).
        #expect(offsets == [0, 3, 13, 13])
        #expect(records.byteCount == 33)
        for (part, offset) in zip(parts, offsets) { #expect(try records.read(at: offset, upTo: part.count) == part) }
        #expect(try records.read(at: 2, upTo: 3) == [3, 10, 11])
        // Past the end: what there is, no more.
        #expect(try records.read(at: 30, upTo: 10) == [47, 48, 49])
        #expect(try records.read(at: 33, upTo: 10) == [])

        let table = DuplicateKeyTable(expectedKeys: 4, records: InMemoryDuplicateKeyRecords(chunkSize: 5))
        for i in 0..<1_000 { #expect(try !table.countRow(year: 2024, id: "HH-\(i)", accepted: Self.row(file: 0, line: i + 2)).repeated) }
        let again = try table.countRow(year: 2024, id: "HH-517", accepted: nil)
        #expect(again.repeated)
        #expect(again.retracted?.location.line == 519)
        #expect(try !table.countRow(year: 2025, id: "HH-517", accepted: nil).repeated)
    }

    @Test("After removeAll the table is empty and counts keys from one again")
    func removeAll() throws {
        let records = InMemoryDuplicateKeyRecords()
        let table = DuplicateKeyTable(expectedKeys: 16, records: records)
        for i in 0..<1_000 { _ = try table.countRow(year: 2024, id: "HH-\(i)", accepted: nil) }
        try table.removeAll()
        #expect(table.count == 0)
        #expect(records.byteCount == 0)
        #expect(try !table.countRow(year: 2024, id: "HH-1", accepted: nil).repeated)
        #expect(try table.countRow(year: 2024, id: "HH-1", accepted: nil).repeated)
    }

    @Test("The duplicate's quarantine words name the id and the year")
    func words() {
        let rejection = RowRejection.duplicateHousehold(id: "HH-7", year: 2025)
        #expect(rejection.reason == .duplicateHousehold)
        #expect(rejection.column == "household_id")
        #expect(rejection.message == "household_id \"HH-7\" appears more than once in review year 2025; all its rows are quarantined")
    }
}
