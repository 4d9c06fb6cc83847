/// What the store remembers about one output batch of one step.
public struct BatchRecord: Sendable, Hashable, Codable {
    /// Done, or failed (the step threw: its output columns are null and the error is in `distilabel_metadata`).
    public enum Status: String, Sendable, Hashable, Codable {
        case done, failed
    }

    /// The batch's sequence number in the step's output (and input: one output batch per input batch).
    public var sequence: Int
    public var status: Status
    public var rowCount: Int
    /// Incremented each time the batch is computed again, so that successors see new content.
    public var version: Int
    /// A hash of the exact upstream rows the batch was computed from.
    public var lineage: String
    /// For routed branches: the routing source's batch this one derives from.
    public var origin: Int?
    public var closesOrigin: Bool
    /// Whether the step produced no batch after this one (generators).
    public var isLast: Bool

    public init(
        sequence: Int, status: Status, rowCount: Int, version: Int, lineage: String, origin: Int? = nil,
        closesOrigin: Bool = false, isLast: Bool = false
    ) {
        self.isLast = isLast
        self.sequence = sequence
        self.status = status
        self.rowCount = rowCount
        self.version = version
        self.lineage = lineage
        self.origin = origin
        self.closesOrigin = closesOrigin
    }
}

/// A step as the store knows it: its name and its cache key (a hash of the step and everything upstream of it).
public struct StepKey: Sendable, Hashable, Codable {
    public var name: String
    public var cacheKey: String

    public init(name: String, cacheKey: String) {
        self.name = name
        self.cacheKey = cacheKey
    }
}
