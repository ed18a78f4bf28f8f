/// A poverty standard ("chuẩn nghèo đa chiều"): income or score lines by area, the optional
/// average-living-standard band, the indicator list and the deprivation cut-off.
///
/// Standards are data (files under `Pipelines/standards/`), loaded by the I/O layer into this
/// value. Thresholds are VND per person per month, or B1 points for the score lines.
public struct Standard: Sendable, Identifiable, Equatable {
    public static func == (lhs: Standard, rhs: Standard) -> Bool { lhs.id == rhs.id }

    /// Stable id, e.g. `vn-2022`.
    public let id: StandardID
    public let nameVi: String
    public let legalBasis: String
    /// True when the figures are not confirmed (every output computed under it says so).
    public let provisional: Bool
    /// True for a national standard, false for a provincial ("local") one.
    public let national: Bool
    /// Poverty line on income: `I ≤ line` is poor or near-poor.
    public let incomeLine: AreaThresholds
    /// Upper bound of the average-living-standard band (income basis only), when the standard has one.
    public let averageUpperBound: AreaThresholds?
    /// Poverty line on the B1 proxy score, when published.
    public let scoreLine: AreaThresholds?
    /// The national indicators of the standard (those filling a `deprived_<id>` column), in
    /// catalogue order.
    public let indicators: [IndicatorID]
    /// Every indicator of the standard as its file defines it, in file order.
    public let definitions: [IndicatorDefinition]
    /// The indicators that are not national ones (`household_deprivation`), in file order;
    /// bit `i` of `Classification.localDeprivations` is `localIndicators[i]`.
    public let localIndicators: [IndicatorDefinition]
    /// A household at or below the line is poor when deprived on at least this many indicators.
    public let deprivationCutoff: Int
    /// The rules of every indicator, compiled once.
    let program: RuleProgram
    /// Optional built-in columns (`digital_service_users`, `waste_disposal`) the rules read.
    let optionalColumns: [Column]
    /// How many extra values a row must carry (1 + the highest extra index the rules read).
    let extraValuesNeeded: Int

    public init(
        id: StandardID, nameVi: String, legalBasis: String = "", provisional: Bool = false,
        national: Bool = true, incomeLine: AreaThresholds, averageUpperBound: AreaThresholds?,
        scoreLine: AreaThresholds?, indicators definitions: [IndicatorDefinition], deprivationCutoff: Int = 3
    ) {
        self.id = id
        self.nameVi = nameVi
        self.legalBasis = legalBasis
        self.provisional = provisional
        self.national = national
        self.incomeLine = incomeLine
        self.averageUpperBound = averageUpperBound
        self.scoreLine = scoreLine
        self.definitions = definitions
        let nationalIDs = definitions.compactMap(\.nationalID)
        self.indicators = nationalIDs.sorted()
        self.indicatorSet = DeprivationSet(nationalIDs)
        self.localIndicators = definitions.filter { $0.nationalID == nil }
        self.deprivationCutoff = deprivationCutoff

        var program = RuleProgram()
        var localBit: Int32 = 0
        var optional: [Column] = []
        var extras = 0
        for definition in definitions {
            let base = Int32(program.tests.count)
            program.tests += definition.compiled.tests
            program.code += definition.compiled.code.map { $0 >= 0 ? $0 + base : $0 }
            if let national = definition.nationalID {
                program.code.append(RuleProgram.storeNational - Int32(national.bit))
            } else {
                program.code.append(RuleProgram.storeLocal - localBit)
                localBit += 1
            }
            for field in definition.fields {
                switch field.slot {
                case .builtIn(let column) where column == .digitalServiceUsers || column == .wasteDisposal:
                    if !optional.contains(column) { optional.append(column) }
                case .extra(let index): extras = max(extras, index + 1)
                case .builtIn: break
                }
            }
        }
        self.program = program
        self.optionalColumns = optional
        self.extraValuesNeeded = extras
    }

    /// The indicators of the standard as a set, for constant-time membership.
    public let indicatorSet: DeprivationSet

    /// Canonical input columns a row must carry to be classified under this standard, beyond the
    /// columns every row needs (the columns the rules read; `income_per_capita` when no score
    /// line). Extra columns are named too.
    public var requiredFields: Set<String> {
        var fields = Set(definitions.flatMap { $0.fields.map(\.name) })
        if scoreLine == nil { fields.insert("income_per_capita") }
        return fields
    }

    /// Indices (in the run's extra columns) of the extra input columns the rules read.
    public var extraColumnIndices: [Int] {
        var result: [Int] = []
        for definition in definitions {
            for field in definition.fields {
                if case .extra(let index) = field.slot, !result.contains(index) { result.append(index) }
            }
        }
        return result.sorted()
    }

    /// The definition of indicator `id`, if the standard has it.
    public func definition(of id: String) -> IndicatorDefinition? { definitions.first { $0.id == id } }
}

/// A pair of thresholds, one for rural and one for urban areas.
public struct AreaThresholds: Sendable, Equatable {
    public var rural: Int64
    public var urban: Int64
    public init(rural: Int64, urban: Int64) {
        self.rural = rural
        self.urban = urban
    }
    public subscript(area: Area) -> Int64 { area == .rural ? rural : urban }
}
