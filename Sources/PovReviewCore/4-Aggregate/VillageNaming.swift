/// Village identity and canonical spelling (input-format.md §1; outputs.md `unit_rates.unit_code`).
public enum VillageNaming {
    /// The folded identity of a village name within its commune (case and tone-mark placement
    /// do not make another village: `Thôn Hoà Bình` = `thôn hòa bình`).
    public static func key(_ name: String) -> String { villageKey(name) }

    /// The canonical spelling among a village's spellings: the smallest in Unicode code-point
    /// order.
    public static func canonical(_ spellings: Set<String>) -> String {
        spellings.min { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }!
    }
}
