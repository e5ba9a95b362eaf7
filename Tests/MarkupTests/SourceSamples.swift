/// Documents written the way their kind is written in the wild, each with what a reader must recover from it:
/// its headings (title included) and its tables as grids (header rows first, spanned positions empty).
struct SourceSample: CustomStringConvertible, Sendable {
    var name: String
    var format: String
    var bytes: [UInt8]
    var headings: [String]
    var tables: [[[String]]]
    /// List items' texts, in order (checked when given).
    var listItems: [String]? = nil

    var description: String { "\(format)/\(name)" }
}

enum SourceSamples {
    /// A sample of `format` (`html`, `markdown`, `text`) written as `text`.
    static func sample(
        _ format: String,
        _ name: String,
        _ text: String,
        headings: [String],
        tables: [[[String]]] = [],
        items: [String]? = nil
    ) -> SourceSample {
        sample(format, name, Array(text.utf8), headings: headings, tables: tables, items: items)
    }

    static func sample(
        _ format: String,
        _ name: String,
        _ bytes: [UInt8],
        headings: [String],
        tables: [[[String]]] = [],
        items: [String]? = nil
    ) -> SourceSample {
        SourceSample(name: name, format: format, bytes: bytes, headings: headings, tables: tables, listItems: items)
    }

    static let htmlSamples: [SourceSample] = [
        sample(
            "html",
            "help-centre-article",
            """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Reset your password – Acme Help Center</title>
            <style>body{font-family:sans-serif}</style><script>window.analytics = {track: function(){}};</script></head>
            <body><nav><a href="/">Home</a> › <a href="/account">Account</a></nav>
            <main><article><h1>Reset your password</h1>
            <p>If you forgot your password, you can reset it from the sign-in page. The link is valid for <strong>24 hours</strong>.</p>
            <h2>Before you start</h2><ul><li>Have access to the e-mail address on the account.</li><li>Close other sessions.</li></ul>
            <h2>Steps</h2><ol><li>Open the sign-in page and choose <em>Forgot password</em>.</li><li>Enter your e-mail address.</li>
            <li>Follow the link in the message we send you.</li></ol>
            <h2>Link lifetimes</h2><table><thead><tr><th>Plan</th><th>Link valid for</th><th>Attempts per day</th></tr></thead>
            <tbody><tr><td>Free</td><td>24 hours</td><td>3</td></tr><tr><td>Business</td><td>72 hours</td><td>10</td></tr></tbody></table>
            <div hidden>Internal note: do not publish</div></article></main><footer><p>© 2026 Acme</p></footer></body></html>
            """,
            headings: ["Reset your password", "Before you start", "Steps", "Link lifetimes"],
            tables: [
                [
                    ["Plan", "Link valid for", "Attempts per day"], ["Free", "24 hours", "3"],
                    ["Business", "72 hours", "10"],
                ]
            ],
            items: [
                "Have access to the e-mail address on the account.", "Close other sessions.",
                "Open the sign-in page and choose Forgot password.", "Enter your e-mail address.",
                "Follow the link in the message we send you.",
            ]
        ),
        sample(
            "html",
            "wiki-export-spans",
            """
            <html><head><title>Quarterly capacity</title></head><body>
            <h1>Quarterly capacity</h1><p>Exported from the team wiki on 2026-10-01.</p>
            <h2>Capacity by site</h2>
            <table border="1"><tr><th rowspan="2">Site</th><th colspan="2">2025</th><th colspan="2">2026</th></tr>
            <tr><th>Racks</th><th>kW</th><th>Racks</th><th>kW</th></tr>
            <tr><td>Lyon</td><td>40</td><td>320</td><td>44</td><td>352</td></tr>
            <tr><td>Porto</td><td>12</td><td>96</td><td>18</td><td>144</td></tr></table>
            <h3>Notes</h3><p>Figures are planned, not measured.</p>
            <h2>Owners</h2><table><tr><td>Lyon</td><td rowspan="2">Infrastructure team</td></tr><tr><td>Porto</td></tr></table>
            </body></html>
            """,
            headings: ["Quarterly capacity", "Capacity by site", "Notes", "Owners"],
            tables: [
                [
                    ["Site", "2025", "", "2026", ""], ["", "Racks", "kW", "Racks", "kW"],
                    ["Lyon", "40", "320", "44", "352"], ["Porto", "12", "96", "18", "144"],
                ],
                [["Lyon", "Infrastructure team"], ["Porto", ""]],
            ]
        ),
        sample(
            "html",
            "invoice",
            """
            <!doctype html><html><head><meta charset="utf-8"><title>Invoice INV-2291</title></head><body>
            <h1>Invoice</h1><dl><dt>Invoice number</dt><dd>INV-2291</dd><dt>Date</dt><dd>03/11/2026</dd>
            <dt>Customer</dt><dd>Nordlicht GmbH</dd></dl>
            <table><caption>Items</caption><thead><tr><th>Description</th><th>Qty</th><th>Unit price</th><th>Amount</th></tr></thead>
            <tbody><tr><td>Consulting, October</td><td>12</td><td>€ 95.00</td><td>€ 1,140.00</td></tr>
            <tr><td>Travel</td><td>1</td><td>€ 210.50</td><td>€ 210.50</td></tr></tbody>
            <tfoot><tr><td>Total</td><td></td><td></td><td>€ 1,350.50</td></tr></tfoot></table>
            <p>Payment due within 30 days.</p></body></html>
            """,
            headings: ["Invoice"],
            tables: [
                [
                    ["Description", "Qty", "Unit price", "Amount"],
                    ["Consulting, October", "12", "€ 95.00", "€ 1,140.00"],
                    ["Travel", "1", "€ 210.50", "€ 210.50"], ["Total", "", "", "€ 1,350.50"],
                ]
            ]
        ),
        sample(
            "html",
            "engineering-blog",
            """
            <html><body><header><h1 class="site">Field Notes</h1></header><article>
            <h1>Rotating logs without losing lines</h1><p>Most log shippers follow a file by name.</p>
            <h2>The problem</h2><p>When the file is renamed, the shipper may keep reading the old descriptor:</p>
            <pre><code>mv app.log app.log.1
            kill -HUP $(cat app.pid)</code></pre>
            <h2>What we do now</h2><ul><li>Rotate by copy and truncate
            <ul><li>only for small files</li><li>never for audit logs</li></ul></li><li>Ship with inode tracking</li></ul>
            <h2>Results</h2><p>No lost lines in 90 days.</p></article></body></html>
            """,
            headings: [
                "Field Notes", "Rotating logs without losing lines", "The problem", "What we do now", "Results",
            ],
            items: [
                "Rotate by copy and truncate", "only for small files", "never for audit logs",
                "Ship with inode tracking",
            ]
        ),
        sample(
            "html",
            "statistics-release",
            """
            <html><head><title>Employment by sector</title></head><body>
            <h1>Employment by sector, 2024</h1><p>Thousands of persons, annual averages.</p>
            <h2>Table 1. Employment by sector and sex</h2>
            <table><thead><tr><th>Sector</th><th>Total</th><th>Men</th><th>Women</th></tr></thead><tbody>
            <tr><td colspan="4">Goods-producing</td></tr><tr><td>Manufacturing</td><td>1,204</td><td>842</td><td>362</td></tr>
            <tr><td>Construction</td><td>611</td><td>534</td><td>77</td></tr>
            <tr><td colspan="4">Services</td></tr><tr><td>Retail trade</td><td>980</td><td>431</td><td>549</td></tr>
            </tbody></table><h2>Methodology</h2><p>Labour force survey, weighted.</p></body></html>
            """,
            headings: ["Employment by sector, 2024", "Table 1. Employment by sector and sex", "Methodology"],
            tables: [
                [
                    ["Sector", "Total", "Men", "Women"], ["Goods-producing", "", "", ""],
                    ["Manufacturing", "1,204", "842", "362"], ["Construction", "611", "534", "77"],
                    ["Services", "", "", ""], ["Retail trade", "980", "431", "549"],
                ]
            ]
        ),
    ]

