import Foundation

/// The country's administrative hierarchy above the municipalities (Ν. 3852/2010): 13
/// Regions (Περιφέρειες), each of Regional Units (Περιφερειακές Ενότητες), each of
/// municipalities. A municipality names its Region and Regional Unit; an analyst is given a
/// Region, or the whole country.
public struct Region: Sendable, Hashable {
    public var name: String
    public var regionalUnits: [String]
}

public enum Geography {
    public static let regions: [Region] = [
        Region(name: "Ανατολική Μακεδονία και Θράκη", regionalUnits: ["Δράμα", "Έβρος", "Θάσος", "Καβάλα", "Ξάνθη", "Ροδόπη"]),
        Region(name: "Κεντρική Μακεδονία", regionalUnits: ["Ημαθία", "Θεσσαλονίκη", "Κιλκίς", "Πέλλα", "Πιερία", "Σέρρες", "Χαλκιδική"]),
        Region(name: "Δυτική Μακεδονία", regionalUnits: ["Γρεβενά", "Καστοριά", "Κοζάνη", "Φλώρινα"]),
        Region(name: "Ήπειρος", regionalUnits: ["Άρτα", "Θεσπρωτία", "Ιωάννινα", "Πρέβεζα"]),
        Region(name: "Θεσσαλία", regionalUnits: ["Καρδίτσα", "Λάρισα", "Μαγνησία", "Σποράδες", "Τρίκαλα"]),
        Region(name: "Ιόνια Νησιά", regionalUnits: ["Ζάκυνθος", "Ιθάκη", "Κέρκυρα", "Κεφαλληνία", "Λευκάδα"]),
        Region(name: "Δυτική Ελλάδα", regionalUnits: ["Αιτωλοακαρνανία", "Αχαΐα", "Ηλεία"]),
        Region(name: "Στερεά Ελλάδα", regionalUnits: ["Βοιωτία", "Εύβοια", "Ευρυτανία", "Φθιώτιδα", "Φωκίδα"]),
        Region(name: "Αττική", regionalUnits: ["Βόρειος Τομέας Αθηνών", "Δυτικός Τομέας Αθηνών", "Κεντρικός Τομέας Αθηνών", "Νότιος Τομέας Αθηνών",
                                               "Ανατολική Αττική", "Δυτική Αττική", "Πειραιάς", "Νήσοι"]),
        Region(name: "Πελοπόννησος", regionalUnits: ["Αργολίδα", "Αρκαδία", "Κορινθία", "Λακωνία", "Μεσσηνία"]),
        Region(name: "Βόρειο Αιγαίο", regionalUnits: ["Ικαρία", "Λέσβος", "Λήμνος", "Σάμος", "Χίος"]),
        Region(name: "Νότιο Αιγαίο", regionalUnits: ["Άνδρος", "Θήρα", "Κάλυμνος", "Κάρπαθος", "Κέα-Κύθνος", "Κως", "Μήλος", "Μύκονος",
                                                     "Νάξος", "Πάρος", "Ρόδος", "Σύρος", "Τήνος"]),
        Region(name: "Κρήτη", regionalUnits: ["Ηράκλειο", "Λασίθι", "Ρέθυμνο", "Χανιά"]),
    ]

    /// The 25 municipalities of the Region of Thessaly, by Regional Unit.
    public static let thessaly: [(regionalUnit: String, municipalities: [String])] = [
        ("Λάρισα", ["Αγιάς", "Ελασσόνας", "Κιλελέρ", "Λαρισαίων", "Τεμπών", "Τυρνάβου", "Φαρσάλων"]),
        ("Μαγνησία", ["Αλμυρού", "Βόλου", "Ζαγοράς-Μουρεσίου", "Νοτίου Πηλίου", "Ρήγα Φεραίου"]),
        ("Σποράδες", ["Αλοννήσου", "Σκιάθου", "Σκοπέλου"]),
        ("Τρίκαλα", ["Καλαμπάκας", "Πύλης", "Τρικκαίων", "Φαρκαδόνας"]),
        ("Καρδίτσα", ["Αργιθέας", "Καρδίτσας", "Λίμνης Πλαστήρα", "Μουζακίου", "Παλαμά", "Σοφάδων"]),
    ]

    public static func region(named name: String) -> Region? {
        let key = GreekText.searchKey(name)
        return regions.first { GreekText.searchKey($0.name) == key }
    }
}
