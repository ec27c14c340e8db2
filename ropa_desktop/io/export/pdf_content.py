"""What the PDF register says: the main sheet, one section per activity or processing
service, and the annexes — as reportlab flowables built from the register.

Every value is rendered through :mod:`ropa_desktop.domain.presentation`; an empty
Art. 30 item prints "— keine Angabe —" so that the gap shows on paper, an empty item
that is only needed where applicable prints "keine" or "—".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from reportlab.platypus import Flowable, Spacer

from ropa_desktop.domain import presentation as p
from ropa_desktop.domain import vocab
from ropa_desktop.domain.i18n import Text
from ropa_desktop.domain.model import (
    Activity,
    Contact,
    Organisation,
    ProcessingService,
    Processor,
    Recipient,
    Register,
    SpecialCategory,
    Tom,
    Transfer,
)
from ropa_desktop.io.export.pdf_layout import (
    FRAME_WIDTH,
    ItemTable,
    Segment,
    column_table,
    plain,
    styles,
)

L = p.FIELD_LABELS

TITLE = Text("Verzeichnis von Verarbeitungstätigkeiten", "Record of processing activities")
SUBTITLE = {
    "controller": Text("nach Art. 30 Abs. 1 DSGVO", "under Art. 30(1) GDPR"),
    "processor": Text(
        "nach Art. 30 Abs. 2 DSGVO (Tätigkeit als Auftragsverarbeiter)",
        "under Art. 30(2) GDPR (acting as processor)",
    ),
}
SINGLE_SHEET = Text("Einzelblatt", "Single sheet")
STAND = Text("Stand", "As of")
STAND_LINE = Text("Stand: {date}", "As of: {date}")
VERSION = Text("Version", "Version")
ENTRY_COUNT = {
    "controller": Text("Anzahl der Verarbeitungstätigkeiten", "Number of processing activities"),
    "processor": Text("Anzahl der Verarbeitungen im Auftrag", "Number of processing services"),
}
AUTHORITY_CONTACT = {
    "phone": Text("Telefon", "Phone"),
    "email": Text("E-Mail", "E-mail"),
    "website": Text("Webseite", "Website"),
}
PAGE = Text("Seite {page} von {pages}", "Page {page} of {pages}")
MAIN_SHEET = Text("Hauptblatt", "Main sheet")
CONTENTS = Text("Inhaltsverzeichnis", "Contents")
PART = {
    "controller": Text("Verarbeitungstätigkeiten", "Processing activities"),
    "processor": Text("Verarbeitungen im Auftrag", "Processing on behalf of controllers"),
}
ANNEX_PROCESSORS = {
    "controller": Text("Anhang A: Auftragsverarbeiter", "Annex A: Processors"),
    "processor": Text("Anhang A: Unterauftragsverarbeiter", "Annex A: Subprocessors"),
}
ANNEX_TOMS = Text(
    "Anhang B: Technische und organisatorische Maßnahmen nach Gewährleistungszielen (SDM)",
    "Annex B: Technical and organisational measures by protection goal (SDM)",
)
NO_ENTRIES = {
    "controller": Text(
        "Es sind keine Verarbeitungstätigkeiten erfasst.", "No processing activities are recorded."
    ),
    "processor": Text(
        "Es sind keine Verarbeitungen im Auftrag erfasst.",
        "No processing on behalf of controllers is recorded.",
    ),
}
NO_PROCESSORS = Text("Es sind keine Auftragsverarbeiter erfasst.", "No processors are recorded.")
NO_TOMS = Text(
    "Es sind keine Maßnahmen aus dem Katalog zugeordnet.",
    "No measures of the catalogue are assigned.",
)

SECTION = {
    "controller": Text("Angaben zum Verantwortlichen", "Controller"),
    "processor": Text("Angaben zum Auftragsverarbeiter", "Processor"),
    "representative": Text(
        "Angaben zum Vertreter (Art. 27 DSGVO)", "Representative (Art. 27 GDPR)"
    ),
    "dpo": Text("Angaben zur Person des Datenschutzbeauftragten", "Data protection officer"),
    "authority": Text("Zuständige Aufsichtsbehörde", "Competent supervisory authority"),
    "register": Text("Verzeichnis", "Register"),
}
ORG = {
    "name": Text("Name", "Name"),
    "kind": Text("Art der Stelle", "Type of body"),
    "address": Text("Anschrift", "Address"),
    "phone": Text("Telefon", "Phone"),
    "email": Text("E-Mail", "E-mail"),
    "website": Text("Webseite", "Website"),
    "management": Text("Leitung (gesetzliche Vertretung)", "Management (legal representative)"),
    "contact": Text("Kontaktdaten", "Contact details"),
    "external": Text("externer Datenschutzbeauftragter", "external data protection officer"),
}
CATEGORY = Text("Kategorie", "Category")
CONTACT = Text("Kontakt", "Contact")
ARRANGEMENT = Text("Vereinbarung nach Art. 26 DSGVO", "Arrangement under Art. 26 GDPR")
TRANSFER = {
    "country": Text(
        "Drittland/internationale Organisation", "Third country/international organisation"
    ),
    "recipient": Text("Empfänger", "Recipient"),
    "mechanism": Text("Garantien", "Safeguards"),
    "documentation": Text("Dokumentation", "Documentation"),
}
TOM_CATALOGUE = Text("Maßnahmen aus dem Katalog", "Measures from the catalogue")
DPIA = {
    "result": Text("Ergebnis", "Result"),
    "art35_3": Text("Fälle des Art. 35 Abs. 3 DSGVO", "Cases of Art. 35(3) GDPR"),
    "wp248": Text("Kriterien WP248", "WP248 criteria"),
    "dsk_list": Text("DSK-Liste (Art. 35 Abs. 4 DSGVO)", "DSK list (Art. 35(4) GDPR)"),
    "reference": Text("Fundstelle", "Reference"),
    "screened_on": Text("Geprüft am", "Screened on"),
    "notes": Text("Anmerkungen", "Notes"),
}
SERVICE = {
    "controllers": Text(
        "Verantwortliche, in deren Auftrag verarbeitet wird",
        "Controllers on whose behalf the processing is carried out",
    ),
    "representative": Text("Vertreter", "Representative"),
    "dpo": Text("Datenschutzbeauftragter", "Data protection officer"),
    "categories": Text("Kategorien von Verarbeitungen", "Categories of processing"),
    "subprocessors": Text("Unterauftragsverarbeiter", "Subprocessors"),
}
PROCESSOR = {
    "country": Text("Staat", "Country"),
    "contract_date": Text("AV-Vertrag vom", "Processing agreement dated"),
    "contract_reference": Text("Vertragsreferenz", "Contract reference"),
    "used_in": Text("Eingesetzt in", "Used in"),
}
TOM_COLUMNS = (
    Text("Maßnahme", "Measure"),
    Text("Beschreibung", "Description"),
    Text("Art. 32 DSGVO", "Art. 32 GDPR"),
    Text("Eingesetzt in", "Used in"),
)
NO_GOAL = Text("Ohne Zuordnung zu einem Gewährleistungsziel", "Not assigned to a protection goal")

Block = list[Segment]


@dataclass
class Context:
    """One export: the organisation, the catalogues it uses, the language."""

    register: Register
    org: Organisation
    kind: str
    lang: str
    processors: dict[str, Processor] = field(init=False)
    recipients: dict[str, Recipient] = field(init=False)
    toms: dict[str, Tom] = field(init=False)

    def __post_init__(self) -> None:
        self.processors = self.register.processors_by_uid()
        self.recipients = self.register.recipients_by_uid()
        self.toms = self.register.toms_by_uid()

    @property
    def entries(self) -> list[Activity] | list[ProcessingService]:
        """The activities (controller register) or processing services (processor)."""
        return self.org.activities if self.kind == "controller" else self.org.services

    # -- value helpers

    def gap(self) -> Block:
        """The marker of a missing Art. 30 item."""
        return [(p.NOT_STATED(self.lang), "gap")]

    def text(self, value: str, required: bool = False) -> list[Block]:
        """A free text, or the gap marker / a dash when it is empty."""
        if value.strip():
            return [[(value, "text")]]
        return [self.gap() if required else [("—", "text")]]

    def lines(self, values: Sequence[str], required: bool = False) -> list[Block]:
        """Several values, one per line (bulleted when more than one)."""
        values = [v for v in values if v.strip()]
        if not values:
            return [self.gap() if required else [(p.NONE(self.lang), "text")]]
        if len(values) == 1:
            return [[(values[0], "text")]]
        return [[("• " + "\n• ".join(v.replace("\n", "\n  ") for v in values), "text")]]

    def date(self, value: date | None) -> list[Block]:
        """A date, or a dash."""
        return [[(p.format_date(value, self.lang) or "—", "text")]]

    def processor_name(self, uid: str) -> str:
        """A processor with address and country, or its uid when unknown."""
        pr = self.processors.get(uid)
        return p.processor_line(pr, self.lang) if pr is not None else uid

    def sub(self, label: Text, value: str, *, required: bool = False) -> Block:
        """A sub-item line: bold label, then the value (or the gap marker)."""
        out: Block = [(f"{label(self.lang)}: ", "bold")]
        if value.strip():
            out.append((value, "text"))
        elif required:
            out += self.gap()
        else:
            out.append(("—", "text"))
        return out


def _joined(*blocks: Block) -> Block:
    out: Block = []
    for block in blocks:
        if not block:
            continue
        if out:
            out.append(("\n", "text"))
        out.extend(block)
    return out


def entry_title(entry: Activity | ProcessingService, lang: str) -> str:
    """The heading of an activity or service: "VT-001 Name"."""
    name = entry.name.strip() or p.NOT_STATED(lang)
    return f"{entry.reference.strip()} {name}".strip()


def entry_label(entry: Activity | ProcessingService) -> str:
    """How other parts of the register refer to an entry: its number, else its name."""
    return entry.reference.strip() or entry.name.strip()


def contact_text(c: Contact) -> str:
    """A contact block as lines."""
    return "\n".join(p.contact(c))


# ------------------------------------------------------------------------ main sheet


def _register_rows(x: Context, stand: date, version: str, count: int | None) -> ItemTable:
    lang = x.lang
    rows = ItemTable(SECTION["register"](lang))
    rows.add(STAND(lang), x.date(stand))
    rows.add(VERSION(lang), x.text(version))
    if count is not None:
        rows.add(ENTRY_COUNT[x.kind](lang), [[(str(count), "text")]])
    return rows


def main_sheet(x: Context, stand: date, version: str) -> list[Flowable]:
    """The Hauptblatt: controller (or processor), representative, DPO, authority, Stand."""
    lang, org, st = x.lang, x.org, styles()
    out: list[Flowable] = [
        plain(TITLE(lang), st.title),
        plain(SUBTITLE[x.kind](lang), st.subtitle),
        plain(org.name or p.NOT_STATED(lang), st.h1),
    ]
    ident = ItemTable(SECTION[x.kind](lang))
    ident.add(ORG["name"](lang), x.text(org.name, required=True))
    ident.add(ORG["kind"](lang), x.text(p.ORGANISATION_KIND[org.kind](lang)))
    ident.add(
        ORG["address"](lang),
        x.text(p.address(org.street, org.postcode, org.city, org.country), required=True),
    )
    ident.add(ORG["phone"](lang), x.text(org.phone, required=True))
    ident.add(ORG["email"](lang), x.text(org.email, required=True))
    ident.add(ORG["website"](lang), x.text(org.website))
    ident.add(ORG["management"](lang), x.text(org.management))
    out += [ident.table(), Spacer(1, 10)]

    rep = ItemTable(SECTION["representative"](lang))
    rep.add(
        ORG["contact"](lang),
        x.lines(p.contact(org.representative))
        if not org.representative.is_empty()
        else [[(p.NONE(lang), "text")]],
    )
    out += [rep.table(), Spacer(1, 10)]

    dpo = ItemTable(SECTION["dpo"](lang))
    dpo_lines = p.contact(org.dpo)
    if dpo_lines and org.dpo_external:
        dpo_lines.append(f"({ORG['external'](lang)})")
    dpo.add(ORG["contact"](lang), [[("\n".join(dpo_lines), "text")]] if dpo_lines else [x.gap()])
    out += [dpo.table(), Spacer(1, 10)]

    authority = ItemTable(SECTION["authority"](lang))
    authority.add(
        ORG["name"](lang), x.text(p.authority(org.supervisory_authority, lang), required=True)
    )
    for key, value in p.authority_contact(org.supervisory_authority).items():
        if value:
            authority.add(AUTHORITY_CONTACT[key](lang), x.text(value))
    out += [authority.table(), Spacer(1, 10)]

    out.append(_register_rows(x, stand, version, len(x.entries)).table())
    return out


def single_sheet_head(x: Context, stand: date, version: str) -> list[Flowable]:
    """The head of an Einzelblatt: title and the organisation's main data in one table."""
    lang, org, st = x.lang, x.org, styles()
    out: list[Flowable] = [
        plain(f"{TITLE(lang)} – {SINGLE_SHEET(lang)}", st.h1),
        plain(SUBTITLE[x.kind](lang), st.subtitle),
    ]
    t = ItemTable()
    own = [
        org.name,
        p.address(org.street, org.postcode, org.city, org.country),
        org.phone,
        org.email,
        org.website,
    ]
    t.add(
        SECTION[x.kind](lang),
        [[("\n".join(v for v in own if v.strip()), "text")]] if org.name.strip() else [x.gap()],
    )
    if not org.representative.is_empty():
        t.add(SECTION["representative"](lang), [[(contact_text(org.representative), "text")]])
    t.add(SECTION["dpo"](lang), x.text(contact_text(org.dpo), required=True))
    contact = p.authority_contact(org.supervisory_authority)
    t.add(
        SECTION["authority"](lang),
        x.text(
            "\n".join(
                v
                for v in (p.authority(org.supervisory_authority, lang), *contact.values())
                if v.strip()
            ),
            required=True,
        ),
    )
    t.add(STAND(lang), x.date(stand))
    t.add(VERSION(lang), x.text(version))
    out += [t.table(), Spacer(1, 14)]
    return out


