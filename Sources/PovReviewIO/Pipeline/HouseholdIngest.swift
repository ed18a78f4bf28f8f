import Foundation
import PovReviewCore

/// The ingest → validate → classify → aggregate stages over every dump file of a run.
///
/// Streams each file record by record: accepted households are classified under every standard
/// of their review year, inserted into `household_status` and counted into village tallies;
/// rejected rows go to `quarantine`. Duplicate keys (`review_year`, `household_id`) are tracked
/// over all files; when a key repeats, every row of it that passed its other checks is
/// quarantined as `duplicate_household` (input-format.md §4, rule 2), and an already accepted
/// row is taken back out of `household_status` and the tallies.
final class HouseholdIngest {
    let config: PipelineConfig
    let inputs: RunInputs
    let database: SQLiteDatabase
    let runID: Int
    let progress: any ProgressReporter

    /// Where an accepted row is, to re-read it if its key turns out to be duplicated.
    struct RowLocation {
        var file: Int32
        var line: Int32
        var offset: Int64
        var length: Int32
    }
    struct KeyState {
        var count: Int32 = 0
        /// The accepted row of the key, while it is the only one.
        var accepted: RowLocation?
    }
    struct DuplicateKey: Hashable {
        var year: Int
        var id: String
    }

    private var keys: [DuplicateKey: KeyState] = [:]
    private var villages: [VillageTallyKey: VillageTally] = [:]
    /// Every normalised spelling seen per village identity, to choose the canonical one.
    private var spellings: [VillageNameKey: Set<String>] = [:]
    /// Rows accepted then found duplicated, to remove at the end.
    private var retracted: [(file: Int, location: RowLocation, key: DuplicateKey)] = []
    private var reports: [FileReport] = []
    private var readerHeaders: [Int: Data] = [:]

    init(config: PipelineConfig, inputs: RunInputs, database: SQLiteDatabase, runID: Int,
         progress: any ProgressReporter) throws {
        self.config = config
        self.inputs = inputs
        self.database = database
        self.runID = runID
        self.progress = progress
    }

    var readerOptions: DumpReaderOptions {
        DumpReaderOptions(
            schedule: config.schedule, standards: inputs.standards, basisPolicy: config.incomeBasis,
            admin: inputs.admin, extraHeaderAliases: config.headerAliases,
            checkboxColumns: config.checkboxColumns)
    }

