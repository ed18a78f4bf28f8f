/// "Phấn đấu đến 2025 có ít nhất 01 huyện thoát nghèo" (Lạng Sơn), judged on a province
/// (plans.md pin 6): the province's poor districts are those with `poor_district = 1` in any
/// admin row; one has exited at `T` when its admin row valid at `T` has `poor_district = 0`.
/// Met iff at least `n` have exited; else not_met. No poor district → `not_applicable`. When `T`
/// has no districts (after the 2025 reform), the districts are judged at the last review year
/// that has them, and the evidence says so.
///
/// Exit is a government decision, so **only the admin file decides**: Decision 36/2021/QĐ-TTg
/// scores districts on several criteria and the Prime Minister recognises the exit. No rate
/// threshold makes a district exited; each district's `rate_PN` at that year is shown in the
/// evidence as context only. The verdict uses no rate, so it is never borderline.
///
/// Plan file: `poor_district_exit: {at_least: 1}`.
public struct PoorDistrictExitRule: CriterionRule {
    public static let kind = "poor_district_exit"
    public var minimum: Int

    /// How a district's standing was read (`Evidence.UnitCheck.basis`).
    public enum Basis: String, Sendable {
        /// Its admin row valid at the year has `poor_district = 0`: exited.
        case adminFile = "admin_file"
        /// Its admin row valid at the year still has `poor_district = 1`.
        case stillPoorDistrict = "admin_file_still_poor"
        /// No admin row of the district is valid at the year: no exit recorded.
        case noAdminRow = "admin_file_no_row"
    }

    public init(minimum: Int = 1) {
        self.minimum = minimum
    }

    public init(arguments: any RuleArguments) throws {
        if try arguments.optionalNumber("rate_PN_below") != nil {
            throw arguments.problem(
                "rate_PN_below",
                "a rate never makes a district exited: only the admin file decides (plans.md pin 6, Decision 36/2021/QĐ-TTg); remove the key")
        }
        minimum = try arguments.integer("at_least", default: 1, minimum: 1)
    }

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        var evidence = Evidence(rule: Self.kind)
        let districts = context.poorDistricts()
        guard !districts.isEmpty else {
            evidence.reason = Evidence.Reason.noPoorDistrict.rawValue
            return RuleOutcome(verdict: .notApplicable, evidence: evidence)
        }
        var year = context.year
        if context.lastYearWithDistricts(atOrBefore: year) != year {
            guard let last = context.lastYearWithDistricts(atOrBefore: year) else {
                evidence.reason = Evidence.Reason.noDistricts.rawValue
                return RuleOutcome(verdict: .insufficientData, evidence: evidence)
            }
            evidence.note("districts_abolished", "districts judged at \(last), the last review year with districts")
            year = last
        }
        var exited = 0
        var checks: [Evidence.UnitCheck] = []
        for code in districts {
            let row = context.admin.unit(code, in: year)
            let name = row?.name ?? context.admin.rows(of: code).last?.name
            let basis: Basis = row == nil ? .noAdminRow : (row!.poorDistrict ? .stillPoorDistrict : .adminFile)
            if basis == .adminFile { exited += 1 }
            // The rate is context only (never part of the verdict).
            let unit = EvaluatedUnit(level: .district, code: code, name: name ?? code.rawValue, adminRow: row)
            let rate = context.lookup(unit, year).figures?.value(of: .poorNearPoorRate)
            checks.append(.init(unitCode: code.rawValue, unitName: name, verdict: basis == .adminFile ? .met : .notMet,
                                basis: basis.rawValue, value: rate, rounded: rate?.decimalText(places: 2), year: year.value))
        }
        evidence.units = checks
        evidence.note("exit_by_admin_file", "Decision 36/2021/QĐ-TTg: the Prime Minister recognises a district's exit; rate_PN shown as context only")
        evidence.note("at_least", String(minimum))
        return RuleOutcome(verdict: exited >= minimum ? .met : .notMet, evidence: evidence)
    }
}
