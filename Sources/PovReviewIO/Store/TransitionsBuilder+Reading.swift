import Foundation
import PovReviewCore

extension TransitionsBuilder {
    /// The transitions of one pair of years, in household order, as the reading thread decided
    /// them and the writing thread inserts them: each row's household id and place columns as
    /// bytes in `bytes`, its statuses and change beside.
    struct Batch {
        var pair: TransitionPairing.YearPair
        /// The texts of every row. Byte 0 is a spare, so that the buffer is never empty and an
        /// empty text still has an address to bind.
        private(set) var bytes: [UInt8] = [0]
        /// Per row, `textsPerRow` (offset, length) pairs into `bytes`: the household id, then the
        /// eight place columns in the insert's order (`from_village_code` … `to_province_code`);
        /// length -1 for NULL.
        private(set) var texts: [Int32] = []
        /// Per row: its statuses in both years and its change.
        private(set) var changes: [(from: SideStatus, to: SideStatus, change: TransitionChange)] = []

        static let textsPerRow = 9
        static let capacity = 4096

        init(pair: TransitionPairing.YearPair) {
            self.pair = pair
            bytes.reserveCapacity(Self.capacity * 96)
            texts.reserveCapacity(Self.capacity * 2 * Self.textsPerRow)
            changes.reserveCapacity(Self.capacity)
        }

        var count: Int { changes.count }
        var isFull: Bool { count >= Self.capacity }

        /// Appends one row: `household`, its statuses and change, and its eight place columns
        /// through `place` (`PairSide.place` of the side it is on, nil for NULL).
        mutating func append(
            household: UnsafeBufferPointer<UInt8>, from: SideStatus, to: SideStatus, change: TransitionChange,
            place: (Int) -> UnsafeBufferPointer<UInt8>?
        ) {
            appendText(household)
            for column in 0..<8 {
                if let text = place(column) {
                    appendText(text)
                } else {
                    texts.append(0)
                    texts.append(-1)
                }
            }
            changes.append((from, to, change))
        }

        private mutating func appendText(_ text: UnsafeBufferPointer<UInt8>) {
            texts.append(Int32(bytes.count))
            texts.append(Int32(text.count))
            bytes.append(contentsOf: text)
        }

        /// Binds every row into `insert` and executes it, in order: `Insert.rowsPerStatement` rows
        /// per execution, then the last ones one by one.
        func insertRows(with insert: Insert) throws {
            insert.bindPair(pair)
            try bytes.withUnsafeBufferPointer { buffer in
                let base = buffer.baseAddress!
                var row = 0
                while row < count {
                    let many = count - row >= Insert.rowsPerStatement
                    let statement = many ? insert.many : insert.single
                    for slot in 0..<(many ? Insert.rowsPerStatement : 1) {
                        bind(row: row + slot, into: statement, at: Int32(slot * Insert.columns), base: base)
                    }
                    try statement.execute()
                    row += many ? Insert.rowsPerStatement : 1
                }
            }
        }

        /// Binds `row`'s own columns (all but the pair's) to the parameters after `offset`.
        @inline(__always)
        private func bind(row: Int, into insert: SQLiteStatement, at offset: Int32, base: UnsafePointer<UInt8>) {
            let field = row * 2 * Self.textsPerRow
            insert.bindStatic(offset + 1, base + Int(texts[field]), count: Int(texts[field + 1]))
            insert.bind(offset + 5, changes[row].from.rawValue)
            insert.bind(offset + 6, changes[row].to.rawValue)
            insert.bind(offset + 7, changes[row].change.rawValue)
            for column in 0..<8 {
                let textOffset = texts[field + 2 + 2 * column], length = texts[field + 3 + 2 * column]
                if length < 0 {
                    insert.bindNull(offset + Int32(8 + column))
                } else {
                    insert.bindStatic(offset + Int32(8 + column), base + Int(textOffset), count: Int(length))
                }
            }
        }
    }

