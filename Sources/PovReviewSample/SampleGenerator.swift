import Foundation
import PovReviewCore

/// Writes a seeded, fictional but realistic set of povreview inputs: one household dump per
/// review year, the admin-units file, the reform crosswalk, plan targets and optionally official
/// household totals (input-format.md §1–§3).
///
/// The province is Tỉnh Sơn Hà (see `SampleData/README.md`): 4 districts, 15 communes and 60
/// villages before the 2025 reform, 9 communes and no districts after it. Households form a panel
/// with stable ids. Generation streams: each household slot is simulated from 2021 to the last
/// year asked for and its rows appended to every year's file in turn, so memory does not grow
/// with the number of households. The same configuration gives the same bytes.
///
/// ```swift
/// let summary = try SampleGenerator(configuration: .init(householdsPerYear: 1_000_000,
///                                                        years: 2024...2024, seed: 7))
///     .write(to: URL(fileURLWithPath: "bench-data"))
/// ```
public struct SampleGenerator: Sendable {
    public let configuration: SampleConfiguration
    let province: SampleProvince

    /// Yearly probability that a household leaves its slot (moves away, merges, dies out) and a
    /// new household takes its place.
    static let turnover = 0.025

    /// A generator for `configuration`, checked.
    public init(configuration: SampleConfiguration = SampleConfiguration()) throws(SampleGeneratorError) {
        try configuration.validate()
        self.configuration = configuration
        province = SampleProvince(provinceCode: configuration.provinceCode)
    }

    /// The dump file name of `year`.
    public static func dumpFileName(_ year: ReviewYear) -> String { "households_\(year).csv" }

    /// Writes every file into `directory` (created when missing; files of the same names are
    /// replaced) and returns what was written.
    @discardableResult
    public func write(to directory: URL) throws(SampleGeneratorError) -> SampleSummary {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory.path, reason: error.localizedDescription)
        }
        var summary = SampleSummary()
        let counts = try writeDumps(to: directory, summary: &summary)
        try writeReferenceFiles(to: directory, householdCounts: counts, summary: &summary)
        return summary
    }

    /// Whether `year`'s rows use the reorganised units.
    func isReformed(_ year: ReviewYear) -> Bool {
        configuration.includesReform && year >= SampleConfiguration.reformYear
    }

    /// Index of the commune of `village` among the units of `year`: the old commune's index, or
    /// `communes.count + r` for the reformed commune `r`.
    func unitIndex(ofVillage village: Int, in year: ReviewYear) -> Int {
        province.unitIndex(ofVillage: village, reformed: isReformed(year))
    }

    /// The `household_id` of the household that enters `slot` of `village` in `entryYear`:
    /// `<commune code that year>-<yy of entry><slot, at least 5 digits>`, e.g. `99001-2100000`.
    /// Slots are unique and a slot takes at most one new household a year, so ids are unique.
    func householdID(slot: Int, village: Int, entryYear: ReviewYear) -> [UInt8] {
        var id = Array(communeCode(ofVillage: village, in: entryYear).rawValue.utf8)
        id.append(UInt8(ascii: "-"))
        SampleByteBuffer.appendDigits(entryYear.value % 100, width: 2, to: &id)
        SampleByteBuffer.appendDigits(slot, width: max(5, String(configuration.householdsPerYear - 1).count), to: &id)
        return id
    }

    /// Writes one dump per review year and returns the household rows per year offset and unit
    /// index (see `unitIndex`), for `household_totals.csv`.
    private func writeDumps(to directory: URL, summary: inout SampleSummary) throws(SampleGeneratorError)
        -> [[Int]]
    {
        let config = configuration
        let households = config.householdsPerYear
        let years = Array(config.years)
        let first = SampleConfiguration.panelStartYear

        var encoders: [SampleRowEncoder] = []
        var outputs: [SampleByteBuffer] = []
        for year in years {
            let encoder = SampleRowEncoder(year: year, province: province, reformed: isReformed(year))
            let name = Self.dumpFileName(year)
            var output = try SampleByteBuffer(creating: directory.appendingPathComponent(name))
            output.append(encoder.header)
            encoders.append(encoder)
            outputs.append(output)
            summary.files.append(name)
        }

        // The messy file: its bad rows follow the panel rows at these slots.
        let messyOffset = config.messyYear.map { years.firstIndex(of: $0)! }
        let kinds = SampleBadRowKind.allCases
        let badRowSlots = kinds.indices.map { ($0 + 1) * households / (kinds.count + 1) }
        let duplicateSlot = households / 10
        var duplicate: (id: [UInt8], line: Int) = ([], 0)
        var nextBadRow = 0
        var messyLine = 1

        var counts = Array(
            repeating: Array(repeating: 0, count: province.communes.count + province.reformedCommunes.count),
            count: years.count)

        for village in province.villages.indices {
            let slots = province.firstSlot(ofVillage: village, households: households)..<province.firstSlot(ofVillage: village + 1, households: households)
            for slot in slots {
                var random = SampleRandom(seed: config.seed, stream: UInt64(slot))
                var household = SampleHousehold(
                    slot: slot, entryYear: first, village: village, province: province,
                    id: householdID(slot: slot, village: village, entryYear: first), random: &random)
                for value in first.value...config.years.upperBound.value {
                    let year = ReviewYear(value)
                    if year > first {
                        if random.chance(Self.turnover) {
                            household = SampleHousehold(
                                slot: slot, entryYear: year, village: village, province: province,
                                id: householdID(slot: slot, village: village, entryYear: year), random: &random)
                        } else {
                            household.age(random: &random)
                        }
                    }
                    guard year >= config.years.lowerBound else { continue }
                    let offset = year.value - config.years.lowerBound.value
                    var rowRandom = SampleRandom(
                        seed: config.seed, stream: SampleRandom.hash(UInt64(slot), UInt64(value)))
                    let record = household.record(year: year, province: province, random: &rowRandom)
                    counts[offset][unitIndex(ofVillage: village, in: year)] += 1

                    guard offset == messyOffset else {
                        encoders[offset].append(record, to: &outputs[offset])
                        try outputs[offset].flushIfFull()
                        continue
                    }
                    let spelling = slot == duplicateSlot ? nil : messySpelling(slot: slot, year: year, record: record)
                    if spelling != nil { summary.messySpellingRows += 1 }
                    encoders[offset].append(record, spelling: spelling, to: &outputs[offset])
                    messyLine += 1
                    if slot == duplicateSlot { duplicate = (record.id, messyLine) }
                    while nextBadRow < kinds.count, badRowSlots[nextBadRow] == slot {
                        let row = badRow(
                            kinds[nextBadRow], number: nextBadRow, template: record, year: year,
                            encoder: encoders[offset], duplicate: duplicate)
                        outputs[offset].append(row.bytes)
                        messyLine += 1
                        summary.badRows.append(
                            SampleBadRow(
                                file: Self.dumpFileName(year), line: messyLine, reason: kinds[nextBadRow].reason,
                                column: kinds[nextBadRow].column(withDistricts: !isReformed(year)),
                                problem: row.problem))
                        nextBadRow += 1
                    }
                    try outputs[offset].flushIfFull()
                }
            }
        }
        for offset in outputs.indices { try outputs[offset].close() }
        for year in years { summary.householdRows[year] = households }
        return counts
    }
}
