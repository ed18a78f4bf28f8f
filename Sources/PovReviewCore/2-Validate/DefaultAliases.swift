/// The default alias tables shipped with povreview: Vietnamese names for every dump column
/// and every enumeration value (input-format.md §1). The README lists them
/// (`DefaultAliases.markdown()`); a pipeline adds its own with `AliasTable.adding(_:for:)`.
///
/// Every alias also matches case-insensitively, with `_`/`-` read as spaces, and — when the
/// input has no diacritics at all — without its diacritics (`Ma ho` = `Mã hộ`).
public enum DefaultAliases {
    /// Header names → canonical columns. Vietnamese names follow forms B1/B2 of Circular
    /// 07/2021/TT-BLĐTBXH and the usual exports of provincial review software.
    public static let headers = AliasTable<Column>([
        .init(.reviewYear, ["Năm rà soát", "Năm"]),
        .init(.householdID, ["Mã hộ", "Mã hộ gia đình"]),
        .init(.provinceCode, ["Mã tỉnh", "Mã tỉnh/thành phố"]),
        .init(.districtCode, ["Mã huyện", "Mã quận/huyện"]),
        .init(.communeCode, ["Mã xã", "Mã xã/phường/thị trấn", "Mã xã, phường, thị trấn"]),
        .init(.village, ["Thôn", "Thôn, bản, tổ dân phố", "Thôn/bản/tổ dân phố", "Thôn, bản, ấp, tổ dân phố", "Thôn/tổ dân phố", "Ấp"]),
        .init(.area, ["Khu vực", "Nông thôn/thành thị"]),
        .init(.members, ["Số nhân khẩu", "Nhân khẩu", "Số khẩu", "Số thành viên"]),
        .init(.ethnicMinority, ["Dân tộc thiểu số", "Hộ dân tộc thiểu số", "DTTS"]),
        .init(.incomePerCapita, ["Thu nhập bình quân", "Thu nhập bình quân đầu người", "Thu nhập bình quân đầu người/tháng"]),
        .init(.incomeScore, ["Điểm B1", "Điểm A", "Tổng điểm B1"]),
        .init(.workingAgeWithoutJob, ["Số người không có việc làm", "Người trong độ tuổi lao động không có việc làm"]),
        .init(.dependants, ["Số người phụ thuộc", "Người phụ thuộc"]),
        .init(.childrenMalnourished, ["Số trẻ em suy dinh dưỡng", "Trẻ em suy dinh dưỡng"]),
        .init(.members6PlusUninsured, ["Số người không có bảo hiểm y tế", "Số người không có BHYT", "Không có BHYT"]),
        .init(.adults16To30WithoutQualification, ["Số người 16-30 tuổi không có bằng cấp", "Người 16-30 tuổi không có trình độ"]),
        .init(.children3To15OutOfSchool, ["Số trẻ em 3-15 tuổi không đi học", "Trẻ em không được đi học"]),
        .init(.housingType, ["Loại nhà", "Loại nhà ở", "Chất lượng nhà ở"]),
        .init(.housingAreaM2, ["Diện tích nhà ở", "Diện tích nhà ở (m2)", "Diện tích nhà ở (m²)", "Diện tích nhà"]),
        .init(.waterSource, ["Nguồn nước", "Nguồn nước sinh hoạt"]),
        .init(.latrine, ["Nhà tiêu", "Loại nhà tiêu", "Nhà vệ sinh"]),
        .init(.internetUsers, ["Số người sử dụng internet", "Sử dụng internet"]),
        .init(.infoDevices, ["Số phương tiện tiếp cận thông tin", "Phương tiện tiếp cận thông tin"]),
        .init(.loudspeakerAccess, ["Nghe được loa truyền thanh", "Loa truyền thanh"]),
        .init(.membersWithLabourCapacity, ["Số người có khả năng lao động", "Người có khả năng lao động"]),
        .init(.socialProtectionMembers, ["Số người hưởng trợ cấp xã hội", "Trợ cấp xã hội hằng tháng"]),
        .init(.digitalServiceUsers, ["Số người sử dụng dịch vụ công trực tuyến", "Dịch vụ công trực tuyến"]),
        .init(.wasteDisposal, ["Xử lý rác thải", "Thu gom rác thải", "Rác thải"]),
        .init(.headName, ["Họ tên chủ hộ", "Họ và tên chủ hộ", "Tên chủ hộ", "Chủ hộ"]),
        .init(.headIDNumber, ["Số CCCD", "CCCD", "Số CMND/CCCD", "Số định danh cá nhân"]),
    ])

