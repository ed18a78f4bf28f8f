/// Every rule kind a plan file may use, by its stable name (one kind per file under `Rules/`;
/// a test asserts this list matches the folder).
public enum RuleRegistry {
    public static let all: [any CriterionRule.Type] = [
        ConsecutiveDecreaseRule.self,
        FallVersusBaselineRule.self,
        LevelRule.self,
        AverageDecreaseRule.self,
        ShareRule.self,
        CoverageRule.self,
        TargetComparisonRule.self,
        PoorDistrictExitRule.self,
        EveryUnitRule.self,
        GroupLevelRule.self,
        CountFellRule.self,
        AnyOfRule.self,
        AllOfRule.self,
    ]

    /// The rule type named `kind`, if any.
    public static func rule(named kind: String) -> (any CriterionRule.Type)? {
        all.first { $0.kind == kind }
    }

    /// Every kind name, in registry order.
    public static var kinds: [String] { all.map { $0.kind } }
}
