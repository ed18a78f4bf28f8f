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

        /// Binds every row into `insert` (a `HouseholdTransitionRecord` insert whose year and
        /// standard parameters are bound) and executes it, in order.
        func insertRows(with insert: SQLiteStatement) throws {
            try bytes.withUnsafeBufferPointer { buffer in
                let base = buffer.baseAddress!
                for row in 0..<count {
                    let field = row * 2 * Self.textsPerRow
                    insert.bindStatic(1, base + Int(texts[field]), count: Int(texts[field + 1]))
                    insert.bind(5, changes[row].from.rawValue)
                    insert.bind(6, changes[row].to.rawValue)
                    insert.bind(7, changes[row].change.rawValue)
                    for column in 0..<8 {
                        let offset = texts[field + 2 + 2 * column], length = texts[field + 3 + 2 * column]
                        if length < 0 {
                            insert.bindNull(Int32(8 + column))
                        } else {
                            insert.bindStatic(Int32(8 + column), base + Int(offset), count: Int(length))
                        }
                    }
                    try insert.execute()
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
        /// The two years of a pair are read in one scan of the key index (household_id,
        /// standard, review_year) (`PairScan`). The scan passes over the index entries of every
        /// year kept, but fetches only the pair's rows; a household's two rows are consecutive.
        private static func read(
            path: String, pairs: [TransitionPairing.YearPair], tally: UnitDynamicsTally.Builder,
            into batches: HandOffQueue<Batch?>
        ) throws -> UnitDynamicsTally.Builder {
            var tally = tally
            let database = try SQLiteDatabase(path: path, readOnly: true)
            try database.execute("PRAGMA cache_size = -16384")
            let scan = try PairScan(database: database)
            let fromYear = PairSide(), toYear = PairSide()
            let earlierQuery = try database.prepare(
                """
                SELECT status FROM household_status
                WHERE standard = ? AND household_id = ? AND review_year < ? AND status IN ('poor', 'near_poor')
                """)
            for pair in pairs {
                let (standard, year) = (pair.standard, pair.from)
                let standardBytes = Array(standard.rawValue.utf8)
                try scan.start(standard: standard, year: year)
                var batch = Batch(pair: pair)
                while scan.hasRow {
                    // The next household: its row of the earlier year, then of the later one,
                    // either of which may be missing. SQLite's texts are copied as they are (no
                    // String per value).
                    fromYear.clear()
                    toYear.clear()
                    let first = scan.year == year ? fromYear : toYear
                    first.load(from: scan)
                    try scan.step()
                    if first === fromYear, scan.hasRow, scan.year == year + 1,
                        ByteText.equal(scan.householdID, fromYear.householdID)
                    {
                        toYear.load(from: scan)
                        try scan.step()
                    }
                    let inFrom = fromYear.hasRow, inTo = toYear.hasRow
                    let household = first.householdID
                    let from = fromYear.status, to = toYear.status
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
                            ? (inFrom ? fromYear.place(column / 2) : nil) : (inTo ? toYear.place(column / 2) : nil)
                    }
                    batch.append(household: household, from: from, to: to, change: change, place: place)
                    standardBytes.withUnsafeBufferPointer { standardText in
                        tally.add(
                            standard: standardText, toYear: year + 1, from: .init(from), to: .init(to),
                            change: UnitDynamicsTally.columns(of: change), place: place)
                    }
                    if batch.isFull {
                        guard batches.put(batch) else { return tally }
                        batch = Batch(pair: pair)
                    }
                }
                if batch.count > 0, !batches.put(batch) { return tally }
            }
            return tally
        }
    }
}
