/// The known names closest to a mistyped one, by edit distance, for "did you mean" hints.
///
/// Hand-written: none of our dependencies offers an edit distance, and the lists searched are
/// short (a plan's criteria, a province's units), so the plain O(n·m) Levenshtein is enough.
enum NearestNames {
    /// Up to `limit` of `candidates` nearest to `name` (case folded), nearest first, ties in
    /// code-point order; only those within half the longer length, so nonsense suggests nothing.
    static func nearest(to name: String, in candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(name.lowercased())
        return
            candidates
            .map { ($0, distance(target, Array($0.lowercased()))) }
            .filter { $0.1 <= max(target.count, $0.0.count) / 2 }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            .prefix(limit).map(\.0)
    }

    /// Levenshtein distance (insertions, deletions, substitutions of characters).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// " Did you mean …?" for `name`, or "" when nothing is near.
    static func hint(for name: String, in candidates: [String]) -> String {
        let near = nearest(to: name, in: candidates)
        guard !near.isEmpty else { return "" }
        return " Did you mean " + near.map { "\"\($0)\"" }.joined(separator: " or ") + "?"
    }
}
