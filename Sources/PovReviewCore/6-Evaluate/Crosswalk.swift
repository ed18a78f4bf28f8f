/// The crosswalk of an administrative reorganisation (`crosswalk.csv`, input-format.md §3):
/// each old unit code and the new units its households went to, with exact shares.
///
/// A code that continues unchanged maps to itself without a row. Shares are kept as exact
/// fractions of the decimal text in the file, so restated counts are never rounded.
public struct Crosswalk: Sendable, Equatable {
    /// One target of an old code.
    public struct Target: Sendable, Equatable, Hashable {
        public var newCode: UnitCode
        /// Share of the old unit's households that moved to `newCode`; 0 < share ≤ 1.
        public var share: Rational
        public init(newCode: UnitCode, share: Rational) {
            self.newCode = newCode
            self.share = share
        }
    }

    /// One predecessor of a new code.
    public struct Source: Sendable, Equatable, Hashable {
        public var oldCode: UnitCode
        public var share: Rational
    }

    /// Targets of every old code, in file order.
    public private(set) var targets: [UnitCode: [Target]]
    /// Predecessors of every new code named in the crosswalk.
    public private(set) var sources: [UnitCode: [Source]]

    /// An empty crosswalk (no reorganisation).
    public init() {
        targets = [:]
        sources = [:]
    }

    /// Builds the crosswalk from `(old, new, share)` rows. Validation of shares (each in (0, 1],
    /// summing to 1 within 10⁻⁶ per old code) is `validationProblems()`; the loader reports them
    /// with file and line.
    public init(rows: [(old: UnitCode, new: UnitCode, share: Rational)]) {
        targets = [:]
        sources = [:]
        for row in rows {
            targets[row.old, default: []].append(Target(newCode: row.new, share: row.share))
            sources[row.new, default: []].append(Source(oldCode: row.old, share: row.share))
        }
        for key in sources.keys { sources[key]!.sort { $0.oldCode < $1.oldCode } }
    }

    /// Whether `code` has rows as an old code.
    public func isMapped(_ code: UnitCode) -> Bool { targets[code] != nil }

    /// The share of `old`'s households that went to `new` (0 when there is no such row).
    public func share(from old: UnitCode, to new: UnitCode) -> Rational {
        targets[old]?.first { $0.newCode == new }?.share ?? .zero
    }

    /// Old codes whose shares do not sum to 1 within 10⁻⁶, with their sum.
    public func unbalancedCodes() -> [(code: UnitCode, sum: Rational)] {
        let tolerance = Rational(1, 1_000_000)
        var result: [(UnitCode, Rational)] = []
        for (code, list) in targets {
            var sum = Rational.zero
            for t in list { sum += t.share }
            let gap = sum - .one
            if gap > tolerance || -gap > tolerance { result.append((code, sum)) }
        }
        return result.sorted { $0.0 < $1.0 }
    }
}
