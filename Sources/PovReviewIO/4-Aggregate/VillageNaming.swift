import PovReviewCore

/// Village identity and canonical spelling (input-format.md §1; outputs.md `unit_rates.unit_code`).
enum VillageNaming {
    /// The folded identity of a village name within its commune.
    static func key(_ name: String) -> String { villageKey(name) }

    /// The canonical spelling: the smallest in Unicode code-point order.
    static func canonical(_ spellings: Set<String>) -> String {
        spellings.min { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }!
    }
}
