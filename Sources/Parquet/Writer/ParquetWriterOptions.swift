/// How a ``ParquetFileWriter`` encodes a file. The defaults match pyarrow's.
public struct ParquetWriterOptions: Sendable {
    /// The data page layout.
    public enum DataPageVersion: Sendable, Hashable, CaseIterable {
        /// DATA_PAGE: levels and values compressed together (what most writers emit).
        case v1
        /// DATA_PAGE_V2: levels stored uncompressed before the compressed values.
        case v2
    }

    /// The codec of every page.
    public var compression: ParquetCompression = .snappy
    /// The most rows in one row group.
    public var rowGroupRowLimit: Int = 1_048_576
    /// A row group is also closed once its buffered values take about this many bytes.
    public var rowGroupByteLimit: Int = 128 << 20
    /// The target size of a data page before compression.
    public var dataPageSize: Int = 1 << 20
    /// Whether to dictionary-encode columns (RLE_DICTIONARY), falling back to PLAIN per chunk.
    public var dictionary: Bool = true
    /// A chunk whose dictionary would pass this many bytes (PLAIN-encoded) is written PLAIN instead.
    public var dictionaryPageSizeLimit: Int = 1 << 20
    /// When set, a chunk also gives up its dictionary early: when, after its first 1,024 values (and again after
    /// 8,192), more than this fraction of them are distinct. A dictionary of mostly unique values (ids, generated
    /// text) makes the file bigger and the write slower. `nil` (the default) keeps pyarrow's behaviour: a dictionary
    /// until it passes ``dictionaryPageSizeLimit``.
    public var dictionaryDistinctRatioLimit: Double?
    public var dataPageVersion: DataPageVersion = .v1
    /// Whether to write chunk statistics (min, max, null count).
    public var statistics: Bool = true
    /// Key/value metadata of the footer, in order.
    public var keyValueMetadata: [(key: String, value: String)] = []
    /// Whether to add the `huggingface` key: the `datasets` features JSON of the file's schema (see
    /// ``HuggingFaceFeatures``), so that `datasets.load_dataset` restores exact features.
    public var huggingfaceFeatures: Bool = false
    /// Whether finishing the file `fsync`s it and its directory (default). A caller that flushes many files at
    /// once (the pipeline cache's group commit) turns it off; the rename into place stays atomic either way.
    public var syncsFile: Bool = true

    public init(
        compression: ParquetCompression = .snappy, rowGroupRowLimit: Int = 1_048_576,
        dataPageVersion: DataPageVersion = .v1, dictionary: Bool = true,
        keyValueMetadata: [(key: String, value: String)] = [], huggingfaceFeatures: Bool = false
    ) {
        self.huggingfaceFeatures = huggingfaceFeatures
        self.compression = compression
        self.rowGroupRowLimit = rowGroupRowLimit
        self.dataPageVersion = dataPageVersion
        self.dictionary = dictionary
        self.keyValueMetadata = keyValueMetadata
    }
}
