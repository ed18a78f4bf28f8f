extension RowValidator {
    /// `invalid_encoding` for a field holding a C0 control character other than tab and line
    /// breaks (a NUL, a form feed, an escape, …): such text cannot be shown or exported
    /// faithfully. The column is named when exactly one field is at fault.
    static func checkControl(
        _ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, positions: [Int], names: [String]
    ) throws(RowRejection) {
        var bad: [(position: Int, byte: UInt8)] = []
        for index in fields.indices {
            if let offset = FieldBytes.firstControlOffset(fields[index]) { bad.append((index, fields[index][offset])) }
        }
        guard let first = bad.first else { return }
        func name(_ position: Int) -> String {
            Column.allCases.first { positions[$0.index] == position }?.rawValue
                ?? "field \(position + 1) (\"\(position < names.count ? names[position] : "")\")"
        }
        let column = bad.count == 1 ? Column.allCases.first { positions[$0.index] == first.position } : nil
        let byte = "0x" + String(first.byte, radix: 16, uppercase: true).leftPadded(to: 2)
        throw RowRejection(
            reason: .invalidEncoding, column: column?.rawValue,
            message:
                "\(bad.map { name($0.position) }.joined(separator: ", ")) \(bad.count == 1 ? "holds" : "hold") a control character (byte \(byte)\(first.byte == 0 ? ", NUL" : "")); expected plain text: remove it in the review software and export the dump again"
        )
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
