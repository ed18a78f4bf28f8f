import Foundation
import Testing

/// The default pipeline on the bundled SampleData, run once in this process and shared by the
/// tests that only read it (a test that writes copies the database into its own workspace).
enum SampleDataRun {
    static let pipeline = EndToEnd.repositoryRoot.appendingPathComponent("Pipelines/default.yaml")

    static func database(in workspace: URL) -> URL { workspace.appendingPathComponent("default.sqlite") }
    static func exports(in workspace: URL) -> URL { workspace.appendingPathComponent("exports") }

    /// `povreview run` of the default pipeline with its outputs in `workspace`.
    static func arguments(in workspace: URL) -> [String] {
        [
            "run", "--pipeline", pipeline.path, "--database", database(in: workspace).path,
            "--exports", exports(in: workspace).path, "--quiet",
        ]
    }

    static let shared = Task { () throws -> (database: URL, exports: URL, status: Int32) in
        let workspace = try EndToEnd.workspace("sampledata-shared")
        let status = await EndToEnd.povreview(arguments(in: workspace))
        return (database(in: workspace), exports(in: workspace), status)
    }
}
