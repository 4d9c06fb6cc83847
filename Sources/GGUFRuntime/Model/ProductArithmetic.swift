/// How a ``LlamaContext`` multiplies weight matrices by activations.
public enum ProductArithmetic: Sendable, Hashable {
    /// Activations quantized to 16 bits per 32-value block and integer products with the quantized weights: the
    /// default and the fast one, within a few thousandths of ``float``'s logits (SmolLM2: at most 0.007 on logits
    /// around 28, where llama.cpp's 8-bit activations differ by tenths). Float tensors are multiplied in float.
    case integer
    /// Each weight row dequantized to float32 and multiplied in float32, the arithmetic of an fp32 reference
    /// implementation: for checking the model against one. Several times slower than ``integer``.
    case float
}
