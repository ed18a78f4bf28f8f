import Foundation
import PovReviewCore
import Testing

@testable import PovReviewIO

/// The `measures:` section of a pipeline file: defaults from outputs.md §3, overrides, and
/// located errors.
@Suite struct MeasuresSectionTests {
    func load(_ text: String) throws -> PipelineConfig {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("p.yaml")
        try Data(text.utf8).write(to: url)
        return try PipelineConfig.load(file: url)
    }

    static let head = "version: 1\ninputs:\n  folder: dumps\n  admin: admin.csv\n"

    @Test func defaultsAreTheSpecs() throws {
        let config = try load(Self.head)
        #expect(config.measures.cutoffs == [2, 3, 4])
        let t = config.measures.integrity
        #expect(t.bunchingMinimumHouseholds == 30 && t.bunchingPValue == 0.001)
        #expect(t.exitMinimumHouseholds == 5 && t.exitPValue == 0.001)
        #expect(t.dropMinimumPoints == 10 && t.dropMADMultiplier == 6 && t.dropMinimumHouseholds == 25)
        #expect(t.dropMaximumDeprivationChange == 0.1 && t.absenceMaximumPercent == 10)
    }

    @Test func valuesOverrideTheDefaults() throws {
        let config = try load(Self.head + "measures:\n  cutoffs: [1, 2]\n  integrity:\n    absence_maximum_percent: 15\n    exit_p_value: 0.01\n")
        #expect(config.measures.cutoffs == [1, 2])
        #expect(config.measures.cutoffs(standardCutoff: 3) == [1, 2, 3])
        #expect(config.measures.integrity.absenceMaximumPercent == 15)
        #expect(config.measures.integrity.exitPValue == 0.01)
        #expect(config.measures.integrity.bunchingPValue == 0.001)
    }

    @Test func badValuesAreLocated() throws {
        #expect {
            try load(Self.head + "measures:\n  cutoffs: [2, 0]\n")
        } throws: { error in
            let e = error as? LocatedError
            return e?.line == 6 && e?.message.contains("cut-off") == true
        }
        #expect {
            try load(Self.head + "measures:\n  integrity:\n    bunching_p_value: 2\n")
        } throws: { error in
            let e = error as? LocatedError
            return e?.line == 7 && e?.message == "measures.integrity.bunching_p_value must be between 0 and 1"
        }
        #expect {
            try load(Self.head + "measures:\n  integrity:\n    bunching_pvalue: 0.01\n")
        } throws: { error in
            (error as? LocatedError)?.message.contains("unknown key \"bunching_pvalue\"") == true
        }
    }
}
