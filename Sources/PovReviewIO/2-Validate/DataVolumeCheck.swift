import Foundation

/// Checks on the volume of the data as a whole, after ingest and before anything is published
/// (issue 10, item 4: nothing silent). A dump with a header and no rows, or a review year with
/// fewer than half the rows of the previous review year, is almost always a truncated export from
/// the provincial software; publishing it would replace good figures with empty or partial ones.
/// Both fail the run unless the pipeline file allows them (`validation.allow_empty_dump`,
/// `validation.allow_year_drop`).
enum DataVolumeCheck {
    static func check(files: [FileReport], config: PipelineConfig) throws {
        let pipeline = config.pipelineFile?.lastPathComponent ?? "the pipeline file"
        if !config.allowEmptyDump, let empty = files.first(where: { $0.rowsRead == 0 }) {
            throw PipelineError.data(
                path: empty.path, problem: "the dump has a header but no rows",
                action:
                    "Check that the export from the review software is complete, remove the file, or set validation.allow_empty_dump: true in \(pipeline) if an empty dump is expected."
            )
        }
        guard !config.allowYearDrop else { return }
        var rowsByYear: [Int: Int] = [:]
        var largestFile: [Int: (path: String, rows: Int)] = [:]
        for file in files {
            for (year, counts) in file.byYear {
                guard let year else { continue }
                rowsByYear[year, default: 0] += counts.read
                if counts.read > (largestFile[year]?.rows ?? -1) { largestFile[year] = (file.path, counts.read) }
            }
        }
        let years = rowsByYear.keys.sorted()
        for (previous, year) in zip(years, years.dropFirst()) {
            let before = rowsByYear[previous]!, now = rowsByYear[year]!
            if 2 * now < before {
                throw PipelineError.data(
                    path: largestFile[year]?.path ?? "review year \(year)",
                    problem: "review year \(year) has \(now) rows, fewer than half of the \(before) rows of review year \(previous)",
                    action:
                        "Check that the dump of \(year) is complete; if the drop is real (a reorganisation, a partial review), set validation.allow_year_drop: true in \(pipeline)."
                )
            }
        }
    }
}
