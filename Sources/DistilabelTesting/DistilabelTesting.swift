import DistilabelCore

/// Testing helpers for pipelines.
public enum DistilabelTestingModule {}
