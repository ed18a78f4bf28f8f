import PovReviewCore

/// One row of the `columns` documentation table (outputs.md §1): what a column of a public
/// table or view holds, in English and in Vietnamese.
public struct ColumnDocumentation: Sendable, Equatable {
    public var tableName: String
    public var columnName: String
    public var descriptionEN: String
    /// Vietnamese with diacritics, NFC.
    public var descriptionVI: String

    public init(_ tableName: String, _ columnName: String, en: String, vi: String) {
        self.tableName = tableName
        self.columnName = columnName
        self.descriptionEN = en
        self.descriptionVI = vi
    }
}

/// What one table or view of the database is for, in English and Vietnamese.
public struct TableDocumentation: Sendable, Equatable {
    public var name: String
    public var isView: Bool
    public var descriptionEN: String
    public var descriptionVI: String
}

extension ColumnDocumentation {
    /// Every table and view of the schema, in the order a reader should meet them.
    public static let tables: [TableDocumentation] = [
        TableDocumentation(
            name: "household_status", isView: false,
            descriptionEN: "One row per household, review year and standard: the household's classification and deprivations.",
            descriptionVI: "Mỗi dòng là một hộ trong một năm rà soát theo một chuẩn nghèo: kết quả phân loại và các chỉ số thiếu hụt của hộ."),
        TableDocumentation(
            name: "household_deprivation", isView: false,
            descriptionEN: "A local standard's indicators beyond the national ones (those without a deprived_<id> column in household_status), one row per household, year, standard and indicator.",
            descriptionVI: "Các chỉ số thiếu hụt riêng của chuẩn nghèo địa phương ngoài các chỉ số quốc gia (không có cột deprived_<id> trong household_status), mỗi dòng một hộ, một năm, một chuẩn và một chỉ số."),
        TableDocumentation(
            name: "household_contact", isView: false,
            descriptionEN: "Optional contact data of households (only when the pipeline file opts in); ID numbers as a keyed hash.",
            descriptionVI: "Thông tin liên hệ của hộ (chỉ có khi tệp cấu hình cho phép); số định danh được lưu dưới dạng mã băm có khoá."),
        TableDocumentation(
            name: "unit_rates", isView: false,
            descriptionEN: "One row per review year, standard, level and unit: household counts and poverty rates.",
            descriptionVI: "Mỗi dòng là một đơn vị hành chính trong một năm rà soát theo một chuẩn nghèo: số hộ và các tỷ lệ nghèo."),
        TableDocumentation(
            name: "latest_unit_rates", isView: true,
            descriptionEN: "The rows of unit_rates of the latest review year of each standard: only the units that exist in that year (a commune abolished in the 2025 reform is not listed beside its successor).",
            descriptionVI: "Các dòng của unit_rates ứng với năm rà soát gần nhất của từng chuẩn nghèo: chỉ các đơn vị còn tồn tại trong năm đó (xã đã sáp nhập trong đợt sắp xếp năm 2025 không xuất hiện cạnh xã mới)."),
        TableDocumentation(
            name: "province_time_series", isView: true,
            descriptionEN: "The province rows of unit_rates over the years.",
            descriptionVI: "Số liệu cấp tỉnh của unit_rates qua các năm."),
        TableDocumentation(
            name: "household_transitions", isView: false,
            descriptionEN: "One row per household and pair of consecutive review years: its status in both years and the change.",
            descriptionVI: "Mỗi dòng là một hộ trong một cặp năm rà soát liền nhau: tình trạng của hộ ở hai năm và loại biến động."),
        TableDocumentation(
            name: "unit_transition_events", isView: true,
            descriptionEN: "The transitions seen from each unit at each level; a household that moved between units leaves one and enters the other.",
            descriptionVI: "Các biến động nhìn từ từng đơn vị ở từng cấp; hộ chuyển giữa hai đơn vị được tính là ra khỏi đơn vị cũ và vào đơn vị mới."),
        TableDocumentation(
            name: "unit_dynamics", isView: false,
            descriptionEN: "Poor and near-poor dynamics per level, unit, standard and year (the report forms' \"diễn biến\" table): end = start − decreases + increases.",
            descriptionVI: "Diễn biến hộ nghèo, hộ cận nghèo theo cấp, đơn vị, chuẩn nghèo và năm (biểu diễn biến của báo cáo): cuối năm = đầu năm − giảm + tăng."),
    ] + analystTables + [
        TableDocumentation(
            name: "criteria_results", isView: false,
            descriptionEN: "One row per plan, criterion, unit and evaluation year: the verdict and its evidence.",
            descriptionVI: "Mỗi dòng là một tiêu chí của một kế hoạch, áp dụng cho một đơn vị trong một năm đánh giá: kết quả và căn cứ."),
        TableDocumentation(
            name: "sustained_escapes", isView: false,
            descriptionEN: "Households that escaped poverty sustainably under a plan: poor at the baseline, neither poor nor near-poor in the last two review years.",
            descriptionVI: "Hộ thoát nghèo bền vững theo một kế hoạch: là hộ nghèo ở năm gốc, không nghèo và không cận nghèo trong hai năm rà soát cuối."),
        TableDocumentation(
            name: "quarantine", isView: false,
            descriptionEN: "One row per rejected input row, with the reason.",
            descriptionVI: "Mỗi dòng là một dòng dữ liệu đầu vào bị loại, kèm lý do."),
        TableDocumentation(
            name: "warnings", isView: false,
            descriptionEN: "Data-quality notes that did not reject a row.",
            descriptionVI: "Các cảnh báo về chất lượng dữ liệu không dẫn đến loại dòng."),
        TableDocumentation(
            name: "runs", isView: false,
            descriptionEN: "The run log: one row per pipeline run.",
            descriptionVI: "Nhật ký chạy: mỗi dòng là một lần chạy quy trình."),
        TableDocumentation(
            name: "input_files", isView: false,
            descriptionEN: "The input files of each run, with their checksums and row counts.",
            descriptionVI: "Các tệp đầu vào của mỗi lần chạy, kèm mã băm và số dòng."),
        TableDocumentation(
            name: "input_file_years", isView: false,
            descriptionEN: "The row counts of each input file per review year.",
            descriptionVI: "Số dòng của từng tệp đầu vào theo năm rà soát."),
        TableDocumentation(
            name: "village_spellings", isView: false,
            descriptionEN: "Every spelling of a village name seen per review year and commune, and the canonical spelling the village's rows hold in every year.",
            descriptionVI: "Mọi cách viết tên thôn đã gặp theo năm rà soát và xã, cùng cách viết chuẩn mà các dòng của thôn mang trong mọi năm."),
        TableDocumentation(
            name: "admin_units", isView: false,
            descriptionEN: "The administrative units of the run's admin file, with their kinds and validity.",
            descriptionVI: "Danh mục đơn vị hành chính của lần chạy, kèm phân loại và thời gian hiệu lực."),
        TableDocumentation(
            name: "standards", isView: false,
            descriptionEN: "The poverty standards used, with their lines and indicators.",
            descriptionVI: "Các chuẩn nghèo được áp dụng, kèm chuẩn thu nhập và các chỉ số."),
        standardIndicatorsTable,
        TableDocumentation(
            name: "columns", isView: false,
            descriptionEN: "This documentation: every column of every table and view.",
            descriptionVI: "Bảng mô tả này: mọi cột của mọi bảng và khung nhìn."),
        TableDocumentation(
            name: "schema_migrations", isView: false,
            descriptionEN: "Internal: the schema migrations applied to this database.",
            descriptionVI: "Nội bộ: các bước cập nhật cấu trúc đã áp dụng cho cơ sở dữ liệu."),
    ] + measuresTables

