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
///
/// Two threads: a reading thread scans and validates the dumps (`DumpReader`) and hands batches
/// of records through a bounded queue to the caller's thread, which does everything else in file
/// order (duplicates, classification, tallies, SQLite). Scanning and inserting each measured
/// about half of a single-threaded ingest, so on two cores they overlap almost fully; the
/// database sees exactly the writes, in the same order, of a single-threaded run.
final class HouseholdPass {
    let config: PipelineConfig
    let inputs: RunInputs
    let database: SQLiteDatabase
    let runID: Int
    let progress: any ProgressReporter
    /// The review years an incremental rerun keeps (their rows already copied into `database`);
    /// `inputs.dumps` then lists only the dumps read again.
    let kept: KeptYears?

    typealias AcceptedRow = DuplicateKeyTable.AcceptedRow
    struct DuplicateKey {
        var year: Int
        var id: String
    }

    /// Records per hand-off between the threads, and hand-offs in flight: enough to ride out
    /// an uneven pace on either side while holding only a few MB of records.
    static let batchSize = 1024
    static let queueCapacity = 16

    /// The village tallies: an incremental rerun's kept years are counted in before `run()`
    /// (`KeptYears.Seeding`).
    let villages: VillageTallies
    /// Review years of the rows read (after `run()`).
    private(set) var yearsRead: Set<Int> = []
    /// Kept villages whose canonical spelling the re-read years changed (after `run()`).
    var keptSpellingChanges: [(commune: String, from: String, to: String)] = []
    /// Rows accepted then found duplicated, to remove at the end.
    private var retracted: [(row: AcceptedRow, key: DuplicateKey)] = []
    private var reports: [FileReport] = []
    /// Per-file counts so far (complete after `run()`).
    var fileReports: [FileReport] { reports }
    /// Re-reads the raw text of each file's records (retracted rows).
    private var rawTexts: [RecordRawText] = []

    init(
        config: PipelineConfig, inputs: RunInputs, database: SQLiteDatabase, runID: Int,
        progress: any ProgressReporter, kept: KeptYears?, villages: VillageTallies
    ) throws {
        self.kept = kept
        self.villages = villages
        self.config = config
        self.inputs = inputs
        self.database = database
        self.runID = runID
        self.progress = progress
    }

    /// Validation rules from the configuration: the schedule, each standard's columns, the basis.
    var validationRules: ValidationRules { Self.validationRules(config: config, inputs: inputs) }

    static func validationRules(config: PipelineConfig, inputs: RunInputs) -> ValidationRules {
        ValidationRules(
            schedule: config.schedule, standards: Array(inputs.standards.values),
            basisPolicy: config.incomeBasis, keepPersonalData: config.writeHouseholdContact,
            extraColumns: inputs.extraColumns)
    }

    /// Reader options: the built-in header aliases plus the pipeline's own.
    func readerOptions() throws -> DumpReader.Options { try Self.readerOptions(config: config) }

