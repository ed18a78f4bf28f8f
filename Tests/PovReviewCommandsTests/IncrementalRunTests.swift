import Foundation
import PovReviewIO
import Testing

/// Incremental nightly reruns (issue 10, item 2): after random sequences of edits to the inputs,
/// the rerun that keeps what it can gives the same database (every table and view but `runs`,
/// compared as multisets of rows) and byte-identical exports as a full rebuild (`--full`) from
/// the same previous state; with nothing changed it writes nothing and exits 4.
@Suite("Incremental reruns")
struct IncrementalRunTests {
    /// A small generated province (messy rows and spellings included), 2021–2024 in the dump
    /// folder and 2025 held back for the "add a year" edit.
    struct Workspace {
        let root: URL
        var data: URL { root.appendingPathComponent("data") }
        var heldBack: URL { root.appendingPathComponent("held-back") }
        var pipelines: URL { root.appendingPathComponent("Pipelines") }
        var outputs: URL { root.appendingPathComponent("outputs") }
        var database: URL { outputs.appendingPathComponent("province.sqlite") }
        var exports: URL { outputs.appendingPathComponent("exports") }

        init(_ name: String, seed: UInt64) async throws {
            root = try EndToEnd.workspace(name)
            let generated = await EndToEnd.povreview(
                ["sample", "--households", "400", "--years", "2021-2025", "--seed", String(seed), "--out", data.path])
            try #require(generated == 0)
            let manager = FileManager.default
            try manager.createDirectory(at: heldBack, withIntermediateDirectories: true)
            try manager.moveItem(
                at: data.appendingPathComponent("households_2025.csv"),
                to: heldBack.appendingPathComponent("households_2025.csv"))
            try manager.copyItem(at: EndToEnd.repositoryRoot.appendingPathComponent("Pipelines"), to: pipelines)
        }

        func run(full: Bool) async -> Int32 {
            await EndToEnd.povreview(
                [
                    "run", "--pipeline", pipelines.appendingPathComponent("default.yaml").path,
                    "--inputs", data.path, "--admin", data.appendingPathComponent("admin_units.csv").path,
                    "--crosswalk", data.appendingPathComponent("crosswalk.csv").path,
                    "--database", database.path, "--exports", exports.path, "--quiet",
                ] + (full ? ["--full"] : []))
        }
    }

    /// One edit of the inputs, as a nightly dump might change.
    enum Edit: CaseIterable, CustomStringConvertible {
        case nothing, changeRow, deleteRow, duplicateRow, corruptRow, respellVillage, addYear, deleteFile, changePlan

        var description: String { "\(self)" }
    }