    /// Every documented column, table by table in the order of `tables`.
    public static let all: [ColumnDocumentation] = {
        var rows: [ColumnDocumentation] = []
        rows += householdStatus
        rows += householdDeprivation
        rows += householdContact
        rows += unitRates(table: "unit_rates")
        rows += unitRates(table: "latest_unit_rates")
        rows += provinceTimeSeries
        rows += householdTransitions
        rows += unitTransitionEvents
        rows += unitDynamics
        rows += unitDynamicsAdditions
        rows += unitDeprivations
        rows += changeCodes
        rows += criteriaResults
        rows += measuresColumns
        rows += sustainedEscapes
        rows += quarantine
        rows += warnings
        rows += runs
        rows += inputFiles
        rows += inputFileYears
        rows += villageSpellings
        rows += adminUnits
        rows += standards
        rows += standardIndicators
        rows += columnsTable
        rows += schemaMigrations
        return rows
    }()

    // MARK: Shared descriptions

    private static func reviewYear(_ table: String, _ column: String = "review_year") -> ColumnDocumentation {
        ColumnDocumentation(table, column, en: "Review year (the year of the annual review)", vi: "Năm rà soát")
    }
    private static func standard(_ table: String) -> ColumnDocumentation {
        ColumnDocumentation(
            table, "standard", en: "Poverty standard id, e.g. vn-2022", vi: "Mã chuẩn nghèo, ví dụ vn-2022")
    }
    private static func level(_ table: String) -> ColumnDocumentation {
        ColumnDocumentation(
            table, "level", en: "Administrative level: village, commune, district or province",
            vi: "Cấp hành chính: village (thôn), commune (xã), district (huyện) hoặc province (tỉnh)")
    }
    private static func unitCode(_ table: String) -> ColumnDocumentation {
        ColumnDocumentation(
            table, "unit_code",
            en: "Unit code: province 2 digits, district 3, commune 5; a village is <commune_code>/<village name>",
            vi: "Mã đơn vị: tỉnh 2 chữ số, huyện 3, xã 5; thôn có mã <mã xã>/<tên thôn>")
    }
    private static func unitName(_ table: String) -> ColumnDocumentation {
        ColumnDocumentation(table, "unit_name", en: "Unit name", vi: "Tên đơn vị")
    }
    private static func runID(_ table: String) -> ColumnDocumentation {
        ColumnDocumentation(table, "run_id", en: "Run that wrote the row (runs.run_id)", vi: "Lần chạy đã ghi dòng này (runs.run_id)")
    }
    private static func householdID(_ table: String) -> ColumnDocumentation {
        ColumnDocumentation(
            table, "household_id", en: "Household id (mã hộ), stable across review years",
            vi: "Mã hộ, không đổi qua các năm rà soát")
    }
    private static func plan(_ table: String) -> ColumnDocumentation {
        ColumnDocumentation(table, "plan", en: "Plan id, e.g. national-666", vi: "Mã kế hoạch, ví dụ national-666")
    }

