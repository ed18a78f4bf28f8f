extension Indicator {
    /// Thu gom, xử lý rác thải (vn-2027, provisional): waste is not disposed of at all or dumped
    /// in the open.
    public static let waste = Indicator(
        id: .waste, nameVi: "Thu gom, xử lý rác thải sinh hoạt", nameEn: "Waste disposal",
        dimension: .waterSanitation, fields: ["waste_disposal"]
    ) { $0.wasteDisposal == WasteDisposal.none || $0.wasteDisposal == .openDumping }
}
