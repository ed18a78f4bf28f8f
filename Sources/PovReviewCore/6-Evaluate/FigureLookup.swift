/// The figures of a unit in one year, or why there are none.
public enum FigureLookup: Sendable, Equatable {
    /// The (possibly restated) figures and the standard they were computed with.
    case figures(UnitFigures, standard: StandardID)
    /// No data for this unit and year.
    case missing
    /// The year has data, but only under other standards (a change of standard).
    case otherStandard([StandardID])

    public var figures: UnitFigures? {
        if case .figures(let f, _) = self { return f }
        return nil
    }
}
