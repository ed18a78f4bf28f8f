import PovReviewCore
import Yams

/// Reads one plan file (YAML, `version: 1`, parsed by `YAMLFile`) into a `Plan`. Every error
/// names the file, the line and column of the offending node and what was expected; unknown keys,
/// unknown rule kinds and bad levels are rejected.
///
/// ```yaml
/// version: 1
/// id: national-666
/// title_vi: "…"
/// source: seeds/000_cec7201cbf161ec2.txt
/// scope: national                      # or provincial, with territory: {code: "26", name_vi: "Vĩnh Phúc"}
/// baseline: 2021
/// period: {from: 2021, to: 2025}
/// local_standard: {id: …, file: …, placeholder: true}   # optional
/// standard: vn-2027                    # optional: judge on this national standard's figures only
/// provisional: true                    # optional: every number of the plan is provisional
/// adopt: national-666                  # optional: the criteria of another plan file first
/// criteria:
///   - id: province
///     text_vi: "…"                     # quoted from the seed
///     label_vi: "…"                    # short Vietnamese label shown instead of the id
///     label_en: "…"                    # short English label
///     level: province                  # or levels: [province, district, commune]
///     applies_to: any                  # poor_district | not_poor_district | coastal_special_difficulty
///                                      # | province | {ethnic_region: [I, II, III]}
///     deadline: 2025                   # optional
///     monitoring: false                # optional
///     note: "…"                        # optional, carried into the evidence (Vietnamese)
///     note_en: "…"                     # optional, the note in English
///     rule: {any_of: [{consecutive_decrease: {metric: rate_PN, at_least: 2, years: 3}},
///                     {fall_vs_baseline: {more_than: 50}}]}
/// ```
final class PlanFileReader {
    /// The plan file, parsed by the reader of every YAML file of a run.
    let file: YAMLFile
    /// Loads an adopted plan by id (the loader reads `<id>.yaml` beside this file).
    let adopted: (String) throws -> Plan

    init(file: YAMLFile, adopted: @escaping (String) throws -> Plan) {
        self.file = file
        self.adopted = adopted
    }

    private func fail(_ node: Node?, _ message: String) -> LocatedError {
        file.error(at: node, message)
    }

    // MARK: Document

    func plan() throws -> Plan {
        let top = try YAMLMapping(file.root, in: file, what: "plan")
        let versionNode = try top.required("version")
        guard try integer(versionNode, "version") == 1 else {
            throw fail(versionNode, "unsupported version; expected version: 1")
        }
        let id = try text(try top.required("id"), "id")
        let title = try text(try top.required("title_vi"), "title_vi")
        let source = try top.optional("source").map { try text($0, "source") } ?? ""
        let document = try top.optional("document").map { try text($0, "document") }
        let baseline = ReviewYear(try integer(try top.required("baseline"), "baseline"))
        let periodNode = try top.required("period")
        let period = try YAMLMapping(periodNode, in: file, what: "period")
        let from = ReviewYear(try integer(try period.required("from"), "from"))
        let to = ReviewYear(try integer(try period.required("to"), "to"))
        try period.rejectUnknown()
        guard from <= to else { throw fail(periodNode, "period: \"from\" must not be after \"to\"") }

        let scopeNode = try top.required("scope")
        let scopeText = try text(scopeNode, "scope")
        let scope: Plan.Scope
        switch scopeText {
        case "national":
            if let t = top.optional("territory") { throw fail(t, "a national plan has no territory") }
            scope = .national
        case "provincial":
            let territoryNode = try top.required("territory")
            let territory = try YAMLMapping(territoryNode, in: file, what: "territory")
            let code = try text(try territory.required("code"), "code")
            guard !code.isEmpty, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw fail(territoryNode, "territory code must be a province code (digits), got \"\(code)\"")
            }
            let name = try territory.optional("name_vi").map { try text($0, "name_vi") } ?? ""
            try territory.rejectUnknown()
            scope = .provincial(territory: UnitCode(code), nameVi: name)
        default:
            throw fail(scopeNode, "scope must be national or provincial, got \"\(scopeText)\"")
        }

