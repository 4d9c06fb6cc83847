/// A value passed to a chat template as an extra variable (for example `tools` or `date_string`).
///
/// Objects keep their keys in the order given, as Python dicts do, so that `tojson` prints them in that order.
public indirect enum TemplateValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case double(Double)
    case string(String)
    case array([TemplateValue])
    /// Key–value pairs in order.
    case object([Entry])

    /// One key–value pair of an ``TemplateValue/object(_:)``.
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: TemplateValue

        public init(_ key: String, _ value: TemplateValue) {
            self.key = key
            self.value = value
        }
    }
}
