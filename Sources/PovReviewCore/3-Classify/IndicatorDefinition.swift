/// One deprivation indicator of a standard, as its standard file defines it: id, names,
/// dimension, legal citation and the rule deciding when a household is deprived.
///
/// The rule is data (standards.md, "Standards are data"): no Swift file names an indicator's
/// rule. An id among the national ones (`IndicatorID`) fills the `deprived_<id>` column of
/// `household_status`; any other id is a local indicator (`household_deprivation`).
public struct IndicatorDefinition: Sendable {
    /// Stable id, e.g. `housing_area`, `electricity`.
    public let id: String
    /// The national column slot this indicator fills, when `id` is a national indicator id.
    public let nationalID: IndicatorID?
    public let nameVi: String
    public let nameEn: String
    /// Dimension id, e.g. `housing`, `water_sanitation`.
    public let dimension: String
    /// Legal citation of the rule.
    public let legalBasis: String
    /// True when the rule's wording or thresholds are not confirmed.
    public let provisional: Bool
    /// The rule as written in the standard file.
    public let ruleText: String
    /// The input columns the rule reads.
    public let fields: [RuleField]
    let compiled: RuleCompiler.Output

    /// Parses and checks `rule` against `fields` (built-in columns plus the run's extra ones).
    /// Errors carry the offset in `rule`.
    public init(
        id: String, nameVi: String, nameEn: String, dimension: String, legalBasis: String = "",
        provisional: Bool = false, rule: String, fields: [RuleField] = RuleField.builtIn
    ) throws(RuleError) {
        self.id = id
        nationalID = IndicatorID(rawValue: id)
        self.nameVi = nameVi
        self.nameEn = nameEn
        self.dimension = dimension
        self.legalBasis = legalBasis
        self.provisional = provisional
        ruleText = rule
        let expression = try RuleExpressionParser.parse(rule)
        var byName: [String: RuleField] = [:]
        for field in fields { byName[field.name] = field }
        compiled = try RuleCompiler.compile(expression, fields: byName)
        var seen: [RuleField] = []
        for field in compiled.fields where !seen.contains(field) { seen.append(field) }
        self.fields = seen
    }

    /// Whether `household` is deprived on this indicator (tests and explanations; classification
    /// runs the standard's whole `RuleProgram`).
    public func isDeprived(_ household: Household) -> Bool {
        var program = RuleProgram()
        program.tests = compiled.tests
        program.code = compiled.code + [RuleProgram.storeLocal]
        return program.evaluate(household).local & 1 == 1
    }
}