# ------------------------------------------------------------------------ activities


def _purposes(x: Context, a: Activity) -> list[Block]:
    if not a.purposes:
        return [x.gap()]
    lang, blocks = x.lang, []
    many = len(a.purposes) > 1
    for i, purpose in enumerate(a.purposes, 1):
        head: Block = [(f"{i}. ", "text")] if many else []
        head += [(purpose.text, "text")] if purpose.text.strip() else x.gap()
        bases = "; ".join(p.legal_basis(ref, lang) for ref in purpose.legal_bases)
        block = _joined(head, x.sub(L["legal_bases"], bases, required=True))
        if purpose.legitimate_interest.strip() or "art6-1-f" in purpose.legal_bases:
            block = _joined(
                block, x.sub(L["legitimate_interest"], purpose.legitimate_interest, required=True)
            )
        blocks.append(block)
    return blocks


def _categories(x: Context, a: Activity) -> list[Flowable]:
    lang = x.lang
    if not a.data_categories:
        t = ItemTable()
        t.add(L["data_categories"](lang), [x.gap()])
        return [t.table()]
    rows = []
    for c in a.data_categories:
        special = p.SPECIAL[c.special](lang) if c.special is not SpecialCategory.NONE else "—"
        rows.append(
            [
                [(c.name, "text")] if c.name.strip() else x.gap(),
                [(special, "bold" if c.special is not SpecialCategory.NONE else "text")],
                [(c.source or "—", "text")],
                [(c.notes, "text")],
            ]
        )
    widths: list[float] = [170, 70, 120]
    widths.append(FRAME_WIDTH - sum(widths))
    headers = [CATEGORY(lang), L["special"](lang), L["source"](lang), DPIA["notes"](lang)]
    title = f"{L['data_categories'](lang)} ({len(a.data_categories)})"
    return [column_table(headers, rows, widths, title)]