    private static let statusValuesEN = "poor, near_poor, average or above"
    private static let statusValuesVI = "poor (nghèo), near_poor (cận nghèo), average (trung bình) hoặc above (trên mức trung bình)"

    // MARK: Tables

    private static let householdStatus: [ColumnDocumentation] = {
        let t = "household_status"
        var rows = [
            reviewYear(t), standard(t), householdID(t),
            ColumnDocumentation(t, "province_code", en: "Province code", vi: "Mã tỉnh"),
            ColumnDocumentation(
                t, "district_code", en: "District code (NULL after the 2025 reform)",
                vi: "Mã huyện (NULL sau khi bỏ cấp huyện năm 2025)"),
            ColumnDocumentation(t, "commune_code", en: "Commune code", vi: "Mã xã"),
            ColumnDocumentation(
                t, "village", en: "Village name, canonical spelling (the one in its unit_code)",
                vi: "Tên thôn theo cách viết chuẩn (cách viết trong mã đơn vị)"),
            ColumnDocumentation(t, "area", en: "rural or urban", vi: "rural (nông thôn) hoặc urban (thành thị)"),
            ColumnDocumentation(t, "members", en: "Number of members (persons)", vi: "Số nhân khẩu"),
            ColumnDocumentation(
                t, "ethnic_minority", en: "1 when the household is an ethnic-minority household",
                vi: "1 nếu là hộ dân tộc thiểu số"),
            ColumnDocumentation(
                t, "income_basis", en: "Income measure that decided the classification: income or score",
                vi: "Căn cứ thu nhập dùng để phân loại: income (thu nhập bình quân) hoặc score (điểm B1)"),
            ColumnDocumentation(
                t, "income_per_capita", en: "Income per capita, VND per person per month",
                vi: "Thu nhập bình quân đầu người, đồng/người/tháng"),
            ColumnDocumentation(t, "income_score", en: "B1 proxy score", vi: "Điểm thu nhập theo phiếu B1"),
            ColumnDocumentation(
                t, "deprivation_count", en: "Number of indicators on which the household is deprived",
                vi: "Số chỉ số thiếu hụt của hộ"),
            ColumnDocumentation(t, "status", en: "Classification: " + statusValuesEN, vi: "Kết quả phân loại: " + statusValuesVI),
            ColumnDocumentation(
                t, "without_labour_capacity", en: "1 when the household has no labour capacity",
                vi: "1 nếu là hộ không có khả năng lao động"),
            ColumnDocumentation(
                t, "with_social_protection", en: "1 when a member receives monthly social assistance",
                vi: "1 nếu hộ có thành viên hưởng trợ cấp xã hội hằng tháng"),
        ]
        for indicator in Indicator.catalog {
            rows.append(ColumnDocumentation(
                t, "deprived_" + indicator.id.rawValue,
                en: "1 when deprived on \(indicator.nameEn.lowercased()); NULL when the row's standard lacks the indicator",
                vi: "1 nếu hộ thiếu hụt chỉ số \(indicator.nameVi.lowercased()); NULL nếu chuẩn nghèo của dòng không có chỉ số này"))
        }
        return rows
    }()

    private static let householdContact: [ColumnDocumentation] = {
        let t = "household_contact"
        return [
            reviewYear(t), householdID(t),
            ColumnDocumentation(t, "head_name", en: "Name of the household head", vi: "Họ tên chủ hộ"),
            ColumnDocumentation(
                t, "head_id_hash", en: "Keyed hash of the household head's ID number",
                vi: "Mã băm có khoá của số định danh chủ hộ"),
        ]
    }()

