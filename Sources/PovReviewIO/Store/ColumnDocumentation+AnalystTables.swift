/// Documentation of the analyst tables of migration `011-analyst-tables` (issue 9, item 4).
extension ColumnDocumentation {
    static let analystTables: [TableDocumentation] = [
        TableDocumentation(
            name: "unit_deprivations", isView: false,
            descriptionEN: "Deprivation counts in long form: one row per review year, standard, level, unit and indicator of the standard, with the indicator's name and dimension.",
            descriptionVI: "Số hộ thiếu hụt theo từng chỉ số, dạng dọc: mỗi dòng là một đơn vị trong một năm rà soát theo một chuẩn nghèo và một chỉ số của chuẩn, kèm tên chỉ số và chiều thiếu hụt."),
        TableDocumentation(
            name: "change_codes", isView: false,
            descriptionEN: "The 15 transition codes of household_transitions.change: meaning in Vietnamese and English and the column of the report form's dynamics table they feed.",
            descriptionVI: "15 mã biến động của household_transitions.change: ý nghĩa bằng tiếng Việt và tiếng Anh, và cột của biểu diễn biến hộ nghèo, hộ cận nghèo mà mã đó được cộng vào."),
    ]

    static let unitDynamicsAdditions: [ColumnDocumentation] = [
        ColumnDocumentation(
            "unit_dynamics", "unit_name", en: "Unit name in to_year (in from_year for a unit abolished in to_year)",
            vi: "Tên đơn vị ở năm sau (ở năm trước nếu đơn vị không còn ở năm sau)"),
        ColumnDocumentation(
            "unit_dynamics", "poor_escaped_total",
            en: "Escaped poverty (thoát nghèo): poor_to_near_poor + poor_escaped_above",
            vi: "Tổng số hộ thoát nghèo: chuyển thành hộ cận nghèo + thoát nghèo lên trên chuẩn cận nghèo"),
    ]

    static let unitDeprivations: [ColumnDocumentation] = {
        let t = "unit_deprivations"
        return [
            ColumnDocumentation(t, "review_year", en: "Review year (the year of the annual review)", vi: "Năm rà soát"),
            ColumnDocumentation(t, "standard", en: "Poverty standard id, e.g. vn-2022", vi: "Mã chuẩn nghèo, ví dụ vn-2022"),
            ColumnDocumentation(
                t, "level", en: "Administrative level: village, commune, district or province",
                vi: "Cấp hành chính: village (thôn), commune (xã), district (huyện) hoặc province (tỉnh)"),
            ColumnDocumentation(t, "unit_code", en: "Unit code (as in unit_rates)", vi: "Mã đơn vị (như trong unit_rates)"),
            ColumnDocumentation(t, "unit_name", en: "Unit name", vi: "Tên đơn vị"),
            ColumnDocumentation(t, "indicator", en: "Indicator id, e.g. health_insurance", vi: "Mã chỉ số thiếu hụt, ví dụ health_insurance"),
            ColumnDocumentation(t, "indicator_name_vi", en: "Indicator name in Vietnamese, as in the decree", vi: "Tên chỉ số thiếu hụt bằng tiếng Việt, như trong nghị định"),
            ColumnDocumentation(t, "indicator_name_en", en: "Indicator name in English", vi: "Tên chỉ số thiếu hụt bằng tiếng Anh"),
            ColumnDocumentation(
                t, "dimension", en: "Dimension id: employment, health, education, housing, water_sanitation or information",
                vi: "Mã chiều thiếu hụt: employment, health, education, housing, water_sanitation hoặc information"),
            ColumnDocumentation(t, "dimension_vi", en: "Dimension name in Vietnamese, e.g. Y tế", vi: "Tên chiều thiếu hụt, ví dụ Y tế"),
            ColumnDocumentation(t, "poor", en: "Poor households of the unit (unit_rates.poor)", vi: "Số hộ nghèo của đơn vị (unit_rates.poor)"),
            ColumnDocumentation(
                t, "poor_deprived", en: "Poor households deprived on the indicator (unit_rates.poor_deprived_<indicator>)",
                vi: "Số hộ nghèo thiếu hụt chỉ số này (unit_rates.poor_deprived_<chỉ số>)"),
            ColumnDocumentation(t, "near_poor", en: "Near-poor households of the unit (unit_rates.near_poor)", vi: "Số hộ cận nghèo của đơn vị (unit_rates.near_poor)"),
            ColumnDocumentation(
                t, "near_poor_deprived", en: "Near-poor households deprived on the indicator (unit_rates.near_poor_deprived_<indicator>)",
                vi: "Số hộ cận nghèo thiếu hụt chỉ số này (unit_rates.near_poor_deprived_<chỉ số>)"),
        ]
    }()

    static let changeCodes: [ColumnDocumentation] = {
        let t = "change_codes"
        return [
            ColumnDocumentation(t, "change", en: "Transition code, as in household_transitions.change", vi: "Mã biến động, như trong household_transitions.change"),
            ColumnDocumentation(t, "position", en: "Order of the code in the decision table of the specification (first match wins)", vi: "Thứ tự của mã trong bảng quy tắc (áp dụng quy tắc đầu tiên khớp)"),
            ColumnDocumentation(t, "to_status", en: "Status in to_year for which the code applies", vi: "Tình trạng của hộ ở năm sau ứng với mã"),
            ColumnDocumentation(t, "from_status", en: "Status in from_year for which the code applies", vi: "Tình trạng của hộ ở năm trước ứng với mã"),
            ColumnDocumentation(t, "meaning_vi", en: "Meaning in Vietnamese", vi: "Ý nghĩa bằng tiếng Việt"),
            ColumnDocumentation(t, "meaning_en", en: "Meaning in English", vi: "Ý nghĩa bằng tiếng Anh"),
            ColumnDocumentation(
                t, "poor_dynamics_column", en: "unit_dynamics column of the poor table the code adds to (NULL: none)",
                vi: "Cột của unit_dynamics (biểu diễn biến hộ nghèo) mà mã được cộng vào (NULL: không cột nào)"),
            ColumnDocumentation(
                t, "near_poor_dynamics_column", en: "unit_dynamics column of the near-poor table the code adds to (NULL: none)",
                vi: "Cột của unit_dynamics (biểu diễn biến hộ cận nghèo) mà mã được cộng vào (NULL: không cột nào)"),
            ColumnDocumentation(
                t, "report_column_vi", en: "Vietnamese header of the report form's column(s) the code feeds, in the exported dynamics tables",
                vi: "Tiêu đề cột của biểu diễn biến (trong các tệp xuất) mà mã được cộng vào"),
        ]
    }()
}
