/// Provisional marks on a criteria result (issue 8; standards.md "`vn-2027` … every output
/// computed under it says so"; plans.md pin 6 "provisional numbers are plan-file values marked
/// provisional"): a row is provisional when it was computed under a provisional standard, with a
/// provisional plan threshold (its own or one of its parts'), or under a plan whose numbers are
/// all provisional. The evidence then carries `"provisional": true` and the reasons.
extension Evidence {
    /// Codes of `provisionalReasons`.
    public enum ProvisionalReason: String, Sendable, CaseIterable {
        /// The row's standard is provisional; detail: the standard id.
        case standard
        /// A threshold of the rule is a provisional plan-file value; detail: the thresholds.
        case planThreshold = "plan_threshold"
        /// The plan marks all its numbers provisional; detail: the plan id.
        case plan
    }

    /// The provisional thresholds of this evidence and its parts, as written (`≤ 2`).
    var provisionalThresholds: [String] {
        var result: [String] = []
        if provisional == true, let comparison, let threshold { result.append("\(comparison.symbol) \(threshold)") }
        for part in parts ?? [] { result += part.evidence.provisionalThresholds }
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }

    /// Whether this evidence or one of its parts has a provisional threshold (no allocation: it
    /// runs for every row of a plan).
    var hasProvisionalThreshold: Bool {
        provisional == true || (parts?.contains { $0.evidence.hasProvisionalThreshold } ?? false)
    }

    /// Marks the evidence provisional with its reasons (nothing when no reason applies).
    public mutating func markProvisional(
        standard: StandardID, standardIsProvisional: Bool, planID: PlanID, planIsProvisional: Bool,
        standardNameVi: String? = nil
    ) {
        let thresholdProvisional = hasProvisionalThreshold
        guard standardIsProvisional || planIsProvisional || thresholdProvisional else { return }
        var reasons: [Note] = []
        if standardIsProvisional {
            var note = Note(ProvisionalReason.standard.rawValue, standard.rawValue)
            note.itemsVi = standardNameVi.map { [$0] }
            reasons.append(note)
        }
        let thresholds = thresholdProvisional ? provisionalThresholds : []
        if !thresholds.isEmpty { reasons.append(Note(ProvisionalReason.planThreshold.rawValue, thresholds.joined(separator: "; "))) }
        if planIsProvisional { reasons.append(Note(ProvisionalReason.plan.rawValue, planID.rawValue)) }
        guard !reasons.isEmpty else { return }
        provisional = true
        provisionalReasons = reasons
    }
}
