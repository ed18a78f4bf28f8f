import Foundation
import PovReviewCore

extension TransitionsBuilder {
    /// Both review years of a pair in one scan, in household order, through the key index of
    /// `household_status` (household_id, standard, review_year): a household's rows of the
    /// two years are consecutive. `PairReader` copies each into a `PairSide` and merges them,
    /// household by household.
    ///
    /// One scan of the household-first key replaced two range scans of a year-first key, whose
    /// index build cost about twice the household-first one (every comparison of its sort tied
    /// on the year and the standard) and which nothing else needed.
    ///
    /// Ordered by `household_id` alone, and the merge takes a household's two rows in either
    /// order. `ORDER BY household_id, review_year` made SQLite sort the rows of every household
    /// again ("USE TEMP B-TREE FOR RIGHT PART OF ORDER BY": the key's standard column lies
    /// between the two): 2.4–2.6 s a pair against 1.7–1.9 s without, on 1,000,000 households ×
    /// 5 years, and the reading thread is the slower one of the stage. `INDEXED BY` keeps the
    /// scan streaming in key order whatever the planner's statistics say (with them it chose a
    /// skip-scan of the index by commune and a sort of the pair's rows).
    final class PairScan {
        private let query: SQLiteStatement
        /// Whether the cursor is on a row (false once the pair is read to its end).
        private(set) var hasRow = false

        init(database: SQLiteDatabase) throws {
            query = try database.prepare(
                """
                SELECT household_id, review_year, status, commune_code, village, district_code, province_code
                FROM household_status INDEXED BY household_status_key
                WHERE standard = ?1 AND review_year IN (?2, ?3)
                ORDER BY household_id
                """)
        }

        /// Starts reading the years `year` and `year + 1` of `standard` from their first household.
        func start(standard: StandardID, year: Int) throws {
            try start(standard: standard, years: (year, year + 1))
        }

        /// Starts reading the year `year` of `standard` alone (the pair's earlier year is
        /// carried over from the pair before: `CarriedYear`).
        func start(standard: StandardID, onlyYear year: Int) throws {
            try start(standard: standard, years: (year, year))
        }

        private func start(standard: StandardID, years: (Int, Int)) throws {
            query.reset()
            query.bind(1, standard.rawValue)
            query.bind(2, years.0)
            query.bind(3, years.1)
            try step()
        }

        /// Moves to the next row.
        func step() throws { hasRow = try query.step() }

        /// The current row's review year.
        var year: Int { query.int(at: 1) }

        /// The current row's household id, valid until the next `step`.
        var householdID: UnsafeBufferPointer<UInt8> { orEmpty(query.textBytes(at: 0)) }

        /// The current row's column `index` as SQLite's bytes, nil for NULL; valid until the next `step`.
        fileprivate func text(_ index: Int) -> UnsafeBufferPointer<UInt8>? { query.textBytes(at: index) }
    }

    /// One year's row of the household being merged, copied out of the `PairScan` (its texts
    /// last only until its next step, and the household's other year is the next row).
    ///
    /// The texts are copied as bytes, not made `String`s: making a `String` of each of the twelve
    /// values of a pair and binding copies measured more than half of the stage (200,000
    /// households × 5 years).
    final class PairSide {
        /// Whether the household has a row in this year.
        private(set) var hasRow = false
        /// The row's status (`.absent` without a row).
        private(set) var status = SideStatus.absent
        /// `household_id`, `commune_code/village`, `district_code` and `province_code`, one
        /// after the other; the commune is the village code's first `communeCount` bytes.
        private var bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 256)
        private var householdCount = 0, villageCodeCount = 0, communeCount = 0
        /// -1 for a NULL district.
        private var districtCount = 0, provinceCount = 0

        deinit { bytes.deallocate() }

        private static let statuses = [SideStatus.poor, .nearPoor, .average, .above].map { (Array($0.rawValue.utf8), $0) }

        /// Copies the scan's current row.
        func load(from scan: PairScan) {
            let household = scan.householdID, commune = orEmpty(scan.text(3)), village = orEmpty(scan.text(4))
            let district = scan.text(5), province = orEmpty(scan.text(6))
            householdCount = household.count
            communeCount = commune.count
            villageCodeCount = commune.count + 1 + village.count
            districtCount = district?.count ?? -1
            provinceCount = province.count
            reserve(textCount)
            var end = append(household, at: 0)
            end = append(commune, at: end)
            bytes[end] = UInt8(ascii: "/")
            end = append(village, at: end + 1)
            if let district { end = append(district, at: end) }
            _ = append(province, at: end)
            let statusBytes = orEmpty(scan.text(2))
            status = Self.statuses.first { ByteText.equal(statusBytes, $0.0) }?.1 ?? .absent
            hasRow = true
        }

