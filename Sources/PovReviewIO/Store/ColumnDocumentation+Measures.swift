/// Documentation of the analyst tables (outputs.md §3), in English and Vietnamese.
extension ColumnDocumentation {
    static let measuresTables: [TableDocumentation] = [
        TableDocumentation(
            name: "unit_af_measures", isView: false,
            descriptionEN: "Alkire–Foster depth of poverty per unit, year, standard, scope and cut-off k (equal weights 1/n).",
            descriptionVI: "Độ sâu nghèo đa chiều theo phương pháp Alkire–Foster cho từng đơn vị, năm, chuẩn nghèo, phạm vi và ngưỡng k (trọng số bằng nhau 1/n)."),
        TableDocumentation(
            name: "unit_af_indicators", isView: false,
            descriptionEN: "Alkire–Foster headcounts and contributions per indicator, same key as unit_af_measures plus the indicator.",
            descriptionVI: "Tỷ lệ thiếu hụt và mức đóng góp của từng chỉ số theo Alkire–Foster, cùng khóa với unit_af_measures và thêm chỉ số."),
        TableDocumentation(
            name: "unit_changes", isView: false,
            descriptionEN: "Change over time of each rate and AF measure of a unit, consecutive years and whole period, never across a change of standard.",
            descriptionVI: "Biến động theo thời gian của từng tỷ lệ và chỉ số AF của đơn vị, giữa hai năm liền nhau và cả giai đoạn, không so sánh giữa hai chuẩn nghèo khác nhau."),
        TableDocumentation(
            name: "integrity_findings", isView: false,
            descriptionEN: "Integrity checks a reviewer should look at before publishing (bunching, exits without change, implausible falls, absences, sums).",
            descriptionVI: "Các dấu hiệu bất thường cần xem xét trước khi công bố (thu nhập dồn sát chuẩn, thoát nghèo không thay đổi, giảm bất thường, hộ vắng mặt, tổng không khớp)."),
        TableDocumentation(
            name: "sensitivity", isView: false,
            descriptionEN: "Poor and near-poor counts and rates of each unit if the income line moved ±5% or ±10%, or the deprivation cut-off by one.",
            descriptionVI: "Số hộ và tỷ lệ hộ nghèo, cận nghèo của từng đơn vị nếu chuẩn thu nhập thay đổi ±5%, ±10% hoặc ngưỡng thiếu hụt thay đổi một chỉ số."),
        TableDocumentation(
            name: "criteria_sensitivity", isView: false,
            descriptionEN: "Each plan criterion re-decided on each scenario's figures, beside the official verdict.",
            descriptionVI: "Kết quả đánh giá từng tiêu chí của kế hoạch khi tính lại theo số liệu của từng kịch bản, bên cạnh kết quả chính thức."),
    ]

    private static func keyColumns(_ t: String) -> [ColumnDocumentation] {
        [
            ColumnDocumentation(t, "review_year", en: "Review year", vi: "Năm rà soát"),
            ColumnDocumentation(t, "standard", en: "Poverty standard id", vi: "Mã chuẩn nghèo"),
            ColumnDocumentation(t, "level", en: "Level: village, commune, district or province", vi: "Cấp: thôn, xã, huyện hoặc tỉnh"),
            ColumnDocumentation(t, "unit_code", en: "Unit code (a village is <commune_code>/<village name>)", vi: "Mã đơn vị (thôn: <mã xã>/<tên thôn>)"),
        ]
    }

    private static func afKey(_ t: String) -> [ColumnDocumentation] {
        keyColumns(t) + [
            ColumnDocumentation(t, "scope", en: "all: every household; low_income: households at or below the income line (poor + near-poor)",
                                vi: "all: mọi hộ; low_income: các hộ có thu nhập bằng hoặc dưới chuẩn (hộ nghèo và cận nghèo)"),
            ColumnDocumentation(t, "k", en: "Deprivation cut-off: a household is multidimensionally poor when deprived on at least k indicators",
                                vi: "Ngưỡng thiếu hụt: hộ nghèo đa chiều khi thiếu hụt từ k chỉ số trở lên"),
        ]
    }

