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
        let database = try SQLiteDatabase(path: url.path)
        try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        try NationalSchema.create(in: database)
        let columns = try database.rows("SELECT name, type FROM pragma_table_info('unit_rates') ORDER BY cid")
            .map { (name: $0[0].string ?? "", type: $0[1].string ?? "") }
        let columnNames = columns.map(\.name)

        try database.execute("BEGIN")
        var copied = 0
        for (index, source) in sources.enumerated() {
            let shared = columnNames.filter { source.unitRatesColumns.contains($0) }
            let list = shared.joined(separator: ", ")
            try database.run("ATTACH DATABASE ? AS source\(index)", [.text(source.url.path)])
            try copy(source, schema: "source\(index)", columns: list, into: database)
            copied += Int(try database.rows("SELECT changes()")[0][0].int ?? 0)
            try database.execute("COMMIT")
            try database.execute("DETACH DATABASE source\(index)")
            try database.execute("BEGIN")
        }

        // Region and country rows, from the province rows' counts.
        let countColumns = columns.filter {
            $0.type.uppercased() == "INTEGER" && !["review_year", "standard_provisional"].contains($0.name)
                && !NationalSchema.extraColumns.contains($0.name)
        }.map(\.name)
        let provinceRows = try database.rows(
            """
            SELECT review_year, standard, unit_code, standard_provisional, denominator_source, \(countColumns.joined(separator: ", "))
            FROM unit_rates WHERE level = 'province' ORDER BY review_year, standard, unit_code
            """)
        let figures = provinceRows.map { row in
            var counts: [String: Int64?] = [:]
            for (offset, column) in countColumns.enumerated() {
                if case .integer(let value) = row[5 + offset] { counts[column] = value } else { counts[column] = .some(nil) }
            }
            return ProvinceFigures(
                reviewYear: row[0].int ?? 0, standard: row[1].string ?? "", province: UnitCode(row[2].string ?? ""),
                provisionalStandard: row[3].int == 1, denominatorSource: row[4].string ?? "", counts: counts)
        }
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
        try insert(totals, columns: columnNames, countColumns: countColumns, into: database)

        for source in sources {
            try database.run(
                """
                INSERT INTO rollup_sources (path, sha256, province, review_years, run_id, tool_version, schema_version)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(source.path), .text(source.sha256), .text(source.province),
                    .text(source.provincesByYear.keys.sorted().map(String.init).joined(separator: ",")),
                    .integer(Int64(source.lastRunID)), .text(source.toolVersion), .text(source.schemaVersion),
                ])
        }
        for gap in gaps {
            let entry = regions.entry(for: gap.province, in: gap.reviewYear)
            try database.run(
                "INSERT INTO rollup_gaps (review_year, province_code, province_name, region_code, present_in) VALUES (?, ?, ?, ?, ?)",
                [
                    .integer(Int64(gap.reviewYear)), .text(gap.province.rawValue), entry.map { .text($0.provinceName) } ?? .null,
                    entry.map { .text($0.region.code) } ?? .null,
                    .text(gap.presentIn.map(String.init).joined(separator: ",")),
                ])
        }
        for entry in regions.entries {
            try database.run(
                """
                INSERT INTO province_regions (province_code, province_name, region_code, region_name, valid_from, valid_to, provisional)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(entry.provinceCode.rawValue), .text(entry.provinceName), .text(entry.region.code),
                    .text(entry.region.nameVi), entry.validFrom.map { .integer(Int64($0)) } ?? .null,
                    entry.validTo.map { .integer(Int64($0)) } ?? .null, .integer(entry.provisional ? 1 : 0),
                ])
        }
        let documentation = try database.prepare(
            "INSERT INTO columns (table_name, column_name, description_en, description_vi) VALUES (?, ?, ?, ?)")
        for row in NationalColumnDocumentation.all(unitRatesColumns: columnNames) {
            try documentation.bind([.text(row.tableName), .text(row.columnName), .text(row.descriptionEN), .text(row.descriptionVI)])
            try documentation.execute()
        }
        try database.execute("COMMIT")
        try database.execute("ANALYZE")

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

    /// Copies one source's `unit_rates` rows (the columns in `columns`); a unit already copied
    /// from another source is a refusal naming the unit.
    private static func copy(
        _ source: RollupSource, schema: String, columns list: String,
        into database: SQLiteDatabase
    ) throws {
        var clashed = false
        do {
            try database.execute(
                """
                INSERT INTO unit_rates (\(list)) SELECT \(list) FROM \(schema).unit_rates
                ORDER BY review_year, standard, level, unit_code
                """)
        } catch {
            guard error.message.contains("UNIQUE") else { throw error }
            clashed = true
        }
        guard clashed else { return }
        let clash = try database.rows(
            """
            SELECT s.review_year, s.level, s.unit_code FROM \(schema).unit_rates s
            JOIN unit_rates n USING (review_year, standard, level, unit_code) LIMIT 1
            """
        ).first
        let detail = clash.map { "unit \($0[2].string ?? "") (\($0[1].string ?? ""), review year \($0[0].int ?? 0))" }
        throw RollupError.duplicateUnit(path: source.path, detail: detail ?? "a unit")
    }

    private static func insert(
        _ rows: [NationalTotals.Row], columns: [String], countColumns: [String],
        into database: SQLiteDatabase
    ) throws {
        let statement = try database.prepare(
            "INSERT INTO unit_rates (\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))")
        for row in rows {
            let values: [SQLiteValue] = columns.map { column in
                switch column {
                case "review_year": .integer(Int64(row.reviewYear))
                case "standard": .text(row.standard)
                case "standard_provisional": .integer(row.provisionalStandard ? 1 : 0)
                case "level": .text(row.level)
                case "unit_code": .text(row.unitCode)
                case "unit_name": .text(row.unitName)
                case "parent_code": row.parentCode.map { .text($0) } ?? .null
                case "denominator_source": .text(row.denominatorSource)
                case "poor_rate": .real(row.poorRate)
                case "near_poor_rate": .real(row.nearPoorRate)
                case "poor_near_poor_rate": .real(row.poorNearPoorRate)
                case "ethnic_minority_poor_rate": row.ethnicMinorityPoorRate.map { .real($0) } ?? .null
                case "provinces_summed": .integer(Int64(row.provincesSummed))
                case "provinces_missing": .integer(Int64(row.provincesMissing))
                default: ((row.counts[column] ?? nil).map { .integer($0) }) ?? .null
                }
            }
            try statement.bind(values)
            try statement.execute()
        }
    }

    /// fsync(2) of a file or folder, so the renamed database survives a power cut.
    static func syncFile(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw RollupError.output(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw RollupError.output(path: path, reason: String(cString: strerror(errno))) }
    }
}
