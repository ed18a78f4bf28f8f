extension Indicator {
    /// Nhà tiêu hợp vệ sinh: the household has no hygienic latrine.
    public static let latrine = Indicator(
        id: .latrine, nameVi: "Nhà tiêu hợp vệ sinh", nameEn: "Hygienic latrine",
        dimension: .waterSanitation, fields: ["latrine"]
    ) { household in
        switch household.latrine {
        case .septic, .pourFlush, .doubleVault, .ventilatedPit, .biogas: false
        case .unhygienicPit, .hanging, .other, .none: true
        }
    }
}
