import ArgumentParser
import Foundation
import PovReviewIO

/// The database a command reads: `--database`, else the pipeline's.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Pipeline file (YAML); names the default database.")
    var pipeline: String = "Pipelines/default.yaml"

    @Option(name: .long, help: "SQLite database written by `povreview run`.")
    var database: String?

    func databaseURL() throws -> URL {
        if let database { return URL(fileURLWithPath: database).standardizedFileURL }
        let file = URL(fileURLWithPath: pipeline).standardizedFileURL
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw ValidationError("pass --database FILE (no pipeline file at \(pipeline) to find the default)")
        }
        do {
            return try PipelineConfig.load(file: file).databaseFile
        } catch {
            throw CommandFailure("configuration error: \(error)")
        }
    }

    /// Opens the database, with a message that says what to do when it is missing.
    func open(readOnly: Bool = true) throws -> SQLiteDatabase {
        let url = try databaseURL()
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CommandFailure("no database at \(url.path); run `povreview run` (or `make run`) first, or pass --database FILE")
        }
        do {
            return try SQLiteDatabase(path: url.path, readOnly: readOnly)
        } catch {
            throw CommandFailure("cannot open \(url.path): \(error)")
        }
    }
}
