import DistilabelCore
import Parquet

/// The durable cache store.
enum CacheLayout {}
