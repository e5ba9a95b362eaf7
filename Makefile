# Skillspool: `make run` sets up and starts, `make test` sets up and tests.
SHELL := /bin/bash
APT_PACKAGES := libqpdf-dev libarchive-dev libinotifytools0-dev libsqlite3-dev sqlite3 pkg-config libxml2-dev \
	libcmark-gfm-dev libcmark-gfm-extensions-dev \
	libtesseract5 tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-fra tesseract-ocr-spa tesseract-ocr-ita \
	tesseract-ocr-nld
## What the tests need besides: headless Chromium renders the tenant dashboard; sshd, sftp, rsync and curl are the
## real uploaders of the upload tests; PostgreSQL's server runs the ledger tests a second time on PostgreSQL.
## Scans for the OCR tests are made with pdftoppm, ImageMagick and img2pdf; Tesseract's own CLI is the bench anchor.
TEST_APT_PACKAGES := chromium openssh-server rsync curl postgresql poppler-utils imagemagick img2pdf tesseract-ocr
CORPORA := ../shared/corpus ../shared/corpus-synth
EVALUATE := ../shared/tools/evaluate.py
ENGINE := .build/release/skillspool

.PHONY: deps build release run test eval corpus2 eval-corpus2 corpus-calc eval-calc eval-sources skills-check cases-check bench fuzz format lint clean install uninstall

## Installation folders (`make install PREFIX=/usr DESTDIR=/tmp/pkg` for a package).
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR := $(PREFIX)/bin
LIBEXECDIR := $(PREFIX)/libexec/skillspool
SYSCONFDIR ?= $(if $(filter /usr,$(PREFIX)),/etc,$(PREFIX)/etc)
UNITDIR ?= $(PREFIX)/lib/systemd/system
EXAMPLEDIR := $(PREFIX)/share/skillspool
STATEDIR ?= /var/lib/skillspool

## Install the Debian packages the build needs (only the missing ones).
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then \
			echo "error: missing packages:$$missing — run as root: apt-get install -y$$missing" >&2; exit 1; \
		fi; \
		SUDO=""; [ "$$(id -u)" != 0 ] && SUDO=sudo; \
		echo "installing:$$missing"; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build

release: deps
	swift build -c release --static-swift-stdlib

## Build and start the daemon in the foreground on ./etc and ./spool (Ctrl-C stops it gracefully).
## Drop PDFs into spool/demo/inbox/; results appear in spool/demo/outbox/<job>/.
run: release
	$(ENGINE) serve

## Suites whose expectations include network time limits run in a second process of their own: the daemon tests
## wait on real processes and hold the test runner's threads (two on two cores), which must not count against a
## fetch's or a webhook's timeout.
TIMED_SUITES := FetchTests\.|WebhooksTests\.
test: deps
	@$(MAKE) -s APT_PACKAGES="$(TEST_APT_PACKAGES)" deps
	Scripts/with-postgres.sh swift test --skip '$(TIMED_SUITES)'
	swift test --skip-build --filter '$(TIMED_SUITES)'

## The evaluation harness's Python dependencies (rapidfuzz; anchors for bench).
eval-deps:
	@python3 -c "import rapidfuzz" 2>/dev/null || python3 -m pip install -q rapidfuzz

eval: release eval-deps
	python3 $(EVALUATE) --engine $(ENGINE) --anchors none --strict \
		$(foreach c,$(CORPORA),--corpus $(c)) --markdown-out .build/eval.md

## The second corpus (Scripts/corpus2/generate.py): documents written as HTML and printed by Chromium and LibreOffice
## in six languages, truth by construction, into .build/corpus2/s<seed> (never into git); eval-corpus2 scores them.
CORPUS2_APT_PACKAGES := chromium libreoffice-writer-nogui fonts-dejavu-core fonts-liberation2 poppler-utils
CORPUS2_SEEDS ?= 1 2
CORPUS2_COUNT ?= 60
corpus2:
	@$(MAKE) -s APT_PACKAGES="$(CORPUS2_APT_PACKAGES)" deps
	@for s in $(CORPUS2_SEEDS); do \
		python3 Scripts/corpus2/generate.py --out .build/corpus2/s$$s --seed $$s --count $(CORPUS2_COUNT) || exit 1; \
	done

