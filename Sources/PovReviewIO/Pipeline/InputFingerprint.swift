import Foundation
import PovReviewCore

/// The fingerprint of everything a run reads except the dumps: the effective configuration, the
/// reference files (admin units, totals, crosswalk, targets), the standard and plan files, and
/// the program itself. Stored in `runs.inputs_sha256`; a rerun whose fingerprint and dump
/// hashes match the previous run's has nothing to do (issue 10, item 2).
enum InputFingerprint {
    static func compute(config: PipelineConfig) throws -> String {
        var text = "povreview \(PovReviewVersion.current)\n\(programIdentity())\n"
        text += config.rendered
        text += "measures: \(config.measures)\n"
        var files: [URL] = [config.adminFile] + config.standardFiles
        files += [config.pipelineFile, config.totalsFile, config.crosswalkFile, config.targetsFile].compactMap { $0 }
        // Every YAML file beside each plan: a plan may adopt another one by id.
        var planFolders = Set<URL>()
        for selection in config.plans {
            let url = selection.file ?? config.pipelinesFolder.appendingPathComponent("plans/\(selection.id ?? "").yaml")
            files.append(url)
            planFolders.insert(url.deletingLastPathComponent().standardizedFileURL)
        }
        for folder in planFolders.sorted(by: { $0.path < $1.path }) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                files.append(folder.appendingPathComponent(name))
            }
        }
        for file in files {
            // A missing file is not an error here: the stage that reads it says so.
            let digest = (try? FileDigest.sha256(of: file)) ?? "missing"
            text += "file \(file.standardizedFileURL.path) \(digest)\n"
        }
        return FileDigest.sha256(of: Data(text.utf8))
    }

    /// The running executable's size and modification time: a rebuilt or upgraded program may
    /// compute differently, so its outputs are not reused. (Hashing the binary itself would cost
    /// more than the rest of a "nothing changed" run.)
    static func programIdentity() -> String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "program unknown" }
        return "program \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
