import Foundation
import Testing

@testable import PovReviewCore
@testable import PovReviewIO

/// The track stage reads and decides the transitions on a thread of its own and hands them over
/// in batches (`TransitionsBuilder.PairReader`, `Batch`): what a batch holds is what is
/// inserted, a reader that cannot read fails the build, a cancelled reader stops, and the
/// database leaves the stage in the journal mode it came in with.
@Suite("Transitions read on a thread of their own")
struct TransitionsReadingTests {
    static func temporaryDatabase() throws -> (SQLiteDatabase, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("transitions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("built.sqlite").path)
        try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        try Migrator.migrate(database)
        return (database, directory)
    }

    /// Inserts a `household_status` row of province 20 from (year, standard, household,
    /// district, commune, village, status); the other columns are constants.
    static func statusInsert(_ database: SQLiteDatabase) throws -> SQLiteStatement {
        try database.prepare(
            """
            INSERT INTO household_status (review_year, standard, household_id, province_code, district_code,
                commune_code, village, area, members, ethnic_minority, income_basis, deprivation_count, status,
                without_labour_capacity, with_social_protection)
            VALUES (?, ?, ?, '20', ?, ?, ?, 'rural', 1, 0, 'income', 0, ?, 0, 0)
            """)
    }

    /// The eight place columns of one row (`from_village_code`, `to_village_code`,
    /// `from_commune_code`, …), as `PairSide.place` gives them: bytes, or nil for NULL.
    final class PlaceTexts {
        private let buffers: [UnsafeMutableBufferPointer<UInt8>?]

        init(_ values: [String?]) {
            buffers = values.map { value in
                value.map { text in
                    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(text.utf8.count, 1))
                    _ = buffer.initialize(from: text.utf8)
                    return UnsafeMutableBufferPointer(rebasing: buffer[0..<text.utf8.count])
                }
            }
        }

        deinit { for buffer in buffers { buffer?.deallocate() } }

        func place(_ column: Int) -> UnsafeBufferPointer<UInt8>? { buffers[column].map { UnsafeBufferPointer($0) } }
    }

