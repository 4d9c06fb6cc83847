/// The decoded content of one column chunk: levels and the non-null values, before record assembly.
struct ColumnData: Sendable {
    /// One definition level per entry; empty when the column's maximum definition level is 0.
    var definitionLevels: [UInt8] = []
    /// One repetition level per entry; empty when the column's maximum repetition level is 0.
    var repetitionLevels: [UInt8] = []
    /// The values of entries whose definition level is the maximum.
    var values: [ParquetValue] = []
    /// The number of entries (levels).
    var count = 0
}
