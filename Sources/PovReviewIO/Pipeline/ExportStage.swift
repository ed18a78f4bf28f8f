import Foundation

/// The export stage: CSV, XLSX and HTML from the published database.
enum ExportStage {
    static func write(database: SQLiteDatabase, config: PipelineConfig, runID: Int) throws {
        // wired when the exporter lands
    }
}
