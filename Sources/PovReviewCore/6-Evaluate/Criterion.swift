/// One criterion of a plan: which units it judges and the rule that judges them.
public struct Criterion: Sendable {
    /// Stable id within the plan (plans.md tables), e.g. `district-poor`.
    public var id: String
    /// The Vietnamese text it encodes, quoted from the seed document.
    public var textVi: String
    /// A short Vietnamese label shown wherever the criterion is named (`label_vi`; the text
    /// itself when the plan file gives none), never the id.
    public var labelVi: String
    /// A short English label (`label_en`; the id when the plan file gives none).
    public var labelEn: String
    /// Levels of the units judged (one criterion may apply to several, e.g. Bắc Ninh's coverage
    /// targets at province, district and commune level).
    public var levels: [UnitLevel]
    /// Which units of those levels it applies to.
    public var applicability: Applicability
    /// Evaluated only at this review year ("by 2025"), when set.
    public var deadline: ReviewYear?
    /// A monitoring criterion: a decrease whose starting value is 0 is `not_applicable`
    /// (plans.md pin 5).
    public var monitoring: Bool
    /// The rule.
    public var rule: any CriterionRule
    /// A note carried into every row's evidence (e.g. "proxy: the review measures deprivation
    /// before support").
    public var note: String?
    /// The note in English (`note_en`).
    public var noteEn: String?

    public init(
        id: String, textVi: String, labelVi: String? = nil, labelEn: String? = nil, levels: [UnitLevel],
        applicability: Applicability = .any, deadline: ReviewYear? = nil, monitoring: Bool = false,
        rule: any CriterionRule, note: String? = nil, noteEn: String? = nil
    ) {
        self.id = id
        self.textVi = textVi
        self.labelVi = labelVi ?? textVi
        self.labelEn = labelEn ?? id
        self.noteEn = noteEn
        self.levels = levels
        self.applicability = applicability
        self.deadline = deadline
        self.monitoring = monitoring
        self.rule = rule
        self.note = note
    }
}

/// The kind of unit a criterion applies to, read from the unit's admin row valid at the
/// evaluation year (plans.md "Applicability").
public enum Applicability: Sendable, Equatable {
    /// Every unit of the criterion's levels.
    case any
    /// Districts with `poor_district = 1`.
    case poorDistrict
    /// Districts with `poor_district = 0`.
    case notPoorDistrict
    /// Communes with `coastal_special_difficulty = 1`.
    case coastalSpecialDifficulty
    /// Communes whose `ethnic_region` is in the set.
    case ethnicRegion(Set<EthnicRegion>)
    /// Province-level units only (the plan's province or territory).
    case province

    /// Stable text used in plan files and evidence.
    public var id: String {
        switch self {
        case .any: "any"
        case .poorDistrict: "poor_district"
        case .notPoorDistrict: "not_poor_district"
        case .coastalSpecialDifficulty: "coastal_special_difficulty"
        case .ethnicRegion(let regions):
            "ethnic_region:" + EthnicRegion.allCases.filter { regions.contains($0) }.map(\.rawValue).joined(separator: ",")
        case .province: "province"
        }
    }

    /// Whether a unit of `level` whose admin row at `T` is `row` (nil for villages and for the
    /// territory of a merged province) is judged.
    public func applies(level: UnitLevel, row: AdminUnit?) -> Bool {
        switch self {
        case .any: return true
        case .province: return level == .province
        case .poorDistrict: return level == .district && (row?.poorDistrict ?? false)
        case .notPoorDistrict: return level == .district && row != nil && !(row!.poorDistrict)
        case .coastalSpecialDifficulty: return level == .commune && (row?.coastalSpecialDifficulty ?? false)
        case .ethnicRegion(let regions):
            guard level == .commune, let region = row?.ethnicRegion else { return false }
            return regions.contains(region)
        }
    }
}
