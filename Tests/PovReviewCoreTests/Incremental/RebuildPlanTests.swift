import PovReviewCore
import Testing

/// The rerun decision, on hand-built previous runs: which dumps are read again and which review
/// years are kept (issue 10, item 2).
@Suite("Rebuild plan")
struct RebuildPlanTests {
    /// Run 7 read one dump per year 2021–2024, plus `mixed.csv` with rows of 2023 and 2024.
    let previous = PreviousInputs(
        runID: 7, succeeded: true, fingerprint: "F",
        files: [
            "households_2021.csv": .init(sha256: "a21", years: [2021]),
            "households_2022.csv": .init(sha256: "a22", years: [2022]),
            "households_2023.csv": .init(sha256: "a23", years: [2023]),
            "households_2024.csv": .init(sha256: "a24", years: [2024]),
            "mixed.csv": .init(sha256: "am", years: [2023, 2024]),
        ])

    func dumps(_ changes: [String: String] = [:], without removed: Set<String> = []) -> [DumpFingerprint] {
        let hashes = [
            "households_2021.csv": "a21", "households_2022.csv": "a22", "households_2023.csv": "a23",
            "households_2024.csv": "a24", "mixed.csv": "am",
        ].merging(changes) { $1 }
        return hashes.keys.sorted().filter { !removed.contains($0) }.map { DumpFingerprint(path: $0, sha256: hashes[$0]!) }
    }

    @Test("Same dumps, same fingerprint, outputs present: nothing to do")
    func nothingChanged() {
        #expect(
            RebuildPlan.decide(previous: previous, fingerprint: "F", dumps: dumps(), outputsPresent: true, forceFull: false)
                == .nothingChanged(runID: 7))
    }

    @Test("No previous run, another fingerprint, a failed run, missing exports or --full: everything is read again")
    func fullRebuilds() {
        let cases: [(PreviousInputs?, String, Bool, Bool)] = [
            (nil, "F", true, false),
            (previous, "G", true, false),
            (PreviousInputs(runID: 7, succeeded: false, fingerprint: "F", files: previous.files), "F", true, false),
            (previous, "F", false, false),
            (previous, "F", true, true),
        ]
        for (previous, fingerprint, outputs, force) in cases {
            let plan = RebuildPlan.decide(
                previous: previous, fingerprint: fingerprint, dumps: dumps(),
                outputsPresent: outputs, forceFull: force)
            guard case .full = plan else {
                Issue.record("expected a full rebuild, got \(plan)")
                continue
            }
        }
    }

    @Test("A changed one-year dump is read again alone; the other years are kept")
    func oneYearChanged() {
        let plan = RebuildPlan.decide(
            previous: previous, fingerprint: "F", dumps: dumps(["households_2021.csv": "b21"]),
            outputsPresent: true, forceFull: false)
        #expect(
            plan
                == .partial(
                    PartialRebuild(
                        previousRunID: 7, reread: ["households_2021.csv"],
                        kept: ["households_2022.csv", "households_2023.csv", "households_2024.csv", "mixed.csv"], removed: [],
                        keptYears: [2022, 2023, 2024], affectedYears: [2021])))
    }

    @Test("Dumps sharing a year with a changed one are read again, closed over the years they bring")
    func closure() {
        // 2023 changed → mixed.csv (2023, 2024) → households_2024.csv (2024).
        let plan = RebuildPlan.decide(
            previous: previous, fingerprint: "F", dumps: dumps(["households_2023.csv": "b23"]),
            outputsPresent: true, forceFull: false)
        #expect(
            plan
                == .partial(
                    PartialRebuild(
                        previousRunID: 7, reread: ["households_2023.csv", "households_2024.csv", "mixed.csv"],
                        kept: ["households_2021.csv", "households_2022.csv"], removed: [],
                        keptYears: [2021, 2022], affectedYears: [2023, 2024])))
    }

    @Test("A removed dump's years are read again from the dumps that remain; an added one is read")
    func removedAndAdded() {
        var current = dumps(without: ["households_2022.csv"])
        current.append(DumpFingerprint(path: "households_2025.csv", sha256: "a25"))
        let plan = RebuildPlan.decide(previous: previous, fingerprint: "F", dumps: current, outputsPresent: true, forceFull: false)
        #expect(
            plan
                == .partial(
                    PartialRebuild(
                        previousRunID: 7, reread: ["households_2025.csv"],
                        kept: ["households_2021.csv", "households_2023.csv", "households_2024.csv", "mixed.csv"],
                        removed: ["households_2022.csv"], keptYears: [2021, 2023, 2024], affectedYears: [2022])))
    }

    @Test("When every year is affected, the run is a full rebuild")
    func everyYearAffected() {
        let changed = ["households_2021.csv": "b", "households_2022.csv": "b", "households_2023.csv": "b"]
        let plan = RebuildPlan.decide(previous: previous, fingerprint: "F", dumps: dumps(changed), outputsPresent: true, forceFull: false)
        guard case .full = plan else {
            Issue.record("expected a full rebuild, got \(plan)")
            return
        }
    }

    @Test("Re-read years that reach a kept year cannot be kept apart")
    func keepsApart() {
        let partial = PartialRebuild(
            previousRunID: 7, reread: ["x"], kept: ["y"], removed: [], keptYears: [2021, 2022],
            affectedYears: [2023])
        #expect(partial.keepsApart(rereadYears: [2023, 2024]))
        #expect(!partial.keepsApart(rereadYears: [2022, 2023]))
    }
}
