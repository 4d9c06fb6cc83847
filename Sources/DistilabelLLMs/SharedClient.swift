import LLMClients
import Synchronization

/// The client of one LLM value, made on the first `load` and reused by every later one with the same configuration.
///
/// A step with several replicas copies its LLM into each of them and loads each copy; the copies share this box, so
/// they share one client and with it the LLM's limits (``ClientLimits/maxConcurrentRequests``, the rate limits),
/// which therefore hold for the LLM as a whole rather than per replica.
final class SharedClient<Configuration: Hashable & Sendable, Client: ChatClient>: Sendable {
    private let state = Mutex<(configuration: Configuration, client: Client)?>(nil)

    init() {}

    /// The client for `configuration`: the one made before for the same configuration, else a new one from `make`.
    func client(
        for configuration: Configuration, make: (Configuration) throws(LLMClientError) -> Client
    ) throws(LLMClientError) -> Client {
        try state.withLock { (state) throws(LLMClientError) -> Client in
            if let state, state.configuration == configuration { return state.client }
            let client = try make(configuration)
            state = (configuration, client)
            return client
        }
    }
}
