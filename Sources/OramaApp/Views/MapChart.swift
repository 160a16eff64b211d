import Foundation
import OramaDomain

extension Charts {
    /// The municipality's municipal units (rings, named) and communities (dots) at their
    /// coordinates, each a link to what is planned there, with a scale bar and north; drawn
    /// here from the localities alone, nothing fetched from elsewhere. A community is named
    /// when its name fits beside it without covering another name; every point also says its
    /// name and how many actions are planned there in its link's label and title.
    static func placeMap(_ localities: [Locality], actions: [UUID: Int], link: (Locality) -> String, title: String,
                         language: Language, layout: Layout) -> String {
        let wide = layout == .wide
        let width = wide ? 640.0 : 340.0, font = wide ? 13.0 : 12.0
        let map = PlaceMap(localities: localities, width: width, margin: wide ? 40 : 28, heights: 200...(wide ? 480 : 400))
        guard !map.places.isEmpty else { return "" }
        let height = map.height + 24
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart map\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"group\" aria-label=\"\(esc(title))\">"
        svg += "<title>\(esc(title))</title>"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" rx=\"6\" fill=\"#f4f6f9\" stroke=\"#c9d1db\"/>"
        // North, top right.
        svg += "<path d=\"M\(width - 22) 10 L\(width - 16) 26 L\(width - 22) 22 L\(width - 28) 26 Z\" fill=\"#4a5563\" aria-hidden=\"true\"/>"
        svg += "<text x=\"\(width - 22)\" y=\"40\" text-anchor=\"middle\" font-size=\"12\" fill=\"#4a5563\" aria-hidden=\"true\">\(language.t("Β", "N"))</text>"
        // A scale bar of a round length about a sixth of the width, bottom left.
        if map.unitsPerKilometre > 0 {
            let kilometres = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500].first { $0 * map.unitsPerKilometre >= width / 6 } ?? 500
            let bar = kilometres * map.unitsPerKilometre, y = height - 12
            svg += "<g aria-hidden=\"true\"><path d=\"M12 \(y - 5) V\(y) H\(12 + bar) V\(y - 5)\" fill=\"none\" stroke=\"#4a5563\" stroke-width=\"1.5\"/>"
            svg += "<text x=\"\(16 + bar)\" y=\"\(y)\" font-size=\"12\" fill=\"#4a5563\">\(Format.number(kilometres)) \(language.t("χλμ.", "km"))</text></g>"
        }
        // Names: municipal units first, then communities, each only where it covers no other name.
        var taken: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        func label(_ place: PlaceMap.Place, size: Double, radius: Double) -> (x: Double, y: Double, anchor: String)? {
            let w = Double(place.locality.name.count) * size * 0.58, h = size
            // To the right, to the left, above, below: the first place that is free.
            let candidates: [(x0: Double, y0: Double, x: Double, y: Double, anchor: String)] = [
                (place.x + radius + 3, place.y - h / 2, place.x + radius + 3, place.y + size * 0.35, "start"),
                (place.x - radius - 3 - w, place.y - h / 2, place.x - radius - 3, place.y + size * 0.35, "end"),
                (place.x - w / 2, place.y - radius - 3 - h, place.x, place.y - radius - 3 - size * 0.2, "middle"),
                (place.x - w / 2, place.y + radius + 3, place.x, place.y + radius + 3 + size * 0.8, "middle"),
            ]
            for c in candidates {
                let box = (x0: c.x0, y0: c.y0 - 1, x1: c.x0 + w, y1: c.y0 + h + 1)
                guard box.x0 >= 4, box.x1 <= width - 4, box.y0 >= 2, box.y1 <= height - 22,
                      !taken.contains(where: { $0.x0 < box.x1 && box.x0 < $0.x1 && $0.y0 < box.y1 && box.y0 < $0.y1 }) else { continue }
                taken.append(box)
                return (c.x, c.y, c.anchor)
            }
            return nil
        }
        let units = map.places.filter { $0.locality.kind == .municipalUnit }
        let others = map.places.filter { $0.locality.kind != .municipalUnit }
        // The points themselves are kept clear of names too.
        for p in map.places {
            let r = p.locality.kind == .municipalUnit ? 11.0 : 6.0
            taken.append((p.x - r, p.y - r, p.x + r, p.y + r))
        }
        var names: [UUID: (x: Double, y: Double, anchor: String)] = [:]
        for p in units { names[p.locality.id] = label(p, size: font, radius: 10) }
        for p in others { names[p.locality.id] = label(p, size: font, radius: 6) }
        func point(_ p: PlaceMap.Place) -> String {
            let l = p.locality, isUnit = l.kind == .municipalUnit
            let count = actions[l.id] ?? 0
            let said = "\(l.heading(language)): \(Plural.count(count, ("δράση", "δράσεις"), ("action", "actions"), language))"
            var out = "<a href=\"\(esc(link(l)))\" aria-label=\"\(esc(said))\"><title>\(esc(said))</title>"
            out += "<circle cx=\"\(p.x)\" cy=\"\(p.y)\" r=\"14\" fill=\"transparent\"/>"
            out += isUnit ? "<circle class=\"unit\" cx=\"\(p.x)\" cy=\"\(p.y)\" r=\"10\" fill=\"none\" stroke=\"#0b4f8a\" stroke-width=\"2.5\"/>"
                          : "<circle class=\"community\" cx=\"\(p.x)\" cy=\"\(p.y)\" r=\"5\" fill=\"\(count > 0 ? "#0b4f8a" : "#ffffff")\" stroke=\"#0b4f8a\" stroke-width=\"1.5\"/>"
            if let n = names[l.id] {
                out += "<text x=\"\(n.x)\" y=\"\(n.y)\" text-anchor=\"\(n.anchor)\" font-size=\"\(Int(font))\"\(isUnit ? " font-weight=\"bold\"" : "")>\(esc(l.name))</text>"
            }
            return out + "</a>"
        }
        // Rings under dots, so that a unit's seat stays clickable inside its ring.
        for p in units { svg += point(p) }
        for p in others { svg += point(p) }
        return svg + "</svg>"
    }
}