    /// Reads every dump, returns the per-file reports (after duplicates are resolved).
    func run() throws -> [FileReport] {
        let householdWriter = try HouseholdStatusWriter(database: database)
        let log = try RunLogWriter(database: database, runID: runID)
        let contact = config.writeHouseholdContact ? try HouseholdContactWriter(database: database) : nil
        let standardsByYear = StandardsByYear(schedule: config.schedule, standards: inputs.standards)

        try database.execute("BEGIN")
        for (fileIndex, dump) in inputs.dumps.enumerated() {
            let sha = (try? FileDigest.sha256(of: dump.url)) ?? ""
            var report = FileReport(path: dump.path, sha256: sha)
            let size = (try? FileManager.default.attributesOfItem(atPath: dump.url.path)[.size] as? Int) ?? 0
            progress.fileStarted(dump.path, bytes: size ?? 0)
            let reader: DumpReader
            do {
                reader = try DumpReader(url: dump.url, displayPath: dump.path, options: readerOptions)
            } catch {
                throw Self.pipelineError(error, path: dump.path)
            }
            for warning in reader.headerWarnings { try log.warn(file: dump.path, warning) }
            var rowsSinceProgress = 0
            while true {
                let next: DumpRecord?
                do { next = try reader.next() } catch { throw Self.pipelineError(error, path: dump.path) }
                guard let record = next else { break }
                report.rowsRead += 1
                report.physicalLines += record.physicalLines
                let year = record.key?.reviewYear.value ?? record.reviewYear?.value
                var yearCounts = report.byYear[year] ?? (0, 0, 0)
                yearCounts.read += 1

                var keyState: KeyState?
                var dupKey: DuplicateKey?
                if let key = record.key {
                    let k = DuplicateKey(year: key.reviewYear.value, id: key.householdID.rawValue)
                    dupKey = k
                    var state = keys[k] ?? KeyState()
                    state.count += 1
                    if state.count == 2, let first = state.accepted {
                        retracted.append((Int(first.file), first, k))
                        state.accepted = nil
                    }
                    keys[k] = state
                    keyState = state
                }

                switch record.outcome {
                case .accepted(let household, let warnings):
                    if let state = keyState, state.count > 1 {
                        // A repeated key: quarantined, whatever its content.
                        let rejection = RowRejection(
                            reason: .duplicateHousehold, column: "household_id",
                            message: "household_id \"\(household.householdID.rawValue)\" appears more than once in review year \(household.reviewYear); all its rows are quarantined")
                        try log.quarantine(file: dump.path, line: record.line, rejection: rejection,
                                           raw: reader.maskedRawText(of: record), year: year,
                                           householdID: household.householdID.rawValue)
                        Self.countQuarantine(&report, &yearCounts, record, .duplicateHousehold)
                        break
                    }
                    for warning in warnings { try log.warn(file: dump.path, warning) }
                    try classifyAndStore(household, line: record.line, file: dump.path, standards: standardsByYear,
                                         writer: householdWriter, log: log, sign: 1)
                    try contact?.insert(household)
                    if let k = dupKey {
                        keys[k]?.accepted = RowLocation(
                            file: Int32(fileIndex), line: Int32(record.line), offset: Int64(record.byteOffset),
                            length: Int32(record.byteLength))
                    }
                    report.rowsAccepted += 1
                    yearCounts.accepted += 1
                case .rejected(let rejection, let raw):
                    try log.quarantine(file: dump.path, line: record.line, rejection: rejection, raw: raw,
                                       year: year, householdID: record.key?.householdID.rawValue)
                    Self.countQuarantine(&report, &yearCounts, record, rejection.reason)
                }
                report.byYear[year] = yearCounts
                rowsSinceProgress += 1
                if rowsSinceProgress == 8192 {
                    rowsSinceProgress = 0
                    progress.fileProgress(rows: report.rowsRead, bytesRead: reader.bytesConsumed)
                }
            }
            readerHeaders[fileIndex] = reader.headerBytes
            reports.append(report)
        }
        try resolveDuplicates(log: log, standards: standardsByYear, contact: contact)
        try canonicaliseVillageSpellings()
        try database.execute("COMMIT")

        // Reconciled per file: read = accepted + quarantined; then the quarantine limit.
        try database.execute("BEGIN")
        for report in reports {
            precondition(report.rowsRead == report.rowsAccepted + report.rowsQuarantined)
            try RunLog.recordFile(report, runID: runID, in: database)
            progress.fileFinished(report)
        }
        try database.execute("COMMIT")
        for report in reports where report.quarantinedShare > config.quarantineLimit {
            throw PipelineError.quarantineLimit(
                path: report.path, quarantinedLines: report.quarantinedLines, physicalLines: report.physicalLines,
                limitPercent: config.quarantineLimit * 100, quarantineCSV: nil)
        }
        try database.execute("""
            CREATE UNIQUE INDEX household_status_key ON household_status (review_year, standard, household_id);
            CREATE INDEX household_status_by_household ON household_status (household_id, standard, review_year);
            CREATE INDEX household_status_by_commune ON household_status (commune_code, review_year);
            CREATE INDEX quarantine_by_file ON quarantine (source_file, line);
            """)
        return reports
    }

    static func countQuarantine(_ report: inout FileReport, _ yearCounts: inout (read: Int, accepted: Int, quarantined: Int),
                                _ record: DumpRecord, _ reason: QuarantineReason) {
        report.rowsQuarantined += 1
        report.quarantinedLines += record.physicalLines
        report.byReason[reason, default: 0] += 1
        yearCounts.quarantined += 1
    }

    /// Classifies `household` under every standard of its year; stores (sign 1) or counts back
    /// out (sign -1, for a retracted duplicate).
    private func classifyAndStore(_ household: Household, line: Int, file: String, standards: StandardsByYear,
                                  writer: HouseholdStatusWriter?, log: RunLogWriter, sign: Int) throws {
        let villageKey = VillageNaming.key(household.village)
        for standard in standards.standards(for: household.reviewYear) {
            guard case .success(let classification) = standard.classification(of: household, basisPolicy: config.incomeBasis) else {
                // The validator requires the fields each standard of the year needs.
                preconditionFailure("validated household \(household.householdID) cannot be classified under \(standard.id)")
            }
            if sign > 0 {
                try writer?.insert(household, standard: standard, standardID: standard.id, classification)
                if classification.basesDisagree {
                    try log.warn(file: file, DataWarning(
                        code: "basis_disagreement",
                        message: "household \(household.householdID): income \(household.incomePerCapita ?? 0) and B1 score \(household.incomeScore ?? 0) disagree on being at or below the \(standard.id) line; the \(classification.basis.rawValue) decides",
                        line: line))
                }
            }
            let key = VillageTallyKey(reviewYear: household.reviewYear, standardID: standard.id,
                                      commune: household.communeCode, villageKey: villageKey)
            villages[key, default: VillageTally(district: household.districtCode, province: household.provinceCode)]
                .tally.add(household, classification, sign: sign)
        }
        if sign > 0 {
            spellings[VillageNameKey(commune: household.communeCode, villageKey: villageKey), default: []]
                .insert(household.village)
        }
    }