eval-corpus2: release eval-deps corpus2
	python3 $(EVALUATE) --engine $(ENGINE) --anchors none \
		$(foreach s,$(CORPUS2_SEEDS),--corpus .build/corpus2/s$(s)) --markdown-out .build/eval-corpus2.md

## Worksheets (Scripts/corpus2/spreadsheets.py): statistics tables written as spreadsheets and printed by LibreOffice
## Calc as a statistics office exports them (text left, figures right, group rows, two-tier headers, six languages'
## number formats), truth by construction, into .build/corpus-calc (never into git); eval-calc scores them.
CALC_APT_PACKAGES := libreoffice-calc-nogui fonts-dejavu-core fonts-liberation2 poppler-utils
CALC_SEEDS ?= 1 2
CALC_COUNT ?= 40
corpus-calc:
	@$(MAKE) -s APT_PACKAGES="$(CALC_APT_PACKAGES)" deps
	@for s in $(CALC_SEEDS); do \
		python3 Scripts/corpus2/spreadsheets.py --out .build/corpus-calc --seed $$s --count $(CALC_COUNT) || exit 1; \
	done

eval-calc: release eval-deps corpus-calc
	python3 $(EVALUATE) --engine $(ENGINE) --anchors none --corpus .build/corpus-calc --markdown-out .build/eval-calc.md

## Word, HTML, Markdown and text sources: the second corpus's documents written as HTML, Markdown and text, and as
## Word by LibreOffice from the HTML (truth by construction), scored by Scripts/sources-eval.py.
SOURCES_SEEDS ?= 11 12
SOURCES_COUNT ?= 40
eval-sources: release
	@$(MAKE) -s APT_PACKAGES="$(CORPUS2_APT_PACKAGES)" deps
	@for s in $(SOURCES_SEEDS); do \
		[ -d .build/sources/s$$s ] || python3 Scripts/corpus2/generate.py --out .build/sources/s$$s --seed $$s \
			--count $(SOURCES_COUNT) --sources || exit 1; \
	done
	python3 Scripts/sources-eval.py --engine $(ENGINE) --json-out .build/sources.json \
		$(foreach s,$(SOURCES_SEEDS),.build/sources/s$(s))
	@command -v agentskills >/dev/null || python3 -m pip install -q skills-ref==0.1.1
	python3 Scripts/check-skills.py --sources $(foreach s,$(SOURCES_SEEDS),.build/sources/s$(s))

## Package every corpus PDF twice: agentskills validate, QA E-rules and accuracy, identical zips (issue 4).
skills-check: release
	@command -v agentskills >/dev/null || python3 -m pip install -q skills-ref==0.1.1
	python3 Scripts/check-skills.py $(CORPORA)

## Cases (issue 18): every version of a case skill valid (agentskills, our QA), order-independent bytes; and how case
## skills route on the skill-routing benchmark's documents grouped into cases, against per-document skills.
cases-check: release
	@command -v agentskills >/dev/null || python3 -m pip install -q skills-ref==0.1.1
	@command -v pdftotext >/dev/null || $(MAKE) -s APT_PACKAGES=poppler-utils deps
	python3 Scripts/check-cases.py
	python3 Scripts/case-routing.py --json-out .build/case-routing.json

