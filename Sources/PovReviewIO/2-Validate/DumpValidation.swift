import Foundation
import PovReviewCore

/// `povreview validate`: the ingest and validate stages of a run — the same reading thread
/// (`DumpReading`: scanning, the row checks in their pinned order, duplicate keys across files)
/// — with no database and no file written: rows are counted per file and year, and the first
/// quarantined rows of each file kept to show.
final class DumpValidation {
    let config: PipelineConfig
    let inputs: RunInputs
    let progress: any ProgressReporter
    let sampleSize: Int

    private(set) var reports: [FileReport] = []
    /// The first `sampleSize` quarantined rows of each file by line, per file index.
    private var samples: [[QuarantineSample]] = []

    init(config: PipelineConfig, inputs: RunInputs, progress: any ProgressReporter, sampleSize: Int) {
        self.config = config
        self.inputs = inputs
        self.progress = progress
        self.sampleSize = sampleSize
    }

    /// Reads every dump; returns the reports, the samples in file and line order, and the
    /// quarantine-limit failure if a file is over it (a header or encoding problem throws).
    func run() throws -> (files: [FileReport], quarantine: [QuarantineSample], failure: PipelineError?) {
        let reading = DumpReading(
            dumps: inputs.dumps, rules: HouseholdPass.validationRules(config: config, inputs: inputs),
            admin: inputs.admin, options: try HouseholdPass.readerOptions(config: config),
            keyRecords: InMemoryDuplicateKeyRecords())
        try reading.readOnThread { queue in try consume(queue, keys: reading) }
        for (row, key) in reading.retracted {
            // Accepted before its key repeated: quarantined as a duplicate after all.
            let file = Int(row.file)
            reports[file].retractAsDuplicate(year: key.year, lines: row.location.lineCount)
            keep(
                QuarantineSample(reports[file].path, line: row.location.line, .duplicateHousehold(id: key.id, year: key.year)),
                file: file)
        }
        for report in reports { progress.fileFinished(report) }
        var failure: PipelineError?
        if let report = reports.first(where: { $0.quarantinedShare > config.quarantineLimit }) {
            failure = .quarantineLimit(
                path: report.path, quarantinedLines: report.quarantinedLines,
                physicalLines: report.physicalLines, limitPercent: config.quarantineLimit * 100,
                quarantineCSV: nil)
        }
        return (reports, samples.flatMap { $0 }, failure)
    }

    private func consume(_ queue: HandOffQueue<IngestEvent>, keys: DumpReading) throws {
        var report = FileReport(path: "", sha256: "")
        var years = YearCounts()
        var fileIndex = 0
        while true {
            switch queue.take() {
            case .fileStarted(let index, let sha256, let bytes):
                fileIndex = index
                report = FileReport(path: inputs.dumps[index].path, sha256: sha256)
                years = YearCounts()
                samples.append([])
                progress.fileStarted(report.path, bytes: bytes)
            case .headerRead:
                break
            case .failed(let error):
                throw error
            case .fileFinished:
                years.flush(into: &report)
                reports.append(report)
            case .finished:
                try keys.keysCounted()
                return
            case .records(let batch):
                for record in batch.records {
                    let keyRepeated = try keys.keyRepeated(record, file: fileIndex)
                    let year = record.key?.reviewYear.value
                    years.countRead(year: year, lines: record.location.lineCount, in: &report)
                    switch record.outcome {
                    case .accepted(let household, _) where keyRepeated:
                        report.countQuarantined(.duplicateHousehold, lines: record.location.lineCount, year: &years.counts)
                        let rejection = RowRejection.duplicateHousehold(id: household.householdID.rawValue, year: household.reviewYear.value)
                        keep(QuarantineSample(report.path, line: record.location.line, rejection), file: fileIndex)
                    case .accepted:
                        years.countAccepted(in: &report)
                    case .rejected(let rejection, _):
                        report.countQuarantined(rejection.reason, lines: record.location.lineCount, year: &years.counts)
                        keep(QuarantineSample(report.path, line: record.location.line, rejection), file: fileIndex)
                    }
                }
            }
        }
    }

    /// Keeps `sample` if it is among the first `sampleSize` lines of its file.
    private func keep(_ sample: QuarantineSample, file: Int) {
        guard sampleSize > 0 else { return }
        var kept = samples[file]
        if kept.count == sampleSize, let last = kept.last, last.line < sample.line { return }
        let position = kept.firstIndex { $0.line > sample.line } ?? kept.count
        kept.insert(sample, at: position)
        if kept.count > sampleSize { kept.removeLast() }
        samples[file] = kept
    }
}

extension QuarantineSample {
    /// The sample of a row of `file` at `line` rejected with `rejection`.
    init(_ file: String, line: Int, _ rejection: RowRejection) {
        self.init(file: file, line: line, column: rejection.column, reason: rejection.reason.rawValue, message: rejection.message)
    }
}
