/// Token buckets for requests per minute and tokens per minute.
///
/// Each bucket holds one minute's worth and refills continuously. A request starts when a request is available
/// and the token bucket is not in debt; the tokens a request used are charged when its answer arrives.
actor RateLimiter {
    private let requestsPerMinute: Int?
    private let tokensPerMinute: Int?
    private var requestBucket: Double
    private var tokenBucket: Double
    private var lastRefill = ContinuousClock.now

    init(requestsPerMinute: Int?, tokensPerMinute: Int?) {
        self.requestsPerMinute = requestsPerMinute.map { max(1, $0) }
        self.tokensPerMinute = tokensPerMinute.map { max(1, $0) }
        requestBucket = Double(self.requestsPerMinute ?? 0)
        tokenBucket = Double(self.tokensPerMinute ?? 0)
    }

    /// Whether either limit is set; when not, callers may skip the actor entirely.
    nonisolated var isLimited: Bool { requestsPerMinute != nil || tokensPerMinute != nil }

    /// Waits until one more request may start, and takes it from the bucket.
    func acquire() async throws {
        while true {
            refill()
            let requestsOK = requestsPerMinute == nil || requestBucket >= 1
            let tokensOK = tokensPerMinute == nil || tokenBucket > 0
            if requestsOK, tokensOK {
                if requestsPerMinute != nil { requestBucket -= 1 }
                return
            }
            var wait = 0.05
            if let rpm = requestsPerMinute, requestBucket < 1 {
                wait = max(wait, (1 - requestBucket) * 60 / Double(rpm))
            }
            if let tpm = tokensPerMinute, tokenBucket <= 0 {
                wait = max(wait, (0.01 - tokenBucket) * 60 / Double(tpm))
            }
            try await Task.sleep(for: .seconds(wait))
        }
    }

    /// Charges the tokens a request used.
    func record(tokens: Int) {
        guard tokensPerMinute != nil else { return }
        refill()
        tokenBucket -= Double(tokens)
    }

    private func refill() {
        let now = ContinuousClock.now
        let elapsed = now - lastRefill
        lastRefill = now
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        if let rpm = requestsPerMinute {
            requestBucket = min(Double(rpm), requestBucket + seconds * Double(rpm) / 60)
        }
        if let tpm = tokensPerMinute {
            tokenBucket = min(Double(tpm), tokenBucket + seconds * Double(tpm) / 60)
        }
    }
}
