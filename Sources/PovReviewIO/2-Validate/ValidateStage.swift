/// Validate, on the data as a whole: each row was validated during the pass (`HouseholdPass`);
/// what remains is the volume of each dump and review year (`DataVolumeCheck`).
enum ValidateStage {
    static func run(_ state: RunState) throws {
        try DataVolumeCheck.check(files: state.files, config: state.config)
    }
}
