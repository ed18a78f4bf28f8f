extension Indicator {
    /// Bảo hiểm y tế: at least one member aged 6 or more without health insurance.
    public static let healthInsurance = Indicator(
        id: .healthInsurance, nameVi: "Bảo hiểm y tế", nameEn: "Health insurance",
        dimension: .health, fields: ["members_6plus_uninsured"]
    ) { $0.members6PlusUninsured >= 1 }
}
