import PovReviewCore
import Testing

/// Rule 2 of input-format.md §4 (a key that repeats in a review year quarantines all its rows),
/// as the pass decides it, without a database: hand-made sequences of keys.
@Suite("Validate: duplicate keys")
struct DuplicateKeyTableTests {
    private static func row(file: Int32, line: Int) -> DuplicateKeyTable.AcceptedRow {
        .init(file: file, location: RecordLocation(line: line, lineCount: 1, byteOffset: Int64(line * 100), byteLength: 99))
    }

    @Test("The second row of a key retracts the accepted first one; a third retracts nothing more")
    func secondRowRetractsTheFirst() {
        let table = DuplicateKeyTable()
        #expect(table.countRow(year: 2024, id: "HH-1").count == 1)
        table.setAccepted(Self.row(file: 0, line: 2))
        #expect(table.countRow(year: 2024, id: "HH-2").count == 1)
        let second = table.countRow(year: 2024, id: "HH-1")
        #expect(second.count == 2)
        #expect(second.retracted?.file == 0)
        #expect(second.retracted?.location.line == 2)
        let third = table.countRow(year: 2024, id: "HH-1")
        #expect(third.count == 3)
        #expect(third.retracted == nil)
        #expect(table.count == 2)
    }

    @Test("The same id in another review year is another key")
    func yearIsPartOfTheKey() {
        let table = DuplicateKeyTable()
        #expect(table.countRow(year: 2024, id: "HH-1").count == 1)
        table.setAccepted(Self.row(file: 0, line: 2))
        #expect(table.countRow(year: 2025, id: "HH-1").count == 1)
        #expect(table.countRow(year: 2023, id: "HH-1").count == 1)
        #expect(table.count == 3)
    }

    @Test("A first row that was rejected has nothing to retract when its key repeats")
    func rejectedFirstRow() {
        let table = DuplicateKeyTable()
        #expect(table.countRow(year: 2024, id: "HH-9").count == 1)  // rejected: not set accepted
        let second = table.countRow(year: 2024, id: "HH-9")
        #expect(second.count == 2)
        #expect(second.retracted == nil)
    }

    @Test("Ids that share a prefix or differ in one byte are different keys; Vietnamese ids are bytes")
    func similarIDs() {
        let table = DuplicateKeyTable()
        for id in ["A1", "A10", "A1 ", "a1", "Hộ-01", "Hô-01", ""] {
            #expect(table.countRow(year: 2024, id: id).count == 1, "\(id)")
        }
        #expect(table.countRow(year: 2024, id: "Hộ-01").count == 2)
    }

    @Test("Far more keys than it was sized for: every key counted once, then twice, and retracted where accepted")
    func growth() {
        let table = DuplicateKeyTable(expectedKeys: 16)
        let keys = 50_000
        for i in 0..<keys {
            #expect(table.countRow(year: 2021 + i % 5, id: "HH-\(i)").count == 1)
            if i % 2 == 0 { table.setAccepted(Self.row(file: 1, line: i + 2)) }
        }
        #expect(table.count == keys)
        var retracted = 0
        for i in 0..<keys {
            let counted = table.countRow(year: 2021 + i % 5, id: "HH-\(i)")
            #expect(counted.count == 2)
            if let row = counted.retracted {
                retracted += 1
                #expect(row.location.line == i + 2)
            }
        }
        #expect(retracted == keys / 2)
    }

    @Test("An accepted row beyond 32-bit lines, lengths or files comes back whole when its key repeats")
    func acceptedRowsBeyondThePackedForm() {
        let table = DuplicateKeyTable()
        let far = DuplicateKeyTable.AcceptedRow(
            file: 3, location: RecordLocation(line: 5_000_000_000, lineCount: 2, byteOffset: 1 << 40, byteLength: 1 << 33))
        let near = DuplicateKeyTable.AcceptedRow(
            file: 4, location: RecordLocation(line: 4_294_967_295, lineCount: 1, byteOffset: 7, byteLength: 120))
        _ = table.countRow(year: 2024, id: "far")
        table.setAccepted(far)
        _ = table.countRow(year: 2024, id: "near")
        table.setAccepted(near)
        let farAgain = table.countRow(year: 2024, id: "far").retracted
        #expect(farAgain?.file == 3)
        #expect(farAgain?.location == far.location)
        let nearAgain = table.countRow(year: 2024, id: "near").retracted
        #expect(nearAgain?.file == 4)
        #expect(nearAgain?.location == near.location)
        #expect(table.countRow(year: 2024, id: "far").retracted == nil)
    }

    @Test("After removeAll the table is empty and counts keys from one again")
    func removeAll() {
        let table = DuplicateKeyTable(expectedKeys: 16)
        for i in 0..<1_000 { _ = table.countRow(year: 2024, id: "HH-\(i)") }
        table.removeAll()
        #expect(table.count == 0)
        #expect(table.countRow(year: 2024, id: "HH-1").count == 1)
        #expect(table.countRow(year: 2024, id: "HH-1").count == 2)
    }

    @Test("The duplicate's quarantine words name the id and the year")
    func words() {
        let rejection = RowRejection.duplicateHousehold(id: "HH-7", year: 2025)
        #expect(rejection.reason == .duplicateHousehold)
        #expect(rejection.column == "household_id")
        #expect(rejection.message == "household_id \"HH-7\" appears more than once in review year 2025; all its rows are quarantined")
    }
}
