import Foundation
import PovReviewCore
import PovReviewIO
import Testing

/// Every criterion of every shipped plan has its own short labels (`label_vi`, `label_en`),
/// shown wherever the criterion is named instead of its id; a plan note in Vietnamese has its
/// English `note_en`.
@Suite("Plans: criterion labels")
struct PlanLabelTests {
    static let plansFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Pipelines/plans")

    @Test func everyShippedCriterionHasItsLabels() throws {
        for plan in try PlanLoader.loadAll(in: Self.plansFolder) {
            for criterion in plan.criteria {
                let name = "\(plan.id)/\(criterion.id)"
                // The loader falls back to the text and the id: a plan file must not rely on it.
                #expect(criterion.labelVi != criterion.textVi, "\(name) has no label_vi")
                #expect(criterion.labelEn != criterion.id, "\(name) has no label_en")
                #expect(criterion.labelVi.count <= 80, "\(name): label_vi should be short")
                #expect(!criterion.labelVi.contains(criterion.id), "\(name): label_vi shows the id")
                #expect(criterion.labelVi == criterion.labelVi.precomposedStringWithCanonicalMapping)
                if criterion.note != nil { #expect(criterion.noteEn != nil, "\(name) has a note without note_en") }
            }
        }
    }
}
