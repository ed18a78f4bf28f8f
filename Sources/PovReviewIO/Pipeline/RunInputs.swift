import Foundation
import PovReviewCore

/// The reference data of a run, loaded once: standards, admin units, optional totals, and the
/// dump files to read.
struct RunInputs {
    var standards: [StandardID: Standard]
    /// Extra input columns declared by the standard files (`Household.extraValues` order).
    var extraColumns: [ExtraColumn] = []
    var admin: AdminDirectory
    var totals: HouseholdTotals
    /// Dump files, sorted by relative path, with their display path relative to the dump folder.
    var dumps: [(url: URL, path: String)]
    /// Hash of the effective configuration, for `runs.config_sha256`.
    var configSHA256: String
    /// SHA-256 of the dumps hashed before ingest, by path (`DumpReading` hashes the others).
    var dumpHashes: [String: String] = [:]

    static func load(_ config: PipelineConfig) throws -> RunInputs {
        var standards: [StandardID: Standard] = [:]
        let loaded: StandardFile.Loaded
        do { loaded = try StandardFile.loadAll(config.standardFiles) } catch {
            throw PipelineError.configuration("\(error)")
        }
        for standard in loaded.standards { standards[standard.id] = standard }
        for entry in config.schedule.entries {
            for id in entry.standardIDs where standards[id] == nil {
                throw PipelineError.configuration(
                    "the schedule names standard \"\(id)\" for \(entry.years.lowerBound)–\(entry.years.upperBound), but no standard file defines it; add its file to standards.files (loaded: \(standards.keys.sorted().map(\.rawValue).joined(separator: ", ")))"
                )
            }
        }
        let admin: AdminDirectory
        do { admin = try AdminUnitsFile.load(contentsOf: config.adminFile, path: config.adminFile.lastPathComponent) } catch {
            throw PipelineError.configuration("\(error)")
        }
        var totals = HouseholdTotals()
        if let totalsFile = config.totalsFile {
            do { totals = try HouseholdTotalsFile.load(contentsOf: totalsFile, path: totalsFile.lastPathComponent, admin: admin) } catch {
                throw PipelineError.configuration("\(error)")
            }
        }
        let dumps = try Self.listDumps(in: config.inputFolder, pattern: config.dumpPattern)
        var hashed = config.rendered
        for id in standards.keys.sorted() { hashed += "standard \(id.rawValue)\n" }
        var inputs = RunInputs(
            standards: standards, admin: admin, totals: totals, dumps: dumps,
            configSHA256: FileDigest.sha256(of: Data(hashed.utf8)))
        inputs.extraColumns = loaded.extraColumns
        return inputs
    }

    /// The files of `folder` whose name matches `pattern` (shell glob), sorted by name.
    static func listDumps(in folder: URL, pattern: String) throws -> [(url: URL, path: String)] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder.path) } catch {
            throw PipelineError.unreadableFile(path: folder.path, reason: "cannot list the dump folder: \(error.localizedDescription)")
        }
        let matching = names.filter { fnmatch(pattern, $0, 0) == 0 }
            .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        guard !matching.isEmpty else { throw PipelineError.noDumps(folder: folder.path, pattern: pattern) }
        return matching.map { (folder.appendingPathComponent($0), $0) }
    }
}
