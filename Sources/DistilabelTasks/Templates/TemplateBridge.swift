import DistilabelCore
import Foundation
import Stencil

/// Conversions between the engine's ``Value`` and what Stencil resolves, and the filters prompts use.
enum TemplateBridge {
    /// A value as Stencil sees it: strings, numbers and booleans as Swift values, lists as arrays (so that
    /// `{% for %}` iterates them), structs as ``TemplateStruct`` (keeping their column order).
    static func any(_ value: Value) -> Any {
        switch value {
        case .null: return NSNull()
        case .bool(let bool): return bool
        case .int(let int): return Int(int)
        case .double(let double): return double
        case .string(let string): return string
        case .list(let list): return list.map(any)
        case .struct(let row): return TemplateStruct(row: row)
        }
    }

    /// The reverse of ``any(_:)`` for what filters receive.
    static func value(_ any: Any?) -> Value {
        switch any {
        case nil: return .null
        case let string as String: return .string(string)
        case let bool as Bool: return .bool(bool)
        case let int as Int: return .int(Int64(int))
        case let double as Double: return .double(double)
        case let list as [Any]: return .list(list.map { value($0) })
        case let object as TemplateStruct: return .struct(object.row)
        case let dictionary as [String: Any]:
            return .struct(Row(dictionary.keys.sorted().map { ($0, value(dictionary[$0])) }))
        case is NSNull: return .null
        case let other?: return .string("\(other)")
        }
    }

    /// A value as a prompt shows it: strings as is, anything else as JSON.
    static func display(_ any: Any?) -> String {
        let converted = value(any)
        return converted.stringValue ?? converted.jsonString()
    }

    /// `_display`, `tojson` and `length`.
    static func filters() -> Extension {
        let filters = Extension()
        filters.registerFilter("_display") { (value: Any?) in display(value) }
        filters.registerFilter("tojson") { (value: Any?) in self.value(value).jsonString() }
        filters.registerFilter("length") { (value: Any?) -> Any? in
            switch self.value(value) {
            case .list(let list): return list.count
            case .string(let string): return string.count
            case .struct(let row): return row.count
            default: return 0
            }
        }
        return filters
    }
}

/// A struct value inside a template: `{{ s.field }}` reads a field, `{{ s }}` prints JSON in column order.
final class TemplateStruct: DynamicMemberLookup, CustomStringConvertible {
    let row: Row

    init(row: Row) {
        self.row = row
    }

    subscript(dynamicMember member: String) -> Any? {
        row[member].map(TemplateBridge.any)
    }

    var description: String { Value.struct(row).jsonString() }
}
