import PovReviewCore

/// Per-year counts of the file being read, held for the year of the last row (a dump is almost
/// always one year) and written into the report when the year changes, instead of two
/// dictionary operations per row.
struct YearCounts {
    var year: Int?? = .none
    var counts: (read: Int, accepted: Int, quarantined: Int) = (0, 0, 0)

    /// Makes `year` the current one, writing back the previous year's counts.
    @inline(__always)
    mutating func select(_ year: Int?, in report: inout FileReport) {
        if case .some(let current) = self.year, current == year { return }
        flush(into: &report)
        self.year = .some(year)
        counts = report.byYear[year] ?? (0, 0, 0)
    }

    /// Counts one row read, of `lines` physical lines and review year `year` (nil when unreadable).
    @inline(__always)
    mutating func countRead(year: Int?, lines: Int, in report: inout FileReport) {
        report.rowsRead += 1
        report.physicalLines += lines
        select(year, in: &report)
        counts.read += 1
    }

    /// Counts the row just read as accepted.
    @inline(__always)
    mutating func countAccepted(in report: inout FileReport) {
        report.rowsAccepted += 1
        counts.accepted += 1
    }

    /// Writes the current year's counts into `report`.
    mutating func flush(into report: inout FileReport) {
        if case .some(let current) = year { report.byYear[current] = counts }
    }
}

/// The standards of each review year, resolved once from the schedule.
struct StandardsByYear {
    let schedule: StandardSchedule
    let standards: [StandardID: Standard]
    private var cache: [Int: [Standard]] = [:]

    init(schedule: StandardSchedule, standards: [StandardID: Standard]) {
        self.schedule = schedule
        self.standards = standards
        for entry in schedule.entries {
            for year in entry.years {
                cache[year.value] = schedule.standardIDs(for: year).compactMap { standards[$0] }
            }
        }
    }

    func standards(for year: ReviewYear) -> [Standard] { cache[year.value] ?? [] }
}

extension FileReport {
    /// Counts one quarantined row of `lines` physical lines into the report and its year's counts.
    mutating func countQuarantined(_ reason: QuarantineReason, lines: Int, year yearCounts: inout (read: Int, accepted: Int, quarantined: Int)) {
        rowsQuarantined += 1
        quarantinedLines += lines
        byReason[reason, default: 0] += 1
        yearCounts.quarantined += 1
    }

    /// Moves a row counted as accepted to the quarantine as a duplicate (its key repeated later,
    /// rule 2).
    mutating func retractAsDuplicate(year: Int, lines: Int) {
        var yearCounts = byYear[year] ?? (0, 0, 0)
        rowsAccepted -= 1
        yearCounts.accepted -= 1
        countQuarantined(.duplicateHousehold, lines: lines, year: &yearCounts)
        byYear[year] = yearCounts
    }
}
