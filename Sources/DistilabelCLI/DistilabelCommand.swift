import ArgumentParser
import Distilabel

/// The distilabel command line.
public struct DistilabelCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "distilabel")
    public init() {}
}
