/// Reading one field of a record: trimmed bytes, and the values of the built-in column types
/// with the rejection each one's check gives (input-format.md §4, rules 5–7).
extension RowValidator {
    @inline(__always)
    func raw(_ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, _ column: Column)
        -> UnsafeBufferPointer<UInt8>?
    {
        let p = positions[column.index]
        return p >= 0 ? FieldBytes.trimmed(fields[p]) : nil
    }

    static func shown(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var text = FieldBytes.string(bytes)
        if text.count > 60 { text = String(text.prefix(57)) + "…" }
        return "\"" + text + "\""
    }

    static func missing(_ column: Column, _ detail: String = "") -> RowRejection {
        RowRejection(
            reason: .missingValue, column: column.rawValue,
            message: "\(column.rawValue) is required but empty\(detail)")
    }

    @inline(__always)
    func integer(
        _ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, _ column: Column, minimum: Int64
    ) throws(RowRejection) -> Int64 {
        guard let bytes = raw(fields, column), !bytes.isEmpty else { throw Self.missing(column) }
        return try Self.integer(bytes, column, minimum: minimum)
    }

    @inline(__always)
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ column: Column, minimum: Int64)
        throws(RowRejection) -> Int64
    {
        if let value = IntegerField.parse(bytes), value >= minimum { return value }
        throw RowRejection(
            reason: .invalidNumber, column: column.rawValue,
            message: "\(column.rawValue) must be a whole number ≥ \(minimum), got \(shown(bytes))")
    }

    @inline(__always)
    func count(_ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, _ column: Column)
        throws(RowRejection) -> Int
    {
        Int(try integer(fields, column, minimum: 0))
    }

    func boolean(_ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, _ column: Column)
        throws(RowRejection) -> Bool
    {
        let bytes = raw(fields, column) ?? UnsafeBufferPointer(start: nil, count: 0)
        if let value = BooleanField.parse(bytes) { return value }
        throw RowRejection(
            reason: .invalidEnum, column: column.rawValue,
            message: "\(column.rawValue) must be one of \(BooleanField.spellings), got \(Self.shown(bytes))")
    }

    func enumeration<Value>(
        _ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, _ column: Column,
        _ cache: EnumCache<Value>
    ) throws(RowRejection) -> Value {
        guard let bytes = raw(fields, column), !bytes.isEmpty else { throw Self.missing(column) }
        if let value = cache.value(bytes) { return value }
        throw RowRejection(
            reason: .invalidEnum, column: column.rawValue,
            message: "\(column.rawValue) must be one of \(AliasTable<Value>.canonicalList) or a listed alias, got \(Self.shown(bytes))")
    }

    func code(
        _ bytes: UnsafeBufferPointer<UInt8>, _ column: Column, _ cache: CodeCache, line: Int,
        warnings: inout [DataWarning]
    ) throws(RowRejection) -> Int32 {
        let index = cache.index(bytes)
        guard index >= 0 else {
            throw RowRejection(
                reason: .invalidNumber, column: column.rawValue,
                message: "\(column.rawValue) must be a code of \(cache.length) digits, got \(Self.shown(bytes))")
        }
        if cache.padded[Int(index)] {
            warnings.append(
                DataWarning(
                    code: "padded_code",
                    message: "\(column.rawValue) \(Self.shown(bytes)) read as \"\(cache.codes[Int(index)])\" (leading zeros restored)",
                    line: line))
        }
        return index
    }
}