bench: release eval-deps
	@python3 -c "import fitz" 2>/dev/null || python3 -m pip install -q -r ../shared/tools/requirements.txt
	@command -v pdftotext >/dev/null || $(MAKE) -s APT_PACKAGES=poppler-utils deps
	python3 $(EVALUATE) --engine $(ENGINE) --anchors pdftotext,pymupdf \
		$(foreach c,$(CORPORA),--corpus $(c)) --json-out .build/bench.json --markdown-out .build/bench.md
	python3 Scripts/bench-summary.py .build/bench.json $(CORPORA)
	python3 ../shared/tools/skill-routing/run.py --engine $(ENGINE) --json-out .build/routing.json
	Scripts/with-postgres.sh Scripts/bench-ledger.sh
	python3 Scripts/bench-spool.py --files 10000 --tenants 10 --queue 64
	Scripts/with-postgres.sh python3 Scripts/bench-spool.py --files 2000 --tenants 4 --engines sqlite,postgresql --rounds 3
	python3 Scripts/bench-ocr.py --engine $(ENGINE)

## Fuzz every parser a tenant's bytes reach — documents, CMaps, TrueType, CFF and Type 1 programs, manifests,
## archives — with libFuzzer and AddressSanitizer: FUZZ_RUNS executions per target, at most FUZZ_SECONDS each.
## Seeds come from the shared corpora; findings land in .build/fuzz/findings/.
FUZZ_RUNS ?= 1000000
FUZZ_SECONDS ?= 900
FUZZ_TARGETS ?=
fuzz: deps
	Scripts/fuzz.sh $(FUZZ_RUNS) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

## `skillspool` in BINDIR, the command tree it hands over to in LIBEXECDIR, the systemd unit, the example etc/ in
## EXAMPLEDIR, and a configuration in SYSCONFDIR/skillspool unless one is there already (never overwritten).
install: release
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBEXECDIR) $(DESTDIR)$(UNITDIR) $(DESTDIR)$(EXAMPLEDIR)/etc/tenants \
		$(DESTDIR)$(SYSCONFDIR)/skillspool/tenants
	install -m 755 .build/release/skillspool $(DESTDIR)$(BINDIR)/skillspool
	install -m 755 .build/release/skillspool-core $(DESTDIR)$(LIBEXECDIR)/skillspool-core
	sed -e 's|/usr/local/bin|$(BINDIR)|g' -e 's|/usr/local/etc|$(SYSCONFDIR)|g' -e 's|/var/lib/skillspool|$(STATEDIR)|g' \
		etc/skillspool.service > $(DESTDIR)$(UNITDIR)/skillspool.service
	install -m 644 etc/skillspool.json etc/skillspool.service $(DESTDIR)$(EXAMPLEDIR)/etc/
	install -m 644 etc/tenants/*.json $(DESTDIR)$(EXAMPLEDIR)/etc/tenants/
	@config=$(DESTDIR)$(SYSCONFDIR)/skillspool/skillspool.json; if [ -e $$config ]; then \
		echo "kept $$config"; else \
		sed -e 's|"\./spool/|"$(STATEDIR)/spool/|' -e 's|"\./spool"|"$(STATEDIR)/spool"|' \
			-e 's|"\./etc/tenants"|"$(SYSCONFDIR)/skillspool/tenants"|' etc/skillspool.json > $$config; \
		echo "wrote $$config"; fi
	@echo "next: useradd --system skillspool; install -d -o skillspool $(STATEDIR);" \
		"skillspool tenants add NAME --config $(SYSCONFDIR)/skillspool/skillspool.json;" \
		"systemctl daemon-reload && systemctl enable --now skillspool"

## Removes what `make install` put in place but the configuration and the spool (tenants' data).
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/skillspool $(DESTDIR)$(UNITDIR)/skillspool.service
	rm -rf $(DESTDIR)$(LIBEXECDIR) $(DESTDIR)$(EXAMPLEDIR)
	@echo "kept $(SYSCONFDIR)/skillspool and $(STATEDIR): remove them by hand to purge"

format:
	swift format --in-place --recursive Sources Tests Package.swift

lint:
	swift format lint --recursive Sources Tests

clean:
	rm -rf .build
