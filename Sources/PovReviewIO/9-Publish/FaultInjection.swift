import Foundation

/// Named points of a run where a test can make the process die or fail, to prove that the
/// outputs stay consistent (issue 10, item 5). Set `POVREVIEW_FAULT=kill:<point>` (SIGKILL of
/// the process itself) or `fail:<point>` (an ordinary error) in the environment of a child
/// process, or `sleep:<point>` (3 s, to hold the lock while another run starts); unset, every
/// point is a no-op. Not documented to users: a test hook only.
public enum FaultInjection {
    /// The points, in the order a run reaches them.
    public static let points = [
        "ingest-started", "aggregated", "evaluated", "database-built", "exports-built",
        "publish-before-journal", "publish-journal-written", "publish-exports-moved-aside",
        "publish-exports-in-place", "publish-database-in-place",
    ]

    static let setting: (action: String, point: String)? = {
        guard let value = ProcessInfo.processInfo.environment["POVREVIEW_FAULT"],
            let colon = value.firstIndex(of: ":")
        else { return nil }
        return (String(value[..<colon]), String(value[value.index(after: colon)...]))
    }()

    /// Dies or fails here if the environment asks for it.
    public static func point(_ name: String) {
        guard let setting, setting.point == name else { return }
        if setting.action == "kill" { kill(getpid(), SIGKILL) }
        if setting.action == "sleep" { Thread.sleep(forTimeInterval: 3) }
    }

    /// Throws here if the environment asks for a failure at this point.
    public static func failurePoint(_ name: String) throws {
        point(name)
        guard let setting, setting.point == name, setting.action == "fail" else { return }
        throw PipelineError.configuration("injected failure at \(name) (POVREVIEW_FAULT)")
    }
}
