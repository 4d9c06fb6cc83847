import Parquet

/// Renders temporal and decimal values the way Python prints them (`isoformat()`, `str(Decimal)`).
enum Render {
    /// Days since 1970-01-01 to (year, month, day), proleptic Gregorian.
    static func civil(_ days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    static func date(_ days: Int64) -> String {
        let (year, month, day) = civil(days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func perSecond(_ unit: ParquetTimeUnit) -> Int64 {
        switch unit {
        case .millis: return 1_000
        case .micros: return 1_000_000
        case .nanos: return 1_000_000_000
        }
    }

    /// `HH:MM:SS[.ffffff|.fffffffff]` from nanoseconds within a day.
    static func clock(_ nanosOfDay: Int64) -> String {
        let seconds = nanosOfDay / 1_000_000_000
        let fraction = nanosOfDay % 1_000_000_000
        var text = "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
        if fraction != 0 {
            text += fraction % 1000 == 0 ? "." + pad(fraction / 1000, 6) : "." + pad(fraction, 9)
        }
        return text
    }

    static func timestamp(_ count: Int64, unit: ParquetTimeUnit, utc: Bool) -> String {
        let scale = perSecond(unit)
        let seconds = count >= 0 ? count / scale : -((-count + scale - 1) / scale)
        let fraction = (count - seconds * scale) * (1_000_000_000 / scale)
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let secondOfDay = seconds - days * 86_400
        return date(days) + "T" + clock(secondOfDay * 1_000_000_000 + fraction) + (utc ? "+00:00" : "")
    }

    static func time(_ count: Int64, unit: ParquetTimeUnit) -> String {
        clock(count * (1_000_000_000 / perSecond(unit)))
    }

    /// `str(Decimal)` for the unscaled two's-complement big-endian integer and scale.
    static func decimal(_ value: ParquetDecimal) -> String {
        var magnitude = value.unscaledBigEndian
        let negative = (magnitude.first ?? 0) & 0x80 != 0
        if negative {
            magnitude = magnitude.map { ~$0 }
            for index in magnitude.indices.reversed() {
                magnitude[index] &+= 1
                if magnitude[index] != 0 { break }
            }
        }
        var digits = ""
        while magnitude.contains(where: { $0 != 0 }) {
            var remainder = 0
            for index in magnitude.indices {
                let current = remainder * 256 + Int(magnitude[index])
                magnitude[index] = UInt8(current / 10)
                remainder = current % 10
            }
            digits = String(remainder) + digits
        }
        if digits.isEmpty { digits = "0" }
        if value.scale > 0 {
            if digits.count <= value.scale {
                digits = String(repeating: "0", count: value.scale - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -value.scale))
        }
        return (negative ? "-" : "") + digits
    }
}