    private static func unitRates(table t: String) -> [ColumnDocumentation] {
        var rows = [
            reviewYear(t), standard(t),
            ColumnDocumentation(
                t, "standard_provisional", en: "1 when the standard's figures are provisional",
                vi: "1 nếu các ngưỡng của chuẩn nghèo là tạm tính"),
            level(t), unitCode(t), unitName(t),
            ColumnDocumentation(
                t, "parent_code", en: "Code of the containing unit (NULL for a province)",
                vi: "Mã đơn vị cấp trên (NULL với cấp tỉnh)"),
            ColumnDocumentation(t, "households", en: "Households (denominator of the rates)", vi: "Tổng số hộ (mẫu số của các tỷ lệ)"),
            ColumnDocumentation(t, "poor", en: "Poor households", vi: "Số hộ nghèo"),
            ColumnDocumentation(t, "near_poor", en: "Near-poor households", vi: "Số hộ cận nghèo"),
            ColumnDocumentation(t, "average", en: "Average-living-standard households", vi: "Số hộ có mức sống trung bình"),
            ColumnDocumentation(t, "poor_near_poor", en: "Poor plus near-poor households", vi: "Số hộ nghèo và hộ cận nghèo"),
            ColumnDocumentation(
                t, "poor_rate", en: "100 × poor / households, full precision",
                vi: "Tỷ lệ hộ nghèo (%) = 100 × poor / households, không làm tròn"),
            ColumnDocumentation(
                t, "near_poor_rate", en: "100 × near_poor / households, full precision",
                vi: "Tỷ lệ hộ cận nghèo (%) = 100 × near_poor / households, không làm tròn"),
            ColumnDocumentation(
                t, "poor_near_poor_rate", en: "100 × (poor + near_poor) / households, full precision",
                vi: "Tỷ lệ nghèo đa chiều (%) = 100 × (poor + near_poor) / households, không làm tròn"),
            ColumnDocumentation(
                t, "ethnic_minority_households", en: "Ethnic-minority households", vi: "Số hộ dân tộc thiểu số"),
            ColumnDocumentation(
                t, "ethnic_minority_poor", en: "Ethnic-minority poor households", vi: "Số hộ nghèo dân tộc thiểu số"),
            ColumnDocumentation(
                t, "ethnic_minority_poor_rate",
                en: "100 × ethnic_minority_poor / ethnic_minority_households; NULL without ethnic-minority households",
                vi: "Tỷ lệ hộ nghèo dân tộc thiểu số (%) = 100 × ethnic_minority_poor / ethnic_minority_households; NULL nếu không có hộ dân tộc thiểu số"),
            ColumnDocumentation(
                t, "poor_without_labour_capacity", en: "Poor households without labour capacity",
                vi: "Số hộ nghèo không có khả năng lao động"),
            ColumnDocumentation(
                t, "poor_special_difficulty",
                en: "Poor households without labour capacity or with a member on monthly social assistance",
                vi: "Số hộ nghèo có hoàn cảnh đặc biệt khó khăn (không có khả năng lao động hoặc có thành viên hưởng trợ cấp xã hội hằng tháng)"),
            ColumnDocumentation(t, "poor_members", en: "Persons in poor households", vi: "Số nhân khẩu của hộ nghèo"),
            ColumnDocumentation(t, "near_poor_members", en: "Persons in near-poor households", vi: "Số nhân khẩu của hộ cận nghèo"),
            ColumnDocumentation(
                t, "denominator_source",
                en: "Where households comes from: dump (counted from the review data) or totals (the totals file)",
                vi: "Nguồn của tổng số hộ: dump (đếm từ dữ liệu rà soát) hoặc totals (tệp số liệu tổng hợp)"),
            ColumnDocumentation(
                t, "reviewed_households", en: "Households present in the review data",
                vi: "Số hộ có trong dữ liệu rà soát"),
            ColumnDocumentation(t, "rural_households", en: "Rural households", vi: "Số hộ nông thôn"),
        ]
        for indicator in Indicator.catalog {
            let id = indicator.id.rawValue, en = indicator.nameEn.lowercased(), vi = indicator.nameVi.lowercased()
            rows.append(ColumnDocumentation(
                t, "poor_deprived_" + id,
                en: "Poor households deprived on \(en); NULL when the standard lacks the indicator",
                vi: "Số hộ nghèo thiếu hụt chỉ số \(vi); NULL nếu chuẩn nghèo không có chỉ số này"))
            rows.append(ColumnDocumentation(
                t, "near_poor_deprived_" + id,
                en: "Near-poor households deprived on \(en); NULL when the standard lacks the indicator",
                vi: "Số hộ cận nghèo thiếu hụt chỉ số \(vi); NULL nếu chuẩn nghèo không có chỉ số này"))
        }
        return rows
    }

    private static let provinceTimeSeries: [ColumnDocumentation] = {
        let t = "province_time_series"
        let rates = unitRates(table: t)
        func copy(_ column: String) -> ColumnDocumentation { rates.first { $0.columnName == column }! }
        return [
            reviewYear(t), standard(t),
            ColumnDocumentation(t, "province_code", en: "Province code", vi: "Mã tỉnh"),
            ColumnDocumentation(t, "province_name", en: "Province name", vi: "Tên tỉnh"),
        ] + ["households", "poor", "near_poor", "poor_near_poor", "poor_rate", "near_poor_rate",
             "poor_near_poor_rate", "ethnic_minority_poor_rate"].map(copy)
    }()

    private static let changeValuesEN =
        "entered_poor, stayed_poor, near_poor_to_poor, fell_back_poor, newly_poor, entered_near_poor, poor_to_near_poor, stayed_near_poor, fell_back_near_poor, newly_near_poor, escaped_above_near_poor, escaped_near_poverty, poor_left, near_poor_left or stayed_out (outputs.md)"
    private static let changeValuesVI =
        "Loại biến động, ví dụ escaped_above_near_poor (thoát nghèo lên trên chuẩn cận nghèo), fell_back_poor (tái nghèo), newly_poor (phát sinh mới), poor_left (giảm khác); danh sách đầy đủ trong outputs.md"

