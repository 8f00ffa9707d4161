import PortalSupport

/// An authority (Behörde / Organisationseinheit) from `authorities/<id>.yml`.
public struct Authority: Sendable {
    public struct Address: Sendable, Equatable {
        public var street: String
        public var postalCode: String
        public var city: String

        package init(street: String, postalCode: String, city: String) {
            self.street = street
            self.postalCode = postalCode
            self.city = city
        }
    }

    /// What the authority's page shows besides its name: address and contact. Reading any of it
    /// is noted in the running `InputReads` log under `detailsKey`, as a service's body is: the
    /// quick rebuild after an edit to them (`BodyEdits`) knows from the record what they fed.
    package struct Details: Sendable, Equatable {
        package var address: Address
        package var phone: String?
        package var email: String?
        package var website: String?
        package var openingHours: [String]
        package var accessibility: String?
    }

    public var id: String
    public var name: String
    /// The details as stored, without noting the read: for the parse memo and the comparison
    /// with the last build, which are no page's input.
    package var storedDetails: Details
    public var address: Address {
        get { note(); return storedDetails.address }
        set { storedDetails.address = newValue }
    }
    public var phone: String? {
        get { note(); return storedDetails.phone }
        set { storedDetails.phone = newValue }
    }
    public var email: String? {
        get { note(); return storedDetails.email }
        set { storedDetails.email = newValue }
    }
    public var website: String? {
        get { note(); return storedDetails.website }
        set { storedDetails.website = newValue }
    }
    public var openingHours: [String] {
        get { note(); return storedDetails.openingHours }
        set { storedDetails.openingHours = newValue }
    }
    public var accessibility: String? {
        get { note(); return storedDetails.accessibility }
        set { storedDetails.accessibility = newValue }
    }
    public var sourcePath: String

    private func note() { InputReads.noteBody(Self.detailsKey(id)) }

    /// The key of an authority's details in `InputReads` and the body-edit record.
    public static func detailsKey(_ id: String) -> String { "authority:" + id }

    package init(id: String, name: String, address: Address, phone: String? = nil, email: String? = nil, website: String? = nil, openingHours: [String], accessibility: String? = nil, sourcePath: String) {
        self.id = id
        self.name = name
        storedDetails = Details(address: address, phone: phone, email: email, website: website, openingHours: openingHours, accessibility: accessibility)
        self.sourcePath = sourcePath
    }
}
