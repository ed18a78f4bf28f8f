/// A household's status on one side of a pair of consecutive review years: its classification,
/// or `absent` when the household has no accepted row that year.
public enum SideStatus: String, Sendable, CaseIterable {
    case poor
    case nearPoor = "near_poor"
    case average
    case above
    case absent

    public init(_ status: HouseholdStatus?) {
        switch status {
        case .poor: self = .poor
        case .nearPoor: self = .nearPoor
        case .average: self = .average
        case .above: self = .above
        case nil: self = .absent
        }
    }
}

/// How a household moved between two consecutive review years of one standard
/// (outputs.md, `household_transitions.change`).
public enum TransitionChange: String, Sendable, CaseIterable {
    case enteredPoor = "entered_poor"
    case stayedPoor = "stayed_poor"
    case nearPoorToPoor = "near_poor_to_poor"
    /// Tái nghèo: poor again after having been out of poverty.
    case fellBackPoor = "fell_back_poor"
    /// Phát sinh mới.
    case newlyPoor = "newly_poor"
    case enteredNearPoor = "entered_near_poor"
    case poorToNearPoor = "poor_to_near_poor"
    case stayedNearPoor = "stayed_near_poor"
    case fellBackNearPoor = "fell_back_near_poor"
    case newlyNearPoor = "newly_near_poor"
    /// Thoát nghèo lên trên chuẩn cận nghèo.
    case escapedAboveNearPoor = "escaped_above_near_poor"
    case escapedNearPoverty = "escaped_near_poverty"
    case poorLeft = "poor_left"
    case nearPoorLeft = "near_poor_left"
    case stayedOut = "stayed_out"

    /// Decides the change in the order of the table of outputs.md (first match wins).
    ///
    /// - Parameters:
    ///   - wasPoorEarlier: poor in some review year before `from_year` under the same standard.
    ///   - wasNearPoorEarlier: near-poor in some review year before `from_year` under the same standard.
    public init(from: SideStatus, to: SideStatus, wasPoorEarlier: Bool, wasNearPoorEarlier: Bool) {
        switch (to, from) {
        case (.poor, .absent): self = .enteredPoor
        case (.poor, .poor): self = .stayedPoor
        case (.poor, .nearPoor): self = .nearPoorToPoor
        case (.poor, _): self = wasPoorEarlier ? .fellBackPoor : .newlyPoor
        case (.nearPoor, .absent): self = .enteredNearPoor
        case (.nearPoor, .poor): self = .poorToNearPoor
        case (.nearPoor, .nearPoor): self = .stayedNearPoor
        case (.nearPoor, _): self = wasNearPoorEarlier ? .fellBackNearPoor : .newlyNearPoor
        case (.average, .poor), (.above, .poor): self = .escapedAboveNearPoor
        case (.average, .nearPoor), (.above, .nearPoor): self = .escapedNearPoverty
        case (.absent, .poor): self = .poorLeft
        case (.absent, .nearPoor): self = .nearPoorLeft
        default: self = .stayedOut
        }
    }
}
