// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "skillspool",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "skillspool", targets: ["skillspool"]),
        .executable(name: "skillspool-core", targets: ["skillspool-core"]),
        .library(name: "PDFText", targets: ["PDFText"]),
        .library(name: "DocumentModel", targets: ["DocumentModel"]),
        .library(name: "Layout", targets: ["Layout"]),
        .library(name: "Markup", targets: ["Markup"]),
        .library(name: "Ledger", targets: ["Ledger"]),
        .library(name: "Archives", targets: ["Archives"]),
        .library(name: "Skills", targets: ["Skills"]),
        .library(name: "Spool", targets: ["Spool"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // System libraries: Debian -dev packages, installed by `make deps`.
        .systemLibrary(name: "CQPDF", pkgConfig: "libqpdf", providers: [.apt(["libqpdf-dev"])]),
        .systemLibrary(name: "CArchive", pkgConfig: "libarchive", providers: [.apt(["libarchive-dev"])]),
        .systemLibrary(name: "CInotifyTools", providers: [.apt(["libinotifytools0-dev"])]),
        .systemLibrary(name: "CXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // pidfd_open and prctl, which Glibc's Swift module does not import (header only).
        .systemLibrary(name: "CProcess"),

        // Engine layers, top to bottom: each imports only the ones above it.
        // Every module's errors share one protocol (code, message, retryable).
        .target(name: "CodedErrors"),
        // JSON values, the byte-stable writer and the strict parser.
        .target(name: "JSON"),
        // Files relative to open folders, never following links; the one durable write; time stamps.
        .target(
            name: "FileSystem",
            dependencies: ["CodedErrors", .product(name: "SystemPackage", package: "swift-system")]
        ),
        .target(name: "PDFText", dependencies: ["CQPDF", "CodedErrors"]),
        // Tesseract's C API, opened with dlopen when a page first needs OCR (text-layer PDFs never load it).
        .target(name: "COCR", linkerSettings: [.linkedLibrary("dl")]),
        // Scans: pages without a text layer read by Tesseract into glyphs the layout uses like any others.
        .target(name: "OCR", dependencies: ["COCR", "PDFText", "DocumentModel"]),
        .target(name: "DocumentModel", dependencies: ["JSON"]),
        .target(
            name: "Layout",
            dependencies: [
                "PDFText", "OCR", "JSON", "DocumentModel", "FileSystem",
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Word, HTML, Markdown and text into the same document model (libxml2, cmark-gfm, libarchive), and the
        // one entry point that converts any supported source.
        .target(
            name: "Markup",
            dependencies: [
                "CXML2", "CCmark", "Archives", "DocumentModel", "Layout", "PDFText", "JSON", "FileSystem",
                "CodedErrors", .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // Documents named by URL: fetched under the tenant's policy (AsyncHTTPClient), addresses checked.
        .target(
            name: "Fetch",
            dependencies: [
                "CodedErrors", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Job events posted to tenants' endpoints, signed with HMAC-SHA256 (swift-crypto), under the fetch rules.
        .target(
            name: "Webhooks",
            dependencies: [
                "Fetch", "CodedErrors", "Digest", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(name: "Digest"),
        .target(name: "Skills", dependencies: ["DocumentModel", "JSON", "Archives", "FileSystem"]),
        .target(
            name: "Archives",
            dependencies: [
                "CArchive", "CodedErrors", "FileSystem", .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .target(
            name: "Ledger",
            dependencies: [
                "CodedErrors", "FileSystem", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Daemon and tenant configuration files, free of the database stack so the converter can read them.
        .target(
            name: "SpoolConfig",
            dependencies: [
                "PDFText", "OCR", "JSON", "FileSystem", "CodedErrors",
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .target(
            name: "Spool",
            dependencies: [
                "SpoolConfig", "PDFText", "OCR", "JSON", "FileSystem", "DocumentModel", "Layout", "Markup", "Fetch",
                "Webhooks",
                "Digest",
                "Archives", "Skills",
                "Ledger", "CInotifyTools", "CProcess", "CodedErrors",
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // Command line. `ConvertCLI`: the commands the small `skillspool` process runs itself (convert of PDFs,
        // engine), linking no Word/HTML/Markdown library.
        // `SkillspoolCLI`: the whole command tree, built as `skillspool-core`, which `skillspool` hands every other
        // command to (the README gives the measured reason: the database stack triples the loader's work).
        .target(
            name: "ConvertCLI",
            dependencies: [
                "PDFText", "JSON", "FileSystem", "DocumentModel", "Layout", "OCR", "SpoolConfig",
                "CodedErrors", .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SkillspoolCLI",
            dependencies: [
                "ConvertCLI", "Spool", "SpoolConfig", "Ledger", "JSON", "FileSystem", "DocumentModel", "PDFText",
                "Markup",
                "Archives", "Skills",
                "Layout", "Digest", "CodedErrors",
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "skillspool",
            dependencies: ["ConvertCLI", .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(
            name: "skillspool-core",
            dependencies: [
                "SkillspoolCLI", "PDFText", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Load generator for the ledger tests and `make bench` (a benchmark tool, not part of the product).
        .executableTarget(
            name: "skillspool-ledger-load",
            dependencies: ["Ledger", "FileSystem", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/LedgerLoad"
        ),

        // Fuzz targets for every parser a tenant's bytes reach (`make fuzz` builds them with libFuzzer); built
        // normally, a runner that feeds given files to one target (the regression tests of crashes found).
        .executableTarget(
            name: "skillspool-fuzz",
            dependencies: [
                "PDFText", "DocumentModel", "Layout", "Markup", "Archives", "Spool", "SpoolConfig", "PDFFixtures",
            ],
            path: "Fuzz/SkillspoolFuzz",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),

        // Test support: PDFs built in code (no corpus file is ever copied into the repository).
        .target(name: "PDFFixtures", dependencies: ["CArchive"], path: "Tests/PDFFixtures"),
        // Test support: the throw-away PostgreSQL server Scripts/with-postgres.sh starts.
        .target(name: "TestServers", path: "Tests/TestServers"),
        .testTarget(name: "PDFTextTests", dependencies: ["PDFText", "PDFFixtures", "CQPDF"]),
        .testTarget(name: "LayoutTests", dependencies: ["Layout", "PDFText", "DocumentModel", "JSON", "PDFFixtures"]),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "DocumentModelTests", dependencies: ["DocumentModel", "JSON"]),
        .testTarget(name: "MarkupTests", dependencies: ["Markup", "DocumentModel", "Archives", "Skills"]),
        .testTarget(
            name: "LedgerTests",
            dependencies: ["Ledger", "FileSystem", "TestServers", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "SpoolConfigTests", dependencies: ["SpoolConfig"]),
        .testTarget(name: "DigestTests", dependencies: ["Digest"]),
        .testTarget(name: "OCRTests", dependencies: ["OCR"]),
        .testTarget(name: "FetchTests", dependencies: ["Fetch", "TestServers"]),
        .testTarget(name: "WebhooksTests", dependencies: ["Webhooks", "Fetch", "TestServers"]),
        .testTarget(name: "SkillsTests", dependencies: ["Skills", "DocumentModel", "JSON"]),
        .testTarget(name: "ArchivesTests", dependencies: ["Archives", "PDFFixtures"]),
        .testTarget(
            name: "SpoolTests",
            dependencies: ["Spool", "SpoolConfig", "Ledger", "JSON", "FileSystem", "Markup", "PDFFixtures"]
        ),
        .testTarget(name: "FileSystemTests", dependencies: ["FileSystem"]),
        .testTarget(name: "SkillspoolCLITests", dependencies: ["PDFFixtures", "TestServers", "Digest", "Webhooks"]),
    ],
    swiftLanguageModes: [.v6]
)
