/// An authority (Behörde / Organisationseinheit) from `authorities/<id>.yml`.
public struct Authority: Sendable {
    public struct Address: Sendable {
        public var street: String
        public var postalCode: String
        public var city: String

        package init(street: String, postalCode: String, city: String) {
            self.street = street
            self.postalCode = postalCode
            self.city = city
        }
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

    package init(id: String, name: String, address: Address, phone: String? = nil, email: String? = nil, website: String? = nil, openingHours: [String], accessibility: String? = nil, sourcePath: String) {
        self.id = id
        self.name = name
        self.address = address
        self.phone = phone
        self.email = email
        self.website = website
        self.openingHours = openingHours
        self.accessibility = accessibility
        self.sourcePath = sourcePath
    }
}
