/// The wire types of the Thrift compact protocol (the low nibble of a field header).
enum ThriftType: UInt8, Sendable {
    case boolTrue = 1
    case boolFalse = 2
    case i8 = 3
    case i16 = 4
    case i32 = 5
    case i64 = 6
    case double = 7
    case binary = 8
    case list = 9
    case set = 10
    case map = 11
    case `struct` = 12

    /// Whether a field of this type holds a boolean (the value is the type itself).
    var isBool: Bool { self == .boolTrue || self == .boolFalse }
}