    /// `area`: khu vực nông thôn / thành thị (đô thị).
    public static let area = AliasTable<Area>([
        .init(.rural, ["nông thôn", "nong_thon", "NT"]),
        .init(.urban, ["thành thị", "đô thị", "thanh_thi", "TT"]),
    ])

    /// `housing_type`: nhà kiên cố / bán kiên cố / thiếu kiên cố, đơn sơ / không có nhà.
    public static let housingType = AliasTable<HousingType>([
        .init(.durable, ["kiên cố", "nhà kiên cố"]),
        .init(.semiDurable, ["bán kiên cố", "nhà bán kiên cố"]),
        .init(.nonDurable, ["thiếu kiên cố", "nhà thiếu kiên cố", "đơn sơ", "nhà đơn sơ"]),
        .init(.none, ["không có nhà", "chưa có nhà"]),
    ])

    /// `water_source`: nguồn nước sinh hoạt.
    public static let waterSource = AliasTable<WaterSource>([
        .init(.piped, ["nước máy", "nước sạch tập trung"]),
        .init(.drilledWell, ["giếng khoan"]),
        .init(.protectedWell, ["giếng đào được bảo vệ", "giếng đào có bảo vệ"]),
        .init(.protectedSpring, ["nước khe/mó được bảo vệ", "khe mó được bảo vệ"]),
        .init(.rainwater, ["nước mưa"]),
        .init(.bottled, ["nước đóng chai", "nước đóng bình"]),
        .init(.unprotectedWell, ["giếng đào không được bảo vệ", "giếng không được bảo vệ"]),
        .init(.unprotectedSpring, ["nước khe/mó không được bảo vệ", "khe mó không được bảo vệ"]),
        .init(.surface, ["sông suối ao hồ", "sông, suối, ao, hồ", "nước mặt"]),
        .init(.other, ["khác", "nguồn khác"]),
        .init(.none, ["không có", "không có nguồn nước"]),
    ])

    /// `latrine`: loại nhà tiêu.
    public static let latrine = AliasTable<LatrineType>([
        .init(.septic, ["tự hoại", "nhà tiêu tự hoại"]),
        .init(.pourFlush, ["bán tự hoại", "thấm dội nước", "nhà tiêu thấm dội nước"]),
        .init(.doubleVault, ["hai ngăn", "nhà tiêu hai ngăn", "khô hai ngăn"]),
        .init(.ventilatedPit, ["chìm có ống thông hơi", "nhà tiêu chìm có ống thông hơi"]),
        .init(.biogas, ["hầm biogas", "bể biogas"]),
        .init(.unhygienicPit, ["không hợp vệ sinh", "hố xí không hợp vệ sinh", "chìm không có ống thông hơi"]),
        .init(.hanging, ["cầu tõm", "cầu cá", "nhà tiêu treo"]),
        .init(.other, ["khác", "loại khác"]),
        .init(.none, ["không có", "không có nhà tiêu"]),
    ])

    /// `waste_disposal` (vn-2027): thu gom, xử lý rác thải sinh hoạt.
    public static let wasteDisposal = AliasTable<WasteDisposal>([
        .init(.collected, ["thu gom", "được thu gom", "thu gom tập trung"]),
        .init(.composted, ["ủ phân", "ủ làm phân"]),
        .init(.burned, ["đốt"]),
        .init(.buried, ["chôn", "chôn lấp"]),
        .init(.openDumping, ["vứt bừa bãi", "đổ bừa bãi", "vứt ra môi trường"]),
        .init(.none, ["không xử lý", "không có"]),
    ])
}
