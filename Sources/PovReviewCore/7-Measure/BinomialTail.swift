#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The exact one-sided binomial test used by the integrity checks (outputs.md §3).
public enum BinomialTail {
    /// P(X ≥ x) for X ~ Binomial(n, p): the p-value of observing at least `x` successes in `n`
    /// trials when each succeeds with probability `p`.
    ///
    /// Method: every term `C(n,i)·pⁱ·(1−p)ⁿ⁻ⁱ` for `i = x … n` is computed in log space
    /// (`log C(n,x)` from `lgamma`, the next terms by the exact ratio
    /// `(n−i)/(i+1) · p/(1−p)`, `log(1−p)` by `log1p`), and the terms are added with the
    /// log-sum-exp shift by the largest one. No term under- or overflows, so tails far below
    /// 1e-300 keep their relative precision (about n·1e-16 from the recurrence), unlike summing
    /// `pow` products or taking `1 − CDF`, which loses every digit of a tail below 1e-16.
    public static func upperTail(successes x: Int, trials n: Int, probability p: Double) -> Double {
        precondition(n >= 0 && x >= 0)
        if x == 0 { return 1 }
        if x > n { return 0 }
        if p <= 0 { return 0 }
        if p >= 1 { return 1 }
        let logP = log(p)
        let logQ = log1p(-p)
        var logTerm =
            lgamma(Double(n + 1)) - lgamma(Double(x + 1)) - lgamma(Double(n - x + 1))
            + Double(x) * logP + Double(n - x) * logQ
        var logs: [Double] = []
        logs.reserveCapacity(n - x + 1)
        var i = x
        while true {
            logs.append(logTerm)
            if i == n { break }
            logTerm += log(Double(n - i)) - log(Double(i + 1)) + logP - logQ
            i += 1
        }
        let top = logs.max()!
        var sum = 0.0
        for value in logs { sum += exp(value - top) }
        return min(1, exp(top + log(sum)))
    }
}
