import DistilabelCore

/// One line of a step's journal (`batch_manager_steps/<step>.jsonl`): a batch's record and where its rows are.
///
/// Rows live in segment files: `NNNNN.parquet`, named after the first batch they hold (`sequence + 1`, five digits
/// or more), each holding a contiguous run of batches in order, so that reading a step's segment files in name
/// order gives its rows in generator order. A later line for the same batch replaces earlier ones.
struct JournalEntry: Codable, Sendable, Hashable {
    var record: BatchRecord
    /// The first batch of the segment file holding this batch's rows (no file when the batch has no rows).
    var segment: Int
    /// The batch's first row in that file.
    var offset: Int
    /// Set on a line that removes the batch (a later run of the same execution produced fewer batches).
    var removed: Bool?
}

extension Int {
    /// The segment file name of the segment starting at batch `self`.
    var segmentFileName: String {
        let number = String(self + 1)
        return String(repeating: "0", count: Swift.max(0, 5 - number.count)) + number + ".parquet"
    }
}
