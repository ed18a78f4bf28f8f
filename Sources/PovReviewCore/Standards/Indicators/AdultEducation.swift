extension Indicator {
    /// Trình độ giáo dục của người lớn: a member aged 16–30 neither in training nor holding the
    /// qualification for their age.
    public static let adultEducation = Indicator(
        id: .adultEducation, nameVi: "Trình độ giáo dục của người lớn",
        nameEn: "Adult education", dimension: .education,
        fields: ["adults_16_30_without_qualification"]
    ) { $0.adults16To30WithoutQualification >= 1 }
}
