extension ParquetFileReader {
    /// The paths of the leaf columns in schema order, as ``readColumn(rowGroup:path:)`` takes them.
    public var leafColumnPaths: [[String]] { schema.leaves.map(\.path) }

    /// Reads one leaf column of one row group into typed arrays (see ``ParquetColumn``), without building rows:
    /// the fast way to scan a few columns. Safe to call concurrently.
    public func readColumn(rowGroup: Int, path: [String]) throws -> ParquetColumn {
        do {
            guard rowGroup >= 0 && rowGroup < metadata.rowGroups.count else {
                throw ParquetError.rowGroupOutOfRange(index: rowGroup, count: metadata.rowGroups.count)
            }
            guard let leafIndex = schema.leaves.firstIndex(where: { $0.path == path }) else {
                throw ParquetError.unknownColumn(name: path.joined(separator: "."))
            }
            let leaf = schema.leaves[leafIndex]
            var levels = ColumnData()
            var sink = PhysicalValueSink(leaf: leaf)
            // An empty row group's chunks may hold no pages at all (writers leave their offsets at 0).
            if metadata.rowGroups[rowGroup].numRows > 0 {
                let reader = try chunkReader(leafIndex, in: metadata.rowGroups[rowGroup])
                try reader.read(into: &levels, sink: &sink)
            }
            let physical = leaf.physicalType ?? .byteArray
            let values = ParquetColumnValues(sink.values, physicalType: physical)
            let expected =
                levels.definitionLevels.isEmpty
                ? levels.count
                : levels.definitionLevels.lazy.filter { Int($0) == leaf.maxDefinitionLevel }.count
            guard values.count == expected else {
                throw ParquetError.inconsistentLevels(
                    column: path.joined(separator: "."),
                    reason: "\(expected) entries are non-null but the pages hold \(values.count) values")
            }
            return ParquetColumn(
                path: leaf.path, physicalType: physical, maxDefinitionLevel: leaf.maxDefinitionLevel,
                maxRepetitionLevel: leaf.maxRepetitionLevel, definitionLevels: levels.definitionLevels,
                repetitionLevels: levels.repetitionLevels, entryCount: levels.count, values: values)
        } catch let error as ParquetError {
            if case .inFile = error { throw error }
            throw ParquetError.inFile(path: self.path, error)
        }
    }
}
