import GGUFRuntime
import Testing

@Test func magicIsGGUF() {
    #expect(GGUFFormat.magic == [0x47, 0x47, 0x55, 0x46])
}
