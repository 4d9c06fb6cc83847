/// Where ``ColumnChunkReader`` puts the values of a column chunk's pages, so that one page loop serves both row
/// reading (``ParquetValue``s) and column reading (typed arrays, ``ParquetColumn``).
protocol ColumnValueSink {
    /// Decodes a dictionary page of `count` PLAIN values.
    mutating func readDictionary(_ reader: ColumnChunkReader, _ cursor: inout ByteCursor, count: Int) throws
    /// Decodes the `count` non-null values of one data page in `encoding`.
    mutating func readValues(
        _ reader: ColumnChunkReader, _ cursor: inout ByteCursor, encoding: Encoding, count: Int)
        throws
}

/// Collects ``ParquetValue``s for record assembly; dictionary pages are decoded once and their values shared.
struct RowValueSink: ColumnValueSink {
    var dictionary: [ParquetValue]?
    var values: [ParquetValue] = []

    mutating func readDictionary(_ reader: ColumnChunkReader, _ cursor: inout ByteCursor, count: Int) throws {
        var decoded: [ParquetValue] = []
        try PlainDecoder.decode(&cursor, count: count, leaf: reader.leaf, converter: reader.converter, into: &decoded)
        dictionary = decoded
    }

    mutating func readValues(
        _ reader: ColumnChunkReader, _ cursor: inout ByteCursor, encoding: Encoding, count: Int
    )
        throws
    {
        try reader.readValues(&cursor, encoding: encoding, count: count, dictionary: dictionary, into: &values)
    }
}
