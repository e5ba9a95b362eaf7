import PDFFixtures

/// Three cases' documents for the daemon's case tests: a water-damage claim (four documents, the adjuster's report
/// scanned in two drops), a supply contract dispute named by manifests, and a vehicle lease.
enum CaseDocuments {
    struct Drop {
        /// The case folder below `inbox/` (nil: the document comes with a manifest naming its case).
        var folder: String?
        var name: String
        var bytes: [UInt8]
    }

    static let harborNotice = PDFFixture.pages([
        [
            "Notice of Loss", "Claim number: CLM-2024-0113", "Date: 4 March 2024", "Insured: Harbor Street Bakery Ltd",
            "Insurer: Meridian Mutual Insurance",
            "Water escaped from a burst pipe above the bakery's storage room during the night of 2 March 2024.",
            "Flour stock, two proofing cabinets and the storage room floor were damaged.",
        ]
    ])

    static let harborInvoice = PDFFixture.pages([
        [
            "Invoice", "Invoice number: RD-5521", "Date: 18 March 2024", "Customer: Harbor Street Bakery Ltd",
            "Reference: CLM-2024-0113", "Drying equipment hire, seven days: 1,120.00 EUR",
            "Floor removal and disposal: 2,480.00 EUR", "Total: 3,600.00 EUR",
            "Rapid Dry Restoration GmbH thanks you for your order.",
        ]
    ])

    static let harborReportFirst = PDFFixture.pages([
        [
            "Adjuster Report", "Report number: ADJ-88120", "Date: 25 March 2024", "Claim number: CLM-2024-0113",
            "# Inspection", "The storage room was inspected on 21 March 2024 together with the bakery's owner.",
            "Moisture readings in the floor screed were above 80 percent at six of eight points.",
            "@footer Page 1 of 3",
        ],
        [
            "# Cause of loss", "A corroded compression fitting on the cold water supply failed.",
            "The fitting was installed in 2009 and had not been serviced since.", "@footer Page 2 of 3",
        ],
    ])

    static let harborReportLast = PDFFixture.pages([
        [
            "Claim number: CLM-2024-0113", "# Recommendation",
            "Settle the stock loss of 5,940.00 EUR and the restoration invoice RD-5521 in full.",
            "Replacement of the proofing cabinets is covered under the contents section.", "@footer Page 3 of 3",
        ]
    ])

    static let northwindContract = PDFFixture.pages([
        [
            "Supply Agreement", "Contract number: NW-2024-77", "Date: 10 January 2024",
            "Supplier: Northwind Components AB", "Buyer: Lakeside Cycles Oy",
            "Northwind supplies 4,000 aluminium bicycle frames per quarter at the prices of Schedule A.",
            "Deliveries are due within 30 days of each purchase order.",
        ]
    ])

    static let northwindComplaint = PDFFixture.pages([
        [
            "Complaint about late delivery", "Date: 2 May 2024", "From: Lakeside Cycles Oy",
            "To: Northwind Components AB", "Contract number: NW-2024-77",
            "Purchase order PO-3310 was delivered 46 days after it was placed, 16 days late.",
            "We claim the contractual penalty for the delay.",
        ]
    ])

    static let northwindCreditNote = PDFFixture.pages([
        [
            "Credit Note", "Credit note number: CN-2024-019", "Date: 20 May 2024", "Customer: Lakeside Cycles Oy",
            "Contract number: NW-2024-77", "Late delivery penalty for purchase order PO-3310: 8,800.00 EUR",
            "Total credited: 8,800.00 EUR",
        ]
    ])

    static let fleetLease = PDFFixture.pages([
        [
            "Vehicle Lease Agreement", "Lease number: FL-4471", "Date: 1 February 2024",
            "Lessor: Cobalt Fleet Leasing BV",
            "Lessee: Greenway Couriers Ltd", "Three electric vans, 36 months, 15,000 km per year each.",
            "Monthly rate: 1,935.00 EUR",
        ]
    ])

    static let fleetHandover = PDFFixture.pages([
        [
            "Handover Protocol", "Lease number: FL-4471", "Date: 15 February 2024",
            "Vehicles handed over with 12, 9 and 14 km on the odometer and two charging cables each.",
            "Signed for Greenway Couriers Ltd by the fleet manager.",
        ]
    ])

    static let fleetDamage = PDFFixture.pages([
        [
            "Damage Report", "Lease number: FL-4471", "Date: 9 August 2024",
            "The rear door of van two was dented while loading at the depot.",
            "Estimated repair cost: 640.00 EUR",
        ]
    ])

    static func manifest(_ file: String) -> [UInt8] {
        Array(
            """
            { "documents": [{ "file": "\(file)" }], "outputFormats": ["json", "md"],
              "case": { "name": "Northwind supply dispute", "claimNumber": "NW-2024-77" } }
            """.utf8
        )
    }

    /// The twelve drops: ten documents and two of them again.
    static var drops: [[Drop]] {
        [
            [Drop(folder: "harbor-claim", name: "notice.pdf", bytes: harborNotice)],
            [Drop(folder: "harbor-claim", name: "invoice-rd5521.pdf", bytes: harborInvoice)],
            [Drop(folder: "harbor-claim", name: "adjuster-part1.pdf", bytes: harborReportFirst)],
            [Drop(folder: "harbor-claim", name: "adjuster-part2.pdf", bytes: harborReportLast)],
            [
                Drop(folder: nil, name: "contract.pdf", bytes: northwindContract),
                Drop(folder: nil, name: "contract.job.json", bytes: manifest("contract.pdf")),
            ],
            [
                Drop(folder: nil, name: "complaint.pdf", bytes: northwindComplaint),
                Drop(folder: nil, name: "complaint.job.json", bytes: manifest("complaint.pdf")),
            ],
            [
                Drop(folder: nil, name: "credit-note.pdf", bytes: northwindCreditNote),
                Drop(folder: nil, name: "credit-note.job.json", bytes: manifest("credit-note.pdf")),
            ],
            [Drop(folder: "fleet-lease", name: "lease.pdf", bytes: fleetLease)],
            [Drop(folder: "fleet-lease", name: "handover.pdf", bytes: fleetHandover)],
            [Drop(folder: "fleet-lease", name: "damage.pdf", bytes: fleetDamage)],
            // The same files again (uploaded twice): recognised, not billed, not a new document of the case.
            [Drop(folder: "harbor-claim", name: "notice.pdf", bytes: harborNotice)],
            [Drop(folder: "fleet-lease", name: "lease.pdf", bytes: fleetLease)],
        ]
    }
}