    static let markdownSamples: [SourceSample] = [
        sample(
            "markdown",
            "readme",
            """
            ---
            title: "tidewater"
            layout: page
            ---
            # tidewater

            A command-line tool that predicts harbour tide windows.

            ## Install

            ```sh
            pip install tidewater
            ```

            ## Options

            | Option | Default | Meaning |
            |:-------|--------:|---------|
            | `--port` | `brest` | Harbour to predict |
            | `--days` | 7 | Days ahead |

            ## Licence

            MIT.
            """,
            headings: ["tidewater", "Install", "Options", "Licence"],
            tables: [
                [
                    ["Option", "Default", "Meaning"], ["--port", "brest", "Harbour to predict"],
                    ["--days", "7", "Days ahead"],
                ]
            ]
        ),
        sample(
            "markdown",
            "runbook",
            """
            # Database failover runbook

            Setext sections follow.

            Preparation
            -----------

            1. Announce the window in #ops.
            2. Check replication lag:
               - below 5 s: continue
               - above 5 s: wait
            3. Freeze deploys.

            Failover
            --------

            * Promote the replica.
            * Repoint the service DNS.
            """,
            headings: ["Database failover runbook", "Preparation", "Failover"],
            items: [
                "Announce the window in #ops.", "Check replication lag:", "below 5 s: continue", "above 5 s: wait",
                "Freeze deploys.", "Promote the replica.", "Repoint the service DNS.",
            ]
        ),
        sample(
            "markdown",
            "api-reference",
            """
            # Orders API

            ## Endpoints

            ### List orders

            `GET /v2/orders` returns orders, newest first.

            | Parameter | Type | Required |
            | --- | --- | --- |
            | status | string | no |
            | since | date | no |
            | limit | integer | no |

            ### Create an order

            <table><tr><th>Field</th><th>Type</th></tr><tr><td>sku</td><td>string</td></tr></table>

            ## Errors

            Errors use RFC 7807 problem details.
            """,
            headings: ["Orders API", "Endpoints", "List orders", "Create an order", "Errors"],
            tables: [
                [
                    ["Parameter", "Type", "Required"], ["status", "string", "no"], ["since", "date", "no"],
                    ["limit", "integer", "no"],
                ],
                [["Field", "Type"], ["sku", "string"]],
            ]
        ),
        sample(
            "markdown",
            "meeting-notes",
            """
            # Weekly sync — 2026-11-30

            **Attendees:** Ana, Bo, Chidi

            ## Decisions

            - [x] Move the release to Thursday
            - [ ] Draft the migration note

            ## Action items

            | Owner | Task | Due |
            |---|---|---|
            | Ana | Release checklist | 2026-12-03 |
            | Bo | Migration note | 2026-12-04 |
            """,
            headings: ["Weekly sync — 2026-11-30", "Decisions", "Action items"],
            tables: [
                [
                    ["Owner", "Task", "Due"], ["Ana", "Release checklist", "2026-12-03"],
                    ["Bo", "Migration note", "2026-12-04"],
                ]
            ]
        ),
        sample(
            "markdown",
            "changelog",
            """
            # Changelog

            ## [2.1.0] - 2026-11-02

            ### Added

            - Export to CSV.

            ### Fixed

            - Crash on empty input.

            ## [2.0.0] - 2026-09-14

            ### Changed

            - Configuration moved to TOML.
            """,
            headings: ["Changelog", "[2.1.0] - 2026-11-02", "Added", "Fixed", "[2.0.0] - 2026-09-14", "Changed"]
        ),
    ]

