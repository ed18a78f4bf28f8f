import ArgumentParser
import Foundation
import PovReviewIO

/// `povreview explain`: a criterion's verdict for one unit, with its arithmetic in words.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain the verdicts of a plan for one unit (Vietnamese by default, --lang en for English).")

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "Plan id (without it: only the unit's depth, integrity findings and robustness).")
    var plan: String?

    @Option(name: .long, help: "Unit code (province, district, commune, or <commune>/<village>).")
    var unit: String

    @Option(name: .long, help: "Evaluation year (default: all).")
    var year: Int?

    @Option(name: .long, help: "Criterion id (default: all criteria of the unit).")
    var criterion: String?

    @Option(name: .long, help: "Language: vi or en.")
    var lang: String = "vi"

    @Flag(name: .long, help: "Print the evidence JSON too.")
    var json = false

    func run() throws {
        let db = try database.open()
        guard let plan else { return try writeUnitMeasures(db) }
        var sql = """
            SELECT criterion_id, evaluation_year, standard, verdict, borderline, unit_name, criterion_text_vi,
                   explanation_vi, explanation_en, evidence
            FROM criteria_results WHERE plan = ? AND unit_code = ?
            """
        var values: [SQLiteValue] = [.text(plan), .text(unit)]
        if let year { sql += " AND evaluation_year = ?"; values.append(.integer(Int64(year))) }
        if let criterion { sql += " AND criterion_id = ?"; values.append(.text(criterion)) }
        sql += " ORDER BY evaluation_year, criterion_id, standard"
        let rows = try db.rows(sql, values)
        guard !rows.isEmpty else {
            let known = try db.rows("SELECT count(*) FROM criteria_results WHERE plan = ?", [.text(plan)])[0][0].int ?? 0
            throw CommandFailure(known == 0
                ? "plan \(plan) has no results in this database; run `povreview evaluate --plan \(plan)`"
                : "no result of plan \(plan) for unit \(unit)\(year.map { " in \($0)" } ?? ""); check the unit code (villages are <commune_code>/<village name>)")
        }
        var text = ""
        for row in rows {
            let verdict = row[3].string ?? ""
            text += "== \(row[0].string ?? "") · \(row[5].string ?? "") (\(unit)) · \(row[1].int ?? 0) · \(row[2].string ?? "")\n"
            text += "   \(row[6].string ?? "")\n"
            text += "   verdict: \(verdict)\((row[4].int ?? 0) == 1 ? " (borderline: rounding the rates to 2 decimals would change it)" : "")\n"
            let explanation = (lang == "en" ? row[8].string : row[7].string) ?? ""
            for line in explanation.split(separator: "\n", omittingEmptySubsequences: false) { text += "   \(line)\n" }
            if json { text += "   evidence: \(row[9].string ?? "")\n" }
            text += "\n"
        }
        FileHandleOutput.standardOutput.write(text)
        try writeUnitMeasures(db)
    }
}
