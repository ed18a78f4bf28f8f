import PovReviewCore

/// The `measures:` section of a pipeline file (outputs.md §3), every key optional:
///
/// ```yaml
/// measures:
///   cutoffs: [2, 3, 4]          # Alkire–Foster cut-offs; the standard's own is always added
///   integrity:
///     bunching_minimum_households: 30
///     bunching_p_value: 0.001
///     exit_minimum_households: 5
///     exit_p_value: 0.001
///     drop_minimum_points: 10
///     drop_mad_multiplier: 6
///     drop_minimum_households: 25
///     drop_maximum_deprivation_change: 0.1
///     absence_maximum_percent: 10
///     absence_warning_minimum_households: 25
/// ```
struct MeasuresSection: Decodable {
    struct Integrity: Decodable {
        var bunching_minimum_households: Int?
        var bunching_p_value: Double?
        var exit_minimum_households: Int?
        var exit_p_value: Double?
        var drop_minimum_points: Double?
        var drop_mad_multiplier: Double?
        var drop_minimum_households: Int?
        var drop_maximum_deprivation_change: Double?
        var absence_maximum_percent: Double?
        var absence_warning_minimum_households: Int?
    }
    var cutoffs: [Int]?
    var integrity: Integrity?

    static let shape: KeyShape = .mapping([
        "cutoffs": .sequence(.any),
        "integrity": .mapping(
            Dictionary(
                uniqueKeysWithValues: [
                    "bunching_minimum_households", "bunching_p_value", "exit_minimum_households", "exit_p_value",
                    "drop_minimum_points", "drop_mad_multiplier", "drop_minimum_households",
                    "drop_maximum_deprivation_change", "absence_maximum_percent", "absence_warning_minimum_households",
                ].map { ($0, KeyShape.any) })),
    ])

    /// The settings with every default applied; a value out of range is a located error.
    static func resolve(_ section: MeasuresSection?, yaml: YAMLFile) throws(LocatedError) -> MeasuresSettings {
        var settings = MeasuresSettings()
        guard let section else { return settings }
        if let cutoffs = section.cutoffs {
            for (index, k) in cutoffs.enumerated() where k < 1 {
                throw LocatedError(
                    path: yaml.path, line: yaml.line(at: [Key("measures"), Key("cutoffs"), Key(index)]),
                    message: "an Alkire–Foster cut-off is a number of indicators ≥ 1, got \(k)")
            }
            settings.cutoffs = cutoffs
        }
        guard let i = section.integrity else { return settings }
        func check(_ ok: Bool, _ key: String, _ expected: String) throws(LocatedError) {
            guard ok else {
                throw LocatedError(
                    path: yaml.path, line: yaml.line(at: [Key("measures"), Key("integrity"), Key(key)]),
                    message: "measures.integrity.\(key) must be \(expected)")
            }
        }
        var t = settings.integrity
        if let v = i.bunching_minimum_households { try check(v >= 1, "bunching_minimum_households", "a whole number ≥ 1"); t.bunchingMinimumHouseholds = v }
        if let v = i.bunching_p_value { try check(v > 0 && v < 1, "bunching_p_value", "between 0 and 1"); t.bunchingPValue = v }
        if let v = i.exit_minimum_households { try check(v >= 1, "exit_minimum_households", "a whole number ≥ 1"); t.exitMinimumHouseholds = v }
        if let v = i.exit_p_value { try check(v > 0 && v < 1, "exit_p_value", "between 0 and 1"); t.exitPValue = v }
        if let v = i.drop_minimum_points { try check(v >= 0, "drop_minimum_points", "≥ 0"); t.dropMinimumPoints = v }
        if let v = i.drop_mad_multiplier { try check(v >= 0, "drop_mad_multiplier", "≥ 0"); t.dropMADMultiplier = v }
        if let v = i.drop_minimum_households { try check(v >= 1, "drop_minimum_households", "a whole number ≥ 1"); t.dropMinimumHouseholds = v }
        if let v = i.drop_maximum_deprivation_change { try check(v >= 0, "drop_maximum_deprivation_change", "≥ 0"); t.dropMaximumDeprivationChange = v }
        if let v = i.absence_maximum_percent { try check((0...100).contains(v), "absence_maximum_percent", "between 0 and 100"); t.absenceMaximumPercent = v }
        if let v = i.absence_warning_minimum_households {
            try check(v >= 0, "absence_warning_minimum_households", "a whole number ≥ 0"); t.absenceWarningMinimumHouseholds = v
        }
        settings.integrity = t
        return settings
    }
}