    static let textSamples: [SourceSample] = [
        sample(
            "text",
            "numbered-spec",
            """
            Service Level Agreement

            1. Scope

            This agreement covers the hosted ledger service and its
            export jobs.

            2. Availability

            2.1 Monthly uptime

            The service is available 99.9% of each calendar month.

            2.2 Exclusions

            Planned maintenance announced 5 days ahead is excluded.

            3. Credits

            A month below target earns a 10% credit.
            """,
            headings: [
                "Service Level Agreement", "1. Scope", "2. Availability", "2.1 Monthly uptime", "2.2 Exclusions",
                "3. Credits",
            ]
        ),
        sample(
            "text",
            "memo",
            """
            MEMORANDUM

            To: All site managers
            From: Facilities
            Date: 14 November 2026
            Subject: Heating schedule

            Winter schedule
            ===============

            From 1 December the heating runs from 06:00 to 19:00 on weekdays.

            Exceptions
            ----------

            - Server rooms keep their own cooling.
            - Labs may request extended hours.
            """,
            headings: ["MEMORANDUM", "Winter schedule", "Exceptions"],
            items: ["Server rooms keep their own cooling.", "Labs may request extended hours."]
        ),
        sample(
            "text",
            "tab-separated-export",
            "Stock report\n\nWarehouse\tItem\tOn hand\tReorder at\nNorth\tPallet wrap\t140\t50\nNorth\tLabels A6\t2200\t1000\nSouth\tPallet wrap\t35\t50\n\nGenerated by the inventory system.\n",
            headings: ["Stock report"],
            tables: [
                [
                    ["Warehouse", "Item", "On hand", "Reorder at"], ["North", "Pallet wrap", "140", "50"],
                    ["North", "Labels A6", "2200", "1000"], ["South", "Pallet wrap", "35", "50"],
                ]
            ]
        ),
        sample(
            "text",
            "aligned-report",
            """
            MONTHLY USAGE REPORT

            Account      Region     Jobs    Pages
            acme-prod    eu-west    1204    88112
            acme-test    eu-west      87     1904
            globex       us-east     530    40210

            Totals are billed on the first day of the next month.
            """,
            headings: ["MONTHLY USAGE REPORT"],
            tables: [
                [
                    ["Account", "Region", "Jobs", "Pages"], ["acme-prod", "eu-west", "1204", "88112"],
                    ["acme-test", "eu-west", "87", "1904"], ["globex", "us-east", "530", "40210"],
                ]
            ]
        ),
        sample(
            "text",
            "release-notes",
            """
            RELEASE NOTES 4.2

            NEW FEATURES

            * Webhooks for job events
            * Documents by URL
              with size limits

            KNOWN ISSUES

            * Large tables render slowly
            """,
            headings: ["RELEASE NOTES 4.2", "NEW FEATURES", "KNOWN ISSUES"],
            items: ["Webhooks for job events", "Documents by URL with size limits", "Large tables render slowly"]
        ),
    ]

