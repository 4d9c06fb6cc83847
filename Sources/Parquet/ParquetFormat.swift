/// The Parquet module: a pure-Swift reader and writer of Apache Parquet files.
public enum ParquetFormat {
    /// The magic bytes that open and close every Parquet file.
    public static let magic: [UInt8] = Array("PAR1".utf8)
}
