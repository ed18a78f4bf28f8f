import PovReviewCore

/// Counts of one input file (reconciled: read = accepted + quarantined).
public struct FileReport: Sendable {
    /// Path relative to the dump folder.
    public var path: String
    public var sha256: String
    public var rowsRead = 0
    public var rowsAccepted = 0
    public var rowsQuarantined = 0
    /// Physical lines of the quarantined records (the quarantine limit counts these).
    public var quarantinedLines = 0
    /// Physical lines of all records.
    public var physicalLines = 0
    public var byReason: [QuarantineReason: Int] = [:]
    /// Rows read per review year (nil: the year could not be read).
    public var byYear: [Int?: (read: Int, accepted: Int, quarantined: Int)] = [:]

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }

    /// Share of quarantined physical lines.
    public var quarantinedShare: Double {
        physicalLines == 0 ? 0 : Double(quarantinedLines) / Double(physicalLines)
    }
}

/// The province's figures of one review year under one standard, for the run summary.
public struct ProvinceYearSummary: Sendable {
    public var reviewYear: Int
    public var standard: StandardID
    public var provinceCode: String
    public var households: Int
    public var poor: Int
    public var nearPoor: Int
    public var poorRate: Double
    public var nearPoorRate: Double
    public var poorNearPoorRate: Double
}

/// What a run did: per file counts, per year province figures, where the outputs are.
public struct RunReport: Sendable {
    public var runID: Int
    public var files: [FileReport]
    public var provinces: [ProvinceYearSummary]
    public var warnings: Int
    public var criteriaResults: Int
    public var databasePath: String
    public var exportsPath: String?
    /// Warnings the summary names in full (a plan without result, …).
    public var notices: [String] = []
    /// What the run redid: nothing, some review years, or everything (and why).
    public var rebuild: RebuildPlan = .full(reason: "")
}

/// Receives progress events; the CLI shows a live line on a terminal and log lines otherwise.
public protocol ProgressReporter: Sendable {
    /// A stage has started.
    func stage(_ stage: PipelineStage, _ detail: String)
    /// A dump file has started (`bytes` = its size).
    func fileStarted(_ path: String, bytes: Int)
    /// Rows read so far in the current file and bytes consumed.
    func fileProgress(rows: Int, bytesRead: Int)
    /// A dump file is done.
    func fileFinished(_ report: FileReport)
}

/// A reporter that reports nothing (tests).
public struct SilentProgress: ProgressReporter {
    public init() {}
    public func stage(_ stage: PipelineStage, _ detail: String) {}
    public func fileStarted(_ path: String, bytes: Int) {}
    public func fileProgress(rows: Int, bytesRead: Int) {}
    public func fileFinished(_ report: FileReport) {}
}
