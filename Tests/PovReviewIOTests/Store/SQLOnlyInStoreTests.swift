import Foundation
import Testing

/// The store owns the SQL (issue 7): SQL text appears only under `Sources/PovReviewIO/Store/`.
/// Other layers call store functions. A source scan with the statements' leading words.
@Suite("SQL only in the store")
struct SQLOnlyInStoreTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    static let pattern =
        #"SELECT |INSERT (OR [A-Z]+ )?INTO|CREATE (UNIQUE )?(TABLE|INDEX|VIEW)|PRAGMA |DELETE FROM|UPDATE [a-z_]+ SET|ATTACH|BEGIN|COMMIT"#

    /// Folders (relative to `Sources/`) allowed to hold SQL outside the store, each with its reason.
    static let allowed: [(folder: String, reason: String)] = [
        ("PovReviewIO/Store/", "the store owns the SQL")
    ]

    @Test("no SQL text outside Sources/PovReviewIO/Store/")
    func noSQLOutsideTheStore() throws {
        let regex = try NSRegularExpression(pattern: Self.pattern)
        var found: [String] = []
        var scanned = 0
        let enumerator = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(Self.sources.standardizedFileURL.path.count + 1))
            guard !Self.allowed.contains(where: { relative.hasPrefix($0.folder) }) else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            scanned += 1
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(line)
                if regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil {
                    found.append("\(relative):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(scanned > 100, "the scan found only \(scanned) source files under \(Self.sources.path)")
        #expect(found.isEmpty, "SQL outside the store:\n\(found.joined(separator: "\n"))")
    }
}
