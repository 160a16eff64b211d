// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Orama",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "orama", targets: ["orama"]),
        .library(name: "OramaDomain", targets: ["OramaDomain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // The rules of an Operational Programme: no I/O, no Vapor, no Fluent.
        .target(name: "OramaDomain"),
        // Files in and out (CSV, XLSX, DOCX, print HTML, iCalendar, open-data ZIP): the domain and ZIP only.
        .target(name: "OramaInterchange", dependencies: ["OramaDomain", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "OramaApp",
            dependencies: [
                "OramaDomain",
                "OramaInterchange",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "orama",
            dependencies: [
                "OramaApp",
                .product(name: "Vapor", package: "vapor"),
            ]
        ),
        .testTarget(name: "OramaDomainTests", dependencies: ["OramaDomain"]),
        .testTarget(name: "OramaInterchangeTests", dependencies: ["OramaInterchange", "OramaDomain"]),
        .testTarget(
            name: "OramaAppTests",
            dependencies: [
                "OramaApp",
                "OramaDomain",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            ],
            // The pages as they were approved, compared by PageSnapshotTests (read from the source tree).
            exclude: ["__Snapshots__"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
