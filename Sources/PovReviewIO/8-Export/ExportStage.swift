import Foundation
import PovReviewCore

/// The export stage: CSV, XLSX and HTML from the published database.
public enum ExportStage {
    /// Writes every export of the database into the configuration's exports folder (built aside,
    /// renamed into place). Plans are those evaluated in the database, in configuration order.
    /// The caller holds the output lock; the exports are published through a `Publication`
    /// journal beside the database, so a kill cannot leave the exports folder missing.
    @discardableResult
    public static func write(database: SQLiteDatabase, config: PipelineConfig, runID: Int) throws -> [String] {
        let files = try build(database: database, config: config, runID: runID)
        try Publication(
            databaseURL: config.databaseFile, builtDatabase: nil, exportsURL: config.exportsFolder,
            builtExports: Exporter.buildingFolder(for: config.exportsFolder)
        )
        .commit(journalBeside: config.databaseFile)
        return files
    }

    /// Writes every export into the building folder beside the exports folder
    /// (`Exporter.buildingFolder(for:)`) without publishing them. `plans` are the pipeline's
    /// plans when the caller has them loaded already (read from their files otherwise).
    @discardableResult
    public static func build(
        database: SQLiteDatabase, config: PipelineConfig, runID: Int, plans loadedPlans: [(plan: Plan, territory: UnitCode?)]? = nil
    ) throws -> [String] {
        let evaluated = try CriteriaResultsStore.evaluatedPlans(in: database)
        var plans = config.plans.compactMap(\.id).filter { evaluated.contains($0) }
        plans += evaluated.subtracting(plans).sorted()
        // The plans' Vietnamese titles for the HTML reports (a plan file that no longer loads
        // leaves its report with the id only).
        let loaded = loadedPlans ?? (try? PlanEvaluation.plans(of: config)) ?? []
        var titles: [String: String] = [:], documents: [String: String] = [:]
        for entry in loaded {
            titles[entry.plan.id.rawValue] = entry.plan.titleVi
            documents[entry.plan.id.rawValue] = entry.plan.document
        }
        return try Exporter.writeAll(
            database: database, to: config.exportsFolder, plans: plans, runID: runID, planTitles: titles,
            planDocuments: documents, publish: false)
    }

    /// The id of the latest successful run in `database`.
    public static func latestRunID(in database: SQLiteDatabase) throws -> Int {
        try RunLog.latestSucceededRunID(in: database)
    }
}