    @Test(
        "Random edit sequences: the incremental rerun equals a full rebuild, table by table and export by export",
        .timeLimit(.minutes(10)), arguments: [UInt64(11)])
    func incrementalEqualsFull(seed: UInt64) async throws {
        let workspace = try await Workspace("incremental-\(seed)", seed: seed)
        let manager = FileManager.default
        let first = await workspace.run(full: false)
        try #require(EndToEnd.published(first), "the first run exited with \(first)")
        var random = SeededGenerator(seed: seed)
        var edits: [Edit] = [.nothing, .changeRow, .respellVillage, .addYear]
        for _ in 0..<6 { edits.append(Edit.allCases[Int(random.next() % UInt64(Edit.allCases.count))]) }
        var incrementalSteps = 0
        for (step, edit) in edits.enumerated() {
            let applied = try apply(edit, to: workspace, random: &random)
            let saved = workspace.root.appendingPathComponent("saved-\(step)")
            try manager.copyItem(at: workspace.outputs, to: saved)
            let incremental = await workspace.run(full: false)
            if !applied {
                #expect(incremental == 4, "step \(step) (\(edit), nothing changed): exit \(incremental), expected 4")
                #expect(
                    try Data(contentsOf: workspace.database) == Data(contentsOf: saved.appendingPathComponent("province.sqlite")),
                    "step \(step): a rerun with nothing changed rewrote the database")
                continue
            }
            let kept = workspace.root.appendingPathComponent("incremental-\(step)")
            try manager.moveItem(at: workspace.outputs, to: kept)
            try manager.copyItem(at: saved, to: workspace.outputs)
            let keptYears = try EndToEnd.open(kept.appendingPathComponent("province.sqlite"))
                .rows("SELECT kept_years FROM runs ORDER BY run_id DESC LIMIT 1").first?[0].string
            if keptYears != nil { incrementalSteps += 1 }
            let full = await workspace.run(full: true)
            #expect(incremental == full, "step \(step) (\(edit)): incremental exit \(incremental), full exit \(full)")
            guard EndToEnd.published(full) else { continue }
            let differences = try EndToEnd.contentDifferences(kept.appendingPathComponent("province.sqlite"), workspace.database)
            #expect(differences.isEmpty, "step \(step) (\(edit)): \(differences.joined(separator: "\n"))")
            try DeterminismTests.expectSameFiles(
                kept.appendingPathComponent("exports"), workspace.exports,
                kinds: ["csv", "xlsx", "html"])
        }
        // The comparison means something only if some reruns kept years.
        #expect(incrementalSteps >= 2, "only \(incrementalSteps) reruns kept review years")
    }

    @Test("After a --no-exports run, a rerun with exports rebuilds them rather than keep an earlier run's")
    func exportsOfAnEarlierRun() async throws {
        let (workspace, database) = try await TinyProvince.run(exports: true)
        let pipeline = workspace.appendingPathComponent("pipeline.yaml").path
        let withoutExports = await EndToEnd.povreview(["run", "--pipeline", pipeline, "--quiet", "--no-exports", "--full"])
        #expect(EndToEnd.published(withoutExports))
        // Same inputs as run 2, but the exports in place are run 1's.
        let withExports = await EndToEnd.povreview(["run", "--pipeline", pipeline, "--quiet"])
        #expect(EndToEnd.published(withExports), "exit \(withExports): the exports of run 1 were taken for run 2's")
        let exportsPath = try EndToEnd.open(database).rows("SELECT exports_path FROM runs WHERE run_id = 3")
        #expect(exportsPath.first?[0].string?.hasSuffix("out/tiny/exports") == true, "\(exportsPath)")
        let again = await EndToEnd.povreview(["run", "--pipeline", pipeline, "--quiet"])
        #expect(again == 4, "exit \(again): run 3 published these very exports")
    }

    /// Applies `edit`; false when it changed nothing.
    func apply(_ edit: Edit, to workspace: Workspace, random: inout SeededGenerator) throws -> Bool {
        let manager = FileManager.default
        let dumps = try manager.contentsOfDirectory(atPath: workspace.data.path).filter { $0.hasPrefix("households_") }.sorted()
        let dump = workspace.data.appendingPathComponent(dumps[Int(random.next() % UInt64(dumps.count))])
        switch edit {
        case .nothing:
            return false
        case .changeRow, .deleteRow, .duplicateRow, .corruptRow, .respellVillage:
            // Bytes, not String: the messy set holds rows that are not UTF-8 on purpose.
            var lines = try Data(contentsOf: dump).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                .map { Array($0) }
            let header = String(decoding: lines[0], as: UTF8.self).components(separatedBy: ",")
            let index = 1 + Int(random.next() % UInt64(max(1, lines.count - 2)))
            var fields = lines[index].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { Array($0) }
            let members = header.firstIndex(of: "members")!, village = header.firstIndex(of: "village")!
            guard fields.count == header.count, !lines[index].contains(UInt8(ascii: "\"")),
                let name = String(validating: fields[village], as: UTF8.self)
            else {
                // A row the edit cannot read field by field (quoted, malformed): removed instead.
                lines.remove(at: index)
                try Data(lines.joined(separator: [UInt8(ascii: "\n")])).write(to: dump)
                return true
            }
            switch edit {
            case .changeRow:
                fields[members] = Array(String((Int(String(decoding: fields[members], as: UTF8.self)) ?? 1) % 7 + 1).utf8)
            case .respellVillage:
                fields[village] = Array(name.uppercased().utf8)
            case .corruptRow:
                fields[members] = Array("nhiều".utf8)
            default:
                break
            }
            switch edit {
            case .duplicateRow: lines.insert(lines[index], at: index)
            case .deleteRow: lines.remove(at: index)
            default: lines[index] = Array(fields.joined(separator: [UInt8(ascii: ",")]))
            }
            try Data(lines.joined(separator: [UInt8(ascii: "\n")])).write(to: dump)
        case .addYear:
            let held = try manager.contentsOfDirectory(atPath: workspace.heldBack.path)
            guard let name = held.first else { return try apply(.changeRow, to: workspace, random: &random) }
            try manager.moveItem(at: workspace.heldBack.appendingPathComponent(name), to: workspace.data.appendingPathComponent(name))
        case .deleteFile:
            // The earliest year: a later one gone would be a fall of more than half.
            guard dumps.count > 2 else { return try apply(.changeRow, to: workspace, random: &random) }
            try manager.moveItem(
                at: workspace.data.appendingPathComponent(dumps[0]),
                to: workspace.heldBack.appendingPathComponent("deleted-\(dumps[0])"))
        case .changePlan:
            let plan = workspace.pipelines.appendingPathComponent("plans/national-666.yaml")
            let text = try String(contentsOf: plan, encoding: .utf8)
            try (text + "\n# edited \(random.next())\n").write(to: plan, atomically: true, encoding: .utf8)
        }
        return true
    }
}
