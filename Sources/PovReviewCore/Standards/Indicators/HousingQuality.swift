extension Indicator {
    /// Chất lượng nhà ở: the dwelling is non-durable (at least two of wall, frame and roof
    /// non-durable) or the household has no dwelling.
    public static let housingQuality = Indicator(
        id: .housingQuality, nameVi: "Chất lượng nhà ở", nameEn: "Housing quality",
        dimension: .housing, fields: ["housing_type"]
    ) { $0.housingType == .nonDurable || $0.housingType == .none }
}
