/// Spellings accepted for the values of one enumeration (or for the canonical columns of a
/// dump header): the canonical raw value plus aliases, matched case-insensitively after NFC
/// and trimming (input-format.md §1, "Header aliases", "Enum aliases").
///
/// Matching folds `_` and `-` to spaces and collapses runs of spaces. An input written entirely
/// without diacritics (`nong thon`, `kien co`) also matches an alias with diacritics, unless two
/// values would then share the spelling. Aliases added later (pipeline configuration) win over
/// the defaults.
public struct AliasTable<Value>: Sendable
where Value: RawRepresentable & CaseIterable & Hashable & Sendable, Value.RawValue == String {
    /// One value and its aliases, as listed (the canonical raw value is always accepted too).
    public struct Entry: Sendable {
        public var value: Value
        public var aliases: [String]
        public init(_ value: Value, _ aliases: [String]) {
            self.value = value
            self.aliases = aliases
        }
    }

    /// The entries, in declaration order (one per value that has aliases).
    public private(set) var entries: [Entry]
    private var exact: [String: Value] = [:]
    /// Diacritic-free keys; a nil value marks a spelling two values would share.
    private var stripped: [String: Value?] = [:]

    /// A table of `entries`; every canonical raw value is accepted as well.
    public init(_ entries: [Entry]) {
        self.entries = entries
        for value in Value.allCases { register(value.rawValue, for: value) }
        for entry in entries {
            for alias in entry.aliases { register(alias, for: entry.value) }
        }
    }

    private mutating func register(_ alias: String, for value: Value) {
        let key = TextNormalization.aliasKey(alias)
        if let existing = exact[key], existing != value {
            preconditionFailure("alias \"\(alias)\" given for both \(existing.rawValue) and \(value.rawValue)")
        }
        exact[key] = value
        let plain = TextNormalization.strippingDiacritics(key)
        if let existing = stripped[plain] {
            if existing != value { stripped[plain] = .some(nil) }
        } else {
            stripped[plain] = value
        }
    }

    /// The table with `alias` also meaning `value`; it replaces any earlier meaning of the alias.
    public func adding(_ alias: String, for value: Value) -> AliasTable {
        var copy = self
        let key = TextNormalization.aliasKey(alias)
        copy.exact[key] = value
        copy.stripped[TextNormalization.strippingDiacritics(key)] = value
        if let index = copy.entries.firstIndex(where: { $0.value == value }) {
            copy.entries[index].aliases.append(alias)
        } else {
            copy.entries.append(Entry(value, [alias]))
        }
        return copy
    }

    /// The value `text` spells, or nil when it spells none.
    public func value(for text: String) -> Value? {
        let key = TextNormalization.aliasKey(text)
        if let value = exact[key] { return value }
        if key.utf8.allSatisfy({ $0 < 0x80 }), let value = stripped[key] { return value }
        return nil
    }

    /// The canonical values in a readable list, for messages: `durable, semi_durable, …`.
    public static var canonicalList: String { Value.allCases.map(\.rawValue).joined(separator: ", ") }
}
