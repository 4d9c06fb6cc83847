@_exported import DistilabelCache
@_exported import DistilabelCore
