/// The names of the files the exporter writes (documented in the README):
///
/// | file | content |
/// | --- | --- |
/// | `01-ket-qua-ra-soat.csv` | review results (`ReviewResultsReport`) |
/// | `02-dien-bien-ho-ngheo.csv` | poor dynamics (`DynamicsReport`, poor) |
/// | `03-dien-bien-ho-can-ngheo.csv` | near-poor dynamics (`DynamicsReport`, near-poor) |
/// | `04-thieu-hut-theo-chi-so.csv` | deprivations per indicator (`DeprivationReport`) |
/// | `05-dan-toc-thieu-so-va-lao-dong.csv` | ethnic minority, labour capacity (`EthnicMinorityReport`) |
/// | `06-dong-bi-loai.csv` | rejected rows by file and reason (`DataQualityReport`) |
/// | `07-tep-dau-vao.csv` | input files and row counts (`DataQualityReport`) |
/// | `08-canh-bao.csv` | warnings by file and code (`DataQualityReport`) |
/// | `tieu-chi-<plan>.csv` | criteria results of a plan (`CriteriaReport`) |
/// | `thoat-ngheo-ben-vung-<plan>.csv` | sustained-escape households of a plan (`SustainedEscapeReport`) |
/// | `bao-cao-ra-soat.xlsx` | every table above, one sheet each, after an information sheet |
/// | `bao-cao-<plan>.html` | the HTML report of a plan (`HTMLReport`) |
///
/// `<plan>` is the plan id reduced to lower-case ASCII letters, digits and `-` (`national-666`).
public enum ExportFileNames {
    public static let workbook = "bao-cao-ra-soat.xlsx"

    public static func csv(_ table: ReportTable) -> String { table.id + ".csv" }

    public static func html(plan: String) -> String { "bao-cao-" + slug(plan) + ".html" }

    /// `text` as lower-case ASCII letters, digits and single dashes ("plan" when nothing is left).
    public static func slug(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else if !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasPrefix("-") { result.removeFirst() }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "plan" : result
    }
}

/// Excel's rules for sheet names: at most 31 characters, none of `[ ] : * ? / \`, no leading or
/// trailing apostrophe, unique without regard to case.
enum SheetNames {
    static let maximumLength = 31

    /// `name` with forbidden characters replaced by `-` and cut to 31 UTF-16 units.
    static func fit(_ name: String) -> String {
        var result = ""
        for character in name {
            let replaced: Character = "[]:*?/\\".contains(character) ? "-" : character
            if result.utf16.count + String(replaced).utf16.count > maximumLength { break }
            result.append(replaced)
        }
        while result.hasPrefix("'") { result.removeFirst() }
        while result.hasSuffix("'") || result.hasSuffix(" ") { result.removeLast() }
        return result.isEmpty ? "Sheet" : result
    }

    /// Unique names for `names` in order: a repeated name gets " (2)", " (3)", … within the limit.
    static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.map { name in
            var candidate = fit(name)
            var number = 2
            while seen.contains(candidate.lowercased()) {
                let suffix = " (\(number))"
                var base = fit(name)
                while base.utf16.count + suffix.utf16.count > maximumLength { base.removeLast() }
                candidate = base + suffix
                number += 1
            }
            seen.insert(candidate.lowercased())
            return candidate
        }
    }
}