    private static let householdTransitions: [ColumnDocumentation] = {
        let t = "household_transitions"
        var rows = [
            householdID(t),
            ColumnDocumentation(t, "from_year", en: "Earlier review year of the pair", vi: "Năm rà soát trước của cặp năm"),
            ColumnDocumentation(t, "to_year", en: "Later review year (from_year + 1)", vi: "Năm rà soát sau (from_year + 1)"),
            standard(t),
            ColumnDocumentation(
                t, "from_status", en: "Status in from_year: \(statusValuesEN), or absent",
                vi: "Tình trạng năm trước: \(statusValuesVI), hoặc absent (không có trong dữ liệu)"),
            ColumnDocumentation(
                t, "to_status", en: "Status in to_year: \(statusValuesEN), or absent",
                vi: "Tình trạng năm sau: \(statusValuesVI), hoặc absent (không có trong dữ liệu)"),
            ColumnDocumentation(t, "change", en: "Change: " + changeValuesEN, vi: changeValuesVI),
        ]
        let levels: [(String, String, String)] = [
            ("village", "village code", "mã thôn"), ("commune", "commune code", "mã xã"),
            ("district", "district code", "mã huyện"), ("province", "province code", "mã tỉnh"),
        ]
        for (name, en, vi) in levels {
            rows.append(ColumnDocumentation(
                t, "from_\(name)_code", en: "The household's \(en) in from_year (NULL when absent)",
                vi: "\(vi.prefix(1).uppercased() + vi.dropFirst()) của hộ ở năm trước (NULL nếu không có)"))
            rows.append(ColumnDocumentation(
                t, "to_\(name)_code", en: "The household's \(en) in to_year (NULL when absent)",
                vi: "\(vi.prefix(1).uppercased() + vi.dropFirst()) của hộ ở năm sau (NULL nếu không có)"))
        }
        return rows
    }()

    private static let unitTransitionEvents: [ColumnDocumentation] = {
        let t = "unit_transition_events"
        return [
            level(t), unitCode(t), standard(t),
            ColumnDocumentation(t, "from_year", en: "Earlier review year of the pair", vi: "Năm rà soát trước của cặp năm"),
            ColumnDocumentation(t, "to_year", en: "Later review year", vi: "Năm rà soát sau"),
            ColumnDocumentation(
                t, "from_status", en: "Status in the unit in from_year (absent when the household was elsewhere)",
                vi: "Tình trạng của hộ tại đơn vị ở năm trước (absent nếu hộ ở nơi khác)"),
            ColumnDocumentation(
                t, "to_status", en: "Status in the unit in to_year (absent when the household is elsewhere)",
                vi: "Tình trạng của hộ tại đơn vị ở năm sau (absent nếu hộ ở nơi khác)"),
            ColumnDocumentation(t, "change", en: "Change as seen from the unit: " + changeValuesEN, vi: changeValuesVI),
        ]
    }()

    private static let unitDynamics: [ColumnDocumentation] = {
        let t = "unit_dynamics"
        var rows = [
            level(t), unitCode(t), standard(t),
            ColumnDocumentation(t, "from_year", en: "Earlier review year", vi: "Năm rà soát trước"),
            ColumnDocumentation(t, "to_year", en: "Review year of the dynamics", vi: "Năm rà soát của biến động"),
        ]
        let counts: [(String, String, String)] = [
            ("poor_start", "Poor households in from_year", "Số hộ nghèo đầu năm (năm trước)"),
            ("poor_to_near_poor", "Decrease: poor who became near-poor", "Giảm: hộ nghèo chuyển thành hộ cận nghèo"),
            ("poor_escaped_above", "Decrease: poor who rose above the near-poor line",
             "Giảm: hộ thoát nghèo lên trên chuẩn cận nghèo"),
            ("poor_left", "Decrease: poor who left the unit (moved away, merged, died)",
             "Giảm khác: hộ nghèo chuyển đi, nhập hộ, chết"),
            ("poor_from_near_poor", "Increase: near-poor who became poor", "Tăng: hộ cận nghèo chuyển thành hộ nghèo"),
            ("poor_fell_back", "Increase: fell back into poverty (poor in an earlier year)", "Tăng: hộ tái nghèo"),
            ("poor_newly", "Increase: newly poor", "Tăng: hộ nghèo phát sinh mới"),
            ("poor_entered", "Increase: poor who entered the unit (new or moved-in household)",
             "Tăng khác: hộ nghèo mới tách hộ, chuyển đến"),
            ("poor_end", "Poor households in to_year", "Số hộ nghèo cuối năm"),
            ("near_poor_start", "Near-poor households in from_year", "Số hộ cận nghèo đầu năm (năm trước)"),
            ("near_poor_to_poor", "Decrease: near-poor who became poor", "Giảm: hộ cận nghèo chuyển thành hộ nghèo"),
            ("near_poor_escaped", "Decrease: near-poor who escaped near-poverty", "Giảm: hộ thoát cận nghèo"),
            ("near_poor_left", "Decrease: near-poor who left the unit", "Giảm khác: hộ cận nghèo chuyển đi, nhập hộ, chết"),
            ("near_poor_from_poor", "Increase: poor who became near-poor", "Tăng: hộ nghèo chuyển thành hộ cận nghèo"),
            ("near_poor_fell_back", "Increase: fell back into near-poverty", "Tăng: hộ tái cận nghèo"),
            ("near_poor_newly", "Increase: newly near-poor", "Tăng: hộ cận nghèo phát sinh mới"),
            ("near_poor_entered", "Increase: near-poor who entered the unit",
             "Tăng khác: hộ cận nghèo mới tách hộ, chuyển đến"),
            ("near_poor_end", "Near-poor households in to_year", "Số hộ cận nghèo cuối năm"),
        ]
        rows += counts.map { ColumnDocumentation(t, $0.0, en: $0.1, vi: $0.2) }
        return rows
    }()

