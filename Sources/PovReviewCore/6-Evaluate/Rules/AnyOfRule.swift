/// A criterion joined with "hoặc" (or): three-valued or of its parts (plans.md pin 3: met if any
/// part is met; else insufficient_data if any part is; else not_met if any part is; else
/// not_applicable). The evidence shows each part. `borderline` re-decides the whole with every
/// part's rounded verdict.
///
/// Plan file: `any_of: [ {consecutive_decrease: {…}}, {fall_vs_baseline: {…}} ]`.
public struct AnyOfRule: CriterionRule {
    public static let kind = "any_of"
    public var parts: [any CriterionRule]

    public init(parts: [any CriterionRule]) { self.parts = parts }

    public init(arguments: any RuleArguments) throws {
        parts = try arguments.subrules()
        guard parts.count >= 2 else { throw arguments.problem(nil, "any_of needs at least two rules") }
    }

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let outcomes = parts.map { $0.evaluate(context) }
        var evidence = Evidence(rule: Self.kind)
        evidence.parts = outcomes.map { Evidence.Part(verdict: $0.verdict, evidence: $0.evidence) }
        return RuleOutcome(
            verdict: Verdict.anyOf(outcomes.map(\.verdict)),
            roundedVerdict: Verdict.anyOf(outcomes.map(\.roundedVerdict)), evidence: evidence)
    }
}

extension AnyOfRule: RuleWording {
    /// A criterion joined with "hoặc": met when one part is met.
    public static func requirement(_ e: Evidence, _ w: Wording) -> String {
        w.pick("Đạt khi đạt một trong các điều kiện sau:", "Met when one of these is met:")
    }
}
