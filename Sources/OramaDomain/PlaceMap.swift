import Foundation

/// A point on the earth in WGS 84 decimal degrees, as a GIS, a phone or an online map gives
/// it: «39,5672, 22,4669». Only real points exist: latitude −90…90, longitude −180…180.
public struct GeoPoint: Sendable, Hashable, Codable {
    public let latitude: Double
    public let longitude: Double

    public init?(latitude: Double, longitude: Double) {
        guard latitude.isFinite, longitude.isFinite, (-90.0...90.0).contains(latitude), (-180.0...180.0).contains(longitude) else { return nil }
        // −0 and 0 are the same place.
        self.latitude = latitude == 0 ? 0 : latitude
        self.longitude = longitude == 0 ? 0 : longitude
    }

    enum CodingKeys: String, CodingKey { case latitude, longitude }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let latitude = try c.decode(Double.self, forKey: .latitude), longitude = try c.decode(Double.self, forKey: .longitude)
        guard let point = GeoPoint(latitude: latitude, longitude: longitude) else {
            throw DecodingError.dataCorruptedError(forKey: .latitude, in: c, debugDescription: "not a point on the earth: \(latitude), \(longitude)")
        }
        self = point
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(latitude, forKey: .latitude)
        try c.encode(longitude, forKey: .longitude)
    }
}

extension FieldRules {
    /// A locality's coordinates as typed in two fields: both empty is «not known»; one without
    /// the other, a value that is not a decimal number (`39,5672` or `39.5672`) or a point off
    /// the earth is refused, on the field at fault.
    public static func coordinates(latitude: String, longitude: String) throws(FieldError) -> GeoPoint? {
        let lat = latitude.trimmingWhitespace(), lon = longitude.trimmingWhitespace()
        if lat.isEmpty && lon.isEmpty { return nil }
        // A value given is checked first: what is wrong with it says more than the other one missing.
        var latValue: Double?, lonValue: Double?
        if !lat.isEmpty { latValue = try degrees(lat, field: "latitude", greek: "Το γεωγραφικό πλάτος", english: "The latitude", limit: 90) }
        if !lon.isEmpty { lonValue = try degrees(lon, field: "longitude", greek: "Το γεωγραφικό μήκος", english: "The longitude", limit: 180) }
        guard let latValue else { throw FieldError("latitude", "Δώστε και το γεωγραφικό πλάτος, ή αφήστε κενά και τα δύο.", "Enter the latitude too, or leave both empty.") }
        guard let lonValue else { throw FieldError("longitude", "Δώστε και το γεωγραφικό μήκος, ή αφήστε κενά και τα δύο.", "Enter the longitude too, or leave both empty.") }
        // Within the limits checked above, a point always exists.
        return GeoPoint(latitude: latValue, longitude: lonValue)
    }

    private static func degrees(_ text: String, field: String, greek: String, english: String, limit: Double) throws(FieldError) -> Double {
        let shown = text.count > 24 ? String(text.prefix(24)) + "…" : text
        var body = Substring(text)
        if body.first == "-" || body.first == "+" || body.first == "−" { body = body.dropFirst() }
        let separators = body.filter { $0 == "," || $0 == "." }.count
        guard text.count <= 24, !body.isEmpty, separators <= 1, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }),
              body.first != "," && body.first != ".",
              let value = Double((text.first == "−" ? "-" + body : text).replacingOccurrences(of: ",", with: ".")), value.isFinite else {
            throw FieldError(field, "\(greek) «\(shown)» δεν είναι δεκαδικός αριθμός μοιρών (π.χ. 39,5672).",
                             "\(english) “\(shown)” is not a decimal number of degrees (e.g. 39.5672).")
        }
        guard abs(value) <= limit else {
            throw FieldError(field, "\(greek) πρέπει να είναι από −\(Int(limit)) έως \(Int(limit)) μοίρες (δόθηκε \(shown)).",
                             "\(english) must be between −\(Int(limit)) and \(Int(limit)) degrees (given \(shown)).")
        }
        return value
    }
}

/// The municipality's localities placed on a plane for a map: north up, east right, distances
/// kept in proportion (an equirectangular projection at the area's middle latitude, which over
/// a municipality's few tens of kilometres differs from the earth by less than a line's width),
/// fitted into a given width with a margin. Localities with no coordinates are listed apart,
/// never placed by guess.
public struct PlaceMap: Sendable {
    public struct Place: Sendable, Hashable {
        public var locality: Locality
        public var x: Double
        public var y: Double
    }

    public let width: Double
    public let height: Double
    public let places: [Place]
    public let unplaced: [Locality]
    /// Drawing units per kilometre, for a scale bar; 0 when all points coincide.
    public let unitsPerKilometre: Double

    /// One degree of latitude, in kilometres (WGS 84, mean).
    static let kilometresPerDegree = 111.2

    public init(localities: [Locality], width: Double, margin: Double, heights: ClosedRange<Double>) {
        let located = localities.compactMap { l in l.location.map { (l, $0) } }
        unplaced = localities.filter { $0.location == nil }
        self.width = width
        guard let first = located.first?.1 else {
            (height, places, unitsPerKilometre) = (0, [], 0)
            return
        }
        var (south, north, west, east) = (first.latitude, first.latitude, first.longitude, first.longitude)
        for (_, p) in located {
            south = min(south, p.latitude); north = max(north, p.latitude)
            west = min(west, p.longitude); east = max(east, p.longitude)
        }
        let shrink = cos((south + north) / 2 * .pi / 180)
        let spanX = (east - west) * shrink, spanY = north - south
        let innerWidth = max(0, width - 2 * margin)
        let innerHeights = max(0, heights.lowerBound - 2 * margin)...max(0, heights.upperBound - 2 * margin)
        var scale = spanX > 0 ? innerWidth / spanX : .infinity
        if spanY > 0 { scale = min(scale, innerHeights.upperBound / spanY) }
        if !scale.isFinite { scale = 0 }
        let drawnHeight = min(max(spanY * scale, innerHeights.lowerBound), innerHeights.upperBound)
        let height = drawnHeight + 2 * margin
        let left = margin + (innerWidth - spanX * scale) / 2, top = margin + (drawnHeight - spanY * scale) / 2
        self.height = height
        places = located.map { l, p in
            Place(locality: l, x: left + (p.longitude - west) * shrink * scale, y: top + (north - p.latitude) * scale)
        }
        unitsPerKilometre = scale / Self.kilometresPerDegree
    }
}
