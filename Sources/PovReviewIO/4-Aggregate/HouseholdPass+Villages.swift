import PovReviewCore

extension HouseholdPass {
    /// Rewrites `household_status.village` to each village's canonical spelling: the smallest in
    /// code-point order among the normalised spellings seen in any year (outputs.md).
    func canonicaliseVillageSpellings() throws {
        if let kept {
            // Kept rows hold the canonical spelling of the previous run, which the re-read
            // years may have changed.
            let remap = VillageRenamer(database: database, years: kept.plan.keptYears.map { $0 })
            for (key, heldAs) in kept.heldSpellings.sorted(by: { ($0.key.commune.rawValue, $0.value) < ($1.key.commune.rawValue, $1.value) }) {
                let canonical = VillageNaming.canonical(villages.spellings[key] ?? [heldAs])
                guard canonical != heldAs else { continue }
                keptSpellingChanges.append((key.commune.rawValue, heldAs, canonical))
                remap.rename(commune: key.commune.rawValue, from: heldAs, to: canonical)
            }
            try remap.apply()
        }
        let update = VillageRenamer(database: database)
        for (key, names) in villages.spellings where names.count > 1 {
            let canonical = VillageNaming.canonical(names)
            for name in names where name != canonical {
                update.rename(commune: key.commune.rawValue, from: name, to: canonical)
            }
        }
        try update.apply()
    }

    /// Writes `village_spellings`: every spelling seen per review year and commune, with the
    /// canonical one its rows now hold.
    func writeVillageSpellings() throws {
        let writer = try VillageSpellingWriter(database: database)
        let seen = villages.spellingsByYear.sorted {
            ($0.year, $0.commune.rawValue, $0.spelling) < ($1.year, $1.commune.rawValue, $1.spelling)
        }
        var canonical: [VillageNameKey: String] = [:]
        for (key, names) in villages.spellings { canonical[key] = VillageNaming.canonical(names) }
        for spelling in seen {
            let key = VillageNameKey(commune: spelling.commune, villageKey: VillageNaming.key(spelling.spelling))
            try writer.insert(
                year: spelling.year, commune: spelling.commune.rawValue, spelling: spelling.spelling,
                village: canonical[key] ?? spelling.spelling)
        }
    }
}

/// A changed dump of an incremental rerun holds a review year that a kept dump also holds: the
/// years cannot be kept apart, so the run is rebuilt in full.
struct IncrementalConflict: Error {
    var years: [Int]
}
