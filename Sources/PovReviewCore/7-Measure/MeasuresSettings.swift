/// The settings of the analyst measures (pipeline file, `measures:`), resolved with the spec's
/// defaults (outputs.md §3).
public struct MeasuresSettings: Sendable, Equatable {
    /// Alkire–Foster cut-offs `k` (numbers of indicators); each standard's own cut-off is always added.
    public var cutoffs: [Int] = [2, 3, 4]
    public var integrity = IntegrityThresholds()

    public init() {}

    /// The cut-offs used for a standard whose own cut-off is `own`, ascending, without repeats.
    public func cutoffs(standardCutoff own: Int) -> [Int] { Array(Set(cutoffs + [own])).sorted() }
}
