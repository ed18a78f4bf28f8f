import ArgumentParser

/// The exit codes of `povreview run` (and of the commands that write the outputs), for cron and
/// scripts (README, "Nightly operation"). Usage errors keep argument-parser's 64.
enum ExitStatus: Int32, CaseIterable {
    /// Every row accepted; database and exports published.
    case success = 0
    /// Failed; the previous database and exports are unchanged.
    case failure = 1
    /// Published, but some rows were quarantined (see the `quarantine` table).
    case quarantinedRows = 3
    /// Nothing to do: nothing was written because nothing had to be (no output changed).
    case nothingToDo = 4
    /// Another run holds the output lock; try again later (EX_TEMPFAIL).
    case busy = 75

    var code: ExitCode { ExitCode(rawValue) }
}
