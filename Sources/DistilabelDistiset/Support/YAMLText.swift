/// Scalars for the YAML that the Distiset writes.
enum YAMLText {
    /// `text` as a YAML scalar: plain when that reads back as the same string, double-quoted otherwise.
    static func scalar(_ text: String) -> String {
        let reserved: Set<String> = [
            "", "null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False",
            "FALSE", "yes", "Yes", "no", "No", "on", "On", "off", "Off", "y", "n",
        ]
        let plainSafe = text.unicodeScalars.allSatisfy { scalar in
            (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "_-./ ()<>".unicodeScalars.contains(scalar))
        }
        let first = text.unicodeScalars.first
        let looksNumeric = Double(text) != nil || Int(text) != nil
        if plainSafe, !reserved.contains(text), !looksNumeric, first != "-", first != " ", text.last != " " {
            return text
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
