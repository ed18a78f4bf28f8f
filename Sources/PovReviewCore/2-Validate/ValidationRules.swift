/// The configuration row validation needs: which standards apply to which review year, the
/// input columns each standard needs beyond those every row has, the income-basis policy and
/// the value aliases. Pipeline configuration resolves into this value.
public struct ValidationRules: Sendable {
    /// Review year → standards; a year without standards is `unsupported_year`.
    public var schedule: StandardSchedule
    /// Standard id → the columns that standard needs beyond `Column.alwaysRequired`
    /// (e.g. `vn-2027`: `digital_service_users`, `waste_disposal`, `income_per_capita`).
    /// A schedule id missing here needs no extra column.
    public var standardColumns: [StandardID: ColumnSet]
    /// `income`/`score` make that field required on every row; `auto` needs one of the two.
    public var basisPolicy: IncomeBasisPolicy
    /// Spellings accepted for enumeration values.
    public var aliases: ValueAliases
    /// Whether `head_name`/`head_id_number` are kept on accepted households (default: dropped).
    public var keepPersonalData: Bool
    /// Extra input columns declared by the run's standard files (`Household.extraValues` order).
    public var extraColumns: [ExtraColumn] = []
    /// Standard id → indices (in `extraColumns`) of the extra columns its rules read.
    public var standardExtraColumns: [StandardID: [Int]] = [:]

    /// Rules with explicit per-standard columns.
    public init(
        schedule: StandardSchedule, standardColumns: [StandardID: ColumnSet],
        basisPolicy: IncomeBasisPolicy = .auto, aliases: ValueAliases = .default,
        keepPersonalData: Bool = false
    ) {
        self.schedule = schedule
        self.standardColumns = standardColumns
        self.basisPolicy = basisPolicy
        self.aliases = aliases
        self.keepPersonalData = keepPersonalData
    }

    /// Rules whose per-standard columns come from the standards' own field lists
    /// (`Standard.requiredFields`: indicator fields, and `income_per_capita` when the standard
    /// publishes no score line).
    public init(
        schedule: StandardSchedule, standards: [Standard], basisPolicy: IncomeBasisPolicy = .auto,
        aliases: ValueAliases = .default, keepPersonalData: Bool = false, extraColumns: [ExtraColumn] = []
    ) {
        var columns: [StandardID: ColumnSet] = [:]
        let always = ColumnSet(Column.alwaysRequired)
        for standard in standards {
            var set = ColumnSet(standard.requiredFields.compactMap(Column.init(rawValue:)))
            set.subtract(always)
            columns[standard.id] = set
        }
        self.init(
            schedule: schedule, standardColumns: columns, basisPolicy: basisPolicy,
            aliases: aliases, keepPersonalData: keepPersonalData)
        self.extraColumns = extraColumns
        for standard in standards where !standard.extraColumnIndices.isEmpty {
            standardExtraColumns[standard.id] = standard.extraColumnIndices
        }
    }

    /// The national default: the spec's schedule, `vn-2022` needing nothing extra and
    /// `vn-2027` needing `digital_service_users`, `waste_disposal` and `income_per_capita`
    /// (pinned rule 8).
    public static let nationalDefault = ValidationRules(
        schedule: .nationalDefault,
        standardColumns: [
            "vn-2022": [],
            "vn-2027": ColumnSet([.digitalServiceUsers, .wasteDisposal, .incomePerCapita]),
        ])

    /// Columns some standard may need that are read only for the years whose standards need
    /// them (pinned rule 8: `digital_service_users`, `waste_disposal`).
    public var standardSpecificColumns: ColumnSet {
        var set = ColumnSet()
        for (_, columns) in standardColumns { set.formUnion(columns) }
        set.subtract(ColumnSet(Column.alwaysRequired))
        set.subtract(ColumnSet([.incomePerCapita, .incomeScore]))
        return set
    }

    /// What a row of review year `year` needs, or nil when the year has no standard.
    public func requirements(for year: ReviewYear) -> YearRequirements? {
        let ids = schedule.standardIDs(for: year)
        guard !ids.isEmpty else { return nil }
        var required = ColumnSet()
        var extras: [Int] = []
        for id in ids {
            required.formUnion(standardColumns[id] ?? [])
            for index in standardExtraColumns[id] ?? [] where !extras.contains(index) { extras.append(index) }
        }
        switch basisPolicy {
        case .auto: break
        case .income: required.insert(.incomePerCapita)
        case .score: required.insert(.incomeScore)
        }
        let eitherIncome = !required.contains(.incomePerCapita) && !required.contains(.incomeScore)
        return YearRequirements(
            standardIDs: ids, required: required, needsIncomeOrScore: eitherIncome,
            extras: extras.sorted())
    }

    /// Columns the header of every dump must have: `Column.alwaysRequired`, plus the income
    /// column the basis policy forces (with `auto`, at least one of the two is checked apart).
    public var headerRequired: ColumnSet {
        var set = ColumnSet(Column.alwaysRequired)
        switch basisPolicy {
        case .auto: break
        case .income: set.insert(.incomePerCapita)
        case .score: set.insert(.incomeScore)
        }
        return set
    }
}

/// What rows of one review year need.
public struct YearRequirements: Sendable, Equatable {
    /// The standards applied to the year, in schedule order.
    public var standardIDs: [StandardID]
    /// Columns required beyond `Column.alwaysRequired` (standard-specific ones and the income
    /// field a standard or the basis policy forces).
    public var required: ColumnSet
    /// True when neither income field is forced: one of the two must be present.
    public var needsIncomeOrScore: Bool
    /// Indices (in `ValidationRules.extraColumns`) of the extra input columns the year's
    /// standards read: required, and read, only for these rows.
    public var extras: [Int] = []
}

/// The enumeration alias tables used to read values.
public struct ValueAliases: Sendable {
    public var area: AliasTable<Area>
    public var housingType: AliasTable<HousingType>
    public var waterSource: AliasTable<WaterSource>
    public var latrine: AliasTable<LatrineType>
    public var wasteDisposal: AliasTable<WasteDisposal>

    public init(
        area: AliasTable<Area> = DefaultAliases.area,
        housingType: AliasTable<HousingType> = DefaultAliases.housingType,
        waterSource: AliasTable<WaterSource> = DefaultAliases.waterSource,
        latrine: AliasTable<LatrineType> = DefaultAliases.latrine,
        wasteDisposal: AliasTable<WasteDisposal> = DefaultAliases.wasteDisposal
    ) {
        self.area = area
        self.housingType = housingType
        self.waterSource = waterSource
        self.latrine = latrine
        self.wasteDisposal = wasteDisposal
    }

    /// The shipped Vietnamese aliases (`DefaultAliases`).
    public static let `default` = ValueAliases()
}