    /// The statements that insert `household_transitions` rows: one for `rowsPerStatement` rows
    /// at a time, and one for a single row (a batch's last rows).
    ///
    /// Several rows per execution, because the table's primary key is an index SQLite fills as
    /// the rows come: a statement executed once per row opens its cursor on the index again
    /// and seeks from the root, where the rows of one execution go on from the cursor's place
    /// (they come in key order). Measured with a C program inserting 1,000,000 rows of this
    /// table's shape into a write-ahead log, as the stage does: 3.0–3.3 s one row per
    /// execution, 1.6–1.7 s with 64.
    ///
    /// `INSERT OR FAIL`: with SQLite's default conflict clause, every execution of several rows
    /// inside the stage's transaction kept a statement journal (to undo that statement alone),
    /// copying each page it changed to a temporary file first: 130,756 writes, 1 GB, at 200,000
    /// households × 5 years. Without it the inserting thread's CPU time in the stage went from
    /// 6.9 to 4.5 s at 1,000,000 × 5 years. A broken constraint still fails the stage, and a
    /// failed run discards the whole database it was building.
    final class Insert {
        static let rowsPerStatement = 64
        static let columns = HouseholdTransitionRecord.columns.count
        let single: SQLiteStatement
        let many: SQLiteStatement

        init(database: SQLiteDatabase) throws {
            single = try database.prepare(HouseholdTransitionRecord.insertStatement(onConflict: .fail))
            many = try database.prepare(HouseholdTransitionRecord.insertStatement(onConflict: .fail, rows: Self.rowsPerStatement))
        }

        /// Binds the pair's years and standard in every row of both statements.
        func bindPair(_ pair: TransitionPairing.YearPair) {
            for (statement, rows) in [(single, 1), (many, Self.rowsPerStatement)] {
                for row in 0..<rows {
                    let offset = Int32(row * Self.columns)
                    statement.bind(offset + 2, pair.from)
                    statement.bind(offset + 3, pair.to)
                    statement.bind(offset + 4, pair.standard.rawValue)
                }
            }
        }
    }

    /// Reads the pairs of years and decides every transition on a thread of its own, through a
    /// second connection that only reads, and hands them over in batches: the caller's
    /// connection only inserts them. The database must be in write-ahead-log mode
    /// (`HouseholdLoadSettings.openForConcurrentReader`), so that the reader sees the committed
    /// `household_status` while the caller's transaction grows.
    ///
    /// Reading both years of each pair was ~36% of the single-threaded stage and inserting the
    /// rows the rest (1,000,000 households × 5 years); with the reading beside the inserts, the
    /// stage takes about as long as the inserts.
    final class PairReader: @unchecked Sendable {
        /// Batches in order; nil once the reader is done (or failed).
        let batches = HandOffQueue<Batch?>(capacity: 8)
        private let done = DispatchSemaphore(value: 0)
        private var result: Result<UnitDynamicsTally.Builder, any Error> = .success(.init())
        private var joined = false

        /// Starts reading `pairs` of the database at `path`, tallying into `tally`.
        init(path: String, pairs: [TransitionPairing.YearPair], tally: UnitDynamicsTally.Builder) {
            let thread = Thread { [self] in
                do {
                    result = .success(try Self.read(path: path, pairs: pairs, tally: tally, into: batches))
                } catch {
                    result = .failure(error)
                }
                batches.put(nil)
                done.signal()
            }
            thread.start()
        }

        /// Waits for the reader and returns its tally; throws its error.
        func finish() throws -> UnitDynamicsTally.Builder {
            join()
            return try result.get()
        }

        /// Stops the reader (the caller failed) and waits for it.
        func cancel() {
            batches.cancel()
            join()
        }

        private func join() {
            guard !joined else { return }
            done.wait()
            joined = true
        }

