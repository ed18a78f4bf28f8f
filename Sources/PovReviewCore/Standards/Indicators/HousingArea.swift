extension Indicator {
    /// Diện tích nhà ở bình quân đầu người: living area below 8 m² per person, decided exactly
    /// as `housing_area_m2 < 8 × members`.
    public static let housingArea = Indicator(
        id: .housingArea, nameVi: "Diện tích nhà ở bình quân đầu người",
        nameEn: "Housing area per person", dimension: .housing,
        fields: ["housing_area_m2", "members"]
    ) { $0.housingAreaM2.isLess(thanProductOf: 8, and: $0.members) }
}