def _retention(x: Context, a: Activity) -> list[Flowable]:
    """The time limits for erasure per data category (Art. 30(1)(f)), after the recipients
    and transfers as in the DSK template."""
    lang = x.lang
    if not a.data_categories:
        t = ItemTable()
        t.add(L["retention"](lang), [x.gap()])
        return [t.table()]
    rows = [
        [
            [(c.name, "text")] if c.name.strip() else x.gap(),
            [(text, "text")] if (text := p.retention(c.retention, lang)) else x.gap(),
        ]
        for c in a.data_categories
    ]
    widths: list[float] = [170]
    widths.append(FRAME_WIDTH - sum(widths))
    headers = [CATEGORY(lang), L["retention"](lang)]
    return [column_table(headers, rows, widths, L["retention"](lang))]


def _recipients(x: Context, uids: Iterable[str]) -> list[str]:
    out = []
    for uid in uids:
        r = x.recipients.get(uid)
        if r is None:
            out.append(uid)
            continue
        parts = [r.name, r.category, p.country(r.country, x.lang) if r.country else ""]
        out.append(" – ".join(part for part in parts if part.strip()))
    return out


def _stated(x: Context, stated: bool, text: Text) -> list[Block]:
    """An empty item: the DPO's explicit "none", else the gap marker."""
    return [[(text(x.lang), "text")]] if stated else [x.gap()]