        /// Merges the two years of each pair, household by household, and hands over each pair's
        /// rows in batches. The connection and its statements are released on return, before the
        /// caller restores its journal mode.
        ///
        /// The first pair of a standard reads its two years in one scan of the key index
        /// (household_id, standard, review_year) (`PairScan`): a household's two rows are
        /// consecutive. Each pair sets its later year aside as it reads it (`CarriedYear`) when
        /// the next pair starts with that year; that pair then scans only its later year and
        /// merges it with the rows set aside, both in the key's household order. A scan passes
        /// over the index entries of every year kept, but fetches only the rows asked for.
        private static func read(
            path: String, pairs: [TransitionPairing.YearPair], tally: UnitDynamicsTally.Builder,
            into batches: HandOffQueue<Batch?>
        ) throws -> UnitDynamicsTally.Builder {
            var tally = tally
            let database = try SQLiteDatabase(path: path, readOnly: true)
            try database.execute("PRAGMA cache_size = -16384")
            let scan = try PairScan(database: database)
            let fromYear = PairSide(), toYear = PairSide()
            // Stands for the earlier year of a household in the later year only (never loaded).
            let noRow = PairSide()
            let earlierQuery = try database.prepare(
                """
                SELECT status FROM household_status
                WHERE standard = ? AND household_id = ? AND review_year < ? AND status IN ('poor', 'near_poor')
                """)
            // The previous pair's later year, and a file to reuse for the next one.
            var carried: CarriedYear?, spare: CarriedYear?
            for (index, pair) in pairs.enumerated() {
                let (standard, year) = (pair.standard, pair.from)
                let standardBytes = Array(standard.rawValue.utf8)
                let source = carried.flatMap { $0.holds(standard: standard, year: year) ? $0 : nil }
                var keeping: CarriedYear?
                if index + 1 < pairs.count, pairs[index + 1].standard == standard, pairs[index + 1].from == pair.to {
                    keeping = try spare ?? CarriedYear()
                    try keeping?.restart(standard: standard, year: pair.to)
                }
                var batch = Batch(pair: pair)

                /// Decides the household's transition from its two sides (either may be
                /// cleared: no row that year), appends it to the batch and tallies it, and sets
                /// its later row aside; false once the consumer has cancelled.
                func emit(household: UnsafeBufferPointer<UInt8>, from fromSide: PairSide, to toSide: PairSide) throws -> Bool {
                    let inFrom = fromSide.hasRow, inTo = toSide.hasRow
                    let from = fromSide.status, to = toSide.status
                    var earlier = EarlierStatuses()
                    if TransitionPairing.needsEarlierYears(from: from, to: to) {
                        earlierQuery.bind(1, standard.rawValue)
                        earlierQuery.bindStatic(2, household.baseAddress!, count: household.count)
                        earlierQuery.bind(3, year)
                        while try earlierQuery.step() {
                            if let status = earlierQuery.string(at: 0).flatMap(HouseholdStatus.init(rawValue:)) { earlier.record(status) }
                        }
                        earlierQuery.reset()
                    }
                    let change = TransitionChange(from: from, to: to, earlier: earlier)
                    // Even columns the earlier year's places, odd ones the later year's.
                    let place = { (column: Int) -> UnsafeBufferPointer<UInt8>? in
                        column.isMultiple(of: 2)
                            ? (inFrom ? fromSide.place(column / 2) : nil) : (inTo ? toSide.place(column / 2) : nil)
                    }
                    batch.append(household: household, from: from, to: to, change: change, place: place)
                    standardBytes.withUnsafeBufferPointer { standardText in
                        tally.add(
                            standard: standardText, toYear: year + 1, from: .init(from), to: .init(to),
                            change: UnitDynamicsTally.columns(of: change), place: place)
                    }
                    if inTo { try keeping?.append(toSide) }
                    if batch.isFull {
                        guard batches.put(batch) else { return false }
                        batch = Batch(pair: pair)
                    }
                    return true
                }

                if let source {
                    // The earlier year set aside by the previous pair, merged with a scan of
                    // the later year; both in the key's order of households (SQLite's BINARY).
                    fromYear.clear()
                    var hasCarried = try source.next(into: fromYear)
                    try scan.start(standard: standard, onlyYear: pair.to)
                    while hasCarried || scan.hasRow {
                        let order =
                            !hasCarried ? 1 : !scan.hasRow ? -1 : ByteText.compare(fromYear.householdID, scan.householdID)
                        toYear.clear()
                        if order >= 0 {
                            toYear.load(from: scan)
                            try scan.step()
                        }
                        if order > 0 {
                            // In the later year only.
                            guard try emit(household: toYear.householdID, from: noRow, to: toYear) else { return tally }
                        } else {
                            guard try emit(household: fromYear.householdID, from: fromYear, to: toYear) else { return tally }
                            hasCarried = try source.next(into: fromYear)
                        }
                    }
                } else {
                    try scan.start(standard: standard, year: year)
                    while scan.hasRow {
                        // The next household: its rows of the two years, in either order, either
                        // of which may be missing (the key allows one row per year). SQLite's
                        // texts are copied as they are (no String per value).
                        fromYear.clear()
                        toYear.clear()
                        let first = scan.year == year ? fromYear : toYear
                        first.load(from: scan)
                        try scan.step()
                        if scan.hasRow, ByteText.equal(scan.householdID, first.householdID) {
                            (first === fromYear ? toYear : fromYear).load(from: scan)
                            try scan.step()
                        }
                        guard try emit(household: first.householdID, from: fromYear, to: toYear) else { return tally }
                    }
                }
                if batch.count > 0, !batches.put(batch) { return tally }
                // The file just read (or left unread) is reused for the pair after next.
                spare = carried
                carried = keeping
            }
            return tally
        }
    }
}
