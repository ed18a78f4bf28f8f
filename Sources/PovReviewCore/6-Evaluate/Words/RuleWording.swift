/// A rule kind's words: what it requires and what its figures were, read from the evidence
/// alone (so `explain` and the exports can re-render any stored row). Each rule kind conforms in
/// its own file, beside its logic; a test asserts every kind of `RuleRegistry` does.
public protocol RuleWording {
    /// The requirement, one sentence ("Yêu cầu: …").
    static func requirement(_ evidence: Evidence, _ w: Wording) -> String
    /// The figures and checks, one line each.
    static func figures(_ evidence: Evidence, _ w: Wording) -> [String]
}

extension RuleWording {
    public static func figures(_ evidence: Evidence, _ w: Wording) -> [String] { [] }
}

extension Evidence {
    /// The figure of `year`, if listed.
    public func figure(_ year: Int?) -> YearFigure? {
        guard let year else { return nil }
        return years?.first { $0.year == year }
    }
}
