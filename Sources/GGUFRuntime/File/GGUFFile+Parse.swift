extension GGUFFile {
    struct Parsed {
        var version: UInt32
        var metadata: GGUFMetadata
        var tensors: [GGUFTensorInfo]
        var alignment: Int
        var dataOffset: Int
    }

    /// Reads the header, metadata and tensor directory, and checks that every tensor lies inside the file.
    static func parse(_ bytes: UnsafeRawBufferPointer, path: String) throws(GGUFError) -> Parsed {
        var cursor = GGUFCursor(bytes: bytes, path: path)
        let magic = Array(bytes[0..<4])
        guard magic == GGUFFile.magic else { throw .badMagic(path: path, found: magic) }
        cursor.offset = 4
        let version = try cursor.read(UInt32.self, "version")
        guard version == 3 else { throw .unsupportedVersion(path: path, version: version) }
        let tensorCount = try cursor.read(UInt64.self, "tensor count")
        let kvCount = try cursor.read(UInt64.self, "metadata count")
        // Each entry takes at least 8 bytes, so larger counts cannot be genuine.
        guard tensorCount <= UInt64(bytes.count / 8), kvCount <= UInt64(bytes.count / 8) else {
            throw .truncated(path: path, field: "header counts", offset: 8)
        }

        var entries: [(String, GGUFValue)] = []
        entries.reserveCapacity(Int(kvCount))
        for index in 0..<Int(kvCount) {
            let key = try cursor.readString("metadata key #\(index)")
            let type = try cursor.readValueType(key: key)
            entries.append((key, try cursor.readValue(type, key: key)))
        }
        let metadata = GGUFMetadata(entries: entries)
        var alignment = GGUFFile.defaultAlignment
        if let value = metadata["general.alignment"], let a = value.intValue, a > 0 {
            alignment = a
        }

        var tensors: [GGUFTensorInfo] = []
        tensors.reserveCapacity(Int(tensorCount))
        for index in 0..<Int(tensorCount) {
            let name = try cursor.readString("name of tensor #\(index)")
            let dimensionCount = try cursor.read(UInt32.self, "dimension count of '\(name)'")
            guard dimensionCount <= 8 else {
                throw .invalidTensor(path: path, tensor: name, reason: "\(dimensionCount) dimensions")
            }
            var shape: [Int] = []
            for _ in 0..<dimensionCount {
                let dimension = try cursor.read(UInt64.self, "shape of '\(name)'")
                guard dimension < 1 << 40 else {
                    throw .invalidTensor(path: path, tensor: name, reason: "dimension \(dimension) is too large")
                }
                shape.append(Int(dimension))
            }
            let type = GGMLType(rawValue: try cursor.read(UInt32.self, "type of '\(name)'"))
            let offset = try cursor.read(UInt64.self, "offset of '\(name)'")
            guard offset < 1 << 48 else {
                throw .invalidTensor(path: path, tensor: name, reason: "offset \(offset) is too large")
            }
            var byteCount: Int?
            if let layout = type.blockLayout {
                let elements = shape.reduce(1, *)
                guard (shape.first ?? 1) % layout.elements == 0 else {
                    throw .invalidTensor(
                        path: path, tensor: name,
                        reason: "row length \(shape.first ?? 1) is not a multiple of the \(type) block size")
                }
                byteCount = elements / layout.elements * layout.bytes
            }
            tensors.append(
                GGUFTensorInfo(name: name, type: type, shape: shape, offset: Int(offset), byteCount: byteCount))
        }

        let dataOffset = (cursor.offset + alignment - 1) / alignment * alignment
        for tensor in tensors {
            if let byteCount = tensor.byteCount, dataOffset + tensor.offset + byteCount > bytes.count {
                let end = dataOffset + tensor.offset + byteCount
                throw .invalidTensor(
                    path: path, tensor: tensor.name,
                    reason: "its data ends at byte \(end), past the end of the \(bytes.count)-byte file")
            }
            guard tensor.offset % alignment == 0 else {
                throw .invalidTensor(
                    path: path, tensor: tensor.name, reason: "offset \(tensor.offset) is not \(alignment)-aligned")
            }
        }
        return Parsed(
            version: version, metadata: metadata, tensors: tensors, alignment: alignment, dataOffset: dataOffset)
    }
}