        var localStandard: LocalStandardReference?
        if let node = top.optional("local_standard") {
            let fields = try YAMLMapping(node, in: file, what: "local_standard")
            let standardID = try text(try fields.required("id"), "id")
            let standardFile = try fields.optional("file").map { try text($0, "file") }
            let placeholder = try fields.optional("placeholder").map { try bool($0, "placeholder") } ?? false
            try fields.rejectUnknown()
            localStandard = LocalStandardReference(id: StandardID(standardID), file: standardFile, placeholder: placeholder)
        }
        let allowCross = try top.optional("allow_cross_standard").map { try bool($0, "allow_cross_standard") } ?? false
        let ownStandard = try top.optional("standard").map { try text($0, "standard") }
        let provisional = try top.optional("provisional").map { try bool($0, "provisional") } ?? false

        var criteria: [Criterion] = []
        if let adoptNode = top.optional("adopt") {
            let adoptedID = try text(adoptNode, "adopt")
            guard adoptedID != id else { throw fail(adoptNode, "a plan cannot adopt itself") }
            do {
                criteria = try adopted(adoptedID).criteria
            } catch {
                throw fail(adoptNode, "cannot adopt \"\(adoptedID)\": \(error)")
            }
        }
        if let notEncoded = top.optional("not_encoded") {
            guard let list = notEncoded.sequence else { throw fail(notEncoded, "not_encoded must be a list") }
            for item in list {
                let fields = try YAMLMapping(item, in: file, what: "not_encoded item")
                _ = try text(try fields.required("text_vi"), "text_vi")
                _ = try text(try fields.required("reason"), "reason")
                try fields.rejectUnknown()
            }
        }
        let criteriaNode = try top.required("criteria")
        guard let list = criteriaNode.sequence else { throw fail(criteriaNode, "criteria must be a list") }
        for item in list {
            let criterion = try self.criterion(item)
            if criteria.contains(where: { $0.id == criterion.id }) {
                throw fail(item, "duplicate criterion id \"\(criterion.id)\"")
            }
            criteria.append(criterion)
        }
        guard !criteria.isEmpty else { throw fail(criteriaNode, "a plan needs at least one criterion") }
        try top.rejectUnknown()
        var plan = Plan(
            id: PlanID(id), titleVi: title, source: source, baselineYear: baseline, period: from...to,
            scope: scope, localStandard: localStandard, allowsCrossStandardComparison: allowCross,
            criteria: criteria, standard: ownStandard.map { StandardID($0) }, provisional: provisional)
        plan.document = document
        return plan
    }

    private func criterion(_ node: Node) throws -> Criterion {
        let fields = try YAMLMapping(node, in: file, what: "criterion")
        let id = try text(try fields.required("id"), "id")
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw fail(node, "criterion id must be letters, digits and hyphens, got \"\(id)\"")
        }
        let textVi = try text(try fields.required("text_vi"), "text_vi")
        var levels: [UnitLevel] = []
        let levelNode = fields.optional("level")
        let levelsNode = fields.optional("levels")
        switch (levelNode, levelsNode) {
        case (let single?, nil):
            levels = [try level(single)]
        case (nil, let many?):
            guard let list = many.sequence, !list.isEmpty else { throw fail(many, "levels must be a non-empty list") }
            for item in list { levels.append(try level(item)) }
        case (nil, nil):
            throw fail(node, "criterion \"\(id)\": missing key \"level\" (or \"levels\")")
        default:
            throw fail(levelsNode, "give either \"level\" or \"levels\", not both")
        }
        let applicability = try fields.optional("applies_to").map { try self.applicability($0) } ?? .any
        let deadline = try fields.optional("deadline").map { ReviewYear(try integer($0, "deadline")) }
        let monitoring = try fields.optional("monitoring").map { try bool($0, "monitoring") } ?? false
        let note = try fields.optional("note").map { try text($0, "note") }
        let noteEn = try fields.optional("note_en").map { try text($0, "note_en") }
        let labelVi = try fields.optional("label_vi").map { try text($0, "label_vi") }
        let labelEn = try fields.optional("label_en").map { try text($0, "label_en") }
        let rule = try self.rule(try fields.required("rule"))
        try fields.rejectUnknown()
        return Criterion(
            id: id, textVi: textVi, labelVi: labelVi, labelEn: labelEn, levels: levels,
            applicability: applicability, deadline: deadline, monitoring: monitoring, rule: rule,
            note: note, noteEn: noteEn)
    }

    private func level(_ node: Node) throws -> UnitLevel {
        let name = try text(node, "level")
        guard let level = UnitLevel(rawValue: name) else {
            throw fail(node, "unknown level \"\(name)\"; expected one of village, commune, district, province")
        }
        return level
    }

    private func applicability(_ node: Node) throws -> Applicability {
        if let scalar = node.scalar {
            switch scalar.string {
            case "any": return .any
            case "poor_district": return .poorDistrict
            case "not_poor_district": return .notPoorDistrict
            case "coastal_special_difficulty": return .coastalSpecialDifficulty
            case "province": return .province
            default:
                throw fail(
                    node,
                    "unknown unit kind \"\(scalar.string)\"; expected any, poor_district, not_poor_district, coastal_special_difficulty, province or {ethnic_region: [I, II, III]}"
                )
            }
        }
        let fields = try YAMLMapping(node, in: file, what: "applies_to")
        let regionsNode = try fields.required("ethnic_region")
        try fields.rejectUnknown()
        guard let list = regionsNode.sequence, !list.isEmpty else {
            throw fail(regionsNode, "ethnic_region must be a non-empty list of I, II, III")
        }
        var regions = Set<EthnicRegion>()
        for item in list {
            let name = try text(item, "ethnic_region")
            guard let region = EthnicRegion(rawValue: name) else {
                throw fail(item, "unknown ethnic region \"\(name)\"; expected I, II or III")
            }
            regions.insert(region)
        }
        return .ethnicRegion(regions)
    }

    // MARK: Rules

    func rule(_ node: Node) throws -> any CriterionRule {
        guard let mapping = node.mapping, mapping.count == 1, let (keyNode, value) = mapping.first.map({ ($0.key, $0.value) }),
            let kind = keyNode.scalar?.string
        else {
            throw fail(node, "a rule is a mapping with exactly one key, the rule kind (one of \(RuleRegistry.kinds.joined(separator: ", ")))")
        }
        guard let type = RuleRegistry.rule(named: kind) else {
            throw fail(keyNode, "unknown rule kind \"\(kind)\"; expected one of \(RuleRegistry.kinds.joined(separator: ", "))")
        }
        let arguments = try NodeRuleArguments(node: value, loader: self)
        let rule: any CriterionRule
        do {
            rule = try type.init(arguments: arguments)
        } catch let error as LocatedError {
            throw error
        } catch {
            throw fail(value, "\(kind): \(error)")
        }
        if let (key, keyNode) = arguments.unknownKeys().first {
            throw fail(keyNode, "unknown key \"\(key)\" in rule \(kind)")
        }
        return rule
    }

    /// A number, exactly as written, or `{value: x, provisional: true}`.
    func parameter(_ node: Node, key: String) throws -> PlanParameter {
        if let scalar = node.scalar {
            guard let value = Rational(decimalText: scalar.string) else {
                throw fail(node, "\"\(key)\" must be a number, got \"\(scalar.string)\"")
            }
            return PlanParameter(value)
        }
        let fields = try YAMLMapping(node, in: file, what: key)
        let valueNode = try fields.required("value")
        guard let text = valueNode.scalar?.string, let value = Rational(decimalText: text) else {
            throw fail(valueNode, "\"\(key).value\" must be a number")
        }
        let provisional = try fields.optional("provisional").map { try bool($0, "provisional") } ?? false
        _ = try fields.optional("source").map { try self.text($0, "source") }
        _ = try fields.optional("note").map { try self.text($0, "note") }
        try fields.rejectUnknown()
        return PlanParameter(value, provisional: provisional)
    }

    // MARK: Scalars

    func text(_ node: Node, _ key: String) throws(LocatedError) -> String { try file.text(node, key) }

    func integer(_ node: Node, _ key: String) throws(LocatedError) -> Int { try file.integer(node, key) }

    func bool(_ node: Node, _ key: String) throws(LocatedError) -> Bool { try file.bool(node, key) }
}
