extension SQLiteDatabase {
    /// Starts a deferred transaction (`BEGIN`), for a stage that commits on its own schedule;
    /// `transaction(_:)` wraps a body in `BEGIN IMMEDIATE` … `COMMIT`.
    public func beginTransaction() throws(SQLiteError) { try execute("BEGIN") }

    /// Commits the open transaction.
    public func commitTransaction() throws(SQLiteError) { try execute("COMMIT") }

    /// Rolls the open transaction back.
    public func rollbackTransaction() throws(SQLiteError) { try execute("ROLLBACK") }

    /// Rebuilds the planner statistics (`ANALYZE`).
    public func analyze() throws(SQLiteError) { try execute("ANALYZE") }
}
