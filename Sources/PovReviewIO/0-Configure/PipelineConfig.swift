import Foundation
import PovReviewCore

/// The effective configuration of a run: the pipeline file with defaults applied, command-line
/// overrides merged, and every path absolute. The core and the stages read only this.
public struct PipelineConfig: Sendable {
    /// A plan to evaluate, and the province it is judged on when not its own.
    public struct PlanSelection: Sendable, Equatable {
        /// Plan id (`national-666`) or nil when given by file.
        public var id: String?
        /// Plan file; nil to look up `Pipelines/plans/<id>.yaml`.
        public var file: URL?
        /// Province code the plan is evaluated on instead of its own territory.
        public var territory: String?

        public init(id: String?, file: URL?, territory: String?) {
            self.id = id
            self.file = file
            self.territory = territory
        }
    }

    /// Pipeline name: names the database (`<name>.sqlite`) and the exports folder.
    public var name: String
    public var description: String
    /// The pipeline file this came from, if any.
    public var pipelineFile: URL?
    /// Folder holding the `Pipelines/` files (standards and plans are looked up there).
    public var pipelinesFolder: URL
    public var inputFolder: URL
    public var dumpPattern: String
    public var adminFile: URL
    public var crosswalkFile: URL?
    public var totalsFile: URL?
    public var targetsFile: URL?
    public var databaseFile: URL
    public var exportsFolder: URL
    public var standardFiles: [URL]
    public var schedule: StandardSchedule
    public var incomeBasis: IncomeBasisPolicy
    /// Fraction (0…1) of quarantined physical lines above which a file fails the run.
    public var quarantineLimit: Double
    /// Extra header aliases: normalised header text → canonical column name.
    public var headerAliases: [String: String]
    public var plans: [PlanSelection]
    public var writeHouseholdContact: Bool
    /// `validation.allow_empty_dump`: a dump with a header and no rows is accepted (default: it fails the run).
    public var allowEmptyDump = false
    /// `validation.allow_year_drop`: a review year with less than half the rows of the previous
    /// one is accepted (default: it fails the run).
    public var allowYearDrop = false
    public var personalDataInExports: Bool
    /// Analyst measures: Alkire–Foster cut-offs and integrity thresholds (`measures:`).
    public var measures = MeasuresSettings()

    /// Command-line overrides (input-format.md, "Which files a run reads").
    public struct Overrides: Sendable {
        public var inputs: URL?
        public var admin: URL?
        public var database: URL?
        public var totals: URL?
        public var crosswalk: URL?
        public var targets: URL?
        public var exports: URL?
        public init(
            inputs: URL? = nil, admin: URL? = nil, database: URL? = nil, totals: URL? = nil,
            crosswalk: URL? = nil, targets: URL? = nil, exports: URL? = nil
        ) {
            self.inputs = inputs
            self.admin = admin
            self.database = database
            self.totals = totals
            self.crosswalk = crosswalk
            self.targets = targets
            self.exports = exports
        }
    }

