import Foundation
import PovReviewCore

/// Streams the records of one household dump file, validated (input-format.md §1 and §4).
///
/// Opening reads and checks the header: encoding (UTF-8 with or without BOM, UTF-16 with a
/// BOM; a legacy 8-bit header fails with the likely encoding and the command that converts
/// it), separator (`;` when the header line has `;` and no `,` outside quotes), column aliases,
/// missing and doubled columns. Then `next()` returns one `DumpRecord` per record in file
/// order until nil; blank lines are skipped and not counted.
///
/// ```swift
/// let reader = try DumpReader(url: url, path: "households_2024.csv", rules: rules, admin: admin)
/// for warning in reader.headerWarnings { log(warning) }
/// while let record = try reader.next() { … }
/// ```
///
/// A `DumpReader` is a single-threaded iterator; give each file its own reader.
public final class DumpReader {
    /// Ingest settings that are not validation rules.
    public struct Options: Sendable {
        /// Header names → canonical columns (defaults plus the pipeline's own).
        public var headerAliases: AliasTable<Column>
        /// Bytes read per system call.
        public var chunkSize: Int
        /// A record longer than this is `malformed_row` (no real household row comes close).
        public var maxRecordBytes: Int
        /// Raw text kept for an overlong or never-closed record.
        public var maxRawTextBytes: Int

        public init(
            headerAliases: AliasTable<Column> = DefaultAliases.headers, chunkSize: Int = 4 << 20,
            maxRecordBytes: Int = 1 << 20, maxRawTextBytes: Int = 64 << 10
        ) {
            self.headerAliases = headerAliases
            self.chunkSize = chunkSize
            self.maxRecordBytes = maxRecordBytes
            self.maxRawTextBytes = maxRawTextBytes
        }
    }

    /// Display path used in messages (relative to the dump folder).
    public let path: String
    /// The resolved header.
    public let layout: HeaderLayout
    /// Warnings about the file as a whole (`unknown_column`, at most one).
    public let headerWarnings: [DataWarning]
    /// The field separator found in the header (`,` or `;`).
    public let delimiter: Character
    /// Whether the file is UTF-16 (decoded on the fly; offsets stay in the file's own bytes).
    public let isUTF16: Bool

    private let url: URL
    private let scanner: DumpScanner
    private let validator: RowValidator
    private let personalPositions: [Int]
    @exclusivity(unchecked) private var fieldPointers: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>
    @exclusivity(unchecked) private var scratch: [UInt8] = []
    @exclusivity(unchecked) private var finished = false

    /// Opens `url` and reads its header; `path` names the file in messages.
    public init(
        url: URL, path: String, rules: ValidationRules, admin: AdminDirectory,
        options: Options = Options()
    ) throws(LocatedError) {
        self.url = url
        self.path = path
        do {
            scanner = try DumpScanner(
                path: url.path, chunkSize: options.chunkSize,
                maxRecordBytes: options.maxRecordBytes,
                maxRawBytes: options.maxRawTextBytes)
        } catch {
            throw LocatedError(.unreadable, path: path, message: "cannot read the file: \(error.message)")
        }
        isUTF16 = scanner.encoding != .utf8

        // Separator and encoding, from the first line.
        let first = scanner.firstLineBytes()
        var commas = 0, semicolons = 0, inQuotes = false
        for b in first {
            if b == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes && b == UInt8(ascii: ",") {
                commas += 1
            } else if !inQuotes && b == UInt8(ascii: ";") {
                semicolons += 1
            }
        }
        scanner.delimiter = (semicolons > 0 && commas == 0) ? UInt8(ascii: ";") : UInt8(ascii: ",")
        delimiter = Character(Unicode.Scalar(scanner.delimiter))
        if let problem = HeaderDiagnosis.problem(of: first, path: path, aliases: options.headerAliases) {
            throw LocatedError(.encoding, path: path, line: 1, message: problem)
        }

        // Header record.
        let hasHeader: Bool
        do { hasHeader = try scanner.nextRecord() } catch {
            throw LocatedError(.unreadable, path: path, message: "cannot read the file: \(error.message)")
        }
        guard hasHeader else {
            throw LocatedError(.header, path: path, line: 1, message: "the file is empty; expected a header row")
        }
        if scanner.malformation != nil {
            throw LocatedError(
                .header, path: path, line: scanner.line,
                message: "the header row is not valid CSV (a stray or unclosed quote)")
        }
        var names: [String] = []
        for index in scanner.fields.indices {
            names.append(String(decoding: Self.unescaped(scanner.fieldBytes(index), scanner.fields[index].escaped), as: UTF8.self))
        }
        let layout: HeaderLayout
        switch HeaderLayout.resolve(names, aliases: options.headerAliases, extraColumns: rules.extraColumns) {
        case .success(let resolved): layout = resolved
        case .failure(let problem):
            throw LocatedError(
                .header, path: path, line: scanner.line, columnName: problem.column,
                message: problem.description)
        }
        if let problem = layout.problem(for: rules) {
            throw LocatedError(
                .header, path: path, line: scanner.line, columnName: problem.column,
                message: problem.description)
        }
        self.layout = layout
        if layout.unknownPositions.isEmpty {
            headerWarnings = []
        } else {
            let unknown = layout.unknownPositions.map { "\"\(layout.names[$0])\"" }.joined(separator: ", ")
            headerWarnings = [
                DataWarning(
                    code: "unknown_column",
                    message: "\(path): column(s) \(unknown) are not dump columns (nor known aliases); kept out of the statistics",
                    line: scanner.line)
            ]
        }
        personalPositions = layout.personalPositions
        validator = RowValidator(layout: layout, rules: rules, admin: admin)
        fieldPointers = .allocate(capacity: max(layout.fieldCount, 1))
    }

