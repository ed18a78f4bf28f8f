#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What led to a verdict: the yearly values, the thresholds and the arithmetic
/// (`criteria_results.evidence`, serialised as JSON with sorted keys).
///
/// Every field but `rule` is optional and omitted when empty, so each rule kind fills what it
/// uses. Exact values are written as rational text (`"25/2"`) next to their published rounding
/// (`"12.50"`), so a reader can redo the arithmetic.
public struct Evidence: Sendable, Equatable, Codable {
    /// The rule kind (`consecutive_decrease`, …).
    public var rule: String
    /// The metric judged (`rate_PN`, `poor_near_poor`, …).
    public var metric: Metric?
    public var comparison: Comparison?
    /// The threshold, exact decimal text (`"1.5"`).
    public var threshold: String?
    /// For consecutive decreases: the number of consecutive years `k`.
    public var consecutiveYears: Int?
    /// True when a parameter of the rule is provisional (plans.md pin 6), or the row was computed
    /// under a provisional standard or plan (see `provisionalReasons`).
    public var provisional: Bool?
    /// Why the row is provisional (`Evidence+Provisional.swift`): `standard` (its id), `plan_threshold`
    /// (the provisional thresholds), `plan` (the plan's numbers are provisional).
    public var provisionalReasons: [Note]?
    /// The values of the unit in each year used.
    public var years: [YearFigure]?
    /// Each comparison made, in order.
    public var checks: [Check]?
    /// Needed review years without data (`insufficient_data`).
    public var missingYears: [Int]?
    /// The plan's baseline, when the years missing all lie before it (reason `before_baseline`).
    public var baselineYear: Int?
    /// Machine-readable reason for `insufficient_data` / `not_applicable`.
    public var reason: Reason?
    /// Remarks (restatement, proxies, substituted years).
    public var notes: [Note]?
    /// Parts of an `any_of` / `all_of`.
    public var parts: [Part]?
    /// Units judged by a count-of-units rule.
    public var units: [UnitCheck]?

    public init(rule: String) { self.rule = rule }

    /// Codes of `reason`.
    public enum Reason: String, Sendable, Codable {
        case missingYears = "missing_years"
        case standardChange = "standard_change"
        case zeroBaseline = "zero_baseline"
        case noEthnicMinorityHouseholds = "no_ethnic_minority_households"
        case noPoorHouseholds = "no_poor_households"
        case zeroStartingCount = "zero_starting_count"
        case zeroStartingRate = "zero_starting_rate"
        case noPoorDistrict = "no_poor_district"
        case noTarget = "no_target"
        case noRuralCommune = "no_rural_commune"
        case indicatorNotInStandard = "indicator_not_in_standard"
        case noDistricts = "no_districts"
        case ruralUnknown = "rural_households_unknown"
        case beforeBaseYear = "before_base_year"
        /// The years the rule needs lie before the plan's baseline: the year cannot be judged yet
        /// ("Chưa đủ 3 năm so sánh trong giai đoạn"), and those years can never be supplied.
        case beforeBaseline = "before_baseline"
        case noUnitInGroup = "no_unit_in_group"
    }

    /// A remark with a stable code and an optional detail.
    /// A remark with a stable code (`NoteKind`), an optional detail (English, or the plan
    /// file's Vietnamese note) and the typed figures its wording uses.
    public struct Note: Sendable, Equatable, Codable {
        public var code: String
        public var detail: String?
        /// The English text of a plan file's note (`criterion_note`).
        public var detailEn: String?
        /// The year the note is about (the year judged instead, the year compared, …).
        public var year: Int?
        /// The year a span starts, or a criterion's deadline.
        public var fromYear: Int?
        /// A number of units or households.
        public var count: Int?
        /// An exact quantity and the threshold it was compared with, and whether it held.
        public var value: Rational?
        public var threshold: Rational?
        public var holds: Bool?
        /// Codes or ids the note lists (unit codes, standards, indicators).
        public var items: [String]?
        /// The Vietnamese names of `items`, when they have names (standards).
        public var itemsVi: [String]?

        public init(_ code: String, _ detail: String? = nil) {
            self.code = code
            self.detail = detail
        }

        /// The note's kind, when the code is known.
        public var kind: NoteKind? { NoteKind(rawValue: code) }
    }

    /// The figures of one year.
    public struct YearFigure: Sendable, Equatable, Codable {
        public var year: Int
        /// The metric's numerator (a count; rational when restated).
        public var numerator: Rational?
        /// The metric's denominator (households) for rates and shares.
        public var denominator: Rational?
        /// The exact value (a percentage for rates, a count for counts).
        public var value: Rational?
        /// The value rounded half away from zero to 2 decimals, as published.
        public var rounded: String?
        /// The standard the figure was computed with.
        public var standard: StandardID?
        /// How the figure was restated, when it was.
        public var restated: UnitFigures.Restatement?
    }

    /// One comparison: `value ⋈ threshold`.
    public struct Check: Sendable, Equatable, Codable {
        /// What is compared, e.g. `decrease 2022-2023`, `level 2025`, `fall vs 2021`.
        public var label: String
        public var fromYear: Int?
        public var toYear: Int?
        /// The exact compared quantity.
        public var value: Rational
        /// The same quantity recomputed from rates rounded to 2 decimals, when rates are involved.
        public var roundedValue: Rational?
        public var comparison: Comparison
        public var threshold: Rational
        public var holds: Bool
        /// Whether it holds on rounded rates (only when it differs from `holds`' inputs).
        public var holdsRounded: Bool?
    }

    /// One part of a compound rule.
    public struct Part: Sendable, Equatable, Codable {
        public var verdict: Verdict
        public var evidence: Evidence
    }

    /// One unit judged inside a count-of-units rule.
    public struct UnitCheck: Sendable, Equatable, Codable {
        public var unitCode: String
        public var unitName: String?
        public var verdict: Verdict
        /// How it was decided (`admin_file`, `rate`, `missing_years`, …).
        public var basis: String?
        public var value: Rational?
        public var rounded: String?
        public var year: Int?
    }

    /// Appends a note.
    public mutating func note(_ code: String, _ detail: String? = nil) {
        notes = (notes ?? []) + [Note(code, detail)]
    }

    /// Appends a note of `kind`, letting `fill` set its figures.
    public mutating func note(_ kind: NoteKind, _ detail: String? = nil, _ fill: (inout Note) -> Void = { _ in }) {
        var note = Note(kind.rawValue, detail)
        fill(&note)
        notes = (notes ?? []) + [note]
    }

    /// Deterministic JSON: snake_case keys (like the database), sorted, no escaped slashes.
    public var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Encoding plain value types with string/bool/int leaves cannot fail.
        let data = try! encoder.encode(self)
        return String(decoding: data, as: UTF8.self)
    }

    /// Parses evidence JSON written by `jsonText`.
    public init(jsonText: String) throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        self = try decoder.decode(Evidence.self, from: Data(jsonText.utf8))
    }
}
