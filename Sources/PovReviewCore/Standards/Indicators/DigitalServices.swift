extension Indicator {
    /// Sử dụng dịch vụ công trực tuyến (vn-2027, provisional): no member uses digital public
    /// services (Decree 351/2025/NĐ-CP draft list).
    public static let digitalServices = Indicator(
        id: .digitalServices, nameVi: "Sử dụng dịch vụ công trực tuyến",
        nameEn: "Digital public services", dimension: .information,
        fields: ["digital_service_users"]
    ) { ($0.digitalServiceUsers ?? 0) == 0 }
}
