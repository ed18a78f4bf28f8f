import Foundation
import PovReviewCore

/// `povreview rollup`: combines province databases (each the output of `povreview run`) into one
/// national database: every province's `unit_rates` rows, plus region and country rows summed
/// from the province rows' counts (`NationalTotals`), `rollup_sources`, `rollup_gaps` and the
/// province → region table used.
///
/// It refuses, before writing anything: a database whose last run did not succeed, databases
/// whose `schema_migrations` differ (or lack one of this version's migrations), and two databases
/// for one province and review year. The national database is built aside, synced, and renamed
/// into place, so a failure leaves the previous one as it was. Deterministic: the same sources
/// give the same content whatever their order on the command line.
public enum NationalRollup {
    public struct Summary: Sendable {
        public var sources: Int
        public var copiedRows: Int
        public var regionRows: Int
        public var countryRows: Int
        public var gaps: [RollupGaps.Gap]
        /// Provinces summed whose region comes from a provisional line of the reference file.
        public var provisionalProvinces: [UnitCode]
        public var reviewYears: [Int]
    }

    /// Builds the national database at `output` from the province databases at `databases`,
    /// with the province → region table at `regionsFile`.
    public static func build(databases: [String], output: String, regionsFile: String) throws(RollupError) -> Summary {
        guard !databases.isEmpty else { throw .noSources }
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let sources = try inspect(databases, outputURL: outputURL, output: output)
        let regions: ProvinceRegionTable
        do {
            regions = try ProvinceRegionFile.load(contentsOf: URL(fileURLWithPath: regionsFile), path: regionsFile)
        } catch {
            throw .regions(
                "\(error)"
                    + (FileManager.default.fileExists(atPath: regionsFile)
                        ? "" : "; run from the project folder (the default is \(ProvinceRegionFile.defaultPath)) or pass --regions FILE"))
        }
        let location = OutputLocation(databaseURL: outputURL)
        let folder = outputURL.deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: folder) {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        guard access(folder, W_OK) == 0 else {
            throw .output(path: output, reason: "the folder \(folder) \(errno == ENOENT ? "does not exist and cannot be created" : "is not writable")")
        }
        do {
            try location.prepare()
        } catch {
            throw .output(path: output, reason: "cannot prepare the folder \(folder)")
        }
        do {
            let summary = try write(sources: sources, regions: regions, to: location.buildingURL, output: output)
            try syncFile(location.buildingURL.path)
            try location.publish()
            try syncFile(outputURL.deletingLastPathComponent().path)
            return summary
        } catch let error as RollupError {
            location.discard()
            throw error
        } catch {
            location.discard()
            throw .output(path: output, reason: "\(error)")
        }
    }

    /// Inspects every source and applies the refusals; returns the sources in a stable order.
    static func inspect(_ databases: [String], outputURL: URL, output: String) throws(RollupError) -> [RollupSource] {
        var sources: [RollupSource] = []
        for path in databases {
            let source = try RollupSource.inspect(path: path)
            if source.url.path == outputURL.path { throw .outputIsASource(path: path) }
            if let other = sources.first(where: { $0.fileIdentity == source.fileIdentity }) {
                throw .sameFile(path: path, other: other.path)
            }
            sources.append(source)
        }
        let reference = sources[0]
        for source in sources.dropFirst() where source.migrations != reference.migrations {
            throw .schemaMismatch(
                path: source.path, expected: describe(reference.migrations),
                expectedFrom: reference.path, found: describe(source.migrations))
        }
        let missing = Migrations.all.map(\.name).filter { !reference.migrations.contains($0) }
        if !missing.isEmpty { throw .olderSchema(path: reference.path, missing: missing) }
        var owner: [String: String] = [:]
        for source in sources {
            for (year, provinces) in source.provincesByYear.sorted(by: { $0.key < $1.key }) {
                for province in provinces.sorted() {
                    let key = "\(year)/\(province.rawValue)"
                    if let first = owner[key] {
                        throw .duplicateProvince(province: province.rawValue, reviewYear: year, first: first, second: source.path)
                    }
                    owner[key] = source.path
                }
            }
        }
        return sources.sorted { ($0.sortKey, $0.path) < ($1.sortKey, $1.path) }
    }

    private static func describe(_ migrations: [String]) -> String {
        "\(migrations.count) migrations, last \(migrations.last ?? "none")"
    }

    /// Writes the national database into `url` (the building file).
    static func write(sources: [RollupSource], regions: ProvinceRegionTable, to url: URL, output: String) throws -> Summary {
        let national = try NationalDatabase(creatingAt: url.path)
        let columns = national.unitRatesColumns
        let columnNames = columns.map(\.name)

        try national.database.beginTransaction()
        var copied = 0
        for (index, source) in sources.enumerated() {
            let shared = columnNames.filter { source.unitRatesColumns.contains($0) }
            do {
                copied += try national.copyUnitRates(fromDatabaseAt: source.url.path, index: index, columns: shared)
            } catch let clash as NationalDatabase.UnitClash {
                throw RollupError.duplicateUnit(path: source.path, detail: clash.detail ?? "a unit")
            }
        }

        // Region and country rows, from the province rows' counts.
        let countColumns = columns.filter {
            $0.type.uppercased() == "INTEGER" && !["review_year", "standard_provisional"].contains($0.name)
                && !NationalSchema.extraColumns.contains($0.name)
        }.map(\.name)
        let figures = try national.provinceFigures(countColumns: countColumns)
        var presence: [Int: Set<UnitCode>] = [:]
        for source in sources {
            for (year, provinces) in source.provincesByYear { presence[year, default: []].formUnion(provinces) }
        }
        let gaps = RollupGaps.find(presence: presence, regions: regions)
        let missing = Dictionary(grouping: gaps, by: \.reviewYear).mapValues { $0.map(\.province) }
        let totals: [NationalTotals.Row]
        do {
            totals = try NationalTotals.rows(provinces: figures, regions: regions, missing: missing)
        } catch {
            throw RollupError.totals(path: nil, message: error.description)
        }
        try national.insert(totals)
        for source in sources { try national.insertSource(source) }
        for gap in gaps { try national.insertGap(gap, entry: regions.entry(for: gap.province, in: gap.reviewYear)) }
        for entry in regions.entries { try national.insertRegion(entry) }
        try national.insertDocumentation(NationalColumnDocumentation.all(unitRatesColumns: columnNames))
        try national.database.commitTransaction()
        try national.analyze()

        let provisional = Set(
            figures.compactMap { figure in
                regions.entry(for: figure.province, in: figure.reviewYear)?.provisional == true ? figure.province : nil
            }
        ).sorted()
        return Summary(
            sources: sources.count, copiedRows: copied, regionRows: totals.filter { $0.level == "region" }.count,
            countryRows: totals.filter { $0.level == "country" }.count, gaps: gaps, provisionalProvinces: provisional,
            reviewYears: presence.keys.sorted())
    }

    /// fsync(2) of a file or folder, so the renamed database survives a power cut.
    static func syncFile(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw RollupError.output(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw RollupError.output(path: path, reason: String(cString: strerror(errno))) }
    }
}
