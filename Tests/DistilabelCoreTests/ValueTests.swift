import Distilabel
import Testing

@Test func valueEquality() { #expect(Value.int(1) == .int(1)) }
