/// Finds a village's canonical code (`<commune>/<canonical spelling>`) from any spelling of it.
///
/// Reference files name villages as people type them (`99006/Thôn Khe Thủy` where the dumps
/// gave `Thôn Khe Thuỷ`); village identity folds case and tone-mark placement
/// (input-format.md §1), so a crosswalk or target row must reach the same village whatever
/// spelling it uses.
public struct VillageCodeIndex: Sendable {
    private var byIdentity: [VillageNameKey: UnitCode] = [:]

    /// Indexes the canonical village codes of a run (`unit_rates.unit_code` of its villages).
    public init(canonicalCodes: some Sequence<UnitCode>) {
        for code in canonicalCodes {
            guard let key = Self.identity(of: code) else { continue }
            byIdentity[key] = code
        }
    }

    /// The canonical code of the village `code` names, or `code` itself when it is not a village
    /// code or the village is unknown.
    public func canonical(_ code: UnitCode) -> UnitCode {
        guard let key = Self.identity(of: code) else { return code }
        return byIdentity[key] ?? code
    }

    static func identity(of code: UnitCode) -> VillageNameKey? {
        guard let slash = code.rawValue.firstIndex(of: "/") else { return nil }
        let commune = UnitCode(String(code.rawValue[..<slash]))
        let name = TextNormalization.normalizedText(String(code.rawValue[code.rawValue.index(after: slash)...]))
        return VillageNameKey(commune: commune, villageKey: villageKey(name))
    }
}

extension Crosswalk {
    /// The same crosswalk with every code passed through `transform` (shares unchanged).
    public func mappingCodes(_ transform: (UnitCode) -> UnitCode) -> Crosswalk {
        var rows: [(old: UnitCode, new: UnitCode, share: Rational)] = []
        for old in targets.keys.sorted() {
            for target in targets[old] ?? [] {
                rows.append((transform(old), transform(target.newCode), target.share))
            }
        }
        return Crosswalk(rows: rows)
    }
}

extension Targets {
    /// The same targets with every unit code passed through `transform`.
    public func mappingUnitCodes(_ transform: (UnitCode) -> UnitCode) -> Targets {
        var mapped = Targets()
        for (key, value) in values.sorted(by: { ($0.key.unitCode, $0.key.year.value) < ($1.key.unitCode, $1.key.year.value) }) {
            var newKey = key
            newKey.unitCode = transform(key.unitCode)
            _ = mapped.insert(newKey, value)
        }
        return mapped
    }
}