    private static let criteriaResults: [ColumnDocumentation] = {
        let t = "criteria_results"
        return [
            plan(t),
            ColumnDocumentation(t, "criterion_id", en: "Criterion id within the plan, e.g. district-poor", vi: "Mã tiêu chí trong kế hoạch, ví dụ district-poor"),
            ColumnDocumentation(t, "criterion_text_vi", en: "The criterion's Vietnamese text", vi: "Nội dung tiêu chí"),
            ColumnDocumentation(t, "criterion_label_vi", en: "The criterion's short Vietnamese label (label_vi of the plan file)", vi: "Tên ngắn của tiêu chí (label_vi trong tệp kế hoạch)"),
            ColumnDocumentation(t, "criterion_label_en", en: "The criterion's short English label (label_en of the plan file)", vi: "Tên ngắn của tiêu chí bằng tiếng Anh (label_en trong tệp kế hoạch)"),
            level(t), unitCode(t), unitName(t),
            ColumnDocumentation(t, "evaluation_year", en: "Evaluation year", vi: "Năm đánh giá"),
            standard(t),
            ColumnDocumentation(
                t, "verdict", en: "met, not_met, not_applicable or insufficient_data",
                vi: "Kết quả: met (đạt), not_met (không đạt), not_applicable (không áp dụng) hoặc insufficient_data (thiếu dữ liệu)"),
            ColumnDocumentation(
                t, "evidence", en: "JSON: the yearly values, thresholds and arithmetic behind the verdict; \"provisional\": true and \"provisional_reasons\" when computed under a provisional standard or plan number",
                vi: "JSON: số liệu các năm, ngưỡng và phép tính dẫn đến kết quả; \"provisional\": true và \"provisional_reasons\" khi tính theo chuẩn nghèo hoặc ngưỡng kế hoạch tạm tính"),
            ColumnDocumentation(
                t, "borderline", en: "1 when rounding the rates to 2 decimals would flip the verdict",
                vi: "1 nếu làm tròn các tỷ lệ đến 2 chữ số thập phân sẽ làm đổi kết quả (sát ngưỡng)"),
            ColumnDocumentation(t, "explanation_vi", en: "The evidence in words, Vietnamese", vi: "Diễn giải căn cứ đánh giá bằng tiếng Việt"),
            ColumnDocumentation(t, "explanation_en", en: "The evidence in words, English", vi: "Diễn giải căn cứ đánh giá bằng tiếng Anh"),
        ]
    }()

    private static let householdDeprivation: [ColumnDocumentation] = {
        let t = "household_deprivation"
        return [
            reviewYear(t), standard(t), householdID(t),
            ColumnDocumentation(t, "indicator", en: "Indicator id of the local standard", vi: "Mã chỉ số thiếu hụt của chuẩn nghèo địa phương"),
            ColumnDocumentation(t, "deprived", en: "1 when the household is deprived on the indicator", vi: "1 nếu hộ thiếu hụt chỉ số này"),
        ]
    }()

    private static let sustainedEscapes: [ColumnDocumentation] = {
        let t = "sustained_escapes"
        return [
            plan(t),
            ColumnDocumentation(t, "baseline_year", en: "The plan's baseline review year", vi: "Năm gốc của kế hoạch"),
            ColumnDocumentation(t, "evaluation_year", en: "Last review year T of the two checked (T−1, T)", vi: "Năm đánh giá T (xét hai năm T−1 và T)"),
            standard(t), householdID(t),
            ColumnDocumentation(t, "village_code", en: "The household's village code in the evaluation year", vi: "Mã thôn của hộ ở năm đánh giá"),
            ColumnDocumentation(t, "commune_code", en: "The household's commune code in the evaluation year", vi: "Mã xã của hộ ở năm đánh giá"),
            ColumnDocumentation(t, "province_code", en: "The household's province code in the evaluation year", vi: "Mã tỉnh của hộ ở năm đánh giá"),
        ]
    }()

    private static let quarantine: [ColumnDocumentation] = {
        let t = "quarantine"
        return [
            runID(t),
            ColumnDocumentation(t, "source_file", en: "Input file of the rejected row", vi: "Tệp đầu vào chứa dòng bị loại"),
            ColumnDocumentation(t, "line", en: "Physical line number in the file (1-based)", vi: "Số thứ tự dòng trong tệp (tính từ 1)"),
            ColumnDocumentation(t, "column_name", en: "Column at fault, when one is", vi: "Cột có lỗi, nếu xác định được"),
            ColumnDocumentation(
                t, "reason",
                en: "malformed_row, invalid_encoding, missing_value, invalid_number, invalid_enum, inconsistent_counts, unknown_unit, unsupported_year or duplicate_household",
                vi: "Lý do loại: malformed_row (sai cấu trúc), invalid_encoding (sai mã ký tự), missing_value (thiếu giá trị), invalid_number (số không hợp lệ), invalid_enum (giá trị ngoài danh mục), inconsistent_counts (số người không khớp), unknown_unit (đơn vị không có trong danh mục), unsupported_year (năm không có chuẩn nghèo), duplicate_household (trùng mã hộ)"),
            ColumnDocumentation(t, "message", en: "What was wrong and what was expected", vi: "Mô tả lỗi và giá trị mong đợi"),
            ColumnDocumentation(t, "raw", en: "The raw row as read", vi: "Nội dung gốc của dòng"),
            reviewYear(t),
            householdID(t),
        ]
    }()

