extension Indicator {
    /// Phương tiện phục vụ tiếp cận thông tin: no TV, radio, computer or phone, and out of reach
    /// of the commune/village loudspeakers.
    public static let informationAccess = Indicator(
        id: .informationAccess, nameVi: "Phương tiện phục vụ tiếp cận thông tin",
        nameEn: "Means of access to information", dimension: .information,
        fields: ["info_devices", "loudspeaker_access"]
    ) { $0.infoDevices == 0 && !$0.loudspeakerAccess }
}
