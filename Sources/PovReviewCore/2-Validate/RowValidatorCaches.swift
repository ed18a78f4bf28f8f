// The per-validator caches of RowValidator: values read from raw bytes once per distinct spelling.

/// A commune's parents in one review year, as the admin directory gives them.
struct UnitResolution {
    var province: UnitCode
    var district: UnitCode?
}

/// Unit codes read from raw bytes, normalised once per distinct spelling.
final class CodeCache {
    let length: Int
    let cache = ByteKeyedCache()
    @exclusivity(unchecked) var codes: [UnitCode] = []
    @exclusivity(unchecked) var padded: [Bool] = []
    @exclusivity(unchecked) private var byCode: [String: Int32] = [:]
    init(length: Int) { self.length = length }

    /// Index into `codes`, or -1 when the spelling is not a code.
    @inline(__always)
    func index(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if let hit = cache.payload(for: bytes) { return hit }
        var result: Int32 = -1
        if case .code(let code, let wasPadded) = UnitCodeField.parse(bytes, length: length) {
            let dedupKey = (wasPadded ? "+" : "") + code
            if let existing = byCode[dedupKey] {
                result = existing
            } else {
                codes.append(UnitCode(code))
                padded.append(wasPadded)
                result = Int32(codes.count - 1)
                byCode[dedupKey] = result
            }
        }
        cache.insert(bytes, payload: result)
        return result
    }
}

/// Normalised text (NFC, trimmed, spaces collapsed) by raw spelling.
final class TextCache {
    let cache = ByteKeyedCache()
    @exclusivity(unchecked) var texts: [String] = []

    @inline(__always)
    func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let hit = cache.payload(for: bytes) { return texts[Int(hit)] }
        let text = TextNormalization.normalizedText(bytes)
        guard cache.count < cache.capacityLimit else { return text }
        texts.append(text)
        cache.insert(bytes, payload: Int32(texts.count - 1))
        return text
    }
}

/// Enumeration values by raw spelling.
final class EnumCache<Value>
where Value: RawRepresentable & CaseIterable & Hashable & Sendable, Value.RawValue == String {
    let table: AliasTable<Value>
    let cache = ByteKeyedCache(capacityLimit: 4096)
    let all = Array(Value.allCases)
    init(_ table: AliasTable<Value>) { self.table = table }

    @inline(__always)
    func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        if let hit = cache.payload(for: bytes) { return hit >= 0 ? all[Int(hit)] : nil }
        let value = table.value(for: FieldBytes.string(bytes))
        cache.insert(bytes, payload: value.flatMap { v in all.firstIndex(of: v).map(Int32.init) } ?? -1)
        return value
    }
}
