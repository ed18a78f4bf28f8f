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
