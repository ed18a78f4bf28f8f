import Foundation
import PovReviewCore

extension TransitionsBuilder {
    /// The later year of a pair, set aside in household order while the pair is read, so that
    /// the next pair, which starts with that year, reads only its own later year from
    /// `household_status` and merges it with these rows.
    ///
    /// The pair scan fetches each row of its two years from the table through the key index;
    /// carried over, each year of a standard is fetched once (the years between its first and
    /// its last were fetched twice, once for each pair they belong to).
    /// The rows go to a `SpillFile` (~50 bytes a household), so memory stays flat; they are
    /// written and read back in order, through buffers.
    final class CarriedYear {
        private let file: SpillFile
        /// The standard and review year of the rows written since `restart`.
        private(set) var standard: StandardID?
        private(set) var year: Int?
        /// Bytes read back and not yet loaded: `chunk[position...]`; `readOffset` is the file's
        /// next byte to read.
        private var chunk: [UInt8] = []
        private var position = 0
        private var readOffset: UInt64 = 0
        private static let chunkSize = 1 << 20

        init(folder: URL = FileManager.default.temporaryDirectory) throws {
            file = try SpillFile(
                folder: folder, prefix: "povreview-year", contents: "a review year's households",
                use: "the track stage keeps about 50 bytes per household of one review year there")
        }

        /// Empties the file to take the rows of `year` under `standard`, from the first household.
        func restart(standard: StandardID, year: Int) throws {
            try file.removeAll()
            self.standard = standard
            self.year = year
            chunk = []
            position = 0
            readOffset = 0
        }

        /// Whether these are the rows of `year` under `standard`.
        func holds(standard: StandardID, year: Int) -> Bool { self.standard == standard && self.year == year }

        /// Appends the row `side` holds (the households must come in the key's order).
        func append(_ side: PairSide) throws { try side.write(to: file) }

        /// Loads the next row written into `side`; false after the last one.
        func next(into side: PairSide) throws -> Bool {
            guard try ensure(PairSide.recordHeaderSize) else { return false }
            let size = chunk.withUnsafeBytes {
                PairSide.recordSize(header: UnsafeRawBufferPointer(rebasing: $0[position..<(position + PairSide.recordHeaderSize)]))
            }
            guard try ensure(size) else {
                throw PipelineError.database(
                    "cannot read back the households of \(year.map(String.init) ?? "?") set aside for the next pair of years: their temporary file ends inside a row"
                )
            }
            chunk.withUnsafeBytes { side.load(record: UnsafeRawBufferPointer(rebasing: $0[position..<(position + size)])) }
            position += size
            return true
        }

        /// Whether `count` bytes are ready from `position`, reading on from the file if needed.
        private func ensure(_ count: Int) throws -> Bool {
            if chunk.count - position >= count { return true }
            let more = try file.read(at: readOffset, upTo: max(Self.chunkSize, count))
            guard !more.isEmpty else { return false }
            readOffset += UInt64(more.count)
            chunk.removeSubrange(0..<position)
            chunk.append(contentsOf: more)
            position = 0
            return chunk.count >= count
        }
    }
}
