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
    ///
    /// Built as bytes, field by field: joining `String`s per row and testing each field's
    /// `Character`s measured ~7% of a SampleData run (the criteria tables are long).
    public static func data(for table: ReportTable) -> Data {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        func appendRow(_ fields: some Sequence<String>) {
            var first = true
            for value in fields {
                if !first { bytes.append(comma) }
                first = false
                appendField(value, to: &bytes)
            }
            bytes.append(contentsOf: [carriageReturn, lineFeed])
        }
        appendRow(table.columns.lazy.map(\.header))
        for row in table.rows { appendRow(row.lazy.map(\.csvText)) }
        return Data(bytes)
    }

    /// Writes `table` to `url`.
    public static func write(_ table: ReportTable, to url: URL) throws {
        try data(for: table).write(to: url)
    }

    /// `value` quoted per RFC 4180 when it needs to be.
    static func field(_ value: String) -> String {
        guard needsQuotes(value) else { return value }
        var bytes: [UInt8] = []
        appendQuoted(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
    private static let carriageReturn = UInt8(ascii: "\r"), lineFeed = UInt8(ascii: "\n")

    /// Whether `value` holds a comma, a quote or a line break (all ASCII, so the UTF-8 bytes tell).
    private static func needsQuotes(_ value: String) -> Bool {
        value.utf8.contains { $0 == comma || $0 == quote || $0 == carriageReturn || $0 == lineFeed }
    }

    /// Appends `value`, quoted with its quotes doubled when it needs to be.
    private static func appendField(_ value: String, to bytes: inout [UInt8]) {
        if needsQuotes(value) { appendQuoted(value, to: &bytes) } else { bytes.append(contentsOf: value.utf8) }
    }

    /// Appends `value` between quotes, its quotes doubled.
    private static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(quote)
        for byte in value.utf8 {
            bytes.append(byte)
            if byte == quote { bytes.append(quote) }
        }
        bytes.append(quote)
    }
}
