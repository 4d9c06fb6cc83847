extension ColumnBuffer {
    /// The buffer of a caller's column for `leaf`, and its row count, after checking that the column can be
    /// written as it is (see ``ParquetFileWriter/write(columns:)``). The arrays are shared, not copied.
    static func validated(_ column: ParquetColumn, leaf: LeafColumn) throws(ParquetError) -> (ColumnBuffer, Int) {
        let name = leaf.dottedPath
        func fail(_ reason: String) -> ParquetError { .schema(path: name, reason: reason) }
        guard column.path == leaf.path else {
            throw fail("columns must follow the schema's leaf order; got '\(column.path.joined(separator: "."))'")
        }
        guard column.physicalType == leaf.physicalType else {
            throw fail(
                "the schema stores \(leaf.type) as \(leaf.physicalType), the column holds \(column.physicalType)")
        }
        guard column.maxDefinitionLevel == leaf.maxDefinitionLevel,
            column.maxRepetitionLevel == leaf.maxRepetitionLevel
        else {
            throw fail(
                "maximum levels (definition \(column.maxDefinitionLevel), repetition \(column.maxRepetitionLevel)) "
                    + "differ from the schema's (\(leaf.maxDefinitionLevel), \(leaf.maxRepetitionLevel))")
        }
        let entries = column.entryCount
        let valueCount = column.values.count
        var buffer = ColumnBuffer()
        buffer.valueCount = valueCount
        if leaf.maxDefinitionLevel > 0 {
            guard column.definitionLevels.count == entries else {
                throw fail("\(column.definitionLevels.count) definition levels for \(entries) entries")
            }
            let maximum = UInt8(leaf.maxDefinitionLevel)
            var present = 0
            var highest: UInt8 = 0
            for level in column.definitionLevels {
                highest = Swift.max(highest, level)
                present &+= level == maximum ? 1 : 0
            }
            guard highest <= maximum else {
                throw fail("definition level \(highest) exceeds the maximum \(maximum)")
            }
            guard present == valueCount else {
                throw fail("\(present) entries are at the maximum definition level but \(valueCount) values given")
            }
            buffer.definitionLevels = column.definitionLevels
        } else {
            guard column.definitionLevels.isEmpty || column.definitionLevels.allSatisfy({ $0 == 0 }) else {
                throw fail("a required column has no definition levels above 0")
            }
            guard entries == valueCount else { throw fail("\(valueCount) values for \(entries) entries") }
            buffer.definitionLevels = [UInt8](repeating: 0, count: entries)
        }
        var rows = entries
        if leaf.maxRepetitionLevel > 0 {
            let levels = column.repetitionLevels
            guard levels.count == entries else {
                throw fail("\(levels.count) repetition levels for \(entries) entries")
            }
            guard levels.first ?? 0 == 0 else { throw fail("the first repetition level must be 0") }
            let maximum = UInt8(leaf.maxRepetitionLevel)
            var highest: UInt8 = 0
            rows = 0
            for level in levels {
                highest = Swift.max(highest, level)
                rows &+= level == 0 ? 1 : 0
            }
            guard highest <= maximum else {
                throw fail("repetition level \(highest) exceeds the maximum \(maximum)")
            }
            buffer.repetitionLevels = levels
        } else if !column.repetitionLevels.isEmpty {
            throw fail("a column outside any list has no repetition levels")
        }
        try buffer.adoptValues(column.values, leaf: leaf, fail: fail)
        return (buffer, rows)
    }

    private mutating func adoptValues(
        _ values: ParquetColumnValues, leaf: LeafColumn, fail: (String) -> ParquetError
    ) throws(ParquetError) {
        if case .null = leaf.type, values.count > 0 { throw fail("a null-typed column holds no values") }
        guard values.physicalTypes.contains(leaf.physicalType) else {
            throw fail("the column stores \(leaf.physicalType) but its values are \(values.physicalTypes[0])")
        }
        switch values {
        case .boolean(let array): booleans = array
        case .int32(let array): int32s = array
        case .int64(let array): int64s = array
        case .float(let array): floats = array
        case .double(let array): doubles = array
        case .byteArrays(let data, let positions):
            guard positions.first == 0, positions.last == data.count else {
                throw fail("byte-array offsets must start at 0 and end at the byte count \(data.count)")
            }
            var previous = 0
            for offset in positions {
                guard offset >= previous else { throw fail("byte-array offsets must not decrease") }
                previous = offset
            }
            if case .string = leaf.type, let bad = Self.firstInvalidUTF8(data, positions) {
                throw fail("value \(bad) is not valid UTF-8")
            }
            bytes = data
            offsets = positions
        }
    }

    /// The index of the first value that is not valid UTF-8. The concatenated bytes are validated in one pass
    /// (eight ASCII bytes at a time); every value is then valid when, in addition, no value starts with a
    /// continuation byte, i.e. no value boundary splits a character.
    static func firstInvalidUTF8(_ bytes: [UInt8], _ offsets: [Int]) -> Int? {
        let count = offsets.count - 1
        let valid: Bool = bytes.withUnsafeBufferPointer { buffer in
            guard UTF8Check.isValid(buffer) else { return false }
            for value in 0..<count {
                let start = offsets[value]
                if start < buffer.count, buffer[start] & 0xC0 == 0x80 { return false }
            }
            return true
        }
        if valid { return nil }
        // Rare: find which value is invalid.
        return bytes.withUnsafeBufferPointer { buffer in
            (0..<count).first { value in
                !UTF8Check.isValid(UnsafeBufferPointer(rebasing: buffer[offsets[value]..<offsets[value + 1]]))
            }
        }
    }
}

extension ParquetColumnValues {
    /// The physical types these values can be stored as.
    var physicalTypes: [PhysicalType] {
        switch self {
        case .boolean: return [.boolean]
        case .int32: return [.int32]
        case .int64: return [.int64]
        case .float: return [.float]
        case .double: return [.double]
        case .byteArrays: return [.byteArray, .fixedLenByteArray, .int96]
        }
    }
}
