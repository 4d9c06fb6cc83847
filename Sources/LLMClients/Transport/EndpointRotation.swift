import Synchronization

/// Spreads requests round-robin over the base URLs of one client (replicas of an inference server).
final class EndpointRotation: Sendable {
    let baseURLs: [String]
    private let counter = Atomic<Int>(0)

    init(baseURLs: [String]) throws(LLMClientError) {
        let cleaned = baseURLs.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
        guard !cleaned.isEmpty else { throw .invalidConfiguration(message: "no base URL given") }
        for url in cleaned where !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            throw .invalidConfiguration(message: "base URL \(url) must start with http:// or https://")
        }
        self.baseURLs = cleaned
    }

    /// The next base URL in turn.
    func next() -> String {
        let index = counter.wrappingAdd(1, ordering: .relaxed).oldValue
        return baseURLs[Int(UInt(bitPattern: index) % UInt(baseURLs.count))]
    }
}
