/// Which standards apply to which review year (standards.md, "Which standard applies").
///
/// Pipeline configuration; the default is the table of the spec: 2021–2025 `vn-2022`,
/// 2026 both `vn-2022` and `vn-2027`, 2027–2030 `vn-2027`. A year with no entry is unsupported.
public struct StandardSchedule: Sendable, Equatable {
    /// One line of the schedule: the years (inclusive) and the standard ids applied to them.
    public struct Entry: Sendable, Equatable {
        public var years: ClosedRange<ReviewYear>
        public var standardIDs: [StandardID]
        public init(years: ClosedRange<ReviewYear>, standardIDs: [StandardID]) {
            self.years = years
            self.standardIDs = standardIDs
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The national default of the spec.
    public static let nationalDefault = StandardSchedule(entries: [
        Entry(years: 2021...2025, standardIDs: ["vn-2022"]),
        Entry(years: 2026...2026, standardIDs: ["vn-2022", "vn-2027"]),
        Entry(years: 2027...2030, standardIDs: ["vn-2027"]),
    ])

    /// The standards applied to `year`, in schedule order; empty when the year is unsupported.
    public func standardIDs(for year: ReviewYear) -> [StandardID] {
        var result: [StandardID] = []
        for entry in entries where entry.years.contains(year) {
            for id in entry.standardIDs where !result.contains(id) { result.append(id) }
        }
        return result
    }
}
