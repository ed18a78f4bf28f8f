extension Indicator {
    /// Việc làm: at least one working-age member unemployed or in a wage job without a labour
    /// contract (Decree 07/2021/NĐ-CP, art. 3 §1.b).
    public static let employment = Indicator(
        id: .employment, nameVi: "Việc làm", nameEn: "Employment", dimension: .employment,
        fields: ["working_age_without_job"]
    ) { $0.workingAgeWithoutJob >= 1 }
}
