extension Indicator {
    /// Người phụ thuộc trong hộ gia đình: dependants are more than half of the members,
    /// decided exactly as `dependants × 2 > members` (Decree 07/2021/NĐ-CP).
    public static let dependants = Indicator(
        id: .dependants, nameVi: "Người phụ thuộc trong hộ gia đình", nameEn: "Dependants",
        dimension: .employment, fields: ["dependants", "members"]
    ) { $0.dependants * 2 > $0.members }
}