    static func readerOptions(config: PipelineConfig) throws -> DumpReader.Options {
        var aliases = DefaultAliases.headers
        for (header, canonical) in config.headerAliases.sorted(by: { $0.key < $1.key }) {
            guard let column = Column(rawValue: canonical) else {
                throw PipelineError.configuration(
                    "validation.header_aliases maps \"\(header)\" to \"\(canonical)\", which is not a dump column; expected one of: \(Column.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            aliases = aliases.adding(header, for: column)
        }
        return DumpReader.Options(headerAliases: aliases)
    }

    /// Reads every dump, returns the per-file reports (after duplicates are resolved).
    func run() throws -> [FileReport] {
        let householdWriter = try HouseholdStatusWriter(database: database)
        let log = try RunLogWriter(database: database, runID: runID)
        let contact = config.writeHouseholdContact ? try HouseholdContactWriter(database: database) : nil
        let standardsByYear = StandardsByYear(schedule: config.schedule, standards: inputs.standards)
        let reading = DumpReading(
            dumps: inputs.dumps, rules: validationRules, admin: inputs.admin,
            options: try readerOptions(), keyRecords: try DuplicateKeySpillFile(), hashes: inputs.dumpHashes)

        // The CHECK constraints are verified once over the finished table (`ConstraintCheck`
        // below) instead of row by row (`HouseholdLoadSettings.ignoreCheckConstraints`).
        try HouseholdLoadSettings.ignoreCheckConstraints(true, in: database)
        defer { try? HouseholdLoadSettings.ignoreCheckConstraints(false, in: database) }
        try database.beginTransaction()
        try HouseholdLoadSettings.withAppendingCache(in: database) {
            try reading.readOnThread { queue in
                try consume(
                    queue, keys: reading, standardsByYear: standardsByYear, writer: householdWriter, log: log, contact: contact)
            }
            try householdWriter.finish()
        }
        yearsRead = Set(reports.flatMap { $0.byYear.keys.compactMap { $0 } })
        if let kept {
            let years = yearsRead
            guard kept.plan.keepsApart(rereadYears: years) else {
                try database.rollbackTransaction()
                throw IncrementalConflict(years: years.intersection(kept.plan.keptYears).sorted())
            }
        }
        retracted = reading.retracted
        try resolveDuplicates(log: log, contact: contact)
        try canonicaliseVillageSpellings()
        try writeVillageSpellings()
        if let kept {
            reports = (kept.reports + reports).sorted {
                $0.path.unicodeScalars.lexicographicallyPrecedes($1.path.unicodeScalars)
            }
        }
        try database.commitTransaction()
        try HouseholdLoadSettings.ignoreCheckConstraints(false, in: database)

        // The constraints are checked on a second connection, reading the committed state
        // through the write-ahead log, while this one records the files and builds the indexes.
        let modes = try HouseholdLoadSettings.openForConcurrentReader(in: database)
        let check = ConstraintCheck(path: database.path)
        defer { check.join() }
        try database.beginTransaction()
        func finishIndexTransaction() throws {
            try database.commitTransaction()
            try check.wait()
            try HouseholdLoadSettings.restore(modes, in: database)
        }
        // Reconciled per file: read = accepted + quarantined; then the quarantine limit.
        for report in reports {
            precondition(report.rowsRead == report.rowsAccepted + report.rowsQuarantined)
            try RunLog.recordFile(report, runID: runID, in: database)
            progress.fileFinished(report)
        }
        if let report = reports.first(where: { $0.quarantinedShare > config.quarantineLimit }) {
            try finishIndexTransaction()
            throw PipelineError.quarantineLimit(
                path: report.path, quarantinedLines: report.quarantinedLines, physicalLines: report.physicalLines,
                limitPercent: config.quarantineLimit * 100, quarantineCSV: nil)
        }
        // Announced once every file's line is out (a live file line would run into it).
        progress.stage(.ingest, "indexes and constraint check")
        if retracted.isEmpty {
            try BuiltDatabase.reserveStatistics(in: database)
            try HouseholdLoadSettings.createKeyIndex(in: database)
        }
        try HouseholdLoadSettings.createSecondaryIndexes(in: database)
        try finishIndexTransaction()
        return reports
    }

    /// Takes the reading thread's events in order until every file is done.
    private func consume(
        _ queue: HandOffQueue<IngestEvent>, keys: DumpReading, standardsByYear: StandardsByYear,
        writer: HouseholdStatusWriter, log: RunLogWriter, contact: HouseholdContactWriter?
    ) throws {
        var fileIndex = 0
        var report = FileReport(path: "", sha256: "")
        var years = YearCounts()
        var rowsSinceProgress = 0
        // The standards of the last review year seen (a dump is almost always one year).
        var standardsYear = Int.min
        var standards: [Standard] = []
        while true {
            switch queue.take() {
            case .fileStarted(let index, let sha256, let bytes):
                fileIndex = index
                report = FileReport(path: inputs.dumps[index].path, sha256: sha256)
                years = YearCounts()
                rowsSinceProgress = 0
                progress.fileStarted(report.path, bytes: bytes)
            case .headerRead(let warnings, let rawText):
                for warning in warnings { try log.warn(file: report.path, warning) }
                rawTexts.append(rawText)
            case .failed(let error):
                throw error
            case .fileFinished:
                years.flush(into: &report)
                reports.append(report)
            case .finished:
                try keys.keysCounted()
                return
            case .records(let batch):
                let path = report.path
                for record in batch.records {
                    let keyRepeated = try keys.keyRepeated(record, file: fileIndex)
                    let year = record.key?.reviewYear.value
                    years.countRead(year: year, lines: record.location.lineCount, in: &report)

                    switch record.outcome {
                    case .accepted(let household, let warnings):
                        if keyRepeated {
                            // A repeated key: quarantined, whatever its content.
                            let rejection = RowRejection.duplicateHousehold(
                                id: household.householdID.rawValue, year: household.reviewYear.value)
                            try log.quarantine(
                                file: path, line: record.location.line, rejection: rejection,
                                raw: try rawTexts[fileIndex].rawText(at: record.location), year: year,
                                householdID: household.householdID.rawValue)
                            report.countQuarantined(.duplicateHousehold, lines: record.location.lineCount, year: &years.counts)
                            break
                        }
                        for warning in warnings { try log.warn(file: path, warning) }
                        if household.reviewYear.value != standardsYear {
                            standardsYear = household.reviewYear.value
                            standards = standardsByYear.standards(for: household.reviewYear)
                        }
                        try classifyAndStore(
                            household, line: record.location.line, file: path, standards: standards,
                            writer: writer, log: log)
                        try contact?.insert(household)
                        years.countAccepted(in: &report)
                    case .rejected(let rejection, let raw):
                        try log.quarantine(
                            file: path, line: record.location.line, rejection: rejection, raw: raw,
                            year: year, householdID: record.key?.householdID.rawValue)
                        report.countQuarantined(rejection.reason, lines: record.location.lineCount, year: &years.counts)
                    }
                    rowsSinceProgress += 1
                    if rowsSinceProgress == 8192 {
                        rowsSinceProgress = 0
                        progress.fileProgress(rows: report.rowsRead, bytesRead: Int(record.location.byteOffset))
                    }
                }
            }
        }
    }

    /// Classifies `household` under every standard of its year, stores each row and counts it
    /// into its village's tally.
    private func classifyAndStore(
        _ household: Household, line: Int, file: String, standards: [Standard],
        writer: HouseholdStatusWriter, log: RunLogWriter
    ) throws {
        let slot = villages.slot(of: household, standards: standards)
        let basisPolicy = config.incomeBasis
        // Standards borrowed from the array, not copied per row (each copy retains its strings).
        try standards.withUnsafeBufferPointer { standards in
            for standardIndex in standards.indices {
                guard case .success(let classification) = standards[standardIndex].classification(of: household, basisPolicy: basisPolicy) else {
                    // The validator requires the fields each standard of the year needs.
                    preconditionFailure("validated household \(household.householdID) cannot be classified under \(standards[standardIndex].id)")
                }
                try writer.insert(household, standard: standards[standardIndex], standardID: standards[standardIndex].id, classification)
                if classification.basesDisagree {
                    try log.warn(
                        file: file,
                        DataWarning(
                            code: "basis_disagreement",
                            message:
                                "household \(household.householdID): income \(household.incomePerCapita ?? 0) and B1 score \(household.incomeScore ?? 0) disagree on being at or below the \(standards[standardIndex].id) line; the \(classification.basis.rawValue) decides",
                            line: line))
                }
                villages.add(household, classification, at: villages.tallyPosition(slot, standardIndex))
            }
        }
    }

    /// Takes rows accepted before their key repeated back out: quarantines each as
    /// `duplicate_household` with its raw text re-read from its file, and removes it from the
    /// tallies (rebuilt from its `household_status` rows) and from the tables.
    private func resolveDuplicates(log: RunLogWriter, contact: HouseholdContactWriter?) throws {
        guard !retracted.isEmpty else { return }
        try BuiltDatabase.reserveStatistics(in: database)
        try HouseholdLoadSettings.createKeyIndex(in: database)
        let rows = try RetractedHouseholdRows(database: database)
        for (row, key) in retracted {
            let fileIndex = Int(row.file)
            let dump = inputs.dumps[fileIndex]
            for stored in try rows.storedRows(householdID: key.id, year: key.year) {
                let villageKey = VillageNaming.key(stored.household.village)
                let tallyKey = VillageTallyKey(
                    reviewYear: stored.household.reviewYear, standardID: stored.standardID,
                    commune: stored.household.communeCode, villageKey: villageKey)
                villages.subtract(stored.household, stored.classification, key: tallyKey)
            }
            try rows.delete(householdID: key.id, year: key.year, includingContact: contact != nil)
            let rejection = RowRejection.duplicateHousehold(id: key.id, year: key.year)
            try log.quarantine(
                file: dump.path, line: row.location.line, rejection: rejection,
                raw: try rawTexts[fileIndex].rawText(at: row.location), year: key.year, householdID: key.id)
            reports[fileIndex].retractAsDuplicate(year: key.year, lines: row.location.lineCount)
        }
    }

    /// Writes `unit_rates` from the tallies; returns the rows.
    func writeUnitRates() throws -> [UnitRate] {
        var names: [VillageNameKey: String] = [:]
        for (key, spellings) in villages.spellings { names[key] = VillageNaming.canonical(spellings) }
        let (rows, warnings) = UnitRollup(totals: inputs.totals).rows(villages: villages.byKey, villageNames: names, admin: inputs.admin)
        try database.beginTransaction()
        try UnitRatesWriter.insert(rows, standards: inputs.standards, into: database)
        let log = try RunLogWriter(database: database, runID: runID)
        if config.totalsFile == nil {
            try log.warn(
                file: nil,
                DataWarning(
                    code: "no_totals",
                    message: "no household_totals.csv was given: rates use the reviewed households of the dumps as their denominator"))
        }
        for warning in warnings { try log.warn(file: config.totalsFile?.lastPathComponent, warning) }
        try database.commitTransaction()
        return rows
    }

    static func pipelineError(_ error: any Error, path: String) -> PipelineError {
        if let error = error as? PipelineError { return error }
        if let error = error as? LocatedError {
            switch error.kind {
            case .header where error.line == nil || error.line == 1:
                return .header(path: path, column: error.columnName, message: error.explanation)
            default:
                // Located at its own line: a read error in the middle of a file is not line 1.
                let location = error.line.map { "\(path):\($0)" } ?? path
                return .unreadableFile(path: location + (error.columnName.map { " (column \($0))" } ?? ""), reason: error.explanation)
            }
        }
        return .unreadableFile(path: path, reason: "\(error)")
    }
}
