import Foundation
import PovReviewCore
import PovReviewIO
import Testing

@Suite struct ProvinceRegionFileTests {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Pipelines/reference/province_regions.csv")

    /// Provinces per region, from the GSO's list of the 63 provinces (up to the 2024 review) and
    /// Resolution 202/2025/QH15 (34 provinces from the 2025 review).
    @Test(arguments: [
        (
            2024,
            [
                "trung-du-mien-nui-phia-bac": 14, "dong-bang-song-hong": 11, "bac-trung-bo-duyen-hai-mien-trung": 14,
                "tay-nguyen": 5, "dong-nam-bo": 6, "dong-bang-song-cuu-long": 13,
            ]
        ),
        (
            2025,
            [
                "trung-du-mien-nui-phia-bac": 9, "dong-bang-song-hong": 6, "bac-trung-bo-duyen-hai-mien-trung": 8,
                "tay-nguyen": 3, "dong-nam-bo": 3, "dong-bang-song-cuu-long": 5,
            ]
        ),
    ])
    func theShippedFileHasEveryProvinceOfEachEra(year: Int, perRegion: [String: Int]) throws {
        let table = try ProvinceRegionFile.load(contentsOf: Self.shipped, path: "province_regions.csv")
        let entries = table.entries.filter { $0.holds(in: year) }
        #expect(entries.count == (year == 2024 ? 63 : 34))
        #expect(Set(entries.map(\.provinceCode)).count == entries.count)
        #expect(Dictionary(grouping: entries, by: \.region.code).mapValues(\.count) == perRegion)
        #expect(entries.allSatisfy { $0.provinceName == $0.provinceName.precomposedStringWithCanonicalMapping })
    }

    @Test func theReformChangesTheRegionOfAReusedCode() throws {
        let table = try ProvinceRegionFile.load(contentsOf: Self.shipped, path: "province_regions.csv")
        // Code 52: Bình Định (Bắc Trung Bộ và Duyên hải miền Trung) up to 2024, Gia Lai (Tây Nguyên) from 2025.
        #expect(table.entry(for: "52", in: 2024)?.region.code == "bac-trung-bo-duyen-hai-mien-trung")
        #expect(table.entry(for: "52", in: 2025)?.region.code == "tay-nguyen")
        #expect(table.entry(for: "26", in: 2025) == nil && !table.exists("26", in: 2025) && table.exists("99", in: 2025))
    }

    @Test(arguments: [
        (
            "province_code,province_name,region_code,valid_from,valid_to,provisional,note\n1,Tỉnh X,tay-nguyen,,,0,\n",
            "regions.csv:2 (column province_code): province_code must be 2 digits"
        ),
        (
            "province_code,province_name,region_code,valid_from,valid_to,provisional,note\n01,Tỉnh X,tay-bac,,,0,\n",
            "regions.csv:2 (column region_code): region_code must be one of"
        ),
        (
            "province_code,province_name,region_code,valid_from,valid_to,provisional,note\n01,X,tay-nguyen,,2024,0,\n01,X,tay-nguyen,2024,,0,\n",
            "regions.csv:3 (column valid_from): province 01 already has a region for these years (line 2)"
        ),
    ])
    func badLinesAreLocated(text: String, message: String) {
        do {
            _ = try ProvinceRegionFile.table(from: ReferenceTable(data: Data(text.utf8), path: "regions.csv"))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }
}
