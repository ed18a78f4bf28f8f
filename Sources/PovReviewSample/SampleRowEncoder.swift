import PovReviewCore

/// Spells sample records as rows of one review year's dump, in the canonical column layout.
struct SampleRowEncoder {
    /// The columns of the dump, canonical names in the order of input-format.md §1. Personal
    /// columns are left out; the `vn-2027` fields only appear from review year 2026.
    let columns: [Column]
    private let year: ReviewYear
    private let yearBytes: [UInt8]
    private let provinceBytes: [UInt8]
    /// Per village: district code (empty after the reform), commune code and name of this year.
    private let villageUnits: [(district: [UInt8], commune: [UInt8], name: [UInt8])]
    private let withVN2027Fields: Bool

    init(year: ReviewYear, province: SampleProvince, reformed: Bool) {
        self.year = year
        let withVN2027Fields = year >= 2026
        self.withVN2027Fields = withVN2027Fields
        columns = Column.allCases.filter { column in
            !column.isPersonalData
                && (withVN2027Fields || (column != .digitalServiceUsers && column != .wasteDisposal))
        }
        yearBytes = Array(String(year.value).utf8)
        provinceBytes = Array(province.provinceCode.rawValue.utf8)
        villageUnits = province.villages.indices.map { index in
            let commune = province.communes[province.villages[index].commune]
            let code = province.communeCode(atUnitIndex: province.unitIndex(ofVillage: index, reformed: reformed))
            let district = reformed ? [] : Array(province.districts[commune.district].code.rawValue.utf8)
            return (district, Array(code.rawValue.utf8), Array(province.villageName(index, in: year).utf8))
        }
    }

    /// The header line.
    var header: [UInt8] { Array((columns.map(\.rawValue).joined(separator: ",") + "\n").utf8) }

    /// Appends `record` as one CSV line, with `spelling` applied when given.
    func append(_ r: SampleRecord, spelling: SampleSpelling? = nil, to out: inout SampleByteBuffer) {
        let comma = UInt8(ascii: ",")
        let unit = villageUnits[r.village]
        out.append(yearBytes); out.append(comma)
        out.append(r.id); out.append(comma)
        out.append(provinceBytes); out.append(comma)
        out.append(unit.district); out.append(comma)
        out.append(unit.commune); out.append(comma)
        out.append(unit.name); out.append(comma)
        switch spelling {
        case .areaAlias: out.append(r.urban ? "thành thị" : "nông thôn")
        case .upperCaseArea: out.append(r.urban ? "URBAN" : "RURAL")
        default: out.append(r.urban ? Self.urban : Self.rural)
        }
        out.append(comma)
        out.append(r.members); out.append(comma)
        if spelling == .booleanWords {
            out.append(r.ethnicMinority ? "có" : "không")
        } else {
            out.append(r.ethnicMinority ? Self.one : Self.zero)
        }
        out.append(comma)
        switch spelling {
        case .incomeWithDots: Self.appendGrouped(Int(r.income), separator: UInt8(ascii: "."), to: &out)
        case .incomeWithCommas:
            out.append(UInt8(ascii: "\""))
            Self.appendGrouped(Int(r.income), separator: comma, to: &out)
            out.append(UInt8(ascii: "\""))
        default: out.append(Int(r.income))
        }
        out.append(comma)
        if let score = r.score { out.append(score) }
        out.append(comma)
        out.append(r.withoutJob); out.append(comma)
        out.append(r.dependants); out.append(comma)
        out.append(r.malnourished); out.append(comma)
        out.append(r.uninsured); out.append(comma)
        out.append(r.withoutQualification); out.append(comma)
        out.append(r.outOfSchool); out.append(comma)
        if spelling == .housingAlias, r.housing == .durable || r.housing == .semiDurable {
            out.append(r.housing == .durable ? "kiên cố" : "bán kiên cố")
        } else {
            out.append(r.housing.rawValue)
        }
        out.append(comma)
        if spelling == .decimalComma, r.areaHalves % 2 == 1 {
            out.append(UInt8(ascii: "\""))
            out.append(r.areaHalves / 2)
            out.append(",5\"")
        } else {
            out.append(r.areaHalves / 2)
            if r.areaHalves % 2 == 1 { out.append(".5") }
        }
        out.append(comma)
        if spelling == .waterAlias, r.water == .piped || r.water == .drilledWell {
            out.append(r.water == .piped ? "nước máy" : "giếng khoan")
        } else {
            out.append(r.water.rawValue)
        }
        out.append(comma)
        if spelling == .latrineAlias, r.latrine == .septic {
            out.append("tự hoại")
        } else {
            out.append(r.latrine.rawValue)
        }
        out.append(comma)
        out.append(r.internetUsers); out.append(comma)
        out.append(r.infoDevices); out.append(comma)
        if spelling == .booleanWords {
            out.append(r.loudspeaker ? "có" : "không")
        } else {
            out.append(r.loudspeaker ? Self.one : Self.zero)
        }
        out.append(comma)
        out.append(r.labour); out.append(comma)
        out.append(r.socialProtection)
        if withVN2027Fields {
            out.append(comma)
            out.append(r.digitalServiceUsers); out.append(comma)
            out.append(r.waste.rawValue)
        }
        out.append(UInt8(ascii: "\n"))
    }

    /// `1500000` as `1.500.000` or `1,500,000`.
    private static func appendGrouped(_ value: Int, separator: UInt8, to out: inout SampleByteBuffer) {
        var plain: [UInt8] = []
        SampleByteBuffer.appendDigits(value, width: 1, to: &plain)
        for (index, digit) in plain.enumerated() {
            if index > 0, (plain.count - index) % 3 == 0 { out.append(separator) }
            out.append(digit)
        }
    }

    private static let one = Array("1".utf8), zero = Array("0".utf8)
    private static let rural = Array("rural".utf8), urban = Array("urban".utf8)
}

/// A messier but valid way to spell a row (input-format.md §1, "Real dumps are messy"):
/// what provincial software and spreadsheets produce.
enum SampleSpelling: CaseIterable {
    /// `income_per_capita` with Vietnamese thousands dots: `1.500.000`.
    case incomeWithDots
    /// `income_per_capita` with English thousands commas, quoted: `"1,500,000"`.
    case incomeWithCommas
    /// `area` as `nông thôn` / `thành thị`.
    case areaAlias
    /// `area` in capitals: `RURAL`.
    case upperCaseArea
    /// `ethnic_minority` and `loudspeaker_access` as `có` / `không`.
    case booleanWords
    /// `housing_type` as `kiên cố` / `bán kiên cố` (durable rows only; else `incomeWithDots`).
    case housingAlias
    /// `water_source` as `nước máy` / `giếng khoan` (piped or drilled-well rows only).
    case waterAlias
    /// `latrine` as `tự hoại` (septic rows only).
    case latrineAlias
    /// `housing_area_m2` with a decimal comma, quoted: `"22,5"` (half-metre areas only).
    case decimalComma

    /// Whether the spelling changes anything in `record`.
    func applies(to record: SampleRecord) -> Bool {
        switch self {
        case .incomeWithDots, .incomeWithCommas, .areaAlias, .upperCaseArea, .booleanWords: true
        case .housingAlias: record.housing == .durable || record.housing == .semiDurable
        case .waterAlias: record.water == .piped || record.water == .drilledWell
        case .latrineAlias: record.latrine == .septic
        case .decimalComma: record.areaHalves % 2 == 1
        }
    }
}