        /// No row in this year (the household is in the other one only).
        func clear() {
            hasRow = false
            status = .absent
        }

        /// The household id.
        var householdID: UnsafeBufferPointer<UInt8> { slice(0, householdCount) }

        /// The row's unit at `level` (0 village code, 1 commune, 2 district, 3 province) (the
        /// `from_…`/`to_…` place columns of `household_transitions`): nil for a NULL district.
        /// Valid until the next `load`.
        func place(_ level: Int) -> UnsafeBufferPointer<UInt8>? {
            let villageCode = householdCount, district = villageCode + villageCodeCount
            switch level {
            case 0: return slice(villageCode, villageCodeCount)
            case 1: return slice(villageCode, communeCount)
            case 2: return districtCount < 0 ? nil : slice(district, districtCount)
            default: return slice(district + max(districtCount, 0), provinceCount)
            }
        }

        /// The bytes before a row's texts in `write(to:)`: its status, then the lengths of its
        /// household id, village code, commune and district (-1 for NULL) and province.
        static let recordHeaderSize = 1 + 5 * MemoryLayout<Int32>.size

        /// The length of the record whose `recordHeaderSize` bytes are `header`.
        static func recordSize(header: UnsafeRawBufferPointer) -> Int {
            let count = { (field: Int) in storedCount(field, in: header) }
            return recordHeaderSize + count(0) + count(1) + max(count(3), 0) + count(4)
        }

        /// Length `field` (0 household id … 4 province) of a record's header.
        private static func storedCount(_ field: Int, in header: UnsafeRawBufferPointer) -> Int {
            Int(header.loadUnaligned(fromByteOffset: 1 + 4 * field, as: Int32.self))
        }

        /// Appends the row to `file` as a record `load(record:)` reads back (a row of this year).
        func write(to file: SpillFile) throws {
            precondition(hasRow, "only a year's rows are carried over")
            try withUnsafeTemporaryAllocation(byteCount: Self.recordHeaderSize, alignment: 4) { header in
                header[0] = UInt8(Self.statuses.firstIndex { $0.1 == status }!)
                let store = { (field: Int, count: Int) in
                    header.storeBytes(of: Int32(count), toByteOffset: 1 + 4 * field, as: Int32.self)
                }
                store(0, householdCount)
                store(1, villageCodeCount)
                store(2, communeCount)
                store(3, districtCount)
                store(4, provinceCount)
                _ = try file.append(UnsafeRawBufferPointer(header))
            }
            _ = try file.append(UnsafeRawBufferPointer(start: bytes.baseAddress, count: textCount))
        }

        /// Copies a row `write(to:)` wrote: `record` holds its header and texts.
        func load(record: UnsafeRawBufferPointer) {
            householdCount = Self.storedCount(0, in: record)
            villageCodeCount = Self.storedCount(1, in: record)
            communeCount = Self.storedCount(2, in: record)
            districtCount = Self.storedCount(3, in: record)
            provinceCount = Self.storedCount(4, in: record)
            let total = record.count - Self.recordHeaderSize
            reserve(total)
            if total > 0 {
                UnsafeMutableRawBufferPointer(bytes).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: record[Self.recordHeaderSize...]))
            }
            status = Self.statuses[Int(record[0])].1
            hasRow = true
        }

        /// The bytes of the row's texts, one after the other.
        private var textCount: Int { householdCount + villageCodeCount + max(districtCount, 0) + provinceCount }

        /// Makes room for `total` bytes of texts (what the buffer held is not kept).
        private func reserve(_ total: Int) {
            guard total > bytes.count else { return }
            bytes.deallocate()
            bytes = .allocate(capacity: max(total, 2 * bytes.count))
        }

        private func slice(_ start: Int, _ count: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: bytes.baseAddress! + start, count: count)
        }

        private func append(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
            if text.count > 0 { _ = UnsafeMutableBufferPointer(rebasing: bytes[offset..<(offset + text.count)]).initialize(from: text) }
            return offset + text.count
        }
    }
}

/// A text's bytes, empty for NULL (of `household_status`'s texts read here, only the district may
/// be NULL).
private func orEmpty(_ text: UnsafeBufferPointer<UInt8>?) -> UnsafeBufferPointer<UInt8> {
    text ?? UnsafeBufferPointer(start: nil, count: 0)
}