    deinit { fieldPointers.deallocate() }

    private static func unescaped(_ bytes: UnsafeBufferPointer<UInt8>, _ escaped: Bool) -> [UInt8] {
        guard escaped else { return Array(bytes) }
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            out.append(bytes[i])
            i += bytes[i] == UInt8(ascii: "\"") ? 2 : 1
        }
        return out
    }

    /// The next record in file order, or nil after the last one.
    ///
    /// Throws when the file cannot be read further, or when a row's review year needs a
    /// column the header lacks (e.g. `waste_disposal` for a `vn-2027` year; rule 10) — both
    /// fail the run.
    public func next() throws(LocatedError) -> DumpRecord? {
        guard !finished else { return nil }
        let more: Bool
        do { more = try scanner.nextRecord() } catch {
            // The record being read starts where the last one ended.
            throw LocatedError(
                .unreadable, path: path, line: scanner.line + max(scanner.lineCount, 1),
                message: "cannot read the file from here on: \(error.message)")
        }
        guard more else {
            finished = true
            return nil
        }
        let location = RecordLocation(
            line: scanner.line, lineCount: scanner.lineCount,
            byteOffset: scanner.fileOffset, byteLength: scanner.fileLength)
        if let malformation = scanner.malformation {
            return rejected(location, RowRejection(reason: .malformedRow, message: message(for: malformation, location)))
        }
        let fieldCount = scanner.fields.count
        if fieldCount != layout.fieldCount {
            return rejected(
                location,
                RowRejection(
                    reason: .malformedRow,
                    message: "expected \(layout.fieldCount) fields as in the header, found \(fieldCount)"))
        }

        // Field views; escaped fields are unescaped into one scratch buffer.
        var needsScratch = false
        for field in scanner.fields where field.escaped { needsScratch = true; break }
        let verdict: RowVerdict
        let ascii = scanner.recordIsASCII()
        let control = scanner.recordMayHaveControl()
        do {
            if needsScratch {
                scratch.removeAll(keepingCapacity: true)
                var ranges: [Range<Int>] = []
                for index in 0..<fieldCount {
                    let start = scratch.count
                    scratch.append(contentsOf: Self.unescaped(scanner.fieldBytes(index), scanner.fields[index].escaped))
                    ranges.append(start..<scratch.count)
                }
                verdict = try scratch.withUnsafeBufferPointer { (base) throws(HeaderProblem) -> RowVerdict in
                    for (index, range) in ranges.enumerated() {
                        fieldPointers[index] = UnsafeBufferPointer(rebasing: base[range])
                    }
                    return try validator.validate(
                        UnsafeBufferPointer(start: fieldPointers, count: fieldCount),
                        line: location.line, isASCII: ascii, hasControl: control)
                }
            } else {
                for index in 0..<fieldCount { fieldPointers[index] = scanner.fieldBytes(index) }
                verdict = try validator.validate(
                    UnsafeBufferPointer(start: fieldPointers, count: fieldCount),
                    line: location.line, isASCII: ascii, hasControl: control)
            }
        } catch {
            throw LocatedError(
                .header, path: path, line: 1, columnName: error.column,
                message: error.description + " (first needed on line \(location.line))")
        }
        switch verdict.outcome {
        case .accepted(let household, let warnings):
            return DumpRecord(location: location, key: verdict.key, outcome: .accepted(household, warnings: warnings))
        case .rejected(let rejection):
            return DumpRecord(
                location: location, key: verdict.key,
                outcome: .rejected(rejection, raw: currentRawText()))
        }
    }

    /// Calls `body` with every record in file order.
    public func forEachRecord(_ body: (DumpRecord) throws -> Void) throws {
        while let record = try next() { try body(record) }
    }

    private func rejected(_ location: RecordLocation, _ rejection: RowRejection) -> DumpRecord {
        DumpRecord(location: location, key: nil, outcome: .rejected(rejection, raw: currentRawText()))
    }

    private func currentRawText() -> String {
        scanner.withRawBytes { bytes in
            RawTextMasker.maskedText(
                bytes, delimiter: scanner.delimiter, personalPositions: personalPositions,
                headerFieldCount: layout.fieldCount, truncated: scanner.rawIsTruncated)
        }
    }

    private func message(for malformation: DumpScanner.Malformation, _ location: RecordLocation) -> String {
        func fieldName(_ index: Int) -> String {
            if index < layout.names.count { return "field \(index + 1) (\"\(layout.names[index])\")" }
            return "field \(index + 1)"
        }
        switch malformation {
        case .bareQuote(let field):
            return "a quote inside the unquoted \(fieldName(field)); quote the whole field and double inner quotes"
        case .textAfterQuote(let field):
            return "text after the closing quote of \(fieldName(field)); expected \"\(delimiter)\" or the end of the line"
        case .unclosedQuote:
            return "a quoted field is never closed: the rest of the file (\(location.lineCount) lines) is one malformed record"
        case .tooLong(let limit):
            return "the record is longer than \(limit) bytes (\(location.lineCount) lines); a quote is probably unbalanced"
        }
    }

    /// The raw text of a record read earlier (e.g. an accepted row that turns out to be a
    /// duplicate), with personal data masked like rejected rows.
    public func rawText(at location: RecordLocation) throws(LocatedError) -> String {
        try rawTextSource.rawText(at: location)
    }

    /// Re-reads records of this file by location; usable from another thread than the reader's.
    var rawTextSource: RecordRawText {
        RecordRawText(
            url: url, path: path, encoding: scanner.encoding, delimiter: scanner.delimiter,
            personalPositions: personalPositions, headerFieldCount: layout.fieldCount)
    }
}
