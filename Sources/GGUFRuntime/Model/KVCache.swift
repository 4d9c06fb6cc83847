/// The keys and values one sequence has produced so far, for every layer, in float32.
///
/// Storage grows by doubling as the sequence lengthens, so a short sequence costs little memory even when the
/// model's context is long. Layout: for each layer, `capacity` rows of `width` floats.
final class KVCache {
    let layerCount: Int
    let width: Int
    private(set) var capacity: Int
    /// The number of positions filled.
    var length = 0
    private(set) var keys: UnsafeMutablePointer<Float>
    private(set) var values: UnsafeMutablePointer<Float>

    init(layerCount: Int, width: Int, initialCapacity: Int = 64) {
        self.layerCount = layerCount
        self.width = width
        capacity = max(1, initialCapacity)
        keys = .allocate(capacity: layerCount * capacity * width)
        values = .allocate(capacity: layerCount * capacity * width)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    /// Makes room for `positions` positions, keeping what is stored.
    func reserve(_ positions: Int) {
        guard positions > capacity else { return }
        var newCapacity = capacity
        while newCapacity < positions { newCapacity *= 2 }
        keys = grow(keys, to: newCapacity)
        values = grow(values, to: newCapacity)
        capacity = newCapacity
    }

    private func grow(_ old: UnsafeMutablePointer<Float>, to newCapacity: Int) -> UnsafeMutablePointer<Float> {
        let new = UnsafeMutablePointer<Float>.allocate(capacity: layerCount * newCapacity * width)
        for layer in 0..<layerCount {
            (new + layer * newCapacity * width).update(from: old + layer * capacity * width, count: length * width)
        }
        old.deallocate()
        return new
    }

    /// The key row of `layer` at `position`.
    @inline(__always)
    func key(layer: Int, position: Int) -> UnsafeMutablePointer<Float> {
        keys + (layer * capacity + position) * width
    }

    /// The value row of `layer` at `position`.
    @inline(__always)
    func value(layer: Int, position: Int) -> UnsafeMutablePointer<Float> {
        values + (layer * capacity + position) * width
    }

    /// Bytes allocated.
    var allocatedBytes: Int { 2 * layerCount * capacity * width * MemoryLayout<Float>.size }
}
