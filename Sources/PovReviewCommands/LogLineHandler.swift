import ArgumentParser
import Foundation
import Logging

/// How log lines look when standard error is not a terminal (`--log-format`).
enum LogFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// `2026-12-02T01:00:00Z info [ingest] households_2024.csv (1.2 MB)`.
    case plain
    /// One JSON object per line: `time`, `level`, `label`, `message` and the metadata.
    case json
}

/// A swift-log handler writing one line per message to standard error, plain or JSON. Made by
/// hand (a dozen lines) because swift-log ships only `StreamLogHandler`, whose plain format
/// cannot be switched to JSON for log collectors.
struct LogLineHandler: LogHandler {
    var format: LogFormat
    var label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// A logger with this handler (not bootstrapped globally: tests run many commands in one process).
    static func logger(_ format: LogFormat, label: String = "povreview") -> Logger {
        Logger(label: label) { label in LogLineHandler(format: format, label: label) }
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?,
        source: String, file: String, function: String, line: UInt
    ) {
        let time = RunClock.timestamp(Date())
        let all = metadata.merging(extra ?? [:]) { $1 }
        let text: String
        switch format {
        case .plain:
            let suffix = all.isEmpty ? "" : " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            text = "\(time) \(level) \(message)\(suffix)"
        case .json:
            var object: [String: String] = ["time": time, "level": level.rawValue, "label": label, "message": message.description]
            for (key, value) in all { object[key] = value.description }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            text = String(decoding: data, as: UTF8.self)
        }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// UTC timestamps for log lines.
enum RunClock {
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
