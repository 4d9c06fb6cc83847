/// The key-value metadata of a GGUF file, in file order, with typed accessors.
///
/// The typed accessors throw ``GGUFError/missingMetadata(key:)`` when the key is absent and
/// ``GGUFError/wrongMetadataType(key:expected:found:)`` when it holds another type. Use ``subscript(_:)`` or
/// ``contains(_:)`` for optional keys.
///
/// ```swift
/// let tokens = try file.metadata.strings("tokenizer.ggml.tokens")
/// let bos = try file.metadata.int("tokenizer.ggml.bos_token_id")
/// ```
public struct GGUFMetadata: Sendable {
    /// The keys in the order they appear in the file.
    public let keys: [String]
    private let values: [String: GGUFValue]

    init(entries: [(String, GGUFValue)]) {
        keys = entries.map(\.0)
        values = Dictionary(entries, uniquingKeysWith: { _, last in last })
    }

    /// The value for `key`, or nil when the file does not have it.
    public subscript(_ key: String) -> GGUFValue? { values[key] }

    /// Whether the file has `key`.
    public func contains(_ key: String) -> Bool { values[key] != nil }

    /// The number of key-value pairs.
    public var count: Int { keys.count }

    private func require(_ key: String) throws(GGUFError) -> GGUFValue {
        guard let value = values[key] else { throw .missingMetadata(key: key) }
        return value
    }

    /// A `STRING` value.
    public func string(_ key: String) throws(GGUFError) -> String {
        let value = try require(key)
        guard let s = value.stringValue else {
            throw .wrongMetadataType(key: key, expected: "STRING", found: value.typeDescription)
        }
        return s
    }

    /// A value of any integer type, as `Int`.
    public func int(_ key: String) throws(GGUFError) -> Int {
        let value = try require(key)
        guard let i = value.intValue else {
            throw .wrongMetadataType(key: key, expected: "an integer", found: value.typeDescription)
        }
        return i
    }

    /// A `FLOAT32` value (a `FLOAT64` value is rounded to `Float`).
    public func float(_ key: String) throws(GGUFError) -> Float {
        let value = try require(key)
        switch value {
        case .float32(let f): return f
        case .float64(let d): return Float(d)
        default: throw .wrongMetadataType(key: key, expected: "FLOAT32", found: value.typeDescription)
        }
    }

    /// A `BOOL` value.
    public func bool(_ key: String) throws(GGUFError) -> Bool {
        let value = try require(key)
        guard case .bool(let b) = value else {
            throw .wrongMetadataType(key: key, expected: "BOOL", found: value.typeDescription)
        }
        return b
    }

    /// An `ARRAY` of `STRING`.
    public func strings(_ key: String) throws(GGUFError) -> [String] {
        try array(key, expected: "ARRAY of STRING") { $0.stringValue }
    }

    /// An `ARRAY` of any integer type, as `Int32` (values that do not fit are a type error).
    public func int32s(_ key: String) throws(GGUFError) -> [Int32] {
        try array(key, expected: "ARRAY of INT32") { $0.intValue.flatMap { Int32(exactly: $0) } }
    }

    /// An `ARRAY` of `FLOAT32` or `FLOAT64`, as `Float`.
    public func floats(_ key: String) throws(GGUFError) -> [Float] {
        try array(key, expected: "ARRAY of FLOAT32") { $0.doubleValue.map { Float($0) } }
    }

    private func array<T>(
        _ key: String, expected: String, _ convert: (GGUFValue) -> T?
    ) throws(GGUFError) -> [T] {
        let value = try require(key)
        guard case .array(_, let elements) = value else {
            throw .wrongMetadataType(key: key, expected: expected, found: value.typeDescription)
        }
        var result: [T] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            guard let converted = convert(element) else {
                throw .wrongMetadataType(key: key, expected: expected, found: value.typeDescription)
            }
            result.append(converted)
        }
        return result
    }
}
