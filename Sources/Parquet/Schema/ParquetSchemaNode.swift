/// One node of a file's schema tree: a group with children, or a leaf column.
public struct ParquetSchemaNode: Sendable, Hashable {
    public var name: String
    /// REQUIRED, OPTIONAL or REPEATED (REQUIRED for a root without repetition type).
    public var repetition: FieldRepetitionType
    /// The physical type of a leaf; `nil` for groups.
    public var physicalType: PhysicalType?
    public var logicalType: LogicalType?
    public var convertedType: ConvertedType?
    /// The byte width of FIXED_LEN_BYTE_ARRAY leaves.
    public var typeLength: Int?
    public var scale: Int?
    public var precision: Int?
    public var children: [ParquetSchemaNode]
    /// The maximum definition level of this node (the number of optional or repeated nodes on its path).
    public var maxDefinitionLevel: Int
    /// The maximum repetition level of this node (the number of repeated nodes on its path).
    public var maxRepetitionLevel: Int
    /// The names from the root's child down to this node, as in `ColumnMetaData.path_in_schema`.
    public var path: [String]
    /// The index of this leaf among the file's columns (the order of `RowGroup.columns`); `nil` for groups.
    public var leafIndex: Int?

    /// Whether this node is a leaf column.
    public var isLeaf: Bool { physicalType != nil }

    /// Whether the node is annotated as a LIST (LogicalType or legacy ConvertedType).
    var isListAnnotated: Bool { logicalType == .list || (logicalType == nil && convertedType == .list) }

    /// Whether the node is annotated as a MAP (LogicalType or legacy MAP / MAP_KEY_VALUE).
    var isMapAnnotated: Bool {
        logicalType == .map || (logicalType == nil && (convertedType == .map || convertedType == .mapKeyValue))
    }

    /// The indices of every leaf under this node, in order (leaves are numbered depth-first, so they are
    /// contiguous).
    public var leafIndices: Range<Int>
}