    @Test("A batch inserts its rows as appended: texts, NULL places, an empty text, statuses and change")
    func batchRoundTrip() throws {
        let (database, directory) = try Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: directory) }
        var batch = TransitionsBuilder.Batch(pair: .init(standard: "vn-2022", from: 2023))
        let rows: [(String, SideStatus, SideStatus, TransitionChange, [String?])] = [
            ("h1", .poor, .nearPoor, .poorToNearPoor, ["00001/Thôn A", "00002/Bản Nà", "00001", "00002", "", "201", "20", "20"]),
            ("h2", .above, .absent, .stayedOut, ["00001/Thôn A", nil, "00001", nil, "201", nil, "20", nil]),
            ("h3", .absent, .poor, .enteredPoor, [nil, "00002/Bản Nà", nil, "00002", nil, nil, nil, "20"]),
        ]
        for (id, from, to, change, places) in rows {
            let texts = PlaceTexts(places)
            Array(id.utf8).withUnsafeBufferPointer { household in
                batch.append(household: household, from: from, to: to, change: change, place: texts.place)
            }
        }
        #expect(batch.count == 3)
        try batch.insertRows(with: try TransitionsBuilder.Insert(database: database))
        let stored = try database.rows(
            "SELECT *, typeof(from_district_code) FROM household_transitions ORDER BY household_id"
        ).map { $0.map(\.shown) }
        #expect(
            stored == [
                [
                    "h1", "2023", "2024", "vn-2022", "poor", "near_poor", "poor_to_near_poor",
                    "00001/Thôn A", "00002/Bản Nà", "00001", "00002", "", "201", "20", "20", "text",
                ],
                [
                    "h2", "2023", "2024", "vn-2022", "above", "absent", "stayed_out",
                    "00001/Thôn A", "NULL", "00001", "NULL", "201", "NULL", "20", "NULL", "text",
                ],
                [
                    "h3", "2023", "2024", "vn-2022", "absent", "poor", "entered_poor",
                    "NULL", "00002/Bản Nà", "NULL", "00002", "NULL", "NULL", "NULL", "20", "null",
                ],
            ])
    }

    @Test("A batch longer than one statement's rows is inserted whole and in order, the last rows one by one")
    func batchOverSeveralStatements() throws {
        let (database, directory) = try Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Two full statements and three rows more; each row's texts and statuses differ from
        // the row before, so a row bound into another row's parameters would show.
        let rowCount = 2 * TransitionsBuilder.Insert.rowsPerStatement + 3
        let statuses: [(SideStatus, SideStatus, TransitionChange)] = [
            (.poor, .poor, .stayedPoor), (.nearPoor, .poor, .nearPoorToPoor), (.absent, .nearPoor, .enteredNearPoor),
        ]
        var batch = TransitionsBuilder.Batch(pair: .init(standard: "vn-2027", from: 2026))
        for row in 0..<rowCount {
            let (from, to, change) = statuses[row % 3]
            let commune = String(format: "%05d", row)
            let texts = PlaceTexts([
                from == .absent ? nil : "\(commune)/Thôn \(row)", "\(commune)/Thôn \(row)",
                from == .absent ? nil : commune, commune, nil, "d\(row)", from == .absent ? nil : "20", "20",
            ])
            Array(String(format: "h%03d", row).utf8).withUnsafeBufferPointer { household in
                batch.append(household: household, from: from, to: to, change: change, place: texts.place)
            }
        }
        try batch.insertRows(with: try TransitionsBuilder.Insert(database: database))
        let stored = try database.rows("SELECT * FROM household_transitions ORDER BY rowid").map { $0.map(\.shown) }
        #expect(stored.count == rowCount)
        for (row, values) in stored.enumerated() {
            let commune = String(format: "%05d", row), village = "\(commune)/Thôn \(row)"
            let expected: [String]
            switch row % 3 {
            case 0: expected = ["poor", "poor", "stayed_poor", village, village, commune, commune, "NULL"]
            case 1: expected = ["near_poor", "poor", "near_poor_to_poor", village, village, commune, commune, "NULL"]
            default: expected = ["absent", "near_poor", "entered_near_poor", "NULL", village, "NULL", commune, "NULL"]
            }
            let provinces = row % 3 == 2 ? ["NULL", "20"] : ["20", "20"]
            #expect(values == [String(format: "h%03d", row), "2026", "2027", "vn-2027"] + expected + ["d\(row)"] + provinces, "row \(row)")
        }
    }

    @Test("A row that repeats a key fails the insert, in a full statement and alone", arguments: [0, 1])
    func repeatedKeyFails(lastRowsAlone: Int) throws {
        // The rows are inserted `OR FAIL` (no statement journal): a broken constraint must still
        // throw, whichever statement carries the row.
        let (database, directory) = try Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: directory) }
        var batch = TransitionsBuilder.Batch(pair: .init(standard: "vn-2022", from: 2023))
        let rowCount = TransitionsBuilder.Insert.rowsPerStatement + lastRowsAlone
        let texts = PlaceTexts(["00001/Thôn A", "00001/Thôn A", "00001", "00001", nil, nil, "20", "20"])
        for row in 0..<rowCount {
            // The last row repeats the first one's household.
            let id = row == rowCount - 1 ? "h000" : String(format: "h%03d", row)
            Array(id.utf8).withUnsafeBufferPointer { household in
                batch.append(household: household, from: .poor, to: .poor, change: .stayedPoor, place: texts.place)
            }
        }
        #expect {
            try batch.insertRows(with: try TransitionsBuilder.Insert(database: database))
        } throws: { error in
            "\(error)".contains("UNIQUE constraint failed: household_transitions")
        }
    }

    @Test("A reader that cannot open its database ends the batches and gives its error")
    func readerFailure() throws {
        let reader = TransitionsBuilder.PairReader(
            path: "/nonexistent-\(UUID().uuidString)/built.sqlite", pairs: [.init(standard: "vn-2022", from: 2023)],
            tally: .init())
        #expect(reader.batches.take() == nil)
        #expect(throws: SQLiteError.self) { _ = try reader.finish() }
    }

    /// Households h0 … h(n-1), in 2023 and 2024, all average.
    static func fill(_ database: SQLiteDatabase, households: Int) throws {
        let insert = try statusInsert(database)
        try database.transaction {
            for year in 2023...2024 {
                for household in 0..<households {
                    try insert.bind([
                        .integer(Int64(year)), .text("vn-2022"), .text("h\(household)"), .text("201"), .text("00001"),
                        .text("Thôn A"), .text("average"),
                    ])
                    try insert.execute()
                }
            }
        }
        try HouseholdLoadSettings.createKeyIndex(in: database)
        try HouseholdLoadSettings.createSecondaryIndexes(in: database)
    }

    @Test("A pair is merged from one scan of the key: either year may be missing, other years and standards are passed over")
    func pairMergedFromOneScan() throws {
        let (database, directory) = try Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: directory) }
        let insert = try Self.statusInsert(database)
        // (year, standard, household, district, commune, village, status)
        let rows: [(Int, String, String, String?, String, String, String)] = [
            (2023, "vn-2022", "h1", "201", "00001", "Thôn A", "poor"),
            (2024, "vn-2022", "h1", nil, "00002", "Bản Nà", "near_poor"),
            (2024, "vn-2022", "h10", "201", "00001", "Thôn B", "poor"),
            (2023, "vn-2022", "h2", "201", "00001", "Thôn A", "above"),
            (2022, "vn-2022", "h3", "201", "00001", "Thôn A", "poor"),
            (2024, "vn-2022", "h3", "201", "00001", "Thôn A", "poor"),
            (2023, "vn-2027", "h4", "201", "00001", "Thôn A", "poor"),
            (2024, "vn-2027", "h4", "201", "00001", "Thôn A", "poor"),
            (2023, "vn-2022", "h5", "201", "00001", "Thôn A", "average"),
            (2024, "vn-2022", "h5", "", "00001", "Thôn A", "average"),
            (2022, "vn-2022", "h6", "201", "00001", "Thôn A", "poor"),
            (2023, "vn-2022", "h6", "201", "00001", "Thôn A", "average"),
            (2024, "vn-2022", "h6", "201", "00001", "Thôn A", "poor"),
            (2023, "vn-2022", "h8", "201", "00001", "Thôn A", "average"),
            (2024, "vn-2022", "h8", "201", "00001", "Thôn A", "poor"),
        ]
        try database.transaction {
            // Inserted in reverse: the merge's order comes from the key, not the table.
            for (year, standard, household, district, commune, village, status) in rows.reversed() {
                try insert.bind([
                    .integer(Int64(year)), .text(standard), .text(household), district.map { .text($0) } ?? .null,
                    .text(commune), .text(village), .text(status),
                ])
                try insert.execute()
            }
        }
        try HouseholdLoadSettings.createKeyIndex(in: database)
        try HouseholdLoadSettings.createSecondaryIndexes(in: database)
        try TransitionsBuilder.build(in: database)
        let pair = try database.rows(
            """
            SELECT household_id, from_status, to_status, change, from_village_code, to_village_code, from_commune_code,
                to_commune_code, from_district_code, to_district_code, from_province_code, to_province_code
            FROM household_transitions WHERE standard = 'vn-2022' AND from_year = 2023 ORDER BY rowid
            """
        ).map { $0.map(\.shown) }
        // By hand (outputs.md's table of changes): h3's 2022 row, h4 (vn-2027 only) and the
        // empty district of h5 in 2024 (a text, not NULL).
        let expected: [[String]] = [
            ["h1", "poor", "near_poor", "poor_to_near_poor", "00001/Thôn A", "00002/Bản Nà", "00001", "00002", "201", "NULL", "20", "20"],
            ["h10", "absent", "poor", "entered_poor", "NULL", "00001/Thôn B", "NULL", "00001", "NULL", "201", "NULL", "20"],
            ["h2", "above", "absent", "stayed_out", "00001/Thôn A", "NULL", "00001", "NULL", "201", "NULL", "20", "NULL"],
            ["h3", "absent", "poor", "entered_poor", "NULL", "00001/Thôn A", "NULL", "00001", "NULL", "201", "NULL", "20"],
            ["h5", "average", "average", "stayed_out", "00001/Thôn A", "00001/Thôn A", "00001", "00001", "201", "", "20", "20"],
            ["h6", "average", "poor", "fell_back_poor", "00001/Thôn A", "00001/Thôn A", "00001", "00001", "201", "201", "20", "20"],
            ["h8", "average", "poor", "newly_poor", "00001/Thôn A", "00001/Thôn A", "00001", "00001", "201", "201", "20", "20"],
        ]
        #expect(pair == expected)
        let pairs = try database.rows(
            "SELECT standard, from_year, count(*) FROM household_transitions GROUP BY standard, from_year ORDER BY 1, 2"
        ).map { $0.map(\.shown) }
        // vn-2022 2022→2023: h1, h2, h3, h5, h6, h8 (h3 left, h1, h2, h5, h8 entered); vn-2027 2023→2024: h4.
        #expect(pairs == [["vn-2022", "2022", "6"], ["vn-2022", "2023", "7"], ["vn-2027", "2023", "1"]])
    }

    @Test("A cancelled reader stops while its queue is full", .timeLimit(.minutes(1)))
    func cancelledReaderStops() throws {
        let (database, directory) = try Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: directory) }
        // More rows than the queue holds (8 batches of 4,096): the reader waits to hand over.
        try Self.fill(database, households: 12 * TransitionsBuilder.Batch.capacity)
        let modes = try HouseholdLoadSettings.openForConcurrentReader(in: database)
        let reader = TransitionsBuilder.PairReader(
            path: database.path, pairs: [.init(standard: "vn-2022", from: 2023)], tally: .init())
        let first = try #require(reader.batches.take())
        #expect(first.count == TransitionsBuilder.Batch.capacity)
        reader.cancel()
        try HouseholdLoadSettings.restore(modes, in: database)
        #expect(try database.rows("PRAGMA journal_mode")[0][0].string == "off")
    }

    @Test("The build reads beside its inserts and leaves the journal mode as it found it, with no log file")
    func buildRestoresTheJournal() throws {
        let (database, directory) = try Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: directory) }
        // 10,000 households in both years: 10,000 rows of stayed_out, in three batches.
        try Self.fill(database, households: 10_000)
        try TransitionsBuilder.build(in: database)
        #expect(try database.rows("PRAGMA journal_mode")[0][0].string == "off")
        #expect(!FileManager.default.fileExists(atPath: database.path + "-wal"))
        let counts = try database.rows("SELECT change, count(*) FROM household_transitions GROUP BY change").map { $0.map(\.shown) }
        #expect(counts == [["stayed_out", "10000"]])
        // The key's order is the insert order: h0, h1, h10, h100, … (byte order of the ids).
        let first = try database.rows("SELECT household_id FROM household_transitions ORDER BY rowid LIMIT 4").map { $0[0].shown }
        #expect(first == ["h0", "h1", "h10", "h100"])
    }
}
