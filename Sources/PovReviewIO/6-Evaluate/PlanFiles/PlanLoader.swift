import Foundation
import PovReviewCore

/// Loads plan files from `Pipelines/plans/` (an `adopt: <id>` reads `<id>.yaml` beside the file).
public enum PlanLoader {
    /// Loads the plan in `url`; `displayPath` is the name used in messages (default: the path).
    public static func load(contentsOf url: URL, displayPath: String? = nil) throws(LocatedError) -> Plan {
        try load(contentsOf: url, displayPath: displayPath, visiting: [])
    }

    private static func load(contentsOf url: URL, displayPath: String?, visiting: [String]) throws(LocatedError) -> Plan {
        let path = displayPath ?? url.path
        let yaml: String
        do {
            yaml = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw LocatedError(.unreadable, path: path, message: "cannot read the file: \(error.localizedDescription)")
        }
        let directory = url.deletingLastPathComponent()
        let displayDirectory = (path as NSString).deletingLastPathComponent
        return try plan(yaml: yaml, path: path) { (id: String) throws(LocatedError) -> Plan in
            guard !visiting.contains(id) else {
                throw LocatedError(path: path, line: nil, message: "adoption cycle: \((visiting + [id]).joined(separator: " → "))")
            }
            let file = directory.appendingPathComponent(id + ".yaml")
            let shown = displayDirectory.isEmpty ? id + ".yaml" : displayDirectory + "/" + id + ".yaml"
            return try load(contentsOf: file, displayPath: shown, visiting: visiting + [id])
        }
    }

    /// Parses plan YAML; `adopted` resolves an `adopt:` id to its plan.
    public static func plan(
        yaml: String, path: String,
        adopted: @escaping (String) throws(LocatedError) -> Plan = { id throws(LocatedError) in
            throw LocatedError(path: id, line: nil, message: "no plan \"\(id)\" to adopt")
        }
    ) throws(LocatedError) -> Plan {
        do {
            return try PlanFileReader(path: path, adopted: { id in try adopted(id) }).plan(yaml: yaml)
        } catch let error as LocatedError {
            throw error
        } catch {
            throw LocatedError(path: path, line: nil, message: "\(error)")
        }
    }

    /// Every `*.yaml` plan in `directory`, ordered by file name.
    public static func loadAll(in directory: URL) throws(LocatedError) -> [Plan] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".yaml") }.sorted()
        } catch {
            throw LocatedError(.unreadable, path: directory.path, message: "cannot list the folder: \(error.localizedDescription)")
        }
        var plans: [Plan] = []
        for name in names {
            plans.append(try load(contentsOf: directory.appendingPathComponent(name)))
        }
        return plans
    }
}
