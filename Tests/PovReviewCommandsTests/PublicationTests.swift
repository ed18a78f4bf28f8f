import Foundation
import PovReviewIO
import Testing

/// Database and exports are published together or not at all, under a lock, and survive a
/// SIGKILL anywhere (issue 10, items 1 and 5).
@Suite("Publication of database and exports", .serialized)
struct PublicationTests {
    /// A succeeded run of the tiny province exits 3: its dumps have quarantined rows.
    static let published: Set<Int32> = [0, 3]

    @Test(
        "A run SIGKILLed at 30 seeded points (10 named ones inside the run and the publication, 20 random delays) leaves the old pair or the new pair",
        .timeLimit(.minutes(10)))  // a hang guard: 30 child runs while the rest of the suite keeps both cores busy
    func killedAnywhere() async throws {
        let sets = try TwoInputSets()
        let first = try ChildRun(sets.arguments("A"), in: sets.workspace)
        #expect(Self.published.contains(try await first.wait()), "\(first.errorText)")
        #expect(sets.published() == ("A", "A"))
        // The time of a clean run bounds the random delays.
        let started = Date()
        let timed = try ChildRun(sets.arguments("B"), in: sets.workspace)
        #expect(Self.published.contains(try await timed.wait()), "\(timed.errorText)")
        let duration = Date().timeIntervalSince(started)
        #expect(sets.published() == ("B", "B"))

        enum Kill: CustomStringConvertible {
            case point(String), delay(Double)
            var description: String {
                switch self {
                case .point(let name): "at \(name)"
                case .delay(let seconds): String(format: "after %.3f s", seconds)
                }
            }
        }
        var random = SeededGenerator(seed: 20_261_202)
        var kills: [Kill] = FaultInjection.points.map { .point($0) }
        kills += (0..<20).map { _ in .delay(Double.random(in: 0...(duration * 1.1), using: &random)) }
        kills.shuffle(using: &random)
        #expect(kills.count >= 25)

        var current = "B"
        var killedInsidePublication = 0
        for kill in kills {
            let target = current == "A" ? "B" : "A"
            let child: ChildRun
            switch kill {
            case .point(let name):
                child = try ChildRun(sets.arguments(target), in: sets.workspace, fault: "kill:\(name)")
                try await child.wait()
                #expect(child.killed, "the run reached \(name) and died there: \(child.errorText)")
                if name.hasPrefix("publish-") { killedInsidePublication += 1 }
            case .delay(let seconds):
                child = try ChildRun(sets.arguments(target), in: sets.workspace)
                try await Task.sleep(for: .seconds(seconds))
                child.kill()
                try await child.wait()
            }
            child.discard()
            // Killed between the exports switch and the database switch, the files on disk are
            // a mix (new exports beside the old database) that only the journal makes whole:
            // the check below would see it.
            if case .point("publish-exports-in-place") = kill {
                #expect(sets.published() == (current, target), "a mix before recovery")
                #expect(FileManager.default.fileExists(atPath: Publication.journal(of: sets.database).path))
            }
            // What a restart does first: complete a half-done publication. Then the pair on disk
            // is the old one or the new one, never a mix.
            try Publication.recover(databaseURL: sets.database)
            let after = sets.published()
            #expect(after == (current, current) || after == (target, target), "killed \(kill): \(after)")
            if after == (target, target) { current = target }

            // The next good run publishes its pair and cleans up after the killed one.
            let next = current == "A" ? "B" : "A"
            let good = try ChildRun(sets.arguments(next), in: sets.workspace)
            #expect(Self.published.contains(try await good.wait()), "after a kill \(kill): \(good.errorText)")
            good.discard()
            #expect(sets.published() == (next, next), "after a kill \(kill)")
            #expect(sets.leftovers().isEmpty, "after a kill \(kill): \(sets.leftovers())")
            current = next
        }
        #expect(killedInsidePublication == 5)
    }

    @Test("export completes the publication a killed run left half done before it writes anything")
    func exportCompletesAnInterruptedPublication() async throws {
        let sets = try TwoInputSets()
        let first = try ChildRun(sets.arguments("A"), in: sets.workspace)
        #expect(Self.published.contains(try await first.wait()))
        let killed = try ChildRun(sets.arguments("B"), in: sets.workspace, fault: "kill:publish-exports-in-place")
        try await killed.wait()
        #expect(killed.killed)
        #expect(sets.published() == ("A", "B"), "new exports beside the old database until someone completes it")

        let export = try ChildRun(
            [
                "export", "--pipeline", "pipeline.yaml", "--database", sets.database.path,
                "--exports", sets.exports.path,
            ], in: sets.workspace)
        #expect(try await export.wait() == 0, "\(export.errorText)")
        // Without the recovery the database would still be A's and export would write A's exports.
        #expect(sets.published() == ("B", "B"))
        #expect(sets.leftovers().isEmpty, "\(sets.leftovers())")
    }

