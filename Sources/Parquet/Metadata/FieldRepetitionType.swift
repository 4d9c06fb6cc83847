/// Whether a field is required, optional or repeated (parquet.thrift `FieldRepetitionType`).
///
/// A struct rather than an enum so that values unknown to this library survive decoding; readers reject them
/// where they matter.
public struct FieldRepetitionType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    public static let required = FieldRepetitionType(rawValue: 0)
    public static let optional = FieldRepetitionType(rawValue: 1)
    public static let repeated = FieldRepetitionType(rawValue: 2)

    /// The name used in parquet.thrift, or the number for an unknown value.
    public var description: String {
        switch rawValue {
        case 0: return "REQUIRED"
        case 1: return "OPTIONAL"
        case 2: return "REPEATED"
        default: return "FieldRepetitionType(\(rawValue))"
        }
    }
}
