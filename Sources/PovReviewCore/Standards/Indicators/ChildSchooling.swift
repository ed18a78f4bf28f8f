extension Indicator {
    /// Tình trạng đi học của trẻ em: a child aged 3 to under 16 not at the level for their age.
    public static let childSchooling = Indicator(
        id: .childSchooling, nameVi: "Tình trạng đi học của trẻ em",
        nameEn: "Child schooling", dimension: .education,
        fields: ["children_3_15_out_of_school"]
    ) { $0.children3To15OutOfSchool >= 1 }
}
