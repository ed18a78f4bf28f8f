extension Indicator {
    /// Dinh dưỡng: at least one child under 16 stunted or underweight.
    public static let nutrition = Indicator(
        id: .nutrition, nameVi: "Dinh dưỡng", nameEn: "Nutrition", dimension: .health,
        fields: ["children_malnourished"]
    ) { $0.childrenMalnourished >= 1 }
}
