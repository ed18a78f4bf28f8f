import PovReviewCore
import Testing

/// Village identity and canonical spelling (input-format.md §1; outputs.md `unit_rates.unit_code`),
/// on hand-picked spellings.
@Suite("Aggregate: village naming")
struct VillageNamingTests {
    @Test("Case and tone-mark placement fold to one village; other letters do not")
    func identity() {
        #expect(VillageNaming.key("Thôn Hoà Bình") == VillageNaming.key("thôn hòa bình"))
        #expect(VillageNaming.key("Thôn Hoà Bình") != VillageNaming.key("Thôn Hoà Bính"))
        #expect(VillageNaming.key("Bản Nà") != VillageNaming.key("Bản Na"))
    }

    @Test("The canonical spelling is the smallest in code-point order: capitals before small letters, o+◌̀ placement by code point")
    func canonical() {
        // "T" (U+0054) < "t" (U+0074); "Hoà" has U+00E0 after "o", "Hòa" has U+00F2 after "H": "Hoà" < "Hòa" since "o" < "ò".
        #expect(VillageNaming.canonical(["thôn hòa bình", "Thôn Hòa Bình", "Thôn Hoà Bình"]) == "Thôn Hoà Bình")
        #expect(VillageNaming.canonical(["Bản Nà"]) == "Bản Nà")
    }
}
