import LLMClients
import Testing

@Test func threeClientKinds() {
    #expect(LLMClientKind.allCases.count == 3)
}
