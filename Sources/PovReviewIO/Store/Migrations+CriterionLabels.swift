extension Migrations {
    /// Each criterion's short label from its plan file (`label_vi`, `label_en`), so exports,
    /// the HTML report and analysts name a criterion in words rather than by its id.
    static let criterionLabels = """
        ALTER TABLE criteria_results ADD COLUMN criterion_label_vi TEXT;
        ALTER TABLE criteria_results ADD COLUMN criterion_label_en TEXT;
        """
}
