/// The GGUF runtime: reads GGUF model files and runs llama-family models in pure Swift.
public enum GGUFFormat {
    /// The magic bytes that open every GGUF file.
    public static let magic: [UInt8] = Array("GGUF".utf8)
}
