extension ParquetFileReader {
    static let magic: [UInt8] = Array("PAR1".utf8)
    static let encryptedMagic: [UInt8] = Array("PARE".utf8)

    /// Reads and decodes the footer; returns it with the offset where it starts.
    static func readFooter(_ file: RandomAccessFile) throws -> (FileMetaData, Int) {
        guard file.size >= 12 else {
            throw ParquetError.notParquet(reason: "the file has \(file.size) bytes; a Parquet file has at least 12")
        }
        let head = try file.read(offset: 0, count: 4)
        let tail = try file.read(offset: file.size - 8, count: 8)
        let tailMagic = Array(tail[4..<8])
        if head == encryptedMagic || tailMagic == encryptedMagic {
            throw ParquetError.encrypted(reason: "the file has the 'PARE' magic of an encrypted footer")
        }
        guard head == magic else {
            throw ParquetError.notParquet(reason: "the file does not start with the 'PAR1' magic")
        }
        guard tailMagic == magic else {
            throw ParquetError.notParquet(reason: "the file does not end with the 'PAR1' magic (truncated?)")
        }
        let length = Int(tail[0]) | Int(tail[1]) << 8 | Int(tail[2]) << 16 | Int(tail[3]) << 24
        guard length > 0, length <= file.size - 12 else {
            throw ParquetError.notParquet(
                reason: "footer length \(length) does not fit in a file of \(file.size) bytes (truncated?)")
        }
        let start = file.size - 8 - length
        let bytes = try file.read(offset: start, count: length)
        var reader = ThriftCompactReader(bytes)
        reader.context = "the footer (FileMetaData)"
        reader.baseOffset = start
        let metadata = try FileMetaData(thrift: &reader)
        if metadata.hasEncryptionAlgorithm {
            throw ParquetError.encrypted(reason: "the footer declares an encryption algorithm")
        }
        return (metadata, start)
    }

    /// Checks that every row group matches the schema, so reads can index chunks safely.
    static func validate(_ metadata: FileMetaData, schema: ParquetSchema) throws {
        guard metadata.numRows >= 0 else {
            throw ParquetError.malformedMetadata(field: "num_rows", reason: "negative row count \(metadata.numRows)")
        }
        for (index, group) in metadata.rowGroups.enumerated() {
            guard group.columns.count == schema.leaves.count else {
                throw ParquetError.malformedMetadata(
                    field: "row_groups[\(index)].columns",
                    reason: "\(group.columns.count) column chunks for \(schema.leaves.count) leaf columns")
            }
            guard group.numRows >= 0 else {
                throw ParquetError.malformedMetadata(
                    field: "row_groups[\(index)].num_rows", reason: "negative row count \(group.numRows)")
            }
        }
    }

    /// Reads and decodes the chunk of leaf `leafIndex` in `group`.
    func readColumn(_ leafIndex: Int, in group: RowGroup) throws -> ColumnData {
        try chunkReader(leafIndex, in: group).read()
    }

    /// A reader over the bytes of one column chunk, after checking its metadata against the schema and the file.
    func chunkReader(_ leafIndex: Int, in group: RowGroup) throws -> ColumnChunkReader {
        let leaf = schema.leaves[leafIndex]
        let name = leaf.path.joined(separator: ".")
        let chunk = group.columns[leafIndex]
        if chunk.isEncrypted { throw ParquetError.encrypted(reason: "column '\(name)' is encrypted") }
        guard chunk.filePath == nil else {
            throw ParquetError.malformedMetadata(
                field: "column '\(name)'", reason: "chunks in other files (file_path) are not supported")
        }
        guard let meta = chunk.metaData else {
            throw ParquetError.malformedMetadata(field: "column '\(name)'", reason: "a column chunk without meta_data")
        }
        guard meta.type == leaf.physicalType else {
            throw ParquetError.malformedMetadata(
                field: "column '\(name)'",
                reason: "chunk type \(meta.type) differs from the schema's \(leaf.physicalType?.description ?? "group")"
            )
        }
        _ = try PageDecompression.compression(for: meta.codec, column: name)
        var start = Int(meta.dataPageOffset)
        if let dictionary = meta.dictionaryPageOffset, dictionary > 0, dictionary < start { start = Int(dictionary) }
        let length = Int(meta.totalCompressedSize)
        guard start >= 4, length >= 0, start <= footerStart, length <= footerStart - start else {
            throw ParquetError.malformedMetadata(
                field: "column '\(name)'",
                reason: "chunk bytes \(start)..<\(start &+ length) lie outside the data area 4..<\(footerStart)")
        }
        let entryLimit = max(file.size * 64, 1 << 20)
        guard meta.numValues >= 0, meta.numValues <= Int64(entryLimit) else {
            throw ParquetError.malformedMetadata(
                field: "column '\(name)'", reason: "implausible num_values \(meta.numValues)")
        }
        // Old parquet-mr versions left the dictionary page header out of total_compressed_size: read a little
        // slack (never past the footer); the page loop stops once the chunk's values are read.
        let slack = min(100, footerStart - start - length)
        let bytes = try file.read(offset: start, count: length + slack)
        return ColumnChunkReader(
            leaf: leaf, metadata: meta, chunk: bytes, fileOffset: start, maximumEntries: Int(meta.numValues))
    }
}
