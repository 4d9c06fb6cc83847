/// The kind of a page (parquet.thrift `PageType`).
///
/// A struct rather than an enum so that values unknown to this library survive decoding; readers reject them
/// where they matter.
public struct PageType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    public static let dataPage = PageType(rawValue: 0)
    public static let indexPage = PageType(rawValue: 1)
    public static let dictionaryPage = PageType(rawValue: 2)
    public static let dataPageV2 = PageType(rawValue: 3)

    /// The name used in parquet.thrift, or the number for an unknown value.
    public var description: String {
        switch rawValue {
        case 0: return "DATA_PAGE"
        case 1: return "INDEX_PAGE"
        case 2: return "DICTIONARY_PAGE"
        case 3: return "DATA_PAGE_V2"
        default: return "PageType(\(rawValue))"
        }
    }
}
