import CSQLite
import Foundation

/// A thin wrapper over the system libsqlite3 C API.
///
/// Hand-written rather than GRDB: the pipeline's hot path is millions of prepared-statement
/// inserts, where GRDB's statement API measured ~2.5× the raw C API on this machine (issue #2).
/// Everything here is the few calls the pipeline needs: exec, prepare, bind, step, read columns.
public final class SQLiteDatabase {
    let handle: OpaquePointer
    /// Path of the database file, for messages.
    public let path: String

    /// Process-wide settings made once, before the first connection opens: no memory
    /// statistics (the Debian build keeps them on, and their global mutex on every allocation
    /// measured ~3% of the thread inserting rows).
    private static let configured: Void = { _ = povreview_sqlite3_disable_memstatus() }()

    /// Opens (creating if needed) the database at `path`.
    public init(path: String, readOnly: Bool = false) throws(SQLiteError) {
        Self.configured
        var db: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let code = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: code, message: message, sql: nil, path: path)
        }
        handle = db
        self.path = path
        sqlite3_busy_timeout(db, 5000)
    }

    deinit { sqlite3_close_v2(handle) }

    /// `name` as an SQL identifier: in double quotes, its own double quotes doubled.
    static func quotedIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Runs one or more SQL statements without parameters.
    public func execute(_ sql: String) throws(SQLiteError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if code != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? "error \(code)"
            sqlite3_free(errorMessage)
            throw SQLiteError(code: code, message: message, sql: sql, path: path)
        }
    }

    /// Prepares `sql` for repeated execution.
    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code, sql: sql) }
        return SQLiteStatement(statement: statement, database: self, sql: sql)
    }

    /// Runs `sql` once with `values` bound in order.
    public func run(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteError) {
        let statement = try prepare(sql)
        try statement.bind(values)
        try statement.stepToEnd()
    }

    /// Runs a query and returns every row as values.
    public func rows(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteError) -> [[SQLiteValue]] {
        let statement = try prepare(sql)
        try statement.bind(values)
        var result: [[SQLiteValue]] = []
        while try statement.step() {
            result.append((0..<statement.columnCount).map { statement.value(at: $0) })
        }
        return result
    }

    /// Runs `body` in a transaction, committing on success and rolling back on error.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    func error(_ code: Int32, sql: String?) -> SQLiteError {
        SQLiteError(code: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql, path: path)
    }
}

/// A value read from or bound to SQLite.
public enum SQLiteValue: Sendable, Equatable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public var int: Int? { if case .integer(let v) = self { Int(v) } else { nil } }
    public var double: Double? {
        switch self {
        case .integer(let v): Double(v)
        case .real(let v): v
        default: nil
        }
    }
    public var string: String? { if case .text(let v) = self { v } else { nil } }
}

/// A failed SQLite call, with the statement and the database path.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public var code: Int32
    public var message: String
    public var sql: String?
    public var path: String
    public var description: String {
        "SQLite error \(code) in \(path): \(message)" + (sql.map { " (in: \($0.prefix(200)))" } ?? "")
    }
}
