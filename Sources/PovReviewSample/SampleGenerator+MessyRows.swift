import PovReviewCore

extension SampleGenerator {
    /// The messier spelling of the row of `slot` in the messy file, for about one row in a
    /// hundred, chosen by a hash so the households themselves do not depend on it.
    func messySpelling(slot: Int, year: ReviewYear, record: SampleRecord) -> SampleSpelling? {
        let h = SampleRandom.hash(configuration.seed, UInt64(slot), UInt64(year.value), 0x4D45_5353)
        guard h % 100 == 0 else { return nil }
        let spellings = SampleSpelling.allCases
        let spelling = spellings[Int((h / 100) % UInt64(spellings.count))]
        return spelling.applies(to: record) ? spelling : .incomeWithDots
    }

    /// Bad row number `number` of the messy file, made from the valid `template` row just written.
    func badRow(
        _ kind: SampleBadRowKind, number: Int, template: SampleRecord, year: ReviewYear,
        encoder: SampleRowEncoder, duplicate: (id: [UInt8], line: Int)
    ) -> (bytes: [UInt8], problem: String) {
        var canonical = SampleByteBuffer()
        encoder.append(template, to: &canonical)
        // A household id no panel household has: the panel's slots stop below `householdsPerYear`.
        let freshID = householdID(
            slot: configuration.householdsPerYear + number, village: template.village, entryYear: year)

        var otherDistrict: [UInt8] = []
        if !isReformed(year) {
            let district = province.communes[template.commune].district
            otherDistrict = Array(province.districts[(district + 1) % province.districts.count].code.rawValue.utf8)
        }
        let unknownCommune = Array((province.provinceCode.rawValue + "999").utf8)
        return kind.makeRow(
            from: canonical.bytes, columns: encoder.columns, freshID: freshID, duplicateID: duplicate.id,
            duplicateLine: duplicate.line, otherDistrict: otherDistrict, unknownCommune: unknownCommune)
    }
}
