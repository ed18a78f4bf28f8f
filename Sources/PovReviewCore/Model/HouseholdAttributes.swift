/// Rural or urban area ("khu vực nông thôn / thành thị"); selects the poverty line.
public enum Area: String, CaseIterable, Sendable, Codable {
    case rural, urban
}

/// Durability of the dwelling (indicator `housing_quality`).
public enum HousingType: String, CaseIterable, Sendable, Codable {
    case durable = "durable"
    case semiDurable = "semi_durable"
    case nonDurable = "non_durable"
    case none = "none"
}

/// Main source of domestic water (indicator `water`).
public enum WaterSource: String, CaseIterable, Sendable, Codable {
    case piped = "piped"
    case drilledWell = "drilled_well"
    case protectedWell = "protected_well"
    case protectedSpring = "protected_spring"
    case rainwater = "rainwater"
    case bottled = "bottled"
    case unprotectedWell = "unprotected_well"
    case unprotectedSpring = "unprotected_spring"
    case surface = "surface"
    case other = "other"
    case none = "none"
}

/// Type of latrine (indicator `latrine`).
public enum LatrineType: String, CaseIterable, Sendable, Codable {
    case septic = "septic"
    case pourFlush = "pour_flush"
    case doubleVault = "double_vault"
    case ventilatedPit = "ventilated_pit"
    case biogas = "biogas"
    case unhygienicPit = "unhygienic_pit"
    case hanging = "hanging"
    case other = "other"
    case none = "none"
}

/// How household waste is disposed of (indicator `waste`, standard `vn-2027`).
public enum WasteDisposal: String, CaseIterable, Sendable, Codable {
    case collected, composted, burned, buried
    case openDumping = "open_dumping"
    case none
}