def _transfers(x: Context, transfers: Sequence[Transfer], stated: bool) -> list[Block]:
    if not transfers:
        return _stated(x, stated, p.NO_TRANSFER_STATED)
    blocks = []
    for t in transfers:
        recipient = t.recipient or (
            x.processors[t.processor].name if t.processor and t.processor in x.processors else ""
        )
        blocks.append(
            _joined(
                x.sub(TRANSFER["country"], p.country(t.country, x.lang), required=True),
                x.sub(TRANSFER["recipient"], recipient),
                x.sub(TRANSFER["mechanism"], p.mechanism(t, x.lang), required=True),
                x.sub(TRANSFER["documentation"], t.documentation)
                if t.documentation.strip()
                else [],
            )
        )
    return blocks


def _toms(x: Context, description: str, uids: Sequence[str]) -> list[Block]:
    blocks: list[Block] = []
    if description.strip():
        blocks.append([(description, "text")])
    if uids:
        goals = vocab.sdm_goals()
        names = []
        for uid in uids:
            tom = x.toms.get(uid)
            if tom is None:
                names.append(uid)
                continue
            goal = goals.get(tom.sdm_goal)
            names.append(f"{tom.title} ({goal.label(x.lang)})" if goal else tom.title)
        listed = x.lines(names)[0]
        blocks.append(_joined([(f"{TOM_CATALOGUE(x.lang)}:", "bold")], listed))
    return blocks or [x.gap()]


