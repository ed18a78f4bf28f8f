/// A conjunction of rules: three-valued and (plans.md pin 3: met if all parts are met; else
/// not_met if any part is; else insufficient_data if any part is; else not_applicable).
///
/// Plan file: `all_of: [ {…}, {…} ]`.
public struct AllOfRule: CriterionRule {
    public static let kind = "all_of"
    public var parts: [any CriterionRule]

    public init(parts: [any CriterionRule]) { self.parts = parts }

    public init(arguments: any RuleArguments) throws {
        parts = try arguments.subrules()
        guard parts.count >= 2 else { throw arguments.problem(nil, "all_of needs at least two rules") }
    }

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let outcomes = parts.map { $0.evaluate(context) }
        var evidence = Evidence(rule: Self.kind)
        evidence.parts = outcomes.map { Evidence.Part(verdict: $0.verdict, evidence: $0.evidence) }
        return RuleOutcome(
            verdict: Verdict.allOf(outcomes.map(\.verdict)),
            roundedVerdict: Verdict.allOf(outcomes.map(\.roundedVerdict)), evidence: evidence)
    }
}

extension AllOfRule: RuleWording {
    /// A criterion joined with "và": met when every part is met.
    public static func requirement(_ e: Evidence, _ w: Wording) -> String {
        w.pick("Đạt khi đạt tất cả các điều kiện sau:", "Met when all of these are met:")
    }
}
