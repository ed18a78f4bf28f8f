/// One row of the administrative-units file (input-format.md §2): a province, district or
/// commune, with its kinds and the review years it is valid for.
public struct AdminUnit: Sendable, Equatable {
    public var code: UnitCode
    /// Official name, with diacritics (NFC).
    public var name: String
    public var level: UnitLevel
    /// Containing unit: a commune's district, or its province after the 2025 reform; nil for a province.
    public var parentCode: UnitCode?
    /// District on the poor-district list (Decision 353/QĐ-TTg).
    public var poorDistrict: Bool
    /// Commune on the especially-difficult coastal/island list.
    public var coastalSpecialDifficulty: Bool
    /// Ethnic-minority-area region (Decision 861/QĐ-TTg): `I`, `II`, `III`, or nil.
    public var ethnicRegion: EthnicRegion?
    /// First review year the row is valid for (inclusive); nil = open.
    public var validFrom: ReviewYear?
    /// Last review year the row is valid for (inclusive); nil = open.
    public var validTo: ReviewYear?
    /// 1-based line in the admin file, for messages.
    public var line: Int

    public init(
        code: UnitCode, name: String, level: UnitLevel, parentCode: UnitCode?,
        poorDistrict: Bool = false, coastalSpecialDifficulty: Bool = false,
        ethnicRegion: EthnicRegion? = nil, validFrom: ReviewYear? = nil, validTo: ReviewYear? = nil,
        line: Int = 0
    ) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
        self.poorDistrict = poorDistrict
        self.coastalSpecialDifficulty = coastalSpecialDifficulty
        self.ethnicRegion = ethnicRegion
        self.validFrom = validFrom
        self.validTo = validTo
        self.line = line
    }

    /// Whether the row is valid in review year `year`.
    public func isValid(in year: ReviewYear) -> Bool {
        (validFrom.map { $0 <= year } ?? true) && (validTo.map { year <= $0 } ?? true)
    }
}

/// Ethnic-minority and mountainous area region of a commune (xã khu vực I / II / III).
public enum EthnicRegion: String, CaseIterable, Sendable, Codable {
    case i = "I", ii = "II", iii = "III"
}

/// The administrative hierarchy of a run: every admin row, looked up by code and review year.
public struct AdminDirectory: Sendable {
    public private(set) var units: [AdminUnit]
    private var byCode: [UnitCode: [Int]] = [:]

    public init(units: [AdminUnit]) {
        self.units = units
        for (index, unit) in units.enumerated() { byCode[unit.code, default: []].append(index) }
    }

    /// The row of `code` valid in `year`, if any.
    public func unit(_ code: UnitCode, in year: ReviewYear) -> AdminUnit? {
        byCode[code]?.lazy.map { units[$0] }.first { $0.isValid(in: year) }
    }

    /// Every row of `code`, in file order.
    public func rows(of code: UnitCode) -> [AdminUnit] { byCode[code]?.map { units[$0] } ?? [] }

    /// The district (nil after the reform) and province a commune belongs to in `year`.
    public func parents(ofCommune code: UnitCode, in year: ReviewYear)
        -> (district: AdminUnit?, province: AdminUnit)?
    {
        guard let commune = unit(code, in: year), commune.level == .commune,
            let parentCode = commune.parentCode, let parent = unit(parentCode, in: year)
        else { return nil }
        switch parent.level {
        case .province:
            return (nil, parent)
        case .district:
            guard let provinceCode = parent.parentCode,
                let province = unit(provinceCode, in: year), province.level == .province
            else { return nil }
            return (parent, province)
        case .commune, .village:
            return nil
        }
    }
}
