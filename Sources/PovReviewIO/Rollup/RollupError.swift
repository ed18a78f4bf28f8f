import Foundation

/// Why `povreview rollup` refused to build the national database. Each case names the file the
/// user gave and says what to do.
public enum RollupError: Error, CustomStringConvertible, Sendable {
    case noSources
    case cannotOpen(path: String, reason: String)
    case notAProvinceDatabase(path: String, missing: String)
    case lastRunNotSucceeded(path: String, runID: Int, status: String)
    case schemaMismatch(path: String, expected: String, expectedFrom: String, found: String)
    case olderSchema(path: String, missing: [String])
    case duplicateProvince(province: String, reviewYear: Int, first: String, second: String)
    case duplicateUnit(path: String, detail: String)
    case sameFile(path: String, other: String)
    case outputIsASource(path: String)
    case totals(path: String?, message: String)
    case regions(String)
    case output(path: String, reason: String)

    public var description: String {
        switch self {
        case .noSources:
            "no province database given; pass --databases FILE… (each the output of `povreview run`)"
        case .cannotOpen(let path, let reason):
            "\(path): cannot open as a SQLite database (\(reason)); pass the .sqlite file written by `povreview run`"
        case .notAProvinceDatabase(let path, let missing):
            "\(path): not a province database of povreview (no \(missing)); pass the .sqlite file written by `povreview run`"
        case .lastRunNotSucceeded(let path, let runID, let status):
            "\(path): its last run (run \(runID)) is \"\(status)\", not succeeded; rerun `povreview run` for this province until it succeeds, then roll up again"
        case .schemaMismatch(let path, let expected, let expectedFrom, let found):
            "\(path): schema version \(found) differs from \(expected) of \(expectedFrom); rerun `povreview run` for every province with one povreview version, then roll up again"
        case .olderSchema(let path, let missing):
            "\(path): built by an older povreview (schema lacks \(missing.joined(separator: ", "))); rerun `povreview run` for it with this version"
        case .duplicateProvince(let province, let year, let first, let second):
            "province \(province) (review year \(year)) is in two databases: \(first) and \(second); give each province's database once"
        case .duplicateUnit(let path, let detail):
            "\(path): \(detail) is already in another database of the roll-up; give each province's database once"
        case .sameFile(let path, let other):
            "\(path) and \(other) are the same file; give each province's database once"
        case .outputIsASource(let path):
            "\(path) is both a source and the output (--database); write the national database to another file"
        case .totals(let path, let message):
            (path.map { "\($0): " } ?? "") + message
        case .regions(let message):
            message
        case .output(let path, let reason):
            "\(path): cannot write the national database (\(reason)); check that the folder exists and is writable"
        }
    }
}
