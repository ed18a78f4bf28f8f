import Foundation
import PovReviewCore

extension TransitionsBuilder {
    /// One review year of a pair, read in household order through the key index of
    /// `household_status` (review_year, standard, household_id): `TransitionsBuilder.build`
    /// merges the two sides of a pair, household by household.
    ///
    /// The current row's text is SQLite's own, valid until the next `step`; the reader copies
    /// it into its batch as it is (`Batch`). Making a `String` of each of the twelve values of a
    /// pair and binding copies measured more than half of the stage (200,000 households × 5
    /// years).
    final class PairSide {
        private let query: SQLiteStatement
        /// Whether the cursor is on a row (false once the year is read to its end).
        private(set) var hasRow = false
        /// `commune_code/village` of the current row (its first `villageCodeCount` bytes), in a
        /// buffer of its own so that `place(0)` stays valid until the next `step`.
        private var villageCode = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 256)
        private var villageCodeCount = 0
        /// An empty text's bytes (SQLite gives NULL no pointer).
        private let empty = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)

        init(database: SQLiteDatabase) throws {
            query = try database.prepare(
                """
                SELECT household_id, status, commune_code, village, district_code, province_code
                FROM household_status
                WHERE review_year = ? AND standard = ?
                ORDER BY household_id
                """)
        }

        deinit {
            empty.deallocate()
            villageCode.deallocate()
        }

        /// Starts reading `year` of `standard` from its first household.
        func start(standard: StandardID, year: Int) throws {
            query.reset()
            query.bind(1, year)
            query.bind(2, standard.rawValue)
            try step()
        }

        /// Moves to the next household of the year.
        func step() throws {
            hasRow = try query.step()
            guard hasRow else { return }
            let commune = text(2), village = text(3)
            villageCodeCount = commune.count + 1 + village.count
            if villageCodeCount > villageCode.count {
                villageCode.deallocate()
                villageCode = .allocate(capacity: max(villageCodeCount, 2 * villageCode.count))
            }
            _ = UnsafeMutableBufferPointer(rebasing: villageCode[..<commune.count]).initialize(from: commune)
            villageCode[commune.count] = UInt8(ascii: "/")
            _ = UnsafeMutableBufferPointer(rebasing: villageCode[(commune.count + 1)..<villageCodeCount]).initialize(from: village)
        }

        /// The current row's household id.
        var householdID: UnsafeBufferPointer<UInt8> { text(0) }

        private static let statuses = [SideStatus.poor, .nearPoor, .average, .above].map { (Array($0.rawValue.utf8), $0) }

        /// The current row's status.
        var status: SideStatus {
            let bytes = text(1)
            for (text, status) in Self.statuses where ByteText.equal(bytes, text) { return status }
            return .absent
        }

        /// The current row's unit at `level` (0 village code, 1 commune, 2 district, 3 province)
        /// (the `from_…`/`to_…` place columns of `household_transitions`): nil for a NULL district.
        /// Valid until the next `step`.
        func place(_ level: Int) -> UnsafeBufferPointer<UInt8>? {
            switch level {
            case 0: UnsafeBufferPointer(start: villageCode.baseAddress, count: villageCodeCount)
            case 1: query.textBytes(at: 2)
            case 2: query.textBytes(at: 4)
            default: query.textBytes(at: 5)
            }
        }

        private func text(_ column: Int) -> UnsafeBufferPointer<UInt8> {
            query.textBytes(at: column) ?? UnsafeBufferPointer(start: UnsafePointer(empty), count: 0)
        }

        /// Which side holds the next household, in SQLite's BINARY order (the order both sides
        /// are read in): negative `a`, positive `b`, 0 both (the household is in both years).
        static func order(_ a: PairSide, _ b: PairSide) -> Int {
            guard a.hasRow else { return 1 }
            guard b.hasRow else { return -1 }
            return ByteText.binaryOrder(a.householdID, b.householdID)
        }
    }
}
