extension DefaultAliases {
    /// The default header and enumeration aliases as Markdown tables, for the README.
    public static func markdown() -> String {
        var out = "### Header aliases\n\n"
        out += table(headers, heading: "column")
        out += "\n### Value aliases\n\n"
        out += "Booleans (`ethnic_minority`, `loudspeaker_access`): \(BooleanField.spellings); empty reads as 0.\n\n"
        out += "#### `area`\n\n" + table(area, heading: "value")
        out += "\n#### `housing_type`\n\n" + table(housingType, heading: "value")
        out += "\n#### `water_source`\n\n" + table(waterSource, heading: "value")
        out += "\n#### `latrine`\n\n" + table(latrine, heading: "value")
        out += "\n#### `waste_disposal`\n\n" + table(wasteDisposal, heading: "value")
        out += "\nMatching is case-insensitive after Unicode NFC and trimming; `_` and `-` read as spaces; "
        out += "an input written entirely without diacritics also matches.\n"
        return out
    }

    /// One alias table as a two-column Markdown table.
    public static func table<Value>(_ table: AliasTable<Value>, heading: String) -> String {
        var out = "| \(heading) | also accepted |\n| --- | --- |\n"
        for value in Value.allCases {
            let aliases = table.entries.filter { $0.value == value }.flatMap(\.aliases)
            let cell = aliases.map { "`\($0.replacingPipes)`" }.joined(separator: ", ")
            out += "| `\(value.rawValue)` | \(cell) |\n"
        }
        return out
    }
}

extension String {
    fileprivate var replacingPipes: String {
        String(String.UnicodeScalarView(unicodeScalars.flatMap { $0 == "|" ? ["\\", "|"] : [$0] }))
    }
}
