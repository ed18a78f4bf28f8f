import Foundation
import PovReviewCore
import Testing

@Suite("Evaluate: rule registry")
struct RuleRegistryTests {
    /// Every file under `Sources/PovReviewCore/6-Evaluate/Rules/` defines one rule, and the registry
    /// lists each exactly once.
    @Test func registryListsEveryRuleFile() throws {
        let rulesFolder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/PovReviewCore/6-Evaluate/Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: rulesFolder.path)
            .filter { $0.hasSuffix(".swift") }.map { String($0.dropLast(".swift".count)) }.sorted()
        let registered = RuleRegistry.all.map { String(describing: $0) }.sorted()
        #expect(files == registered)
        #expect(Set(RuleRegistry.kinds).count == RuleRegistry.kinds.count)
        #expect(
            RuleRegistry.kinds.sorted() == [
                "all_of", "any_of", "average_decrease", "consecutive_decrease", "count_fell", "coverage",
                "every_unit", "fall_vs_baseline", "group_level", "level", "poor_district_exit", "share", "target",
            ])
    }
}
