import ArgumentParser
import Foundation
import PovReviewCore
import PovReviewIO

/// `povreview explain`: a criterion's verdict for one unit, with its arithmetic in words.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain the verdicts of a plan for one unit (Vietnamese by default, --lang en for English).")

    /// The languages of the stored explanations (an unknown `--lang` is a usage error).
    enum OutputLanguage: String, ExpressibleByArgument, CaseIterable {
        case vi, en
    }

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "Plan id (without it: only the unit's depth, integrity findings and robustness).")
    var plan: String?

    @Option(
        name: .long, help: "Unit code (province, district, commune, or <commune>/<village name>; village spellings are folded like the pipeline's: Hoà = Hòa).")
    var unit: String

    @Option(name: .long, help: "Evaluation year (default: all).")
    var year: Int?

    @Option(name: .long, help: "Criterion id (default: all criteria of the unit).")
    var criterion: String?

    @Option(name: .long, help: "Language: vi or en.")
    var lang: OutputLanguage = .vi

    @Flag(name: .long, help: "Print the evidence JSON too.")
    var json = false

    func run() throws {
        let db = try database.open()
        guard let plan else { return try writeUnitMeasures(db) }
        let lookup = ExplainLookup(database: db)
        try lookup.check(plan: plan)
        let unitCode = try lookup.resolve(unit: unit, plan: plan)
        if let criterion { try lookup.check(criterion: criterion, plan: plan, unit: unitCode) }
        if let year { try lookup.check(year: year, plan: plan, unit: unitCode, criterion: criterion) }

        var text = ""
        for row in try CriteriaResultsLookup(database: db).explanations(plan: plan, unit: unitCode, year: year, criterion: criterion) {
            let explanation = (lang == .en ? row.explanationEn : row.explanationVi) ?? ""
            var lines = explanation.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let title = lines.isEmpty ? "" : lines.removeFirst()
            text += "== \(title)\n"
            if lang == .vi { text += "   Văn bản: \(row.criterionTextVi ?? "")\n" }
            for line in lines { text += "   \(line)\n" }
            if json { text += "   evidence: \(row.evidence ?? "")\n" }
            text += "\n"
        }
        FileHandleOutput.standardOutput.write(text)
        try writeUnitMeasures(db)
    }
}

/// Says what `explain` could not find — the plan, the unit, the criterion or the year — with
/// the nearest known ids.
struct ExplainLookup {
    let results: CriteriaResultsLookup

    init(database: SQLiteDatabase) { results = CriteriaResultsLookup(database: database) }

    func check(plan: String) throws {
        let plans = try results.plans()
        guard plans.contains(plan) else {
            let known = plans.isEmpty ? "none" : plans.joined(separator: ", ")
            throw CommandFailure(
                "plan \"\(plan)\" has no results in this database (plans with results: \(known)).\(NearestNames.hint(for: plan, in: plans)) If it is a plan file, run `povreview evaluate --plan \(plan)` first."
            )
        }
    }

    /// The unit's code as stored: a village code is folded like the pipeline's village identity
    /// (case and tone-mark placement: `Thôn Hoà Bình` = `thôn hòa bình`).
    func resolve(unit: String, plan: String) throws -> String {
        let codes = try results.unitCodes(plan: plan)
        var code = unit
        if unit.contains("/") {
            let villages = codes.filter { $0.contains("/") }.map { UnitCode($0) }
            code = VillageCodeIndex(canonicalCodes: villages).canonical(UnitCode(unit)).rawValue
        }
        if codes.contains(code) { return code }
        if let name = try results.unitName(of: code) {
            throw CommandFailure(
                "unit \(code) (\(name)) is in the database, but plan \(plan) judges it on no criterion (no criterion of the plan applies to it).")
        }
        throw CommandFailure(
            "unit \"\(unit)\" not found among the units plan \(plan) judges.\(NearestNames.hint(for: code, in: codes)) Codes are those of unit_rates.unit_code; a village is <commune code>/<village name>."
        )
    }

    func check(criterion: String, plan: String, unit: String) throws {
        let criteria = try results.criteria(plan: plan)
        guard criteria.contains(criterion) else {
            throw CommandFailure(
                "criterion \"\(criterion)\" is not a criterion of plan \(plan).\(NearestNames.hint(for: criterion, in: criteria)) Criteria: \(criteria.joined(separator: ", "))."
            )
        }
        let ofUnit = try results.criteria(plan: plan, unit: unit)
        guard ofUnit.contains(criterion) else {
            throw CommandFailure("criterion \(criterion) of plan \(plan) does not apply to unit \(unit); its criteria are: \(ofUnit.joined(separator: ", ")).")
        }
    }

    func check(year: Int, plan: String, unit: String, criterion: String?) throws {
        let years = try results.evaluationYears(plan: plan, unit: unit, criterion: criterion)
        guard years.contains(year) else {
            throw CommandFailure(
                "no result for unit \(unit)\(criterion.map { ", criterion \($0)" } ?? "") of plan \(plan) in \(year); evaluated years: \(years.map(String.init).joined(separator: ", "))."
            )
        }
    }
}
