import Foundation
import PovReviewCore

/// What the reading thread hands to the writing thread, in file order.
enum IngestEvent: Sendable {
    /// A dump is about to be opened.
    case fileStarted(index: Int, sha256: String, bytes: Int)
    /// Its header is read: its warnings, and how to re-read its records later.
    case headerRead(warnings: [DataWarning], rawText: RecordRawText)
    /// Records in file order.
    case records(RecordBatch)
    /// The dump is done.
    case fileFinished
    /// Reading failed; the run fails with this error.
    case failed(PipelineError)
    /// Every dump is done.
    case finished
}

/// Records in file order.
struct RecordBatch: Sendable {
    var records: [DumpRecord] = []

    init(capacity: Int) {
        records.reserveCapacity(capacity)
    }

    var count: Int { records.count }
}

/// The ingest's reading and the counting of its duplicate keys: `read(into:)` opens each dump in
/// turn, scans and validates its records and hands them over in batches, on the reading thread;
/// the consumer counts each record's key (`keyRepeated`) as it takes the records, in file order,
/// on its own thread, and reads `retracted` once the reading is done.
///
/// The keys are counted on the consuming side because the reading thread is the slower one of
/// the ingest once `household_status` is written several rows per statement: on 1,000,000
/// households the consumer waited ~0.5 s for records. In a `perf` profile of that ingest the
/// counting was ~9% of all samples (the key table 4.2%, the kernel writing its spill file
/// ~5%) against 45% for the whole reading thread; counted by the consumer, each side waits
/// 0.1–0.2 s for the other.
final class DumpReading: @unchecked Sendable {
    let dumps: [(url: URL, path: String)]
    let rules: ValidationRules
    let admin: AdminDirectory
    let options: DumpReader.Options
    private let keys: DuplicateKeyTable
    /// Rows accepted then found duplicated, in the order their key repeated.
    private(set) var retracted: [(row: DuplicateKeyTable.AcceptedRow, key: HouseholdPass.DuplicateKey)] = []

    /// SHA-256 of dumps already hashed by path (an incremental rerun hashes them first).
    let hashes: [String: String]

    /// `keyRecords` keeps the duplicate keys' records: a spill file in a run (flat memory), in
    /// memory for `validate` (which writes no file, not even a temporary one).
    init(
        dumps: [(url: URL, path: String)], rules: ValidationRules, admin: AdminDirectory, options: DumpReader.Options,
        keyRecords: any DuplicateKeyRecordStore, hashes: [String: String] = [:]
    ) {
        self.hashes = hashes
        self.dumps = dumps
        self.rules = rules
        self.admin = admin
        self.options = options
        // Sized for one key per ~100 bytes of dump (rows are ~120 bytes), so it rarely grows.
        let bytes = dumps.reduce(0) { total, dump in
            total + ((try? FileManager.default.attributesOfItem(atPath: dump.url.path)[.size] as? Int) ?? 0)
        }
        keys = DuplicateKeyTable(expectedKeys: min(max(bytes / 100, 1 << 12), 1 << 26), records: keyRecords)
    }

    /// Reads the dumps on a thread of its own while `consume` takes the events on the caller's
    /// thread; returns once both are done (the reading is cancelled when `consume` throws).
    func readOnThread(_ consume: (HandOffQueue<IngestEvent>) throws -> Void) throws {
        let queue = HandOffQueue<IngestEvent>(capacity: HouseholdPass.queueCapacity)
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            self.read(into: queue)
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        defer { finished.wait() }
        do { try consume(queue) } catch {
            queue.cancel()
            throw error
        }
    }

    /// Reads every dump into `queue`, ending with `.finished` or `.failed`; stops early when
    /// the consumer cancels.
    func read(into queue: HandOffQueue<IngestEvent>) {
        for (index, dump) in dumps.enumerated() {
            let sha = hashes[dump.path] ?? (try? FileDigest.sha256(of: dump.url)) ?? ""
            let size = (try? FileManager.default.attributesOfItem(atPath: dump.url.path)[.size] as? Int) ?? 0
            guard queue.put(.fileStarted(index: index, sha256: sha, bytes: size)) else { return }
            let reader: DumpReader
            do {
                reader = try DumpReader(url: dump.url, path: dump.path, rules: rules, admin: admin, options: options)
            } catch {
                queue.put(.failed(HouseholdPass.pipelineError(error, path: dump.path)))
                return
            }
            guard queue.put(.headerRead(warnings: reader.headerWarnings, rawText: reader.rawTextSource)) else { return }
            var batch = RecordBatch(capacity: HouseholdPass.batchSize)
            while true {
                let next: DumpRecord?
                do { next = try reader.next() } catch {
                    if batch.count > 0 { guard queue.put(.records(batch)) else { return } }
                    queue.put(.failed(HouseholdPass.pipelineError(error, path: dump.path)))
                    return
                }
                guard let record = next else { break }
                batch.records.append(record)
                if batch.count == HouseholdPass.batchSize {
                    guard queue.put(.records(batch)) else { return }
                    batch = RecordBatch(capacity: HouseholdPass.batchSize)
                }
            }
            if batch.count > 0 { guard queue.put(.records(batch)) else { return } }
            guard queue.put(.fileFinished) else { return }
        }
        queue.put(.finished)
    }

    /// Counts the record's key (with the record as the key's accepted row when it is accepted
    /// and the first); notes the key's accepted row for retraction when the key repeats.
    /// Returns whether the key had a row before (false without a readable key). Called by the
    /// consumer for every record, in file order; `file` is the index of the record's dump.
    @inline(__always)
    func keyRepeated(_ record: DumpRecord, file: Int) throws(PipelineError) -> Bool {
        do { return try count(record, file: file) } catch {
            throw HouseholdPass.pipelineError(error, path: dumps[file].path)
        }
    }

    /// Frees the key table once every record is counted: the table (8-byte slots, ~11–21 bytes
    /// per household) and its temporary file are not needed by what follows the reading.
    func keysCounted() throws(PipelineError) {
        do { try keys.removeAll() } catch {
            throw HouseholdPass.pipelineError(error, path: dumps.last?.path ?? "")
        }
    }

    @inline(__always)
    private func count(_ record: DumpRecord, file: Int) throws -> Bool {
        guard let key = record.key else { return false }
        var accepted: DuplicateKeyTable.AcceptedRow?
        if case .accepted = record.outcome { accepted = DuplicateKeyTable.AcceptedRow(file: Int32(file), location: record.location) }
        let counted = try keys.countRow(year: key.reviewYear.value, id: key.householdID.rawValue, accepted: accepted)
        if let first = counted.retracted {
            retracted.append((first, HouseholdPass.DuplicateKey(year: key.reviewYear.value, id: key.householdID.rawValue)))
        }
        return counted.repeated
    }
}
