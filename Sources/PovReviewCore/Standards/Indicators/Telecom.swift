extension Indicator {
    /// Sử dụng dịch vụ viễn thông: no member uses internet services.
    public static let telecom = Indicator(
        id: .telecom, nameVi: "Sử dụng dịch vụ viễn thông", nameEn: "Telecommunication use",
        dimension: .information, fields: ["internet_users"]
    ) { $0.internetUsers == 0 }
}
