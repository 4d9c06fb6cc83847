@_exported import DistilabelCore
