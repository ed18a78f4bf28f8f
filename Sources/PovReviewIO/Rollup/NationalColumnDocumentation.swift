import PovReviewCore

/// The `columns` documentation of the national database (`povreview rollup`), in English and
/// Vietnamese. `unit_rates` reuses the province schema's descriptions, with the few columns whose
/// meaning widens (levels `region` and `country`) described anew.
enum NationalColumnDocumentation {
    /// Every documented column of the national database whose `unit_rates` has `unitRatesColumns`.
    static func all(unitRatesColumns: [String]) -> [ColumnDocumentation] {
        var rows: [ColumnDocumentation] = []
        for table in ["unit_rates", "latest_unit_rates"] {
            let province = Dictionary(
                ColumnDocumentation.all.filter { $0.tableName == "unit_rates" }.map { ($0.columnName, $0) },
                uniquingKeysWith: { first, _ in first })
            for column in unitRatesColumns {
                if let text = widened(column) {
                    rows.append(ColumnDocumentation(table, column, en: text.en, vi: text.vi))
                } else if let doc = province[column] {
                    rows.append(ColumnDocumentation(table, column, en: doc.descriptionEN, vi: doc.descriptionVI))
                } else {
                    rows.append(ColumnDocumentation(
                        table, column, en: "Copied from the province databases (a column of a newer schema)",
                        vi: "Sao chép từ cơ sở dữ liệu của các tỉnh (cột của phiên bản cấu trúc mới hơn)"))
                }
            }
        }
        rows += other
        return rows
    }

    private static func widened(_ column: String) -> (en: String, vi: String)? {
        switch column {
        case "level":
            ("village, commune, district, province (copied from the province databases), region or country (summed)",
             "Cấp: village (thôn), commune (xã), district (huyện), province (tỉnh) (sao chép từ cơ sở dữ liệu của tỉnh), region (vùng) hoặc country (toàn quốc) (cộng từ các tỉnh)")
        case "unit_code":
            ("Unit code; a region's code is its id (e.g. dong-bang-song-hong), the country's is VN",
             "Mã đơn vị; mã vùng là mã định danh của vùng (ví dụ dong-bang-song-hong), mã toàn quốc là VN")
        case "parent_code":
            ("Code of the containing unit as in the province database; VN for a region; NULL for the country",
             "Mã đơn vị cấp trên như trong cơ sở dữ liệu của tỉnh; VN với cấp vùng; NULL với cấp toàn quốc")
        case "denominator_source":
            ("Where households comes from: dump, totals, or mixed (a region or the country summing provinces of both kinds)",
             "Nguồn của tổng số hộ: dump, totals, hoặc mixed (vùng hoặc toàn quốc cộng từ các tỉnh dùng cả hai nguồn)")
        case "provinces_summed":
            ("Region and country rows: the province rows summed into the row; NULL for copied rows",
             "Dòng cấp vùng và toàn quốc: số tỉnh được cộng vào dòng; NULL với các dòng sao chép")
        case "provinces_missing":
            ("Region and country rows: provinces absent from this review year that other years of the roll-up have (see rollup_gaps); NULL for copied rows",
             "Dòng cấp vùng và toàn quốc: số tỉnh thiếu số liệu năm rà soát này nhưng có ở năm khác (xem rollup_gaps); NULL với các dòng sao chép")
        default:
            nil
        }
    }

    private static let other: [ColumnDocumentation] = {
        var rows: [ColumnDocumentation] = []
        var t = "rollup_sources"
        rows += [
            ColumnDocumentation(t, "path", en: "Province database as given to povreview rollup",
                                vi: "Tệp cơ sở dữ liệu của tỉnh như khi chạy povreview rollup"),
            ColumnDocumentation(t, "sha256", en: "SHA-256 of the province database file",
                                vi: "Mã băm SHA-256 của tệp cơ sở dữ liệu của tỉnh"),
            ColumnDocumentation(t, "province", en: "Province code(s) of the database's latest review year, comma-separated",
                                vi: "Mã tỉnh trong năm rà soát gần nhất của cơ sở dữ liệu, cách nhau bởi dấu phẩy"),
            ColumnDocumentation(t, "review_years", en: "Review years of the database, comma-separated",
                                vi: "Các năm rà soát có trong cơ sở dữ liệu, cách nhau bởi dấu phẩy"),
            ColumnDocumentation(t, "run_id", en: "The database's last run (succeeded)",
                                vi: "Lần chạy cuối cùng (thành công) của cơ sở dữ liệu"),
            ColumnDocumentation(t, "tool_version", en: "povreview version of that run",
                                vi: "Phiên bản povreview của lần chạy đó"),
            ColumnDocumentation(t, "schema_version", en: "Last schema migration applied to the database",
                                vi: "Bước cập nhật cấu trúc cuối cùng đã áp dụng cho cơ sở dữ liệu"),
        ]
        t = "rollup_gaps"
        rows += [
            ColumnDocumentation(t, "review_year", en: "Review year in which the province is missing",
                                vi: "Năm rà soát thiếu số liệu của tỉnh"),
            ColumnDocumentation(t, "province_code", en: "Province code (GSO)", vi: "Mã tỉnh (theo Tổng cục Thống kê)"),
            ColumnDocumentation(t, "province_name", en: "Province name from the reference file (NULL if it has none)",
                                vi: "Tên tỉnh theo tệp tham chiếu (NULL nếu tệp không có)"),
            ColumnDocumentation(t, "region_code", en: "Region of the province in that year (NULL if unknown)",
                                vi: "Vùng của tỉnh trong năm đó (NULL nếu không rõ)"),
            ColumnDocumentation(t, "present_in", en: "Review years in which the province is present, comma-separated",
                                vi: "Các năm rà soát có số liệu của tỉnh, cách nhau bởi dấu phẩy"),
        ]
        t = "province_regions"
        rows += [
            ColumnDocumentation(t, "province_code", en: "Province code (GSO)", vi: "Mã tỉnh (theo Tổng cục Thống kê)"),
            ColumnDocumentation(t, "province_name", en: "Official province name", vi: "Tên chính thức của tỉnh"),
            ColumnDocumentation(t, "region_code", en: "Socio-economic region id", vi: "Mã vùng kinh tế - xã hội"),
            ColumnDocumentation(t, "region_name", en: "Socio-economic region name", vi: "Tên vùng kinh tế - xã hội"),
            ColumnDocumentation(t, "valid_from", en: "First review year of the line (NULL = open)",
                                vi: "Năm rà soát đầu tiên áp dụng (NULL = không giới hạn)"),
            ColumnDocumentation(t, "valid_to", en: "Last review year of the line (NULL = open)",
                                vi: "Năm rà soát cuối cùng áp dụng (NULL = không giới hạn)"),
            ColumnDocumentation(t, "provisional", en: "1 when the code or the region awaits an official list",
                                vi: "1 nếu mã tỉnh hoặc vùng còn chờ danh mục chính thức"),
        ]
        rows += ColumnDocumentation.all.filter { $0.tableName == "columns" || $0.tableName == "schema_migrations" }
        return rows
    }()
}