    /// Takes rows accepted before their key repeated back out: re-reads each from its file,
    /// quarantines it as `duplicate_household`, removes it from the tallies and the table.
    private func resolveDuplicates(log: RunLogWriter, standards: StandardsByYear,
                                   contact: HouseholdContactWriter?) throws {
        guard !retracted.isEmpty else { return }
        let delete = try database.prepare("DELETE FROM household_status WHERE review_year = ? AND household_id = ?")
        let deleteContact = try database.prepare("DELETE FROM household_contact WHERE review_year = ? AND household_id = ?")
        for (fileIndex, location, key) in retracted {
            let dump = inputs.dumps[fileIndex]
            let raw = try Self.readBytes(dump.url, offset: location.offset, length: Int(location.length))
            let record = try DumpReader.revalidate(
                header: readerHeaders[fileIndex] ?? Data(), record: raw, line: Int(location.line),
                displayPath: dump.path, options: readerOptions)
            guard case .accepted(let household, _) = record.outcome else { continue }
            try classifyAndStore(household, line: Int(location.line), file: dump.path, standards: standards,
                                 writer: nil, log: log, sign: -1)
            try delete.bind([.integer(Int64(key.year)), .text(key.id)])
            try delete.execute()
            if contact != nil {
                try deleteContact.bind([.integer(Int64(key.year)), .text(key.id)])
                try deleteContact.execute()
            }
            let rejection = RowRejection(
                reason: .duplicateHousehold, column: "household_id",
                message: "household_id \"\(key.id)\" appears more than once in review year \(key.year); all its rows are quarantined")
            try log.quarantine(file: dump.path, line: Int(location.line), rejection: rejection,
                               raw: record.maskedRaw, year: key.year, householdID: key.id)
            var yearCounts = reports[fileIndex].byYear[key.year] ?? (0, 0, 0)
            reports[fileIndex].rowsAccepted -= 1
            yearCounts.accepted -= 1
            Self.countQuarantine(&reports[fileIndex], &yearCounts, record, .duplicateHousehold)
            reports[fileIndex].byYear[key.year] = yearCounts
        }
    }

    /// Rewrites `household_status.village` to each village's canonical spelling: the smallest in
    /// code-point order among the normalised spellings seen in any year (outputs.md).
    private func canonicaliseVillageSpellings() throws {
        let update = try database.prepare("UPDATE household_status SET village = ? WHERE commune_code = ? AND village = ?")
        for (key, names) in spellings where names.count > 1 {
            let canonical = VillageNaming.canonical(names)
            for name in names where name != canonical {
                try update.bind([.text(canonical), .text(key.commune.rawValue), .text(name)])
                try update.execute()
            }
        }
    }

    /// Writes `unit_rates` from the tallies; returns the rows.
    func writeUnitRates() throws -> [UnitRate] {
        var names: [VillageNameKey: String] = [:]
        for (key, spellings) in spellings { names[key] = VillageNaming.canonical(spellings) }
        let (rows, warnings) = UnitRollup(totals: inputs.totals).rows(villages: villages, villageNames: names, admin: inputs.admin)
        try database.execute("BEGIN")
        try UnitRatesWriter.insert(rows, standards: inputs.standards, into: database)
        let log = try RunLogWriter(database: database, runID: runID)
        if config.totalsFile == nil {
            try log.warn(file: nil, DataWarning(
                code: "no_totals",
                message: "no household_totals.csv was given: rates use the reviewed households of the dumps as their denominator"))
        }
        for warning in warnings { try log.warn(file: config.totalsFile?.lastPathComponent, warning) }
        try database.execute("COMMIT")
        return rows
    }

    static func readBytes(_ url: URL, offset: Int64, length: Int) throws -> Data {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        return try handle.read(upToCount: length) ?? Data()
    }

    static func pipelineError(_ error: any Error, path: String) -> PipelineError {
        if let error = error as? PipelineError { return error }
        if let error = error as? DumpFileError {
            return .header(path: path, column: error.column, message: error.message)
        }
        return .unreadableFile(path: path, reason: "\(error)")
    }
}

/// The standards of each review year, resolved once from the schedule.
struct StandardsByYear {
    let schedule: StandardSchedule
    let standards: [String: Standard]
    private var cache: [Int: [Standard]] = [:]

    init(schedule: StandardSchedule, standards: [String: Standard]) {
        self.schedule = schedule
        self.standards = standards
        for entry in schedule.entries {
            for year in entry.years {
                cache[year.value] = schedule.standardIDs(for: year).compactMap { standards[$0] }
            }
        }
    }

    func standards(for year: ReviewYear) -> [Standard] { cache[year.value] ?? [] }
}
