import Foundation
import PovReviewCore

/// The duplicate-key table's records in a `SpillFile`, about 30 bytes a household.
final class DuplicateKeySpillFile: SpillFile, DuplicateKeyRecordStore {
    /// Creates the file in `folder` (the system's temporary folder by default).
    init(folder: URL = FileManager.default.temporaryDirectory) throws {
        try super.init(
            folder: folder, prefix: "povreview-keys", contents: "household keys",
            use: "the duplicate check keeps about 30 bytes per household there")
    }
}
