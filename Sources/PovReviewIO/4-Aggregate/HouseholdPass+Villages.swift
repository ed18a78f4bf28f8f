import PovReviewCore

extension HouseholdPass {
    /// Rewrites `household_status.village` to each village's canonical spelling: the smallest in
    /// code-point order among the normalised spellings seen in any year (outputs.md).
    func canonicaliseVillageSpellings() throws {
        if let kept {
            // Kept rows hold the canonical spelling of the previous run, which the re-read
            // years may have changed.
            let years = kept.plan.keptYears.map(String.init).joined(separator: ", ")
            let remap = try database.prepare(
                "UPDATE household_status SET village = ? WHERE commune_code = ? AND village = ? AND review_year IN (\(years))")
            for (key, heldAs) in kept.heldSpellings.sorted(by: { ($0.key.commune.rawValue, $0.value) < ($1.key.commune.rawValue, $1.value) }) {
                let canonical = VillageNaming.canonical(villages.spellings[key] ?? [heldAs])
                guard canonical != heldAs else { continue }
                keptSpellingChanges.append((key.commune.rawValue, heldAs, canonical))
                try remap.bind([.text(canonical), .text(key.commune.rawValue), .text(heldAs)])
                try remap.execute()
            }
        }
        let update = try database.prepare("UPDATE household_status SET village = ? WHERE commune_code = ? AND village = ?")
        for (key, names) in villages.spellings where names.count > 1 {
            let canonical = VillageNaming.canonical(names)
            for name in names where name != canonical {
                try update.bind([.text(canonical), .text(key.commune.rawValue), .text(name)])
                try update.execute()
            }
        }
    }

    /// Writes `village_spellings`: every spelling seen per review year and commune, with the
    /// canonical one its rows now hold.
    func writeVillageSpellings() throws {
        let insert = try database.prepare(
            "INSERT INTO village_spellings (review_year, commune_code, spelling, village) VALUES (?, ?, ?, ?)")
        let seen = villages.spellingsByYear.sorted {
            ($0.year, $0.commune.rawValue, $0.spelling) < ($1.year, $1.commune.rawValue, $1.spelling)
        }
        var canonical: [VillageNameKey: String] = [:]
        for (key, names) in villages.spellings { canonical[key] = VillageNaming.canonical(names) }
        for spelling in seen {
            let key = VillageNameKey(commune: spelling.commune, villageKey: VillageNaming.key(spelling.spelling))
            try insert.bind([
                .integer(Int64(spelling.year)), .text(spelling.commune.rawValue), .text(spelling.spelling),
                .text(canonical[key] ?? spelling.spelling),
            ])
            try insert.execute()
        }
    }
}

/// A changed dump of an incremental rerun holds a review year that a kept dump also holds: the
/// years cannot be kept apart, so the run is rebuilt in full.
struct IncrementalConflict: Error {
    var years: [Int]
}
