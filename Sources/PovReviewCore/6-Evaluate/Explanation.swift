/// Renders one criterion result as a few lines of plain text a provincial officer understands, in
/// Vietnamese (default) or English. Reads only the result and its evidence; the sentences belong
/// to their owners: each rule kind (`RuleWording`, in its file under `Rules/`), each note kind
/// (`NoteKind`) and each reason (`Evidence.Reason`).
public struct Explanation {
    /// Output language (kept as a nested name for callers written before `Language`).
    public typealias Language = PovReviewCore.Language

    public var language: Language

    public init(language: Language = .vi) { self.language = language }

    private var w: Wording { Wording(language) }

    /// The text for `result`, lines separated by `\n`.
    public func text(for result: CriterionResult) -> String {
        let label = w.pick(result.criterionLabelVi, result.criterionLabelEn)
        var lines = [
            w.vi
                ? "Tiêu chí “\(label)” — \(result.unitName) (\(result.unitCode)), năm \(result.evaluationYear): \(w.verdict(result.verdict))"
                : "Criterion “\(label)” — \(result.unitName) (\(result.unitCode)), \(result.evaluationYear): \(w.verdict(result.verdict))"
        ]
        lines += body(result.evidence, year: result.evaluationYear.value, indent: "")
        if let note = ProvisionalNote.text(for: result.evidence, language: language) { lines.append(note) }
        if result.borderline {
            lines.append(
                w.pick(
                    "Lưu ý: sát ngưỡng — nếu làm tròn tỷ lệ đến 2 chữ số thập phân (như số công bố) thì kết quả sẽ khác.",
                    "Note: borderline — with the rates rounded to 2 decimals (as published) the verdict would differ."))
        }
        return lines.joined(separator: "\n")
    }

    private func body(_ e: Evidence, year: Int, indent: String) -> [String] {
        var lines: [String] = []
        let wording = RuleRegistry.rule(named: e.rule) as? any RuleWording.Type
        if let wording { lines.append(indent + wording.requirement(e, w)) }
        for (i, part) in (e.parts ?? []).enumerated() {
            lines.append(indent + "  (\(i + 1)) " + w.verdict(part.verdict))
            lines += body(part.evidence, year: year, indent: indent + "      ")
        }
        if let reason = e.reason {
            if let text = reason.sentence(e, year: year, w) { lines.append(indent + text) }
        } else if let missing = e.missingYears, !missing.isEmpty {
            lines.append(indent + w.pick("Thiếu số liệu năm \(w.years(missing)).", "No data for \(w.years(missing))."))
        }
        if let wording { lines += wording.figures(e, w).map { indent + $0 } }
        for note in e.notes ?? [] {
            if let text = note.kind?.sentence(note, w) { lines.append(indent + text) }
        }
        let restated = (e.years ?? []).filter { $0.restated != nil }
        if let last = e.years?.last, !restated.isEmpty {
            let years = w.years(restated.map(\.year))
            lines.append(
                indent
                    + (w.vi
                        ? "Số liệu năm \(years) đã được quy đổi theo địa giới hành chính năm \(last.year) qua bảng chuyển đổi (cộng số hộ, không lấy trung bình tỷ lệ)."
                        : "Figures for \(years) were restated onto the units of \(last.year) through the crosswalk (household counts summed, never rates averaged).")
            )
        }
        return lines
    }
}