def _dpia(x: Context, a: Activity) -> list[Block]:
    d, lang = a.dpia, x.lang
    block = x.sub(DPIA["result"], p.DPIA_RESULT[d.result](lang))
    for key, vocabulary, ids in (
        ("art35_3", vocab.dpia_art35_3(), d.art35_3),
        ("wp248", vocab.dpia_wp248(), d.wp248),
        ("dsk_list", vocab.dpia_dsk_list(), d.dsk_list),
    ):
        if ids:
            labels = p.vocab_labels(vocabulary, ids, lang)
            block = _joined(
                block, [(f"{DPIA[key](lang)}:", "bold")], [("• " + "\n• ".join(labels), "text")]
            )
    if d.reference.strip():
        block = _joined(block, x.sub(DPIA["reference"], d.reference))
    if d.screened_on is not None:
        block = _joined(block, x.sub(DPIA["screened_on"], p.format_date(d.screened_on, lang)))
    blocks = [block]
    if d.notes.strip():
        blocks.append(x.sub(DPIA["notes"], d.notes))
    return blocks


def activity_section(x: Context, a: Activity) -> list[Flowable]:
    """One processing activity: heading, Art. 30(1) items, data categories, the rest."""
    lang, st = x.lang, styles()
    # The order of the DSK template (docs/xlsx-layout.md): name and dates, department and
    # contact, joint controllers (lit. a), purposes (b), data subjects and data (c),
    # recipients (d), transfers (e), retention (f), TOMs (g).
    head = ItemTable()
    head.add(L["reference"](lang), x.text(a.reference))
    head.add(L["name"](lang), x.text(a.name, required=True))
    head.add(L["created"](lang), x.date(a.created))
    head.add(L["changed"](lang), x.date(a.changed))
    head.add(L["department"](lang), x.text(a.department, required=True))
    head.add(L["contact"](lang), x.text(contact_text(a.contact), required=True))
    head.add(
        L["joint_controllers"](lang),
        [
            _joined(
                [(jc.name, "text")] if jc.name.strip() else x.gap(),
                x.sub(CONTACT, jc.contact) if jc.contact.strip() else [],
                x.sub(ARRANGEMENT, jc.arrangement, required=True),
            )
            for jc in a.joint_controllers
        ]
        or _stated(x, a.no_joint_controllers, p.NONE_STATED),
    )
    head.add(L["description"](lang), x.text(a.description))
    head.add(L["purposes"](lang), _purposes(x, a))
    head.add(L["data_subjects"](lang), x.lines(a.data_subjects, required=True))

    links = ItemTable()
    links.add(L["internal_recipients"](lang), x.lines(a.internal_recipients, required=True))
    external = _recipients(x, a.recipients)
    links.add(
        L["recipients"](lang),
        x.lines(external, required=True)
        if any(r.strip() for r in external) or not a.no_external_recipients
        else _stated(x, True, p.NONE_STATED),
    )
    links.add(
        L["processors"](lang),
        x.lines(
            [
                f"{x.processor_name(link.processor)} – {link.service}"
                if link.service.strip()
                else x.processor_name(link.processor)
                for link in a.processors
            ]
        ),
    )
    links.add(L["transfers"](lang), _transfers(x, a.transfers, a.no_transfers))

    tail = ItemTable()
    tail.add(L["toms"](lang), _toms(x, a.tom_description, a.toms))
    tail.add(L["dpia"](lang), _dpia(x, a))
    tail.add(L["status"](lang), [[(p.STATUS[a.status](lang), "text")]])
    tail.add(L["last_reviewed"](lang), x.date(a.last_reviewed))
    tail.add(L["next_review"](lang), x.date(a.next_review))
    tail.add(L["notes"](lang), x.text(a.notes))
    return [
        plain(entry_title(a, lang), st.h2),
        head.table(),
        Spacer(1, 8),
        *_categories(x, a),
        Spacer(1, 8),
        links.table(),
        Spacer(1, 8),
        *_retention(x, a),
        Spacer(1, 8),
        tail.table(),
    ]


