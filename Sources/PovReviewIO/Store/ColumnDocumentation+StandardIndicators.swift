extension ColumnDocumentation {
    /// The `standard_indicators` table (migration `008-standard-indicators`).
    static let standardIndicatorsTable = TableDocumentation(
        name: "standard_indicators", isView: false,
        descriptionEN: "Every indicator of every standard used, as its standard file defines it: names, dimension, legal basis and the rule deciding deprivation.",
        descriptionVI: "Mọi chỉ số thiếu hụt của các chuẩn nghèo được áp dụng, theo tệp chuẩn nghèo: tên, chiều thiếu hụt, căn cứ pháp lý và quy tắc xác định thiếu hụt.")

    static let standardIndicators: [ColumnDocumentation] = {
        let t = "standard_indicators"
        return [
            ColumnDocumentation(t, "standard", en: "Standard id", vi: "Mã chuẩn nghèo"),
            ColumnDocumentation(t, "indicator", en: "Indicator id", vi: "Mã chỉ số thiếu hụt"),
            ColumnDocumentation(t, "position", en: "Position of the indicator in its standard file (1 = first)", vi: "Thứ tự của chỉ số trong tệp chuẩn nghèo (1 = đầu tiên)"),
            ColumnDocumentation(t, "name_vi", en: "Vietnamese name of the indicator", vi: "Tên chỉ số bằng tiếng Việt"),
            ColumnDocumentation(t, "name_en", en: "English name of the indicator", vi: "Tên chỉ số bằng tiếng Anh"),
            ColumnDocumentation(t, "dimension", en: "Dimension id (employment, health, education, housing, water_sanitation, information)", vi: "Mã chiều thiếu hụt (việc làm, y tế, giáo dục, nhà ở, nước sinh hoạt và vệ sinh, thông tin)"),
            ColumnDocumentation(t, "national_column", en: "1 when the verdict is in household_status.deprived_<indicator>, 0 when in household_deprivation", vi: "1 nếu kết quả nằm ở cột household_status.deprived_<mã chỉ số>, 0 nếu nằm ở bảng household_deprivation"),
            ColumnDocumentation(t, "provisional", en: "1 when the indicator's wording or threshold is provisional", vi: "1 nếu nội dung hoặc ngưỡng của chỉ số là tạm tính"),
            ColumnDocumentation(t, "legal_basis", en: "Legal basis of the indicator", vi: "Căn cứ pháp lý của chỉ số"),
            ColumnDocumentation(t, "rule", en: "When a household is deprived, as written in the standard file (e.g. housing_area_m2 < 8 * members)", vi: "Điều kiện hộ bị coi là thiếu hụt, như ghi trong tệp chuẩn nghèo (ví dụ housing_area_m2 < 8 * members)"),
        ]
    }()
}