    private static let warnings: [ColumnDocumentation] = {
        let t = "warnings"
        return [
            runID(t),
            ColumnDocumentation(t, "source_file", en: "Input file the warning is about", vi: "Tệp đầu vào được cảnh báo"),
            ColumnDocumentation(t, "line", en: "Line in the file, when about one row", vi: "Số dòng trong tệp, nếu cảnh báo về một dòng"),
            ColumnDocumentation(t, "code", en: "Stable warning code, e.g. padded_code", vi: "Mã cảnh báo, ví dụ padded_code"),
            ColumnDocumentation(t, "message", en: "The warning in words", vi: "Nội dung cảnh báo"),
        ]
    }()

    private static let runs: [ColumnDocumentation] = {
        let t = "runs"
        return [
            ColumnDocumentation(t, "run_id", en: "Run number", vi: "Số thứ tự lần chạy"),
            ColumnDocumentation(t, "started_at", en: "Start time (UTC, ISO 8601)", vi: "Thời điểm bắt đầu (UTC, ISO 8601)"),
            ColumnDocumentation(t, "finished_at", en: "End time (UTC, ISO 8601)", vi: "Thời điểm kết thúc (UTC, ISO 8601)"),
            ColumnDocumentation(t, "status", en: "running, succeeded or failed", vi: "Trạng thái: running (đang chạy), succeeded (thành công) hoặc failed (lỗi)"),
            ColumnDocumentation(t, "pipeline", en: "Pipeline name", vi: "Tên quy trình"),
            ColumnDocumentation(t, "config_sha256", en: "SHA-256 of the effective configuration", vi: "Mã băm SHA-256 của cấu hình áp dụng"),
            ColumnDocumentation(t, "tool_version", en: "povreview version", vi: "Phiên bản povreview"),
            ColumnDocumentation(t, "inputs_sha256", en: "SHA-256 of everything the run read except the dumps (configuration, reference files, standards, plans, program); a rerun with the same value and the same dump hashes has nothing to do",
                                vi: "Mã băm SHA-256 của mọi thứ lần chạy đã đọc ngoài các tệp dữ liệu rà soát (cấu hình, tệp tham chiếu, chuẩn nghèo, kế hoạch, chương trình); lần chạy lại có cùng giá trị và cùng mã băm các tệp dữ liệu thì không phải làm gì"),
            ColumnDocumentation(t, "kept_from_run", en: "For an incremental run: the run whose rows of the kept review years it carried over (NULL: every dump was read)",
                                vi: "Với lần chạy bổ sung: lần chạy mà dữ liệu các năm rà soát được giữ lại được lấy từ đó (NULL: mọi tệp dữ liệu đều được đọc lại)"),
            ColumnDocumentation(t, "kept_years", en: "For an incremental run: the review years kept, comma-separated (NULL: none)",
                                vi: "Với lần chạy bổ sung: các năm rà soát được giữ lại, cách nhau bởi dấu phẩy (NULL: không có)"),
        ]
    }()

    private static let inputFiles: [ColumnDocumentation] = {
        let t = "input_files"
        return [
            runID(t),
            ColumnDocumentation(t, "path", en: "Path of the input file", vi: "Đường dẫn tệp đầu vào"),
            ColumnDocumentation(t, "sha256", en: "SHA-256 of the file's bytes", vi: "Mã băm SHA-256 của tệp"),
            ColumnDocumentation(t, "rows_read", en: "Data rows read", vi: "Số dòng dữ liệu đã đọc"),
            ColumnDocumentation(t, "rows_accepted", en: "Rows accepted", vi: "Số dòng được nhận"),
            ColumnDocumentation(t, "rows_quarantined", en: "Rows rejected (see quarantine)", vi: "Số dòng bị loại (xem bảng quarantine)"),
        ]
    }()

    private static let villageSpellings: [ColumnDocumentation] = {
        let t = "village_spellings"
        return [
            ColumnDocumentation(t, "review_year", en: "Review year in which the spelling was seen", vi: "Năm rà soát có cách viết này"),
            ColumnDocumentation(t, "commune_code", en: "Commune code", vi: "Mã xã"),
            ColumnDocumentation(t, "spelling", en: "A spelling of the village name in the dumps (Unicode NFC, spaces trimmed and collapsed)", vi: "Một cách viết tên thôn trong dữ liệu rà soát (Unicode NFC, đã gộp khoảng trắng)"),
            ColumnDocumentation(t, "village", en: "The canonical spelling all its rows hold (household_status.village)", vi: "Cách viết chuẩn mà mọi dòng của thôn mang (household_status.village)"),
        ]
    }()

    private static let inputFileYears: [ColumnDocumentation] = {
        let t = "input_file_years"
        return [
            runID(t),
            ColumnDocumentation(t, "path", en: "Path of the input file", vi: "Đường dẫn tệp đầu vào"),
            ColumnDocumentation(t, "review_year", en: "Review year of the rows (NULL when unreadable)", vi: "Năm rà soát của các dòng (NULL nếu không đọc được)"),
            ColumnDocumentation(t, "rows_read", en: "Data rows read for the year", vi: "Số dòng dữ liệu đã đọc của năm"),
            ColumnDocumentation(t, "rows_accepted", en: "Rows accepted for the year", vi: "Số dòng được nhận của năm"),
            ColumnDocumentation(t, "rows_quarantined", en: "Rows rejected for the year", vi: "Số dòng bị loại của năm"),
        ]
    }()

