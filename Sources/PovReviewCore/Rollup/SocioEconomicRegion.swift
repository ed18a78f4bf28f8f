/// The six socio-economic regions of Viet Nam (vùng kinh tế - xã hội), the level between the
/// provinces and the country in the national roll-up (`povreview rollup`).
///
/// The regions are those of the national master plan (Resolution 81/2023/QH15) and of the GSO's
/// statistics. The codes are povreview's own stable ids (the GSO numbers its regions differently
/// in different publications); names are the official Vietnamese names.
public struct SocioEconomicRegion: Sendable, Hashable {
    /// Stable id, e.g. `dong-bang-song-hong`; `unit_rates.unit_code` of the region rows.
    public let code: String
    public let nameVi: String
    public let nameEn: String

    /// The six regions, from north to south.
    public static let all: [SocioEconomicRegion] = [
        SocioEconomicRegion(
            code: "trung-du-mien-nui-phia-bac", nameVi: "Trung du và miền núi phía Bắc",
            nameEn: "Northern Midlands and Mountains"),
        SocioEconomicRegion(code: "dong-bang-song-hong", nameVi: "Đồng bằng sông Hồng", nameEn: "Red River Delta"),
        SocioEconomicRegion(
            code: "bac-trung-bo-duyen-hai-mien-trung", nameVi: "Bắc Trung Bộ và Duyên hải miền Trung",
            nameEn: "North Central and Central Coast"),
        SocioEconomicRegion(code: "tay-nguyen", nameVi: "Tây Nguyên", nameEn: "Central Highlands"),
        SocioEconomicRegion(code: "dong-nam-bo", nameVi: "Đông Nam Bộ", nameEn: "Southeast"),
        SocioEconomicRegion(
            code: "dong-bang-song-cuu-long", nameVi: "Đồng bằng sông Cửu Long", nameEn: "Mekong River Delta"),
    ]

    /// The region with `code`, nil for an unknown code.
    public static func named(_ code: String) -> SocioEconomicRegion? { all.first { $0.code == code } }

    /// `unit_rates.unit_code` and `unit_name` of the country rows.
    public static let countryCode = "VN"
    public static let countryName = "Việt Nam"
}
