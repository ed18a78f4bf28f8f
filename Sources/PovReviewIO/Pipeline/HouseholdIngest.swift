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
    struct AcceptedRow {
        var file: Int32
        var location: RecordLocation
    }
    struct KeyState {
        var count: Int32 = 0
        /// The accepted row of the key, while it is the only one.
        var accepted: AcceptedRow?
    }
    struct DuplicateKey: Hashable {
        var year: Int
        var id: String
    }

    private var keys: [DuplicateKey: KeyState] = [:]
    private var villages: [VillageTallyKey: VillageTally] = [:]
    /// Folded key of each village spelling seen (folding measured at 14% of ingest uncached).
    private var villageKeys: [String: String] = [:]
    /// Every normalised spelling seen per village identity, to choose the canonical one.
    private var spellings: [VillageNameKey: Set<String>] = [:]
    /// Rows accepted then found duplicated, to remove at the end.
    private var retracted: [(row: AcceptedRow, key: DuplicateKey)] = []
    private var reports: [FileReport] = []
    /// Per-file counts so far (complete after `run()`).
    var fileReports: [FileReport] { reports }
    /// The reader of each file, kept to re-read the raw text of retracted rows.
    private var readers: [DumpReader] = []

    init(config: PipelineConfig, inputs: RunInputs, database: SQLiteDatabase, runID: Int,
         progress: any ProgressReporter) throws {
        self.config = config
        self.inputs = inputs
        self.database = database
        self.runID = runID
        self.progress = progress
    }

    /// Validation rules from the configuration: the schedule, each standard's columns, the basis.
    var validationRules: ValidationRules {
        ValidationRules(
            schedule: config.schedule, standards: Array(inputs.standards.values),
            basisPolicy: config.incomeBasis, keepPersonalData: config.writeHouseholdContact)
    }

    /// Reader options: the built-in header aliases plus the pipeline's own.
    func readerOptions() throws -> DumpReader.Options {
        var aliases = DefaultAliases.headers
        for (header, canonical) in config.headerAliases.sorted(by: { $0.key < $1.key }) {
            guard let column = Column(rawValue: canonical) else {
                throw PipelineError.configuration(
                    "validation.header_aliases maps \"\(header)\" to \"\(canonical)\", which is not a dump column; expected one of: \(Column.allCases.map(\.rawValue).joined(separator: ", "))")
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
        let rules = validationRules
        let options = try readerOptions()

        try database.execute("BEGIN")
        for (fileIndex, dump) in inputs.dumps.enumerated() {
            let sha = (try? FileDigest.sha256(of: dump.url)) ?? ""
            var report = FileReport(path: dump.path, sha256: sha)
            let size = (try? FileManager.default.attributesOfItem(atPath: dump.url.path)[.size] as? Int) ?? 0
            progress.fileStarted(dump.path, bytes: size ?? 0)
            let reader: DumpReader
            do {
                reader = try DumpReader(url: dump.url, path: dump.path, rules: rules, admin: inputs.admin, options: options)
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
                report.physicalLines += record.location.lineCount
                let year = record.key?.reviewYear.value
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
                        retracted.append((first, k))
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
                        try log.quarantine(file: dump.path, line: record.location.line, rejection: rejection,
                                           raw: try reader.rawText(at: record.location), year: year,
                                           householdID: household.householdID.rawValue)
                        Self.countQuarantine(&report, &yearCounts, lines: record.location.lineCount, .duplicateHousehold)
                        break
                    }
                    for warning in warnings { try log.warn(file: dump.path, warning) }
                    try classifyAndStore(household, line: record.location.line, file: dump.path, standards: standardsByYear,
                                         writer: householdWriter, log: log)
                    try contact?.insert(household)
                    if let k = dupKey {
                        keys[k]?.accepted = AcceptedRow(file: Int32(fileIndex), location: record.location)
                    }
                    report.rowsAccepted += 1
                    yearCounts.accepted += 1
                case .rejected(let rejection, let raw):
                    try log.quarantine(file: dump.path, line: record.location.line, rejection: rejection, raw: raw,
                                       year: year, householdID: record.key?.householdID.rawValue)
                    Self.countQuarantine(&report, &yearCounts, lines: record.location.lineCount, rejection.reason)
                }
                report.byYear[year] = yearCounts
                rowsSinceProgress += 1
                if rowsSinceProgress == 8192 {
                    rowsSinceProgress = 0
                    progress.fileProgress(rows: report.rowsRead, bytesRead: Int(record.location.byteOffset))
                }
            }
            readers.append(reader)
            reports.append(report)
        }
        try resolveDuplicates(log: log, contact: contact)
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
        if retracted.isEmpty {
            try database.execute("CREATE INDEX household_status_by_household ON household_status (household_id, standard, review_year)")
        }
        try database.execute("""
            CREATE UNIQUE INDEX household_status_key ON household_status (review_year, standard, household_id);
            CREATE INDEX household_status_by_commune ON household_status (commune_code, review_year);
            CREATE INDEX quarantine_by_file ON quarantine (source_file, line);
            """)
        return reports
    }

    static func countQuarantine(_ report: inout FileReport, _ yearCounts: inout (read: Int, accepted: Int, quarantined: Int),
                                lines: Int, _ reason: QuarantineReason) {
        report.rowsQuarantined += 1
        report.quarantinedLines += lines
        report.byReason[reason, default: 0] += 1
        yearCounts.quarantined += 1
    }

    /// Classifies `household` under every standard of its year, stores each row and counts it
    /// into its village's tally.
    private func classifyAndStore(_ household: Household, line: Int, file: String, standards: StandardsByYear,
                                  writer: HouseholdStatusWriter, log: RunLogWriter) throws {
        let villageKey: String
        if let cached = villageKeys[household.village] {
            villageKey = cached
        } else {
            villageKey = VillageNaming.key(household.village)
            villageKeys[household.village] = villageKey
        }
        for standard in standards.standards(for: household.reviewYear) {
            guard case .success(let classification) = standard.classification(of: household, basisPolicy: config.incomeBasis) else {
                // The validator requires the fields each standard of the year needs.
                preconditionFailure("validated household \(household.householdID) cannot be classified under \(standard.id)")
            }
            try writer.insert(household, standard: standard, standardID: standard.id, classification)
            if classification.basesDisagree {
                    try log.warn(file: file, DataWarning(
                        code: "basis_disagreement",
                        message: "household \(household.householdID): income \(household.incomePerCapita ?? 0) and B1 score \(household.incomeScore ?? 0) disagree on being at or below the \(standard.id) line; the \(classification.basis.rawValue) decides",
                    line: line))
            }
            let key = VillageTallyKey(reviewYear: household.reviewYear, standardID: standard.id,
                                      commune: household.communeCode, villageKey: villageKey)
            villages[key, default: VillageTally(district: household.districtCode, province: household.provinceCode)]
                .tally.add(household, classification)
        }
        let nameKey = VillageNameKey(commune: household.communeCode, villageKey: villageKey)
        if spellings[nameKey]?.contains(household.village) != true {
            spellings[nameKey, default: []].insert(household.village)
        }
    }

    /// Takes rows accepted before their key repeated back out: quarantines each as
    /// `duplicate_household` with its raw text re-read from its file, and removes it from the
    /// tallies (rebuilt from its `household_status` rows) and from the tables.
    private func resolveDuplicates(log: RunLogWriter, contact: HouseholdContactWriter?) throws {
        guard !retracted.isEmpty else { return }
        try database.execute("CREATE INDEX household_status_by_household ON household_status (household_id, standard, review_year)")
        let select = try database.prepare("""
            SELECT \(StoredHouseholdStatus.columns) FROM household_status WHERE household_id = ? AND review_year = ?
            """)
        let delete = try database.prepare("DELETE FROM household_status WHERE household_id = ? AND review_year = ?")
        let deleteContact = try database.prepare("DELETE FROM household_contact WHERE household_id = ? AND review_year = ?")
        for (row, key) in retracted {
            let fileIndex = Int(row.file)
            let dump = inputs.dumps[fileIndex]
            try select.bind([.text(key.id), .integer(Int64(key.year))])
            while try select.step() {
                let stored = StoredHouseholdStatus(statement: select)
                let villageKey = VillageNaming.key(stored.household.village)
                let tallyKey = VillageTallyKey(reviewYear: stored.household.reviewYear, standardID: stored.standardID,
                                               commune: stored.household.communeCode, villageKey: villageKey)
                villages[tallyKey]?.tally.add(stored.household, stored.classification, sign: -1)
            }
            select.reset()
            for statement in contact == nil ? [delete] : [delete, deleteContact] {
                try statement.bind([.text(key.id), .integer(Int64(key.year))])
                try statement.execute()
            }
            let rejection = RowRejection(
                reason: .duplicateHousehold, column: "household_id",
                message: "household_id \"\(key.id)\" appears more than once in review year \(key.year); all its rows are quarantined")
            try log.quarantine(file: dump.path, line: row.location.line, rejection: rejection,
                               raw: try readers[fileIndex].rawText(at: row.location), year: key.year, householdID: key.id)
            var yearCounts = reports[fileIndex].byYear[key.year] ?? (0, 0, 0)
            reports[fileIndex].rowsAccepted -= 1
            yearCounts.accepted -= 1
            Self.countQuarantine(&reports[fileIndex], &yearCounts, lines: row.location.lineCount, .duplicateHousehold)
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
