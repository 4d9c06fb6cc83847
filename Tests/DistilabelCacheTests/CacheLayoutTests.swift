import DistilabelCache
import Testing

@Suite struct CacheLayoutTests {
    @Test func cacheDirectoryPrecedence() {
        let environment = ["DISTILABEL_CACHE_DIR": "/tmp/from-env", "HOME": "/home/someone"]
        #expect(CacheLayout(cacheDirectory: "/tmp/explicit", environment: environment).root.path == "/tmp/explicit")
        #expect(CacheLayout(environment: environment).root.path == "/tmp/from-env")
        #expect(
            CacheLayout(environment: ["HOME": "/home/someone"]).root.path == "/home/someone/.cache/distilabel/pipelines"
        )
        let layout = CacheLayout(cacheDirectory: "/tmp/c", environment: [:])
        #expect(layout.executionDirectory(pipelineName: "p", signature: "abc").path == "/tmp/c/p/abc")
    }
}
