extension Indicator {
    /// Nguồn nước sinh hoạt: the household does not use a safe water source.
    public static let water = Indicator(
        id: .water, nameVi: "Nguồn nước sinh hoạt", nameEn: "Drinking water",
        dimension: .waterSanitation, fields: ["water_source"]
    ) { household in
        switch household.waterSource {
        case .piped, .drilledWell, .protectedWell, .protectedSpring, .rainwater, .bottled: false
        case .unprotectedWell, .unprotectedSpring, .surface, .other, .none: true
        }
    }
}
