/// Problems creating, saving or loading a ``Distiset``, each naming the file or configuration involved.
public enum DistisetError: Error, Sendable, CustomStringConvertible {
    /// The data folder does not exist or is not a folder.
    case missingDataDirectory(path: String)
    /// A Parquet file could not be read.
    case unreadableFile(path: String, reason: String)
    /// A file of the saved dataset could not be written.
    case writeFailed(path: String, reason: String)
    /// A folder holds no dataset saved by ``Distiset/save(to:)`` (nor by the Hugging Face Hub).
    case notADistiset(path: String)
    /// A configuration's rows cannot be stored as a Hugging Face dataset.
    case unsupportedRows(configuration: String, split: String, reason: String)
    /// ``Distiset/trainTestSplit(trainSize:seed:)`` got a bad argument or a configuration it cannot split.
    case invalidSplit(configuration: String?, reason: String)

    public var description: String {
        switch self {
        case .missingDataDirectory(let path):
            return "No data folder at \(path). Pass the `data` folder of a pipeline execution "
                + "(<cache>/<pipeline>/<signature>/data) or the execution folder itself."
        case .unreadableFile(let path, let reason):
            return "Could not read \(path): \(reason)."
        case .writeFailed(let path, let reason):
            return "Could not write \(path): \(reason). Check the permissions and free space of the output folder."
        case .notADistiset(let path):
            return "\(path) holds no saved Distiset: expected <configuration>/<split>-*.parquet files, "
                + "as written by `distilabel distiset create` or Distiset.save(to:)."
        case .unsupportedRows(let configuration, let split, let reason):
            return "The rows of configuration '\(configuration)', split '\(split)' cannot be saved: \(reason)."
        case .invalidSplit(let configuration, let reason):
            if let configuration { return "Cannot split configuration '\(configuration)': \(reason)." }
            return "Cannot split the Distiset: \(reason)."
        }
    }
}
