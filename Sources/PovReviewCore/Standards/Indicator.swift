/// One deprivation indicator ("chỉ số thiếu hụt dịch vụ xã hội cơ bản"): its id, labels,
/// dimension and the rule that decides whether a household is deprived on it.
///
/// Each indicator is defined in its own file under `Indicators/`; `Indicator.catalog` lists
/// them all. A standard file names the indicators it uses by id.
public struct Indicator: Sendable, Identifiable {
    public let id: IndicatorID
    /// Vietnamese name as in the decree.
    public let nameVi: String
    /// English name.
    public let nameEn: String
    public let dimension: Dimension
    /// The input fields the rule reads (canonical column names), for required-column checks.
    public let fields: [String]
    /// Whether `household` is deprived. Only called when the fields in `fields` are present.
    public let isDeprived: @Sendable (Household) -> Bool

    public init(
        id: IndicatorID, nameVi: String, nameEn: String, dimension: Dimension, fields: [String],
        isDeprived: @escaping @Sendable (Household) -> Bool
    ) {
        self.id = id
        self.nameVi = nameVi
        self.nameEn = nameEn
        self.dimension = dimension
        self.fields = fields
        self.isDeprived = isDeprived
    }

    /// Every indicator povreview knows, in `IndicatorID` order.
    public static let catalog: [Indicator] = [
        .employment, .dependants, .nutrition, .healthInsurance, .adultEducation, .childSchooling,
        .housingQuality, .housingArea, .water, .latrine, .telecom, .informationAccess,
        .digitalServices, .waste,
    ]

    /// The indicator with `id`.
    public static func withID(_ id: IndicatorID) -> Indicator { catalog[id.bit] }
}