def service_section(x: Context, s: ProcessingService) -> list[Flowable]:
    """One entry of the processor register (Art. 30(2))."""
    lang, st = x.lang, styles()
    t = ItemTable()
    t.add(L["reference"](lang), x.text(s.reference))
    t.add(L["name"](lang), x.text(s.name, required=True))
    t.add(L["created"](lang), x.date(s.created))
    t.add(L["changed"](lang), x.date(s.changed))
    t.add(
        SERVICE["controllers"](lang),
        [
            _joined(
                [(c.name, "text")] if c.name.strip() else x.gap(),
                x.sub(CONTACT, c.contact, required=True),
                x.sub(SERVICE["representative"], c.representative),
                x.sub(SERVICE["dpo"], c.dpo, required=True),
            )
            for c in s.controllers
        ]
        or [x.gap()],
    )
    t.add(SERVICE["categories"](lang), x.lines(s.categories, required=True))
    t.add(
        SERVICE["subprocessors"](lang),
        x.lines(
            [
                f"{x.processor_name(link.processor)} – {link.service}"
                if link.service.strip()
                else x.processor_name(link.processor)
                for link in s.subprocessors
            ]
        ),
    )
    t.add(L["transfers"](lang), _transfers(x, s.transfers, s.no_transfers))
    t.add(L["toms"](lang), _toms(x, s.tom_description, s.toms))
    t.add(L["status"](lang), [[(p.STATUS[s.status](lang), "text")]])
    t.add(L["notes"](lang), x.text(s.notes))
    return [plain(entry_title(s, lang), st.h2), t.table()]