    private static let adminUnits: [ColumnDocumentation] = {
        let t = "admin_units"
        return [
            ColumnDocumentation(t, "code", en: "Unit code", vi: "Mã đơn vị"),
            ColumnDocumentation(t, "name", en: "Official name", vi: "Tên chính thức"),
            ColumnDocumentation(t, "level", en: "province, district or commune", vi: "Cấp: province (tỉnh), district (huyện) hoặc commune (xã)"),
            ColumnDocumentation(t, "parent_code", en: "Containing unit (NULL for a province)", vi: "Mã đơn vị cấp trên (NULL với cấp tỉnh)"),
            ColumnDocumentation(t, "poor_district", en: "1 for a district on the poor-district list", vi: "1 nếu là huyện nghèo"),
            ColumnDocumentation(
                t, "coastal_special_difficulty", en: "1 for an especially difficult coastal or island commune",
                vi: "1 nếu là xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo"),
            ColumnDocumentation(
                t, "ethnic_region", en: "Ethnic-minority area region I, II or III (NULL when none)",
                vi: "Xã khu vực I, II hoặc III vùng đồng bào dân tộc thiểu số và miền núi (NULL nếu không thuộc)"),
            ColumnDocumentation(t, "valid_from", en: "First review year the row is valid for (NULL: open)", vi: "Năm rà soát đầu tiên có hiệu lực (NULL: không giới hạn)"),
            ColumnDocumentation(t, "valid_to", en: "Last review year the row is valid for (NULL: open)", vi: "Năm rà soát cuối cùng có hiệu lực (NULL: không giới hạn)"),
        ]
    }()

    private static let standards: [ColumnDocumentation] = {
        let t = "standards"
        return [
            ColumnDocumentation(t, "standard", en: "Standard id", vi: "Mã chuẩn nghèo"),
            ColumnDocumentation(t, "name_vi", en: "Vietnamese name", vi: "Tên chuẩn nghèo"),
            ColumnDocumentation(t, "legal_basis", en: "Legal basis (decree or decision)", vi: "Căn cứ pháp lý (nghị định, quyết định)"),
            ColumnDocumentation(t, "provisional", en: "1 when its figures are provisional", vi: "1 nếu các ngưỡng là tạm tính"),
            ColumnDocumentation(t, "national", en: "1 for a national standard, 0 for a local one", vi: "1 nếu là chuẩn quốc gia, 0 nếu là chuẩn địa phương"),
            ColumnDocumentation(t, "income_line_rural", en: "Rural income line, VND per person per month", vi: "Chuẩn thu nhập khu vực nông thôn, đồng/người/tháng"),
            ColumnDocumentation(t, "income_line_urban", en: "Urban income line, VND per person per month", vi: "Chuẩn thu nhập khu vực thành thị, đồng/người/tháng"),
            ColumnDocumentation(t, "average_upper_rural", en: "Rural upper bound of the average band", vi: "Mức trần hộ có mức sống trung bình khu vực nông thôn"),
            ColumnDocumentation(t, "average_upper_urban", en: "Urban upper bound of the average band", vi: "Mức trần hộ có mức sống trung bình khu vực thành thị"),
            ColumnDocumentation(t, "score_line_rural", en: "Rural B1 score line", vi: "Ngưỡng điểm B1 khu vực nông thôn"),
            ColumnDocumentation(t, "score_line_urban", en: "Urban B1 score line", vi: "Ngưỡng điểm B1 khu vực thành thị"),
            ColumnDocumentation(
                t, "deprivation_cutoff", en: "Deprivations from which a household under the line is poor",
                vi: "Số chỉ số thiếu hụt tối thiểu để hộ dưới chuẩn thu nhập là hộ nghèo"),
            ColumnDocumentation(t, "indicators", en: "The standard's indicator ids", vi: "Các mã chỉ số của chuẩn nghèo"),
        ]
    }()

    private static let columnsTable: [ColumnDocumentation] = {
        let t = "columns"
        return [
            ColumnDocumentation(t, "table_name", en: "Table or view", vi: "Tên bảng hoặc khung nhìn"),
            ColumnDocumentation(t, "column_name", en: "Column", vi: "Tên cột"),
            ColumnDocumentation(t, "description_en", en: "Description in English", vi: "Mô tả bằng tiếng Anh"),
            ColumnDocumentation(t, "description_vi", en: "Description in Vietnamese", vi: "Mô tả bằng tiếng Việt"),
        ]
    }()

    private static let schemaMigrations: [ColumnDocumentation] = {
        let t = "schema_migrations"
        return [
            ColumnDocumentation(t, "position", en: "Order of the migration", vi: "Thứ tự bước cập nhật"),
            ColumnDocumentation(t, "name", en: "Migration name", vi: "Tên bước cập nhật"),
        ]
    }()
}

/// Fills the `columns` table of `database` with `ColumnDocumentation.all`, replacing any
/// earlier text for the same columns.
public func insertColumnDocumentation(into database: SQLiteDatabase) throws {
    try database.transaction {
        let statement = try database.prepare(
            "INSERT OR REPLACE INTO columns (table_name, column_name, description_en, description_vi) VALUES (?, ?, ?, ?)")
        for row in ColumnDocumentation.all {
            try statement.bind([.text(row.tableName), .text(row.columnName), .text(row.descriptionEN), .text(row.descriptionVI)])
            try statement.execute()
        }
    }
}
