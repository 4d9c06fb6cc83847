@_exported import DistilabelCache
@_exported import DistilabelCore
@_exported import DistilabelDataFiles
@_exported import DistilabelDistiset
@_exported import DistilabelLLMs
@_exported import DistilabelTasks