def section(x: Context, entry: Activity | ProcessingService) -> list[Flowable]:
    """The section of an activity or a processing service."""
    if isinstance(entry, Activity):
        return activity_section(x, entry)
    return service_section(x, entry)


# -------------------------------------------------------------------------- annexes


def _uses(x: Context) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Where each processor and each TOM is used: uid -> labels of the entries."""
    processors: dict[str, list[str]] = {}
    toms: dict[str, list[str]] = {}
    for e in x.entries:
        label = entry_label(e)
        links = e.processors if isinstance(e, Activity) else e.subprocessors
        uids = [link.processor for link in links]
        uids += [t.processor for t in e.transfers if t.processor]
        for uid in dict.fromkeys(uids):
            processors.setdefault(uid, []).append(label)
        for uid in dict.fromkeys(e.toms):
            toms.setdefault(uid, []).append(label)
    # Subprocessors of the processors used, however deep the chain.
    pending = list(processors)
    while pending:
        pr = x.processors.get(pending.pop())
        for link in pr.subprocessors if pr else ():
            if link.processor not in processors:
                processors[link.processor] = []
                pending.append(link.processor)
    return processors, toms


def processors_annex(x: Context) -> list[Flowable]:
    """Annex A: every processor used (with its subprocessors), with contract and country."""
    lang, st = x.lang, styles()
    used, _ = _uses(x)
    known = sorted(
        (x.processors[uid] for uid in used if uid in x.processors),
        key=lambda pr: pr.name.casefold(),
    )
    out: list[Flowable] = []
    if not known:
        out.append(plain(NO_PROCESSORS(lang), st.body))
    for pr in known:
        t = ItemTable(pr.name or p.NOT_STATED(lang))
        t.add(
            ORG["address"](lang), x.text(p.address(pr.street, pr.postcode, pr.city), required=True)
        )
        t.add(PROCESSOR["country"](lang), x.text(p.country(pr.country, lang), required=True))
        t.add(ORG["phone"](lang), x.text(pr.phone))
        t.add(ORG["email"](lang), x.text(pr.email))
        t.add(
            PROCESSOR["contract_date"](lang),
            [x.gap()] if pr.contract_date is None else x.date(pr.contract_date),
        )
        t.add(PROCESSOR["contract_reference"](lang), x.text(pr.contract_reference))
        t.add(
            SERVICE["subprocessors"](lang),
            x.lines(
                [
                    f"{x.processor_name(link.processor)} – {link.service}"
                    if link.service.strip()
                    else x.processor_name(link.processor)
                    for link in pr.subprocessors
                ]
            ),
        )
        t.add(PROCESSOR["used_in"](lang), x.text(", ".join(used[pr.uid])))
        t.add(L["notes"](lang), x.text(pr.notes))
        out += [t.table(), Spacer(1, 10)]
    return out


def toms_annex(x: Context) -> list[Flowable]:
    """Annex B: the catalogue measures used, grouped by SDM protection goal."""
    lang, st = x.lang, styles()
    _, used = _uses(x)
    toms = [x.toms[uid] for uid in used if uid in x.toms]
    goals = vocab.sdm_goals()
    groups: list[tuple[str, list[Tom]]] = [
        (g.label(lang), [t for t in toms if t.sdm_goal == g.id]) for g in goals
    ]
    groups.append((NO_GOAL(lang), [t for t in toms if t.sdm_goal not in goals]))
    out: list[Flowable] = []
    if not toms:
        out.append(plain(NO_TOMS(lang), st.body))
    widths: list[float] = [130, 190, 80]
    widths.append(FRAME_WIDTH - sum(widths))
    for title, members in groups:
        if not members:
            continue
        rows = [
            [
                [(t.title, "bold")] if t.title.strip() else x.gap(),
                [(t.description, "text")],
                [("\n".join(p.vocab_labels(vocab.art32_categories(), t.art32, lang)), "text")],
                [(", ".join(used[t.uid]), "text")],
            ]
            for t in sorted(members, key=lambda t: t.title.casefold())
        ]
        out += [column_table([c(lang) for c in TOM_COLUMNS], rows, widths, title), Spacer(1, 10)]
    return out
