/// What the previous published run read: its inputs' fingerprint and, per dump file, its hash
/// and the review years of its rows (from `runs`, `input_files` and `input_file_years`).
public struct PreviousInputs: Sendable, Equatable {
    /// One dump file of the previous run.
    public struct File: Sendable, Equatable {
        public var sha256: String
        /// Review years of its rows (rows without a readable year are not listed).
        public var years: Set<Int>

        public init(sha256: String, years: Set<Int>) {
            self.sha256 = sha256
            self.years = years
        }
    }

    public var runID: Int
    /// Whether that run succeeded (a published database's last run always has).
    public var succeeded: Bool
    /// Fingerprint of everything but the dumps; nil when the database predates it.
    public var fingerprint: String?
    /// Dump files by path relative to the dump folder.
    public var files: [String: File]
    /// The exports folder that run published with the database (nil: it wrote none).
    public var exportsPath: String?

    public init(runID: Int, succeeded: Bool, fingerprint: String?, files: [String: File], exportsPath: String? = nil) {
        self.exportsPath = exportsPath
        self.runID = runID
        self.succeeded = succeeded
        self.fingerprint = fingerprint
        self.files = files
    }
}

/// One dump file of this run: its path relative to the dump folder and its SHA-256.
public struct DumpFingerprint: Sendable, Equatable {
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}

/// How much of the previous run a nightly rerun can keep (issue 10, item 2).
///
/// Households are judged year by year: a review year's rows are validated (duplicate keys are
/// per year), classified and counted only with rows of the same year. So when some dumps change
/// and everything else (configuration, reference files, standards, plans, the program) is the
/// same, the review years of the unchanged dumps that share no year with a changed, added or
/// removed dump keep their ingested rows; every other dump is read again. What is computed from
/// all years together (canonical village spellings, unit rates, transitions, criteria, measures,
/// exports) is recomputed in full from the merged rows.
public enum RebuildPlan: Sendable, Equatable {
    /// Inputs and configuration are those of run `runID`, and its outputs are all present.
    case nothingChanged(runID: Int)
    /// Everything is read again, for `reason` (said in the run's summary).
    case full(reason: String)
    /// Only some dumps are read again.
    case partial(PartialRebuild)

    /// Decides from the previous run's inputs and this run's.
    /// - Parameters:
    ///   - fingerprint: this run's fingerprint of everything but the dumps.
    ///   - dumps: this run's dump files.
    ///   - outputsPresent: whether every output the run would write (the exports) is in place.
    ///   - forceFull: `--full`.
    public static func decide(
        previous: PreviousInputs?, fingerprint: String, dumps: [DumpFingerprint],
        outputsPresent: Bool, forceFull: Bool
    ) -> RebuildPlan {
        if forceFull { return .full(reason: "--full was given") }
        guard let previous else { return .full(reason: "there is no previous database") }
        guard previous.succeeded else { return .full(reason: "the previous run (\(previous.runID)) did not succeed") }
        guard previous.fingerprint == fingerprint else {
            return .full(
                reason: previous.fingerprint == nil
                    ? "the previous database (run \(previous.runID)) does not record what it was built from"
                    : "the configuration, a reference file, a standard, a plan or the program changed since run \(previous.runID)")
        }
        let unchanged = Set(dumps.filter { previous.files[$0.path]?.sha256 == $0.sha256 }.map(\.path))
        let changed = dumps.map(\.path).filter { !unchanged.contains($0) }
        let removed = previous.files.keys.filter { path in !dumps.contains { $0.path == path } }.sorted()
        if changed.isEmpty && removed.isEmpty {
            return outputsPresent
                ? .nothingChanged(runID: previous.runID)
                : .full(reason: "the exports of run \(previous.runID) are missing")
        }
        // Years whose rows must be read again, closed over the unchanged files that share one.
        var affected = Set<Int>()
        for path in changed + removed { affected.formUnion(previous.files[path]?.years ?? []) }
        var reread = Set(changed)
        var grew = true
        while grew {
            grew = false
            for path in unchanged where !reread.contains(path) {
                let years = previous.files[path]?.years ?? []
                if !years.isDisjoint(with: affected) {
                    reread.insert(path)
                    affected.formUnion(years)
                    grew = true
                }
            }
        }
        let kept = dumps.map(\.path).filter { !reread.contains($0) }
        let keptYears = kept.reduce(into: Set<Int>()) { $0.formUnion(previous.files[$1]?.years ?? []) }
        guard !keptYears.isEmpty else {
            return .full(reason: "every review year of run \(previous.runID) is affected by the changed dumps")
        }
        return .partial(
            PartialRebuild(
                previousRunID: previous.runID, reread: dumps.map(\.path).filter { reread.contains($0) },
                kept: kept, removed: removed, keptYears: keptYears.sorted(), affectedYears: affected.sorted()))
    }
}

/// A rerun that keeps the rows of some review years from the previous run.
public struct PartialRebuild: Sendable, Equatable {
    /// The run whose rows are kept.
    public var previousRunID: Int
    /// Dumps read again (changed, added, or sharing a year with one), in run order.
    public var reread: [String]
    /// Unchanged dumps whose rows are kept, in run order.
    public var kept: [String]
    /// Dumps of the previous run that are gone.
    public var removed: [String]
    /// Review years whose rows are kept.
    public var keptYears: [Int]
    /// Review years of the previous run that are read again (the new dumps may add more).
    public var affectedYears: [Int]

    public init(
        previousRunID: Int, reread: [String], kept: [String], removed: [String], keptYears: [Int],
        affectedYears: [Int]
    ) {
        self.previousRunID = previousRunID
        self.reread = reread
        self.kept = kept
        self.removed = removed
        self.keptYears = keptYears
        self.affectedYears = affectedYears
    }

    /// Whether the re-read dumps' `years` leave the kept years alone; when they do not (a
    /// changed dump now holds a year an unchanged one also holds), the run is rebuilt in full.
    public func keepsApart(rereadYears years: Set<Int>) -> Bool {
        years.isDisjoint(with: keptYears)
    }
}
