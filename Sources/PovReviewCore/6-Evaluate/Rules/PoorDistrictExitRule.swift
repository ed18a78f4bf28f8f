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
            evidence.reason = Evidence.Reason.noPoorDistrict
            return RuleOutcome(verdict: .notApplicable, evidence: evidence)
        }
        var year = context.year
        if context.lastYearWithDistricts(atOrBefore: year) != year {
            guard let last = context.lastYearWithDistricts(atOrBefore: year) else {
                evidence.reason = Evidence.Reason.noDistricts
                return RuleOutcome(verdict: .insufficientData, evidence: evidence)
            }
            evidence.note(.districtsAbolished, "districts judged at \(last), the last review year with districts") { $0.year = last.value }
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
            checks.append(
                .init(
                    unitCode: code.rawValue, unitName: name, verdict: basis == .adminFile ? .met : .notMet,
                    basis: basis.rawValue, value: rate, rounded: rate?.decimalText(places: 2), year: year.value))
        }
        evidence.units = checks
        evidence.note(.exitByAdminFile, "Decision 36/2021/QĐ-TTg: the Prime Minister recognises a district's exit; rate_PN shown as context only")
        evidence.note(.atLeast, String(minimum)) { $0.count = minimum }
        return RuleOutcome(verdict: exited >= minimum ? .met : .notMet, evidence: evidence)
    }
}

extension PoorDistrictExitRule: RuleWording {
    /// "Có ít nhất 01 huyện thoát nghèo" (Lạng Sơn, by 2025): the admin file decides.
    public static func requirement(_ e: Evidence, _ w: Wording) -> String {
        let minimum = e.notes?.first { $0.kind == .atLeast }.flatMap { $0.count ?? Int($0.detail ?? "") } ?? 1
        return w.vi
            ? "Yêu cầu: có ít nhất \(minimum) huyện nghèo thoát nghèo, tức đã ra khỏi danh sách huyện nghèo trong tệp đơn vị hành chính (Thủ tướng Chính phủ công nhận, Quyết định 36/2021/QĐ-TTg); tỷ lệ nghèo đa chiều chỉ để tham khảo."
            : "Rule: at least \(minimum) poor district has left poverty, i.e. is off the poor-district list of the admin file (recognised by the Prime Minister, Decision 36/2021/QĐ-TTg); rates are context only."
    }

    public static func figures(_ e: Evidence, _ w: Wording) -> [String] {
        let units = e.units ?? []
        var lines = [
            w.vi
                ? "Huyện nghèo: \(units.count); đã thoát nghèo: \(units.filter { $0.verdict == .met }.count)."
                : "Poor districts: \(units.count); exited: \(units.filter { $0.verdict == .met }.count)."
        ]
        for unit in units {
            let name = unit.unitName.map { "\($0) (\(unit.unitCode))" } ?? unit.unitCode
            let how: String =
                switch Basis(rawValue: unit.basis ?? "") {
                case .adminFile: w.pick("đã ra khỏi danh sách huyện nghèo", "off the poor-district list")
                case .stillPoorDistrict: w.pick("còn trong danh sách huyện nghèo", "still on the poor-district list")
                case .noAdminRow: w.pick("không có dòng trong tệp đơn vị hành chính năm này", "no admin row that year")
                case nil: w.pick("không rõ", "unknown")
                }
            let rate =
                unit.value.map {
                    w.pick(
                        "; tỷ lệ nghèo đa chiều năm \(unit.year ?? 0): \(w.percent($0)) (tham khảo)",
                        "; poor and near-poor rate in \(unit.year ?? 0): \(w.percent($0)) (context)")
                } ?? ""
            lines.append("  - \(name): \(how)\(rate) — \(w.verdict(unit.verdict))")
        }
        return lines
    }
}
