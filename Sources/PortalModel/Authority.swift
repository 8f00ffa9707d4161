/// An authority (Behörde / Organisationseinheit) from `authorities/<id>.yml`.
public struct Authority: Sendable {
    public struct Address: Sendable {
        public var street: String
        public var postalCode: String
        public var city: String
    }

    public var id: String
    public var name: String
    public var address: Address
    public var phone: String?
    public var email: String?
    public var website: String?
    public var openingHours: [String]
    public var accessibility: String?
    public var sourcePath: String
}