    @Test("A second run on the same database fails at once with the lock holder's pid; the first one publishes")
    func secondRunIsRefused() async throws {
        let sets = try TwoInputSets()
        let first = try ChildRun(sets.arguments("A"), in: sets.workspace, fault: "sleep:evaluated")
        // Wait until the first run holds the lock (it writes its pid into the lock file).
        let lockFile = OutputLock.lockFile(of: sets.database)
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !((try? String(contentsOf: lockFile, encoding: .utf8)) ?? "").contains("pid \(first.process.processIdentifier)") {
            try await Task.sleep(for: .milliseconds(10))
        }
        let started = Date()
        let second = try ChildRun(sets.arguments("B"), in: sets.workspace)
        let status = try await second.wait()
        #expect(Date().timeIntervalSince(started) < 2, "the second run fails at once")
        #expect(status == 75)
        #expect(second.errorText.contains("another run (pid \(first.process.processIdentifier), started "), "\(second.errorText)")
        #expect(second.errorText.contains("is writing this database"), "\(second.errorText)")
        #expect(first.process.isRunning)
        #expect(Self.published.contains(try await first.wait()), "\(first.errorText)")
        #expect(sets.published() == ("A", "A"))
        #expect(sets.leftovers().isEmpty)
    }

    @Test(
        "A run that fails at any stage after ingest leaves the previous database and exports byte for byte",
        arguments: [
            "aggregated", "evaluated", "database-built", "exports-built",
        ])
    func failedStage(point: String) async throws {
        let sets = try TwoInputSets("failedStage\(point)")
        let first = try ChildRun(sets.arguments("A"), in: sets.workspace)
        #expect(Self.published.contains(try await first.wait()))
        let database = try Data(contentsOf: sets.database)
        let exports = try Self.contents(of: sets.exports)

        let failing = try ChildRun(sets.arguments("B"), in: sets.workspace, fault: "fail:\(point)")
        #expect(try await failing.wait() == 1)
        #expect(failing.errorText.contains("injected failure at \(point)"), "\(failing.errorText)")
        #expect(try Data(contentsOf: sets.database) == database)
        #expect(try Self.contents(of: sets.exports) == exports)
        #expect(sets.leftovers().isEmpty, "\(sets.leftovers())")
        // The run's row never reached a published database: the only runs are the first one.
        #expect(try EndToEnd.open(sets.database).rows("SELECT run_id, status FROM runs") == [[.integer(1), .text("succeeded")]])
    }

    @Test("A failed run writes quarantine.csv beside the database; the next successful run removes it")
    func staleQuarantineRemoved() async throws {
        let sets = try TwoInputSets()
        let strict = try AtomicityTests.strictPipeline(in: sets.workspace)
        var arguments = sets.arguments("A")
        arguments[2] = strict.path
        let failing = try ChildRun(arguments, in: sets.workspace)
        #expect(try await failing.wait() == 1)
        let quarantine = sets.database.deletingLastPathComponent().appendingPathComponent("quarantine.csv")
        #expect(FileManager.default.fileExists(atPath: quarantine.path))
        let good = try ChildRun(sets.arguments("A"), in: sets.workspace)
        #expect(Self.published.contains(try await good.wait()))
        #expect(!FileManager.default.fileExists(atPath: quarantine.path))
    }

    @Test("Output paths are checked before any work: a database path that is a folder, exports that are a file")
    func outputPathsChecked() async throws {
        let sets = try TwoInputSets()
        let folder = sets.workspace.appendingPathComponent("a-folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var arguments = sets.arguments("A")
        arguments[arguments.firstIndex(of: sets.database.path)!] = folder.path
        let first = try ChildRun(arguments, in: sets.workspace, fault: "kill:ingest-started")
        #expect(try await first.wait() == 1, "failed before reaching ingest")
        #expect(first.errorText.contains("\(folder.path): is a folder, but the database must be a file"), "\(first.errorText)")

        let file = sets.workspace.appendingPathComponent("exports-file")
        try Data("x".utf8).write(to: file)
        arguments = sets.arguments("A")
        arguments[arguments.firstIndex(of: sets.exports.path)!] = file.path
        let second = try ChildRun(arguments, in: sets.workspace, fault: "kill:ingest-started")
        #expect(try await second.wait() == 1)
        #expect(second.errorText.contains("\(file.path): is a file, but the exports go to a folder"), "\(second.errorText)")
        for text in [first.errorText, second.errorText] {
            #expect(!text.contains("NSCocoaErrorDomain") && !text.contains("Error Domain"))
        }
    }

    /// Every file of a folder by name, with its bytes.
    static func contents(of folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }
}
