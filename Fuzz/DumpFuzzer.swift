// libFuzzer target for the CSV scanner and the row validator (issue 10, item 5), built by
// scripts/fuzz.sh with `swiftc -sanitize=fuzzer,address` from the sources of PovReviewCore and
// the dump reader (not a SwiftPM target: the sanitizers must not reach the shipped build).
//
// Each input is written to a file and read as a dump, as `povreview run` reads one. The target
// traps (libFuzzer then saves the input) when the reader breaks its contract: rows read =
// accepted + quarantined, records in file order within the file's bytes and lines, the raw text
// of every rejected record readable. A crash, a sanitizer report or a hang (libFuzzer -timeout)
// fails the fuzz run too.
import Foundation
import PovReviewCore

let admin = AdminDirectory(units: [
    AdminUnit(code: UnitCode("99"), name: "Tỉnh Sơn Hà", level: .province, parentCode: nil),
    AdminUnit(code: UnitCode("991"), name: "Huyện Một", level: .district, parentCode: UnitCode("99"), validTo: ReviewYear(2024)),
    AdminUnit(code: UnitCode("99101"), name: "Xã Một", level: .commune, parentCode: UnitCode("991"), validTo: ReviewYear(2024)),
    AdminUnit(code: UnitCode("99101"), name: "Xã Một", level: .commune, parentCode: UnitCode("99"), validFrom: ReviewYear(2025)),
    AdminUnit(code: UnitCode("00001"), name: "Xã Thử", level: .commune, parentCode: UnitCode("01")),
    AdminUnit(code: UnitCode("01"), name: "Tỉnh Thử", level: .province, parentCode: nil),
])
let file = URL(fileURLWithPath: "/dev/shm/povreview-fuzz-\(getpid()).csv")

func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        FileHandle.standardError.write(Data("contract broken: \(message())\n".utf8))
        abort()
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard (try? bytes.write(to: file)) != nil else { return 0 }
    // Small chunks (from the first byte) put record and UTF-16 boundaries across chunk edges.
    let chunk = size > 0 ? 16 << Int(data[0] % 8) : 4096
    let reader: DumpReader
    do {
        reader = try DumpReader(
            url: file, path: "fuzz.csv", rules: .nationalDefault, admin: admin,
            options: .init(chunkSize: chunk, maxRecordBytes: 1 << 16, maxRawTextBytes: 1 << 12))
    } catch {
        check(!error.message.isEmpty && !error.description.contains("NSCocoaErrorDomain"), "an empty or raw header error")
        return 0
    }
    var read = 0, accepted = 0, quarantined = 0
    var lastLine = 1, lastEnd: Int64 = 0
    let physicalLines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    do {
        while let record = try reader.next() {
            read += 1
            switch record.outcome {
            case .accepted: accepted += 1
            case .rejected: quarantined += 1
            }
            let location = record.location
            check(location.line > lastLine, "line \(location.line) after \(lastLine)")
            check(
                location.lineCount >= 1 && location.line + location.lineCount - 1 <= physicalLines + 1,
                "lines \(location.line)+\(location.lineCount) beyond \(physicalLines)")
            check(
                location.byteOffset >= lastEnd && location.byteLength >= 0
                    && location.byteOffset + location.byteLength <= Int64(size), "bytes \(location.byteOffset)+\(location.byteLength) of \(size)")
            if case .rejected = record.outcome { _ = try? reader.rawText(at: location) }
            lastLine = location.line + location.lineCount - 1
            lastEnd = location.byteOffset + location.byteLength
        }
    } catch {
        check(!error.message.isEmpty, "an empty error")
    }
    check(read == accepted + quarantined, "rows read \(read) ≠ accepted \(accepted) + quarantined \(quarantined)")
    check(read <= physicalLines, "\(read) records in \(physicalLines) lines")
    return 0
}
