import Foundation
import PovReviewCore

/// Loads the province → socio-economic region reference file (`Pipelines/reference/province_regions.csv`):
/// `province_code, province_name, region_code, valid_from, valid_to, provisional, note`.
///
/// Every line must be right (reference files fail with file, line and column): a 2-digit GSO
/// province code, a name, one of the six region codes, review years or empty, `provisional` 0 or 1,
/// and no two lines for one province whose years overlap.
public enum ProvinceRegionFile {
    /// The default location, relative to the current folder (like `Pipelines/default.yaml`).
    public static let defaultPath = "Pipelines/reference/province_regions.csv"

    public static func load(contentsOf url: URL, path: String) throws(LocatedError) -> ProvinceRegionTable {
        try table(from: ReferenceTable(contentsOf: url, path: path))
    }

    public static func table(from table: ReferenceTable) throws(LocatedError) -> ProvinceRegionTable {
        let codeIndex = try table.columnIndex("province_code")!
        let nameIndex = try table.columnIndex("province_name")!
        let regionIndex = try table.columnIndex("region_code")!
        let fromIndex = try table.columnIndex("valid_from")!
        let toIndex = try table.columnIndex("valid_to")!
        let provisionalIndex = try table.columnIndex("provisional")!
        var entries: [ProvinceRegionTable.Entry] = []
        for record in table.records {
            func fail(_ column: String, _ message: String) -> LocatedError {
                LocatedError(path: table.path, line: record.line, columnName: column, message: message)
            }
            func year(_ index: Int, _ column: String) throws(LocatedError) -> Int? {
                let text = record.fields[index]
                if text.isEmpty { return nil }
                guard let value = Int(text), value > 0, value < 10_000 else {
                    throw fail(column, "\(column) must be a review year or empty, got \"\(text)\"")
                }
                return value
            }
            let code = record.fields[codeIndex]
            guard code.utf8.count == 2, code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw fail("province_code", "province_code must be 2 digits (GSO code, e.g. 01), got \"\(code)\"")
            }
            let name = record.fields[nameIndex]
            guard !name.isEmpty else { throw fail("province_name", "province_name is empty") }
            let regionCode = record.fields[regionIndex]
            guard let region = SocioEconomicRegion.named(regionCode) else {
                throw fail("region_code", "region_code must be one of \(SocioEconomicRegion.all.map(\.code).joined(separator: ", ")), got \"\(regionCode)\"")
            }
            let from = try year(fromIndex, "valid_from"), to = try year(toIndex, "valid_to")
            if let from, let to, from > to {
                throw fail("valid_to", "valid_to \(to) is before valid_from \(from)")
            }
            let provisional = record.fields[provisionalIndex]
            guard provisional == "0" || provisional == "1" else {
                throw fail("provisional", "provisional must be 0 or 1, got \"\(provisional)\"")
            }
            entries.append(
                ProvinceRegionTable.Entry(
                    provinceCode: UnitCode(code), provinceName: name, region: region, validFrom: from, validTo: to,
                    provisional: provisional == "1", line: record.line))
        }
        let result = ProvinceRegionTable(entries: entries)
        if let (first, second) = result.overlaps.first {
            throw LocatedError(
                path: table.path, line: second.line, columnName: "valid_from",
                message:
                    "province \(second.provinceCode) already has a region for these years (line \(first.line)); make the valid_from/valid_to ranges disjoint")
        }
        return result
    }
}
