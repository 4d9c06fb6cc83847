@_exported import DistilabelCache
@_exported import DistilabelCore
@_exported import DistilabelDistiset
