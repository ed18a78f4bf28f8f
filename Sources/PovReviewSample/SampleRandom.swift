/// The seeded pseudo-random generator of the sample data: SplitMix64 (Steele, Lea & Flood,
/// "Fast splittable pseudorandom number generators", OOPSLA 2014).
///
/// Hand-written because the standard library's `SystemRandomNumberGenerator` cannot be seeded and
/// the committed `SampleData/` must be reproduced byte for byte from its seed. Every helper here
/// uses integer arithmetic or the basic IEEE 754 operations (`+ - × ÷`, `sqrt`), which are exact
/// on every platform; nothing calls `exp`, `log` or `Int.random(in:using:)`, whose results or
/// algorithms may differ between C libraries and Swift releases.
struct SampleRandom {
    private var state: UInt64

    /// A generator for one stream of `seed`, e.g. one household slot: the stream numbers are
    /// mixed so that neighbouring slots get unrelated sequences.
    init(seed: UInt64, stream: UInt64) {
        state = Self.mix(seed ^ Self.mix(stream &+ 0x632B_E59B_D9B4_E019))
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A uniform integer in `0..<bound` (multiply-high; the bias is below 2⁻³² for our bounds).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in `[0, 1)` with 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// An approximately standard normal variate: the sum of four uniforms, centred and scaled
    /// to unit variance (Irwin–Hall), so only additions and one multiplication are used.
    mutating func normal() -> Double {
        (unit() + unit() + unit() + unit() - 2) * 1.7320508075688772
    }

    /// An index drawn with the given relative integer weights.
    mutating func pick(weights: [Int]) -> Int {
        var ticket = below(weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if ticket < weight { return index }
            ticket -= weight
        }
        return weights.count - 1
    }

    /// SplitMix64's output function, also a good stateless 64-bit hash.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A stateless hash of several values, for decisions that must not depend on draw order
    /// (which rows get a messy spelling, each unit's target).
    static func hash(_ values: UInt64...) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        for value in values { h = mix(h ^ mix(value)) }
        return h
    }
}

/// Deterministic replacements for the few transcendental functions the income model needs.
enum SampleMath {
    /// `eˣ`, as `(1 + x/1024)^1024` by ten squarings: within 1% of `exp` on the range the model
    /// uses (|x| ≤ 3), and the same bits on every platform, which `Foundation.exp` does not promise.
    static func exp(_ x: Double) -> Double {
        var y = 1 + min(max(x, -30), 30) / 1024
        for _ in 0..<10 { y *= y }
        return y
    }

    /// The logistic function `1 / (1 + e⁻ˣ)`.
    static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
