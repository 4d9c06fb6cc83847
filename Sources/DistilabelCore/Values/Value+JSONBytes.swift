extension Value {
    /// Appends the value's compact JSON to `output` as UTF-8: the same bytes as ``writeJSON(to:)-(String)``, without
    /// the cost of growing a `String`.
    public func writeJSON(to output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let bool): output.append(contentsOf: (bool ? "true" : "false").utf8)
        case .int(let int): Value.writeDecimal(int, to: &output)
        case .double(let double): output.append(contentsOf: Value.jsonNumber(double).utf8)
        case .string(let string): Value.writeJSONString(string, to: &output)
        case .list(let list):
            output.append(UInt8(ascii: "["))
            for (index, element) in list.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                element.writeJSON(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .struct(let row):
            output.append(UInt8(ascii: "{"))
            for index in 0..<row.count {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Value.writeJSONString(row.columns[index], to: &output)
                output.append(UInt8(ascii: ":"))
                row.values[index].writeJSON(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    static func writeDecimal(_ int: Int64, to output: inout [UInt8]) {
        if int < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = int.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, written backwards
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            output.append(contentsOf: buffer[(20 - count)..<20])
        }
    }

    static func writeJSONString(_ string: String, to output: inout [UInt8]) {
        var string = string
        string.withUTF8 { writeJSONString(utf8: $0, to: &output) }
    }

    /// Appends `utf8` (valid UTF-8) as a JSON string: quotes, backslashes and control characters escaped as
    /// ``writeJSON(to:)-(String)`` escapes them, everything else unchanged.
    static func writeJSONString(utf8: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var clean = utf8.startIndex
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean..<index]))
            clean = index + 1
            switch byte {
            case 0x22: output.append(contentsOf: "\\\"".utf8)
            case 0x5C: output.append(contentsOf: "\\\\".utf8)
            case 0x0A: output.append(contentsOf: "\\n".utf8)
            case 0x0D: output.append(contentsOf: "\\r".utf8)
            case 0x09: output.append(contentsOf: "\\t".utf8)
            case 0x08: output.append(contentsOf: "\\b".utf8)
            case 0x0C: output.append(contentsOf: "\\f".utf8)
            default:
                let hex = Array(String(byte, radix: 16).utf8)
                output.append(contentsOf: "\\u".utf8)
                output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 4 - hex.count))
                output.append(contentsOf: hex)
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean...]))
        output.append(UInt8(ascii: "\""))
    }
}
