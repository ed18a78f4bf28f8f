import Foundation
import PovReviewIO
import Testing

/// The tiny hand-computed province of `Fixtures/tiny` (see the comment at the top of
/// `TinyProvinceTests.swift` for every household and the hand computation).
enum TinyProvince {
    /// Village codes: the canonical spelling of village A is "Thôn Hoà An" (U+00E0 after "Ho"),
    /// which sorts before "Thôn Hòa An" (U+00F2 after "H") because 'o' (U+006F) < 'ò' (U+00F2).
    static let villageA = "77001/Thôn Hoà An"
    static let villageB = "77001/Bản Pác"
    static let villageC = "77002/Thôn Đông"

    /// Copies the province into a fresh workspace and runs `povreview run` on it in-process.
    /// Returns the workspace and the database.
    static func run(_ name: String = #function, exports: Bool = false) async throws -> (workspace: URL, database: URL) {
        let workspace = try EndToEnd.workspace(name)
        let pipeline = try EndToEnd.copyTinyProvince(to: workspace)
        let database = workspace.appendingPathComponent("out/tiny.sqlite")
        var arguments = ["run", "--pipeline", pipeline.path, "--quiet"]
        if !exports { arguments.append("--no-exports") }
        let status = await EndToEnd.povreview(arguments)
        try #require(EndToEnd.published(status), "povreview run on the tiny province exited with \(status)")
        return (workspace, database)
    }

    /// One run shared by the read-only table tests below (tests that write make their own run).
    static let shared = Task { try await run("tiny-shared").database }
}