    static func docx(
        _ name: String,
        _ fixture: DocxFixture,
        headings: [String],
        tables: [[[String]]] = [],
        items: [String]? = nil
    ) -> SourceSample {
        sample("docx", name, (try? fixture.bytes()) ?? [], headings: headings, tables: tables, items: items)
    }

    static let docxSamples: [SourceSample] = [
        docx(
            "policy",
            DocxFixture(parts: [
                .title("Remote Work Policy"), .paragraph("Effective 1 January 2027."),
                .heading("Eligibility", style: "Heading1"), .paragraph("All permanent staff after probation."),
                .heading("Equipment", style: "Heading1"), .bullet("Laptop and headset"),
                .bullet("Monitor on request", level: 1),
                .bullet("Ergonomic chair allowance"), .heading("Security", style: "Heading2"),
                .numbered("Use the VPN."),
                .numbered("Lock the screen."), .numbered("Report lost devices within 24 hours.", level: 1),
            ]),
            headings: ["Remote Work Policy", "Eligibility", "Equipment", "Security"],
            items: [
                "Laptop and headset", "Monitor on request", "Ergonomic chair allowance", "Use the VPN.",
                "Lock the screen.",
                "Report lost devices within 24 hours.",
            ]
        ),
        docx(
            "contract-numbered-headings",
            DocxFixture(
                parts: [
                    .title("Service Agreement"), .numberedHeading("Definitions", level: 0),
                    .paragraph("Terms used in this agreement."), .numberedHeading("Services", level: 0),
                    .numberedHeading("Scope", level: 1), .paragraph("The supplier provides hosting."),
                    .numberedHeading("Service levels", level: 1), .paragraph("See the schedule."),
                    .numberedHeading("Fees", level: 0), .paragraph("Fees are due monthly."),
                ],
                coreTitle: "Service Agreement"
            ),
            headings: ["Service Agreement", "1 Definitions", "2 Services", "2.1 Scope", "2.2 Service levels", "3 Fees"]
        ),
        docx(
            "report-merged-cells",
            DocxFixture(parts: [
                .heading("Regional results", style: "Heading1"), .paragraph("Revenue in thousand euros."),
                .table(
                    [
                        ["^Region", "<<2>>2025", "<<2>>2026"], ["^^", "H1", "H2", "H1", "H2"],
                        ["North", "410", "455", "470", "502"],
                        ["South", "388", "391", "402", "440"],
                    ],
                    header: 2
                ),
                .heading("Outlook", style: "Heading1"), .paragraph("Growth continues in the north."),
            ]),
            headings: ["Regional results", "Outlook"],
            tables: [
                [
                    ["Region", "2025", "", "2026", ""], ["", "H1", "H2", "H1", "H2"],
                    ["North", "410", "455", "470", "502"],
                    ["South", "388", "391", "402", "440"],
                ]
            ]
        ),
        docx(
            "price-list",
            DocxFixture(parts: [
                .title("Price list 2027"), .heading("Subscriptions", style: "Heading1"),
                .table(
                    [["Plan", "Monthly", "Yearly"], ["Starter", "€ 19", "€ 190"], ["Team", "€ 79", "€ 790"]],
                    header: 1
                ),
                .heading("Services", style: "Heading1"),
                .table([["Service", "Rate"], ["Onboarding", "€ 900 flat"], ["Training day", "€ 1,200"]]),
                .code("curl -X POST https://api.example.com/v1/quotes"),
            ]),
            headings: ["Price list 2027", "Subscriptions", "Services"],
            tables: [
                [["Plan", "Monthly", "Yearly"], ["Starter", "€ 19", "€ 190"], ["Team", "€ 79", "€ 790"]],
                [["Service", "Rate"], ["Onboarding", "€ 900 flat"], ["Training day", "€ 1,200"]],
            ]
        ),
        docx(
            "localised-tracked-changes",
            DocxFixture(
                parts: [
                    .title("Betriebsanleitung Pumpe P-40"), .heading("Sicherheit", style: "berschrift1"),
                    .raw(
                        "<w:p><w:r><w:t xml:space=\"preserve\">Vor Wartung </w:t></w:r><w:del w:id=\"1\"><w:r><w:delText>immer</w:delText></w:r></w:del><w:ins w:id=\"2\"><w:r><w:t>stets</w:t></w:r></w:ins><w:r><w:t xml:space=\"preserve\"> Strom abschalten.</w:t></w:r></w:p>"
                    ),
                    .heading("Technische Daten", style: "berschrift2"),
                    .raw(
                        "<w:sdt><w:sdtContent><w:p><w:r><w:t>Nennleistung: 4 kW</w:t></w:r></w:p></w:sdtContent></w:sdt>"
                    ),
                    .table([["Größe", "Wert"], ["Förderhöhe", "40 m"], ["Gewicht", "28 kg"]], header: 1),
                ],
                headingIds: ["berschrift1", "berschrift2", "berschrift3"]
            ),
            headings: ["Betriebsanleitung Pumpe P-40", "Sicherheit", "Technische Daten"],
            tables: [[["Größe", "Wert"], ["Förderhöhe", "40 m"], ["Gewicht", "28 kg"]]]
        ),
    ]

    static let all = htmlSamples + markdownSamples + textSamples + docxSamples
}
