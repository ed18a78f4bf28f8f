import Foundation

/// Writes a report table as CSV for Excel and analysts (outputs.md §2).
///
/// UTF-8 with a byte-order mark (without it Excel opens UTF-8 as the ANSI code page and the
/// diacritics break), CRLF line ends (RFC 4180's, which Excel writes itself), fields quoted only
/// when they hold a comma, a quote or a line break, integers without thousands separators, and
/// rates with 2 decimals rounded half away from zero from the exact counts. No run number or
/// date: the files are pure tables, byte-identical for the same database.
public enum CSVWriter {
    /// The CSV bytes of `table`.
    public static func data(for table: ReportTable) -> Data {
        var text = "\u{FEFF}"
        text += table.columns.map { field($0.header) }.joined(separator: ",") + "\r\n"
        for row in table.rows {
            text += row.map { field($0.csvText) }.joined(separator: ",") + "\r\n"
        }
        return Data(text.utf8)
    }

    /// Writes `table` to `url`.
    public static func write(_ table: ReportTable, to url: URL) throws {
        try data(for: table).write(to: url)
    }

    /// `value` quoted per RFC 4180 when it needs to be.
    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
