import Foundation
import PovReviewCore

/// Loads plan files from `Pipelines/plans/` (an `adopt: <id>` reads `<id>.yaml` beside the file).
public enum PlanLoader {
    /// Loads the plan in `url`; `displayPath` is the name used in messages (default: the path).
    public static func load(contentsOf url: URL, displayPath: String? = nil) throws(LocatedError) -> Plan {
        try load(contentsOf: url, displayPath: displayPath, visiting: [])
    }

    private static func load(contentsOf url: URL, displayPath: String?, visiting: [String]) throws(LocatedError) -> Plan {
        let file = try YAMLFile(url: url, displayPath: displayPath, expecting: "a plan")
        let path = file.path
        let directory = url.deletingLastPathComponent()
        let displayDirectory = (path as NSString).deletingLastPathComponent
        return try plan(file: file) { (id: String) throws(LocatedError) -> Plan in
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
        try plan(file: YAMLFile(text: yaml, path: path, expecting: "a plan"), adopted: adopted)
    }

    /// Reads the plan in `file`, parsed by the reader of every YAML file of a run.
    static func plan(file: YAMLFile, adopted: @escaping (String) throws(LocatedError) -> Plan) throws(LocatedError) -> Plan {
        do {
            return try PlanFileReader(file: file, adopted: { id in try adopted(id) }).plan()
        } catch let error as LocatedError {
            throw error
        } catch {
            throw LocatedError(path: file.path, message: "\(error)")
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