    /// Loads `file` and applies `overrides`. When `--inputs` is given, optional files are used
    /// only if named by their own flags, never taken silently from the pipeline file.
    public static func load(file: URL, overrides: Overrides = Overrides()) throws(LocatedError) -> PipelineConfig {
        let yaml = try YAMLFile(url: file)
        let document = try yaml.decode(PipelineFile.self, shape: PipelineFile.shape)
        guard document.version == 1 else {
            throw LocatedError(path: yaml.path, line: yaml.line(at: []), message: "unsupported version \(document.version); expected 1")
        }
        let base = file.deletingLastPathComponent()
        func resolve(_ path: String?) -> URL? {
            guard let path, !path.isEmpty else { return nil }
            return URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
        }
        let name = document.name ?? file.deletingPathExtension().lastPathComponent
        let outputFolder = resolve(document.output?.folder) ?? base.appendingPathComponent("../out").standardizedFileURL

        guard let inputFolder = overrides.inputs ?? resolve(document.inputs?.folder) else {
            throw LocatedError(path: yaml.path, line: yaml.line(at: []), message: "inputs.folder is not set; name the dump folder here or pass --inputs DIR")
        }
        guard let admin = overrides.admin ?? resolve(document.inputs?.admin) else {
            throw LocatedError(
                path: yaml.path, line: yaml.line(at: []), message: "inputs.admin is not set; name the admin-units file here or pass --admin FILE")
        }
        let fromFile = overrides.inputs == nil
        var schedule = StandardSchedule.nationalDefault
        if let entries = document.standards?.schedule {
            schedule = StandardSchedule(entries: [])
            for (index, entry) in entries.enumerated() {
                guard let years = Self.yearRange(entry.years) else {
                    throw LocatedError(
                        path: yaml.path, line: yaml.line(at: [Key("standards"), Key("schedule"), Key(index), Key("years")]),
                        message: "years must be a year (2026) or a range (2021-2025), got \"\(entry.years)\"")
                }
                schedule.entries.append(.init(years: years, standardIDs: entry.standards.map { StandardID($0) }))
            }
        }
        let basisText = document.standards?.income_basis ?? "auto"
        guard let basis = IncomeBasisPolicy(rawValue: basisText) else {
            throw LocatedError(
                path: yaml.path, line: yaml.line(at: [Key("standards"), Key("income_basis")]),
                message: "income_basis must be auto, income or score, got \"\(basisText)\"")
        }
        let limitPercent = document.validation?.quarantine_limit_percent ?? 5
        guard (0...100).contains(limitPercent) else {
            throw LocatedError(
                path: yaml.path, line: yaml.line(at: [Key("validation"), Key("quarantine_limit_percent")]),
                message: "quarantine_limit_percent must be between 0 and 100")
        }
        let standardFiles = (document.standards?.files ?? ["standards/vn-2022.yaml", "standards/vn-2027.yaml"]).compactMap(resolve)
        var plans: [PlanSelection] = []
        for (index, entry) in (document.plans ?? []).enumerated() {
            guard entry.id != nil || entry.file != nil else {
                throw LocatedError(path: yaml.path, line: yaml.line(at: [Key("plans"), Key(index)]), message: "a plan needs an id or a file")
            }
            plans.append(PlanSelection(id: entry.id, file: resolve(entry.file), territory: entry.territory))
        }
        var config = PipelineConfig(
            name: name, description: document.description ?? "", pipelineFile: file,
            pipelinesFolder: base, inputFolder: inputFolder,
            dumpPattern: document.inputs?.pattern ?? "households*.csv", adminFile: admin,
            crosswalkFile: overrides.crosswalk ?? (fromFile ? resolve(document.inputs?.crosswalk) : nil),
            totalsFile: overrides.totals ?? (fromFile ? resolve(document.inputs?.totals) : nil),
            targetsFile: overrides.targets ?? (fromFile ? resolve(document.inputs?.targets) : nil),
            databaseFile: overrides.database ?? resolve(document.output?.database) ?? outputFolder.appendingPathComponent("\(name).sqlite"),
            exportsFolder: overrides.exports ?? resolve(document.output?.exports)
                ?? (overrides.database.map { $0.deletingLastPathComponent().appendingPathComponent(name).appendingPathComponent("exports") })
                    ?? outputFolder.appendingPathComponent(name).appendingPathComponent("exports"),
            standardFiles: standardFiles, schedule: schedule, incomeBasis: basis,
            quarantineLimit: limitPercent / 100, headerAliases: document.validation?.header_aliases ?? [:],
            plans: plans,
            writeHouseholdContact: document.personal_data?.household_contact ?? false,
            personalDataInExports: document.personal_data?.in_exports ?? false)
        config.allowEmptyDump = document.validation?.allow_empty_dump ?? false
        config.allowYearDrop = document.validation?.allow_year_drop ?? false
        config.measures = try MeasuresSection.resolve(document.measures, yaml: yaml)
        return config
    }

    /// `2021-2025` or `2026` as an inclusive range.
    public static func yearRange(_ text: String) -> ClosedRange<ReviewYear>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count), let first = Int(parts[0]), let last = Int(parts.last!), first <= last else { return nil }
        return ReviewYear(first)...ReviewYear(last)
    }

    /// The effective configuration as YAML-like text (for `povreview dump-config`).
    public var rendered: String {
        var lines: [String] = []
        lines.append("name: \(name)")
        lines.append("pipeline_file: \(pipelineFile?.path ?? "-")")
        lines.append("inputs:")
        lines.append("  folder: \(inputFolder.path)")
        lines.append("  pattern: \"\(dumpPattern)\"")
        lines.append("  admin: \(adminFile.path)")
        lines.append("  crosswalk: \(crosswalkFile?.path ?? "null")")
        lines.append("  totals: \(totalsFile?.path ?? "null")")
        lines.append("  targets: \(targetsFile?.path ?? "null")")
        lines.append("output:")
        lines.append("  database: \(databaseFile.path)")
        lines.append("  exports: \(exportsFolder.path)")
        lines.append("standards:")
        lines.append("  files: [\(standardFiles.map(\.path).joined(separator: ", "))]")
        lines.append("  schedule:")
        for entry in schedule.entries {
            lines.append(
                "    - { years: \"\(entry.years.lowerBound)-\(entry.years.upperBound)\", standards: [\(entry.standardIDs.map(\.rawValue).joined(separator: ", "))] }"
            )
        }
        lines.append("  income_basis: \(incomeBasis.rawValue)")
        lines.append("validation:")
        lines.append("  quarantine_limit_percent: \(quarantineLimit * 100)")
        lines.append("  allow_empty_dump: \(allowEmptyDump)")
        lines.append("  allow_year_drop: \(allowYearDrop)")
        lines.append("  header_aliases: {\(headerAliases.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", "))}")
        lines.append("plans:")
        for plan in plans {
            lines.append("  - { id: \(plan.id ?? "null"), file: \(plan.file?.path ?? "null"), territory: \(plan.territory.map { "\"\($0)\"" } ?? "null") }")
        }
        lines.append("personal_data:")
        lines.append("  household_contact: \(writeHouseholdContact)")
        lines.append("  in_exports: \(personalDataInExports)")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A coding key built from a string or an index, to locate config values by path.
struct Key: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ string: String) { stringValue = string }
    init(_ index: Int) { stringValue = String(index); intValue = index }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}
