/// A plan with multi-year criteria (plans.md): the national emulation movement of Decision
/// 666/QĐ-TTg, or a province's plan. Plans are data files under `Pipelines/plans/`.
public struct Plan: Sendable {
    /// Stable id, e.g. `national-666`, `vinh-phuc`.
    public var id: PlanID
    /// Vietnamese title of the plan document.
    public var titleVi: String
    /// The seed document it encodes (e.g. `seeds/000_cec7201cbf161ec2.txt`).
    public var source: String
    /// The plan's document and number, e.g. "Quyết định số 666/QĐ-TTg ngày 02/6/2022 của Thủ
    /// tướng Chính phủ" (the plan file's `document`), shown under the title in the reports.
    public var document: String? = nil
    /// The baseline review ("đầu kỳ"); plans.md: default 2021, Bắc Ninh 2022.
    public var baselineYear: ReviewYear
    /// First and last review years of the plan's period (2021–2025; Bắc Ninh 2023–2025).
    public var period: ClosedRange<ReviewYear>
    /// National plan, or a province's plan judged on its own territory.
    public var scope: Scope
    /// A local standard the plan is judged under instead of the national one, when the run
    /// classifies households under it (Đà Nẵng).
    public var localStandard: LocalStandardReference?
    /// When true, a comparison across a change of standard is made anyway (default false:
    /// `insufficient_data`, plans.md).
    public var allowsCrossStandardComparison: Bool
    /// The criteria, in file order (adopted criteria first).
    public var criteria: [Criterion]
    /// The national standard whose figures alone the plan is judged on (`ntp-2026-2030`:
    /// `vn-2027`), when set; else the national standards of each year (plans.md pin 8).
    public var standard: StandardID?
    /// True when every number of the plan is provisional (a programme known from summaries):
    /// each of its rows is marked provisional.
    public var provisional: Bool

    public init(
        id: PlanID, titleVi: String, source: String = "", baselineYear: ReviewYear,
        period: ClosedRange<ReviewYear>, scope: Scope, localStandard: LocalStandardReference? = nil,
        allowsCrossStandardComparison: Bool = false, criteria: [Criterion], standard: StandardID? = nil,
        provisional: Bool = false
    ) {
        self.standard = standard
        self.provisional = provisional
        self.id = id
        self.titleVi = titleVi
        self.source = source
        self.baselineYear = baselineYear
        self.period = period
        self.scope = scope
        self.localStandard = localStandard
        self.allowsCrossStandardComparison = allowsCrossStandardComparison
        self.criteria = criteria
    }

    /// Whose units a plan judges.
    public enum Scope: Sendable, Equatable {
        /// Every unit in the data (Decision 666).
        case national
        /// One province as of the plan's baseline (its "territory"), followed through the 2025
        /// reform by the crosswalk.
        case provincial(territory: UnitCode, nameVi: String)

        public var territory: UnitCode? {
            if case .provincial(let code, _) = self { return code }
            return nil
        }
    }

    /// The criterion with `id`, if any.
    public func criterion(_ id: String) -> Criterion? { criteria.first { $0.id == id } }
}

/// A local standard named by a plan.
public struct LocalStandardReference: Sendable, Equatable {
    /// The standard id the run classifies under (e.g. `da-nang-2022`).
    public var id: StandardID
    /// The standard file, relative to `Pipelines/`.
    public var file: String?
    /// True when the file's thresholds are a placeholder (not from a confirmed source).
    public var placeholder: Bool

    public init(id: StandardID, file: String? = nil, placeholder: Bool = false) {
        self.id = id
        self.file = file
        self.placeholder = placeholder
    }
}
