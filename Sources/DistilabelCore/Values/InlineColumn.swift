/// One column of a run of ``InlineRows``: typed while every value has the same kind, ``Value``s otherwise.
struct InlineColumn: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case empty, ints, doubles, strings, values
    }

    private(set) var kind = Kind.empty
    private var ints: [Int64] = []
    private var doubles: [Double] = []
    /// The strings' UTF-8 bytes, one after the other; string `i` ends at `stringEnds[i]` (a column with more than
    /// 4 GiB of text keeps its strings as values).
    private var stringBytes: [UInt8] = []
    private var stringEnds: [UInt32] = []
    private var values: [Value] = []

    var count: Int {
        switch kind {
        case .empty: 0
        case .ints: ints.count
        case .doubles: doubles.count
        case .strings: stringEnds.count
        case .values: values.count
        }
    }

    mutating func append(_ value: Value) {
        if kind == .empty {
            switch value {
            case .int: kind = .ints
            case .double: kind = .doubles
            case .string: kind = .strings
            default: kind = .values
            }
        }
        switch (kind, value) {
        case (.ints, .int(let int)): ints.append(int)
        case (.doubles, .double(let double)): doubles.append(double)
        case (.strings, .string(var string)) where stringBytes.count + string.utf8.count <= UInt32.max:
            string.withUTF8 { stringBytes.append(contentsOf: $0) }
            stringEnds.append(UInt32(stringBytes.count))
        case (.values, _): values.append(value)
        default:
            // A value of another kind: keep the column as values from now on.
            values = (0..<count).map(self.value(at:))
            ints = []
            doubles = []
            stringBytes = []
            stringEnds = []
            kind = .values
            values.append(value)
        }
    }

    /// Gives back the spare capacity that growing the arrays left.
    mutating func shrinkToFit() {
        func exact<Element>(_ array: inout [Element]) {
            guard array.capacity > array.count + array.count / 32 else { return }
            array = [Element](unsafeUninitializedCapacity: array.count) { buffer, initialized in
                _ = buffer.initialize(fromContentsOf: array)
                initialized = array.count
            }
        }
        exact(&ints)
        exact(&doubles)
        exact(&stringBytes)
        exact(&stringEnds)
        exact(&values)
    }

    func value(at index: Int) -> Value {
        switch kind {
        case .empty: preconditionFailure("an empty inline column has no values")
        case .ints: return .int(ints[index])
        case .doubles: return .double(doubles[index])
        case .strings: return .string(string(at: index))
        case .values: return values[index]
        }
    }

    private func string(at index: Int) -> String {
        let start = index == 0 ? 0 : Int(stringEnds[index - 1])
        return stringBytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<Int(stringEnds[index])]), as: UTF8.self)
        }
    }

    /// Appends the compact JSON of value `index`, byte for byte as ``Value/writeJSON(to:)`` writes it.
    func writeJSON(at index: Int, to output: inout [UInt8]) {
        switch kind {
        case .strings:
            let start = index == 0 ? 0 : Int(stringEnds[index - 1])
            stringBytes.withUnsafeBufferPointer { buffer in
                Value.writeJSONString(
                    utf8: UnsafeBufferPointer(rebasing: buffer[start..<Int(stringEnds[index])]), to: &output)
            }
        default:
            value(at: index).writeJSON(to: &output)
        }
    }
}