    static let measuresColumns: [ColumnDocumentation] = {
        var rows: [ColumnDocumentation] = []
        var t = "unit_af_measures"
        rows += afKey(t) + [
            ColumnDocumentation(t, "indicator_count", en: "n: indicators of the standard (weight 1/n each)", vi: "n: số chỉ số của chuẩn nghèo (mỗi chỉ số trọng số 1/n)"),
            ColumnDocumentation(t, "households", en: "N: households in the scope", vi: "N: số hộ trong phạm vi"),
            ColumnDocumentation(t, "multidimensionally_poor", en: "q: households deprived on at least k indicators", vi: "q: số hộ thiếu hụt từ k chỉ số trở lên"),
            ColumnDocumentation(t, "deprivations_of_poor", en: "Σ D: deprivations of the q households", vi: "Σ D: tổng số chỉ số thiếu hụt của q hộ"),
            ColumnDocumentation(t, "headcount_ratio", en: "H = q / N, full precision", vi: "H = q / N (tỷ lệ hộ nghèo đa chiều), không làm tròn"),
            ColumnDocumentation(t, "intensity", en: "A = Σ D / (q·n); NULL when q = 0", vi: "A = Σ D / (q·n) (mức độ thiếu hụt bình quân); NULL khi q = 0"),
            ColumnDocumentation(t, "adjusted_headcount", en: "M0 = H·A = Σ D / (N·n)", vi: "M0 = H·A = Σ D / (N·n) (chỉ số nghèo đa chiều điều chỉnh)"),
        ]
        t = "unit_af_indicators"
        rows += afKey(t) + [
            ColumnDocumentation(t, "indicator", en: "Indicator id", vi: "Mã chỉ số thiếu hụt"),
            ColumnDocumentation(t, "deprived_households", en: "Households of the scope deprived on the indicator", vi: "Số hộ trong phạm vi thiếu hụt chỉ số này"),
            ColumnDocumentation(t, "deprived_poor_households", en: "Multidimensionally poor households deprived on the indicator", vi: "Số hộ nghèo đa chiều thiếu hụt chỉ số này"),
            ColumnDocumentation(t, "uncensored_headcount", en: "Share of the scope's households deprived on the indicator", vi: "Tỷ lệ hộ trong phạm vi thiếu hụt chỉ số (chưa kiểm duyệt)"),
            ColumnDocumentation(t, "censored_headcount", en: "Share of the scope's households that are multidimensionally poor and deprived on it", vi: "Tỷ lệ hộ vừa nghèo đa chiều vừa thiếu hụt chỉ số (đã kiểm duyệt)"),
            ColumnDocumentation(t, "contribution_percent", en: "100 · w · censored headcount / M0; NULL when M0 = 0; sums to 100 over the indicators",
                                vi: "Mức đóng góp (%) = 100 · w · tỷ lệ đã kiểm duyệt / M0; NULL khi M0 = 0; tổng các chỉ số bằng 100"),
        ]
        t = "unit_changes"
        rows += [
            ColumnDocumentation(t, "standard", en: "Poverty standard id (both years)", vi: "Mã chuẩn nghèo (của cả hai năm)"),
            ColumnDocumentation(t, "level", en: "Level: village, commune, district or province", vi: "Cấp: thôn, xã, huyện hoặc tỉnh"),
            ColumnDocumentation(t, "unit_code", en: "Unit code", vi: "Mã đơn vị"),
            ColumnDocumentation(t, "measure", en: "poor_rate, near_poor_rate, poor_near_poor_rate, ethnic_minority_poor_rate, or the AF headcount_ratio, intensity, adjusted_headcount (scope all, the standard's cut-off)",
                                vi: "Chỉ tiêu: tỷ lệ hộ nghèo, cận nghèo, nghèo và cận nghèo, nghèo dân tộc thiểu số, hoặc H, A, M0 của Alkire–Foster (mọi hộ, ngưỡng của chuẩn)"),
            ColumnDocumentation(t, "from_year", en: "Earlier review year", vi: "Năm đầu"),
            ColumnDocumentation(t, "to_year", en: "Later review year", vi: "Năm cuối"),
            ColumnDocumentation(t, "kind", en: "consecutive (to = from + 1) or whole_period (first to last review year of the standard)",
                                vi: "consecutive: hai năm liền nhau; whole_period: từ năm đầu đến năm cuối của chuẩn nghèo"),
            ColumnDocumentation(t, "from_value", en: "Value in from_year", vi: "Giá trị năm đầu"),
            ColumnDocumentation(t, "to_value", en: "Value in to_year", vi: "Giá trị năm cuối"),
            ColumnDocumentation(t, "absolute_change", en: "to − from (percentage points for rates)", vi: "Mức thay đổi = cuối − đầu (điểm phần trăm với tỷ lệ)"),
            ColumnDocumentation(t, "relative_change_percent", en: "100·(to − from)/from; NULL when from = 0", vi: "Thay đổi tương đối (%) = 100·(cuối − đầu)/đầu; NULL khi đầu = 0"),
            ColumnDocumentation(t, "annualised_absolute", en: "absolute_change / years", vi: "Mức thay đổi bình quân mỗi năm"),
            ColumnDocumentation(t, "annualised_relative_percent", en: "100·((to/from)^(1/years) − 1); NULL when from = 0 or to = 0",
                                vi: "Tốc độ thay đổi bình quân năm (%) = 100·((cuối/đầu)^(1/số năm) − 1); NULL khi đầu hoặc cuối bằng 0"),
        ]
        t = "integrity_findings"
        rows += keyColumns(t) + [
            ColumnDocumentation(t, "check", en: "income_bunching, exit_without_change, implausible_drop, bulk_absence or sum_mismatch (methods in the README)",
                                vi: "Loại kiểm tra: thu nhập dồn sát chuẩn, thoát nghèo không thay đổi, giảm bất thường, hộ vắng mặt, tổng không khớp (phương pháp trong README)"),
            ColumnDocumentation(t, "severity", en: "warning (look before publishing) or info", vi: "Mức độ: warning (cần xem trước khi công bố) hoặc info (tham khảo)"),
            ColumnDocumentation(t, "statistic", en: "The tested figure: a p-value, a fall in points, a share in percent or a difference",
                                vi: "Giá trị được kiểm tra: giá trị p, mức giảm (điểm phần trăm), tỷ lệ (%) hoặc chênh lệch"),
            ColumnDocumentation(t, "threshold", en: "The threshold the statistic was compared with", vi: "Ngưỡng so sánh"),
            ColumnDocumentation(t, "detail", en: "JSON with the counts behind the statistic", vi: "JSON chứa các số liệu dẫn đến kết quả"),
        ]
        t = "sensitivity"
        rows += keyColumns(t) + [
            ColumnDocumentation(t, "scenario", en: "line_minus_10, line_minus_5, line_plus_5, line_plus_10 (income line moved), cutoff_minus_1, cutoff_plus_1 (deprivation cut-off moved)",
                                vi: "Kịch bản: chuẩn thu nhập −10%, −5%, +5%, +10%, hoặc ngưỡng thiếu hụt k − 1, k + 1"),
            ColumnDocumentation(t, "poor", en: "Poor households under the scenario", vi: "Số hộ nghèo theo kịch bản"),
            ColumnDocumentation(t, "near_poor", en: "Near-poor households under the scenario", vi: "Số hộ cận nghèo theo kịch bản"),
            ColumnDocumentation(t, "poor_rate", en: "100 × poor / households (the unit_rates denominator)", vi: "Tỷ lệ hộ nghèo (%) theo kịch bản"),
            ColumnDocumentation(t, "poor_near_poor_rate", en: "100 × (poor + near_poor) / households", vi: "Tỷ lệ hộ nghèo và cận nghèo (%) theo kịch bản"),
            ColumnDocumentation(t, "households_changing_status", en: "Households whose status differs from the official one", vi: "Số hộ thay đổi phân loại so với kết quả chính thức"),
        ]
        t = "criteria_sensitivity"
        rows += [
            ColumnDocumentation(t, "plan", en: "Plan id", vi: "Mã kế hoạch"),
            ColumnDocumentation(t, "criterion_id", en: "Criterion id", vi: "Mã tiêu chí"),
            ColumnDocumentation(t, "level", en: "Level of the unit", vi: "Cấp đơn vị"),
            ColumnDocumentation(t, "unit_code", en: "Unit code", vi: "Mã đơn vị"),
            ColumnDocumentation(t, "evaluation_year", en: "Evaluation year", vi: "Năm đánh giá"),
            ColumnDocumentation(t, "standard", en: "Poverty standard of the verdict", vi: "Chuẩn nghèo của kết quả"),
            ColumnDocumentation(t, "scenario", en: "Scenario (see sensitivity.scenario)", vi: "Kịch bản (xem sensitivity.scenario)"),
            ColumnDocumentation(t, "verdict", en: "Verdict re-decided on the scenario's figures", vi: "Kết quả đánh giá theo số liệu của kịch bản"),
            ColumnDocumentation(t, "official_verdict", en: "The verdict in criteria_results", vi: "Kết quả chính thức trong criteria_results"),
            ColumnDocumentation(t, "flipped", en: "1 when the scenario changes the verdict", vi: "1 nếu kịch bản làm thay đổi kết quả"),
        ]
        return rows
    }()
}
