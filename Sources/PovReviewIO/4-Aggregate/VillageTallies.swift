import PovReviewCore

/// The village tallies of a run (one per review year, standard and village identity) and the
/// spellings seen of each village, filled household by household during ingest.
///
/// Each household is counted under every standard of its year into the tally of its village
/// identity (commune + folded name). Finding those tallies with `[VillageTallyKey: VillageTally]`
/// hashes four strings per row with SipHash, and `String` hashing NFC-normalises the
/// Vietnamese names first: measured at ~8% of a 1M-household ingest. Here a row is matched by
/// the raw bytes of (year, commune, spelling) in a `ByteKeyedCache` to a slot that lists its
/// tallies, one per standard of the year; the dictionaries are only consulted the first time a
/// spelling is seen in a commune and year.
final class VillageTallies {
    /// The tallies, in order of first appearance; `index` maps their keys to positions.
    private(set) var tallies: [VillageTally] = []
    private var index: [VillageTallyKey: Int32] = [:]
    /// Every normalised spelling seen per village identity, to choose the canonical one.
    private(set) var spellings: [VillageNameKey: Set<String>] = [:]
    /// Every (review year, commune, spelling) seen, for `village_spellings`.
    private(set) var spellingsByYear: Set<YearSpelling> = []
    /// Folded key of each village spelling seen (folding measured at 14% of ingest uncached).
    private var villageKeys: [String: String] = [:]

    private struct SlotKey: Hashable {
        var year: Int
        var commune: UnitCode
        var village: String
    }
    /// Slots by raw (year, commune, spelling) bytes; `slotsByKey` holds them all, for spellings
    /// beyond the byte cache's capacity.
    private let slotCache = ByteKeyedCache(capacityLimit: 1 << 20)
    private var slotsByKey: [SlotKey: Int32] = [:]
    /// For each slot, the positions in `tallies` of its tallies, one per standard of its year.
    @exclusivity(unchecked) private var slotTallies: [Int32] = []
    @exclusivity(unchecked) private var keyBytes: [UInt8] = []

    init() {}

    /// The slot of `household`'s village: `tallyPosition(slot, i)` is its tally under
    /// `standards[i]`, the standards of its review year (always the same list for a year).
    @inline(__always)
    func slot(of household: Household, standards: [Standard]) -> Int {
        keyBytes.removeAll(keepingCapacity: true)
        withUnsafeBytes(of: Int32(truncatingIfNeeded: household.reviewYear.value).littleEndian) {
            keyBytes.append(contentsOf: $0)
        }
        var commune = household.communeCode.rawValue
        commune.withUTF8 { keyBytes.append(contentsOf: $0) }
        keyBytes.append(0)
        var village = household.village
        village.withUTF8 { keyBytes.append(contentsOf: $0) }
        let cached = keyBytes.withUnsafeBufferPointer { slotCache.payload(for: $0) }
        if let cached { return Int(cached) }
        let slot = makeSlot(household, standards: standards)
        keyBytes.withUnsafeBufferPointer { slotCache.insert($0, payload: Int32(slot)) }
        return slot
    }

    /// Position in `tallies` of the tally of slot `slot` under the `standardIndex`-th standard.
    @inline(__always)
    func tallyPosition(_ slot: Int, _ standardIndex: Int) -> Int { Int(slotTallies[slot + standardIndex]) }

    /// Counts a classified household into the tally at `position` (`sign` -1 removes it).
    @inline(__always)
    func add(_ household: Household, _ classification: Classification, at position: Int, sign: Int = 1) {
        tallies[position].tally.add(household, classification, sign: sign)
        tallies[position].addCell(household, classification, sign: sign)
    }

    /// Removes a classified household from the tally of `key`, if there is one.
    func subtract(_ household: Household, _ classification: Classification, key: VillageTallyKey) {
        if let position = index[key] { add(household, classification, at: Int(position), sign: -1) }
    }

    /// The review years of each standard that hold at least one household: those of which
    /// `household_status` has rows, since every stored row is counted here (and a row taken
    /// back out is subtracted again).
    var yearsByStandard: [StandardID: Set<Int>] {
        var years: [StandardID: Set<Int>] = [:]
        for (key, position) in index where tallies[Int(position)].tally.households > 0 {
            years[key.standardID, default: []].insert(key.reviewYear.value)
        }
        return years
    }

    /// The tallies by village identity, for the roll-up.
    var byKey: [VillageTallyKey: VillageTally] {
        var result: [VillageTallyKey: VillageTally] = [:]
        result.reserveCapacity(index.count)
        for (key, position) in index { result[key] = tallies[Int(position)] }
        return result
    }

    /// Records a spelling seen in a kept review year of an incremental rerun.
    func addKeptSpelling(_ spelling: YearSpelling) {
        spellings[VillageNameKey(commune: spelling.commune, villageKey: villageKey(of: spelling.spelling)), default: []]
            .insert(spelling.spelling)
        spellingsByYear.insert(spelling)
    }

    /// Counts a household row of a kept review year (read back from the previous database, its
    /// village already in a canonical spelling) into its village's tally under `standard`.
    func addKept(_ household: Household, _ classification: Classification, standard: Standard) {
        let key = VillageTallyKey(
            reviewYear: household.reviewYear, standardID: standard.id,
            commune: household.communeCode, villageKey: villageKey(of: household.village))
        let position: Int
        if let existing = index[key] {
            position = Int(existing)
        } else {
            position = tallies.count
            var tally = VillageTally(district: household.districtCode, province: household.provinceCode)
            tally.lines = (standard.incomeLine, standard.scoreLine)
            tallies.append(tally)
            index[key] = Int32(position)
        }
        add(household, classification, at: position)
    }

    private func villageKey(of spelling: String) -> String {
        if let cached = villageKeys[spelling] { return cached }
        let key = VillageNaming.key(spelling)
        villageKeys[spelling] = key
        return key
    }

    private func makeSlot(_ household: Household, standards: [Standard]) -> Int {
        let slotKey = SlotKey(
            year: household.reviewYear.value, commune: household.communeCode,
            village: household.village)
        if let existing = slotsByKey[slotKey] { return Int(existing) }
        let villageKey = villageKey(of: household.village)
        let nameKey = VillageNameKey(commune: household.communeCode, villageKey: villageKey)
        spellings[nameKey, default: []].insert(household.village)
        spellingsByYear.insert(
            YearSpelling(
                year: household.reviewYear.value, commune: household.communeCode,
                spelling: household.village))
        let slot = slotTallies.count
        for standard in standards {
            let key = VillageTallyKey(
                reviewYear: household.reviewYear, standardID: standard.id,
                commune: household.communeCode, villageKey: villageKey)
            if let position = index[key] {
                slotTallies.append(position)
            } else {
                let position = Int32(tallies.count)
                var tally = VillageTally(district: household.districtCode, province: household.provinceCode)
                tally.lines = (standard.incomeLine, standard.scoreLine)
                tallies.append(tally)
                index[key] = position
                slotTallies.append(position)
            }
        }
        slotsByKey[slotKey] = Int32(slot)
        return slot
    }
}

/// A spelling of a village name seen in a review year and commune.
struct YearSpelling: Hashable, Sendable {
    var year: Int
    var commune: UnitCode
    var spelling: String
}
