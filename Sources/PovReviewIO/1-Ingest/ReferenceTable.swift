import Foundation
import PovReviewCore

/// A small reference CSV file (admin units, crosswalk, totals, targets) read whole into memory.
///
/// Reference files are a few thousand rows; they are read with this simple RFC 4180 reader
/// rather than the streaming dump scanner, and any problem fails the run with file and line
/// ("reference files must be right", input-format.md §2).
public struct ReferenceTable: Sendable {
    /// One data record: its first physical line and its fields, NFC-normalised and trimmed.
    public struct Record: Sendable {
        public var line: Int
        public var fields: [String]
    }

    /// Display path used in messages.
    public var path: String
    /// Header names, lower-cased, NFC-normalised and trimmed.
    public var header: [String]
    public var records: [Record]

    /// Reads `url`; `path` is the name used in messages.
    public init(contentsOf url: URL, path: String) throws(LocatedError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw LocatedError(.unreadable, path: path, message: "cannot read the file: \(error.localizedDescription)")
        }
        try self.init(data: data, path: path)
    }

    /// Parses `data` as a CSV file with a header row.
    public init(data: Data, path: String) throws(LocatedError) {
        self.path = path
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LocatedError(.encoding, path: path, message: "the file is not valid UTF-8", hint: "save it as CSV UTF-8")
        }
        var rows: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var quotedField = false
        var line = 1
        var recordLine = 1
        var scalars = Array(text.unicodeScalars)
        let comma: Unicode.Scalar = {
            let firstLine = scalars.prefix { $0 != "\n" }
            return firstLine.contains(",") || !firstLine.contains(";") ? "," : ";"
        }()
        scalars.append("\n")
        func endField() {
            let value = quotedField ? field : field.trimmingCharacters(in: .whitespaces)
            fields.append(value.precomposedStringWithCanonicalMapping)
            field = ""
            quotedField = false
        }
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        field.unicodeScalars.append("\""); i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                guard field.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw LocatedError(.syntax, path: path, line: line, message: "a quote inside an unquoted field")
                }
                field = ""
                inQuotes = true
                quotedField = true
            } else if c == comma {
                endField()
            } else if c == "\n" {
                if field.hasSuffix("\r") { field.removeLast() }
                endField()
                if !(fields.count == 1 && fields[0].isEmpty) {
                    rows.append(Record(line: recordLine, fields: fields))
                }
                fields = []
                line += 1
                recordLine = line
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if inQuotes {
            throw LocatedError(.syntax, path: path, line: recordLine, message: "a quoted field is never closed")
        }
        guard let headerRecord = rows.first else {
            throw LocatedError(.syntax, path: path, line: 1, message: "the file is empty; expected a header row")
        }
        header = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        records = Array(rows.dropFirst())
        for record in records where record.fields.count != header.count {
            throw LocatedError(
                path: path, line: record.line,
                message: "expected \(header.count) fields as in the header, found \(record.fields.count)")
        }
    }

    /// The index of column `name`, or an error naming the file and the missing column.
    public func columnIndex(_ name: String, required: Bool = true) throws(LocatedError) -> Int? {
        if let index = header.firstIndex(of: name) { return index }
        if required {
            throw LocatedError(
                path: path, line: 1,
                message: "missing column \"\(name)\"; the header has: \(header.joined(separator: ", "))")
        }
        return nil
    }
}
