import ArgumentParser
import Foundation
import PovReviewIO

/// Options shared by the commands that read a pipeline: the pipeline file and the flags that
/// override it (input-format.md, "Which files a run reads").
struct PipelineOptions: ParsableArguments {
    @Option(name: .long, help: "Pipeline file (YAML).")
    var pipeline: String = "Pipelines/default.yaml"

    @Option(name: .long, help: "Folder of survey dumps; replaces the pipeline's input folder (optional files then come only from their own flags).")
    var inputs: String?

    @Option(name: .long, help: "Administrative-units CSV file.")
    var admin: String?

    @Option(name: .long, help: "Output SQLite database file.")
    var database: String?

    @Option(name: .long, help: "Official household totals per commune (household_totals.csv).")
    var totals: String?

    @Option(name: .long, help: "Crosswalk of old to new unit codes (crosswalk.csv).")
    var crosswalk: String?

    @Option(name: .long, help: "Plan targets per unit and year (targets.csv).")
    var targets: String?

    @Option(name: .long, help: "Exports folder (default: out/<pipeline>/exports).")
    var exports: String?

    func url(_ path: String?) -> URL? {
        path.map { URL(fileURLWithPath: $0).standardizedFileURL }
    }

    /// The effective configuration, or an error that says which file and line to fix.
    func config() throws -> PipelineConfig {
        // A province's dumps never match another province's admin file: with --inputs alone the
        // pipeline's (the sample province's) admin file was used silently and every unit name
        // and kind came out wrong or missing.
        if let inputs, admin == nil {
            throw ValidationError(
                """
                --inputs \(inputs) replaces the pipeline's dumps, but no --admin was given: the pipeline's \
                administrative-units file belongs to other dumps and would not match them. Pass --admin FILE, \
                the administrative-units CSV (admin_units.csv) of the same province as the dumps.
                """)
        }
        let overrides = PipelineConfig.Overrides(
            inputs: url(inputs), admin: url(admin), database: url(database), totals: url(totals),
            crosswalk: url(crosswalk), targets: url(targets), exports: url(exports))
        guard let file = url(pipeline), FileManager.default.fileExists(atPath: file.path) else {
            throw ValidationError(
                "pipeline file \(pipeline) not found; pass --pipeline FILE (the default is Pipelines/default.yaml, relative to the current folder)")
        }
        do {
            return try PipelineConfig.load(file: file, overrides: overrides)
        } catch {
            throw CommandFailure("configuration error: \(error)")
        }
    }
}

/// A failure that ends the command with a message and a non-zero exit code.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    var exitCode: Int32
    init(_ description: String, exitCode: Int32 = 1) {
        self.description = description
        self.exitCode = exitCode
    }
}
