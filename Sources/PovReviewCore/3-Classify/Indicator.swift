/// A national deprivation indicator slot: the id, labels and dimension of one of the 14
/// `deprived_<id>` columns of `household_status` (the union of `vn-2022` and `vn-2027`, a
/// database contract) and of the report forms' per-indicator rows.
///
/// This is not where indicators are decided: every rule lives in the standard files
/// (`Pipelines/standards/*.yaml`, `IndicatorDefinition`). The labels here name the database
/// columns and report rows; a test checks that the shipped standard files use the same names.
public struct Indicator: Sendable, Identifiable {
    public let id: IndicatorID
    /// Vietnamese name as in the decree.
    public let nameVi: String
    /// English name.
    public let nameEn: String
    public let dimension: Dimension

    public init(id: IndicatorID, nameVi: String, nameEn: String, dimension: Dimension) {
        self.id = id
        self.nameVi = nameVi
        self.nameEn = nameEn
        self.dimension = dimension
    }

    /// Every national indicator slot, in `IndicatorID` order.
    public static let catalog: [Indicator] = [
        Indicator(id: .employment, nameVi: "Việc làm", nameEn: "Employment", dimension: .employment),
        Indicator(id: .dependants, nameVi: "Người phụ thuộc trong hộ gia đình", nameEn: "Dependants", dimension: .employment),
        Indicator(id: .nutrition, nameVi: "Dinh dưỡng", nameEn: "Nutrition", dimension: .health),
        Indicator(id: .healthInsurance, nameVi: "Bảo hiểm y tế", nameEn: "Health insurance", dimension: .health),
        Indicator(id: .adultEducation, nameVi: "Trình độ giáo dục của người lớn", nameEn: "Adult education", dimension: .education),
        Indicator(id: .childSchooling, nameVi: "Tình trạng đi học của trẻ em", nameEn: "Child schooling", dimension: .education),
        Indicator(id: .housingQuality, nameVi: "Chất lượng nhà ở", nameEn: "Housing quality", dimension: .housing),
        Indicator(id: .housingArea, nameVi: "Diện tích nhà ở bình quân đầu người", nameEn: "Housing area per person", dimension: .housing),
        Indicator(id: .water, nameVi: "Nguồn nước sinh hoạt", nameEn: "Drinking water", dimension: .waterSanitation),
        Indicator(id: .latrine, nameVi: "Nhà tiêu hợp vệ sinh", nameEn: "Hygienic latrine", dimension: .waterSanitation),
        Indicator(id: .telecom, nameVi: "Sử dụng dịch vụ viễn thông", nameEn: "Telecommunication use", dimension: .information),
        Indicator(id: .informationAccess, nameVi: "Phương tiện phục vụ tiếp cận thông tin", nameEn: "Means of access to information", dimension: .information),
        Indicator(id: .digitalServices, nameVi: "Sử dụng dịch vụ công trực tuyến", nameEn: "Digital public services", dimension: .information),
        Indicator(id: .waste, nameVi: "Thu gom, xử lý rác thải sinh hoạt", nameEn: "Waste disposal", dimension: .waterSanitation),
    ]

    /// The slot with `id`.
    public static func withID(_ id: IndicatorID) -> Indicator { catalog[id.bit] }
}
