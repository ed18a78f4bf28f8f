import PovReviewCore

extension NationalDatabase {
    /// Inserts the region and country rows.
    func insert(_ rows: [NationalTotals.Row]) throws {
        let columns = unitRatesColumns.map(\.name)
        let statement = try database.prepare(
            "INSERT INTO unit_rates (\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))")
        for row in rows {
            let values: [SQLiteValue] = columns.map { column in
                switch column {
                case "review_year": .integer(Int64(row.reviewYear))
                case "standard": .text(row.standard.rawValue)
                case "standard_provisional": .integer(row.provisionalStandard ? 1 : 0)
                case "level": .text(row.level)
                case "unit_code": .text(row.unitCode)
                case "unit_name": .text(row.unitName)
                case "parent_code": row.parentCode.map { .text($0) } ?? .null
                case "denominator_source": .text(row.denominatorSource)
                case "poor_rate": .real(row.poorRate)
                case "near_poor_rate": .real(row.nearPoorRate)
                case "poor_near_poor_rate": .real(row.poorNearPoorRate)
                case "ethnic_minority_poor_rate": row.ethnicMinorityPoorRate.map { .real($0) } ?? .null
                case "provinces_summed": .integer(Int64(row.provincesSummed))
                case "provinces_missing": .integer(Int64(row.provincesMissing))
                default: ((row.counts[column] ?? nil).map { .integer($0) }) ?? .null
                }
            }
            try statement.bind(values)
            try statement.execute()
        }
    }

    /// Inserts the `rollup_sources` row of `source`.
    func insertSource(_ source: RollupSource) throws {
        try database.run(
            """
            INSERT INTO rollup_sources (path, sha256, province, review_years, run_id, tool_version, schema_version)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(source.path), .text(source.sha256), .text(source.province),
                .text(source.provincesByYear.keys.sorted().map(String.init).joined(separator: ",")),
                .integer(Int64(source.lastRunID)), .text(source.toolVersion), .text(source.schemaVersion),
            ])
    }

    /// Inserts the `rollup_gaps` row of `gap`, with the province's entry of the regions table.
    func insertGap(_ gap: RollupGaps.Gap, entry: ProvinceRegionTable.Entry?) throws {
        try database.run(
            "INSERT INTO rollup_gaps (review_year, province_code, province_name, region_code, present_in) VALUES (?, ?, ?, ?, ?)",
            [
                .integer(Int64(gap.reviewYear)), .text(gap.province.rawValue), entry.map { .text($0.provinceName) } ?? .null,
                entry.map { .text($0.region.code) } ?? .null,
                .text(gap.presentIn.map(String.init).joined(separator: ",")),
            ])
    }

    /// Inserts the `province_regions` row of `entry`.
    func insertRegion(_ entry: ProvinceRegionTable.Entry) throws {
        try database.run(
            """
            INSERT INTO province_regions (province_code, province_name, region_code, region_name, valid_from, valid_to, provisional)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(entry.provinceCode.rawValue), .text(entry.provinceName), .text(entry.region.code),
                .text(entry.region.nameVi), entry.validFrom.map { .integer(Int64($0)) } ?? .null,
                entry.validTo.map { .integer(Int64($0)) } ?? .null, .integer(entry.provisional ? 1 : 0),
            ])
    }

    /// Fills the `columns` table.
    func insertDocumentation(_ rows: [ColumnDocumentation]) throws {
        let documentation = try database.prepare(
            "INSERT INTO columns (table_name, column_name, description_en, description_vi) VALUES (?, ?, ?, ?)")
        for row in rows {
            try documentation.bind([.text(row.tableName), .text(row.columnName), .text(row.descriptionEN), .text(row.descriptionVI)])
            try documentation.execute()
        }
    }
}
