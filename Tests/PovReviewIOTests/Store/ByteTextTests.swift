import Foundation
import Testing

@testable import PovReviewIO

/// `ByteText.ranges(of:in:)`: occurrences found in the UTF-8 bytes, given back as indices of the
/// text itself, so replacing them works after Vietnamese (multi-byte) text.
@Suite struct ByteTextTests {
    @Test func rangesAreTheTextsOwnIndicesAfterMultiByteCharacters() {
        var text = "<h2>Độ sâu</h2></main><p>Dấu hiệu</p></main>\n"
        let ranges = ByteText.ranges(of: "</main>", in: &text)
        #expect(ranges.count == 2)
        #expect(ranges.map { String(text[$0]) } == ["</main>", "</main>"])
        // Counted by hand: "<h2>" 4 bytes, "Độ" 2 + 3, " " 1, "sâu" 1 + 2 + 1, "</h2>" 5: 19.
        #expect(text.utf8.distance(from: text.startIndex, to: ranges[0].lowerBound) == 19)
        text.replaceSubrange(ranges[1], with: "<section>Mới</section></main>")
        #expect(text == "<h2>Độ sâu</h2></main><p>Dấu hiệu</p><section>Mới</section></main>\n")
    }

    @Test("compare orders texts as SQLite's BINARY collation does: prefixes, lengths, bytes above 0x7F")
    func compareIsSQLitesOrder() throws {
        let texts = [
            "h1", "h10", "h2", "h", "", "H1", "h1 ", "h1!x", "hộ 1", "ho 1", "hợ", "h\u{7F}", "99001-21000000",
            "99001-2100000", "99001-210000000", "Đ", "D", "z", "~",
        ]
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (x TEXT)")
        let insert = try database.prepare("INSERT INTO t VALUES (?)")
        for text in texts {
            try insert.bind([.text(text)])
            try insert.execute()
        }
        // SQLite is the oracle: its ORDER BY on a TEXT column without a collation.
        let sqliteOrder = try database.rows("SELECT x FROM t ORDER BY x").map { $0[0].string! }
        let ours = texts.sorted { a, b in
            Array(a.utf8).withUnsafeBufferPointer { x in
                Array(b.utf8).withUnsafeBufferPointer { y in ByteText.compare(x, y) < 0 }
            }
        }
        #expect(ours == sqliteOrder)
        let equal = Array("hộ".utf8).withUnsafeBufferPointer { x in
            Array("hộ".utf8).withUnsafeBufferPointer { y in ByteText.compare(x, y) }
        }
        #expect(equal == 0)
    }

    @Test func noOccurrenceOrAnEmptyNeedleGivesNone() {
        var text = "Tỷ lệ hộ nghèo"
        #expect(ByteText.ranges(of: "</main>", in: &text).isEmpty)
        #expect(ByteText.ranges(of: "", in: &text).isEmpty)
        #expect(!ByteText.contains("\"provisional\":true", in: #"{"provisional":false}"#))
        #expect(ByteText.contains("\"provisional\":true", in: #"{"a":1,"provisional":true}"#))
    }

    @Test func aPartialMatchBeforeTheRealOneIsSkipped() {
        var text = "</ma</main>"
        let ranges = ByteText.ranges(of: "</main>", in: &text)
        #expect(ranges.map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) } == [4])
    }
}
