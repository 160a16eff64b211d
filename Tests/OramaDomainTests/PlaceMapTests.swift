import Foundation
@testable import OramaDomain
import Testing

@Suite("Χάρτης τόπων: συντεταγμένες και προβολή")
struct PlaceMapTests {
    let org = UUID()

    func place(_ name: String, _ lat: Double?, _ lon: Double?, kind: Locality.Kind = .community) -> Locality {
        Locality(organisationID: org, name: name, kind: kind, location: lat.flatMap { la in lon.flatMap { GeoPoint(latitude: la, longitude: $0) } })
    }

    @Test func coordinatesAreTypedWithACommaOrAPointAndBothOrNeither() throws {
        #expect(try FieldRules.coordinates(latitude: " 39,5194 ", longitude: "22.3189") == GeoPoint(latitude: 39.5194, longitude: 22.3189))
        #expect(try FieldRules.coordinates(latitude: "−33,9", longitude: "+151.2") == GeoPoint(latitude: -33.9, longitude: 151.2))
        #expect(try FieldRules.coordinates(latitude: "", longitude: "  ") == nil, "both empty: not known")
        #expect(throws: FieldError("longitude", "Δώστε και το γεωγραφικό μήκος, ή αφήστε κενά και τα δύο.", "Enter the longitude too, or leave both empty.")) {
            try FieldRules.coordinates(latitude: "39,5", longitude: "")
        }
        for (lat, lon, field) in [("39°31′10″", "22,3", "latitude"), ("39,5,1", "22", "latitude"), ("39", "1e3", "longitude"), ("nan", "22", "latitude"),
                                  ("39", "inf", "longitude"), ("39", ",5", "longitude"), ("-", "22", "latitude"), (String(repeating: "9", count: 40), "22", "latitude")] {
            do throws(FieldError) {
                _ = try FieldRules.coordinates(latitude: lat, longitude: lon)
                Issue.record("accepted \(lat), \(lon)")
            } catch {
                #expect(error.field == field, "\(lat), \(lon)")
                #expect(error.description.contains("δεν είναι δεκαδικός αριθμός μοιρών"), "\(error.description)")
            }
        }
        #expect(throws: FieldError("latitude", "Το γεωγραφικό πλάτος πρέπει να είναι από −90 έως 90 μοίρες (δόθηκε 91).", "The latitude must be between −90 and 90 degrees (given 91).")) {
            try FieldRules.coordinates(latitude: "91", longitude: "22")
        }
        #expect(throws: FieldError.self) { try FieldRules.coordinates(latitude: "39", longitude: "-180,5") }
        // A value that is wrong is named before the other one missing (it named only the missing one).
        #expect(throws: FieldError("latitude", "Το γεωγραφικό πλάτος «NaN» δεν είναι δεκαδικός αριθμός μοιρών (π.χ. 39,5672).",
                                   "The latitude “NaN” is not a decimal number of degrees (e.g. 39.5672).")) {
            try FieldRules.coordinates(latitude: "NaN", longitude: "")
        }
    }

    @Test func aPointIsOnTheEarthOrIsNotMade() throws {
        #expect(GeoPoint(latitude: .nan, longitude: 0) == nil)
        #expect(GeoPoint(latitude: 0, longitude: .infinity) == nil)
        #expect(GeoPoint(latitude: 90.0001, longitude: 0) == nil)
        #expect(GeoPoint(latitude: -0.0, longitude: -0.0)?.latitude.sign == .plus)
        let decoded = try JSONDecoder().decode(GeoPoint.self, from: Data(#"{"latitude":39.5,"longitude":22.3}"#.utf8))
        #expect(decoded == GeoPoint(latitude: 39.5, longitude: 22.3))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(GeoPoint.self, from: Data(#"{"latitude":139.5,"longitude":22.3}"#.utf8)) }
    }

    @Test func northIsUpEastIsRightAndDistancesKeepTheirProportion() throws {
        // Κραννώνας (west), Νίκαια (north-east), Κιλελέρ (east).
        let krannonas = place("Κραννώνας", 39.5194, 22.3189), nikaia = place("Νίκαια", 39.567, 22.467), kileler = place("Κιλελέρ", 39.505194, 22.640889)
        let map = PlaceMap(localities: [krannonas, nikaia, kileler, place("Χαρά", nil, nil)], width: 640, margin: 40, heights: 200...480)
        let at = Dictionary(uniqueKeysWithValues: map.places.map { ($0.locality.name, $0) })
        let k = try #require(at["Κραννώνας"]), n = try #require(at["Νίκαια"]), e = try #require(at["Κιλελέρ"])
        #expect(map.unplaced.map(\.name) == ["Χαρά"], "a locality without coordinates is listed, not placed")
        #expect(k.x < n.x && n.x < e.x, "west to east, left to right")
        #expect(n.y < k.y && k.y < e.y, "north is up")
        // The widest span fills the width between the margins.
        #expect(abs(k.x - 40) < 1e-9 && abs(e.x - 600) < 1e-9)
        for p in map.places { #expect((0...map.width).contains(p.x) && (0...map.height).contains(p.y)) }
        // East–west distances shrink with the cosine of the latitude: Κραννώνας–Κιλελέρ is
        // about 27,7 km east and 1,6 km south; on the map, the same ratio.
        let shrink = cos((39.505194 + 39.567) / 2 * .pi / 180)
        let expected = (22.640889 - 22.3189) * shrink / (39.5194 - 39.505194)
        #expect(abs((e.x - k.x) / (e.y - k.y) - expected) / expected < 0.001)
        // 27,7 km drawn at the scale the bar uses.
        let kilometres = (e.x - k.x) / map.unitsPerKilometre
        #expect(abs(kilometres - 27.7) < 0.3, "\(kilometres)")
        // The height follows from the width: north and south touch the margins.
        #expect(abs(map.height - (80 + 560 * (39.567 - 39.505194) / ((22.640889 - 22.3189) * shrink))) < 1e-6)
        #expect(abs(n.y - 40) < 1e-9 && abs(e.y - (map.height - 40)) < 1e-9)
        let flat = PlaceMap(localities: [krannonas, kileler], width: 640, margin: 40, heights: 200...480)
        #expect(flat.height == 200, "a flat area keeps the smallest height")
    }

    @Test func oneOrNoPlaceStillDrawsSafely() {
        let one = PlaceMap(localities: [place("Νίκαια", 39.567, 22.467)], width: 340, margin: 28, heights: 200...400)
        #expect(one.places.count == 1 && one.places[0].x == 170 && one.places[0].y == 100, "a single place in the middle")
        #expect(one.unitsPerKilometre == 0)
        let none = PlaceMap(localities: [place("Χαρά", nil, nil)], width: 340, margin: 28, heights: 200...400)
        #expect(none.places.isEmpty && none.height == 0 && none.unplaced.count == 1)
        // A tall area is limited by the greatest height, and centred across.
        let tall = PlaceMap(localities: [place("Α", 39, 22), place("Β", 40, 22.01)], width: 640, margin: 40, heights: 200...480)
        #expect(tall.height == 480)
        #expect(tall.places.allSatisfy { (40...600).contains($0.x) } && abs(tall.places[0].x + tall.places[1].x - 640) < 1e-9)
    }
}
