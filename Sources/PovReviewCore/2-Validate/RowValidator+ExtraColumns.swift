/// Reading the extra input columns a local standard declares (`ExtraColumn`), with the same
/// quarantine reasons as the built-in columns: an empty field is `missing_value` (a 0/1 column
/// reads empty as 0, as built-in booleans do: pinned rule 5), a bad number `invalid_number`, a
/// value outside an enumeration or a bad boolean `invalid_enum`.
extension RowValidator {
    /// The values of the extra columns `indices` (every other extra column reads -1).
    func extraValues(
        _ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, indices: [Int]
    ) throws(RowRejection) -> [ExactDecimal] {
        let columns = rules.extraColumns
        var values = [ExactDecimal](repeating: ExactDecimal(-1), count: columns.count)
        for index in indices {
            let column = columns[index]
            let position = layout.extraPositions[index]
            let bytes = position >= 0 ? FieldBytes.trimmed(fields[position]) : UnsafeBufferPointer(start: nil, count: 0)
            values[index] = try Self.extraValue(bytes, column)
        }
        return values
    }

    static func extraValue(_ bytes: UnsafeBufferPointer<UInt8>, _ column: ExtraColumn) throws(RowRejection) -> ExactDecimal {
        func shown() -> String {
            var text = FieldBytes.string(bytes)
            if text.count > 60 { text = String(text.prefix(57)) + "…" }
            return "\"" + text + "\""
        }
        if bytes.isEmpty, column.type != .boolean {
            throw RowRejection(reason: .missingValue, column: column.name, message: "\(column.name) is required but empty")
        }
        switch column.type {
        case .integer:
            if let value = IntegerField.parse(bytes), value >= 0 { return ExactDecimal(value) }
            throw RowRejection(
                reason: .invalidNumber, column: column.name,
                message: "\(column.name) must be a whole number ≥ 0, got \(shown())")
        case .boolean:
            if let value = BooleanField.parse(bytes) { return ExactDecimal(value ? 1 : 0) }
            throw RowRejection(
                reason: .invalidEnum, column: column.name,
                message: "\(column.name) must be one of \(BooleanField.spellings), got \(shown())")
        case .decimal:
            switch DecimalField.parse(bytes) {
            case .value(let value) where value.significand >= 0:
                return value
            case .ambiguous:
                throw RowRejection(
                    reason: .invalidNumber, column: column.name,
                    message:
                        "\(column.name) \(shown()) is ambiguous (a thousands separator or a decimal comma?); write it without the separator or with a decimal point"
                )
            default:
                throw RowRejection(
                    reason: .invalidNumber, column: column.name,
                    message: "\(column.name) must be a decimal number ≥ 0 (12.5 or 12,5), got \(shown())")
            }
        case .enumeration(let values):
            let text = TextNormalization.normalizedText(bytes).lowercased()
            if let ordinal = values.firstIndex(where: { $0.lowercased() == text }) { return ExactDecimal(Int64(ordinal)) }
            throw RowRejection(
                reason: .invalidEnum, column: column.name,
                message: "\(column.name) must be one of \(values.joined(separator: ", ")), got \(shown())")
        }
    }
}
