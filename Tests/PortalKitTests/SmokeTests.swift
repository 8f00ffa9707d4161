import Testing
@testable import PortalKit

@Test func slugRule() {
    #expect(Slug.isValid("personalausweis-beantragen"))
    #expect(!Slug.isValid("Personalausweis"))
}
