"""Hypothesis strategies for whole registers with consistent links between records."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import strategies as st

from ropa_desktop.domain import model as m

# Text as users type it: umlauts, quotes, markup characters, line breaks, emoji.
text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00"),
    max_size=40,
)
short_list = st.lists(text, max_size=3)
dates = st.dates(min_value=date(1900, 1, 2), max_value=date(9998, 12, 30))
# Any zone: the store keeps the instant and gives it back in UTC.
timestamps = st.datetimes(
    min_value=datetime(1900, 1, 2),
    max_value=datetime(9998, 12, 30),
    timezones=st.sampled_from([UTC, timezone(timedelta(hours=2)), timezone(-timedelta(hours=9))]),
).map(lambda d: d.replace(microsecond=0))
uids = st.uuids().map(lambda u: u.hex)
contacts = st.builds(
    m.Contact,
    name=text,
    organisation=text,
    street=text,
    postcode=text,
    city=text,
    country=text,
    phone=text,
    email=text,
    website=text,
)
retentions = st.builds(
    m.Retention,
    duration=st.none() | st.integers(0, 100_000),
    unit=st.none() | st.sampled_from(m.RetentionUnit),
    start=text,
    text=text,
)
purposes = st.builds(
    m.Purpose,
    text=text,
    legal_bases=st.lists(
        st.sampled_from(["art6-1-a", "art6-1-e", "art9-2-b", "bdsg-26", "§ 3 DSG NRW"]) | text,
        max_size=3,
    ),
    legitimate_interest=text,
)
categories = st.builds(
    m.DataCategory,
    name=text,
    special=st.sampled_from(m.SpecialCategory),
    source=text,
    retention=retentions,
    notes=text,
)
dpias = st.builds(
    m.DpiaScreening,
    art35_3=short_list,
    wp248=short_list,
    dsk_list=short_list,
    result=st.sampled_from(m.DpiaResult),
    reference=text,
    notes=text,
    screened_on=st.none() | dates,
)


@st.composite
def catalogue(
    draw: st.DrawFn, owner: str
) -> tuple[list[m.Processor], list[m.Recipient], list[m.Tom]]:
    """Processors (with subprocessor chains among themselves), recipients and TOMs of the
    organisation ``owner``."""
    processors = draw(
        st.lists(
            st.builds(
                m.Processor,
                uid=uids,
                owner=st.just(owner),
                name=text.filter(str.strip),
                street=text,
                postcode=text,
                city=text,
                country=text,
                phone=text,
                email=text,
                contract_date=st.none() | dates,
                contract_reference=text,
                notes=text,
                subprocessors=st.just([]),
            ),
            max_size=3,
            unique_by=lambda p: p.uid,
        )
    )
    p_uids = [p.uid for p in processors]
    for p in processors:
        others = [u for u in p_uids if u != p.uid]
        if others:
            p.subprocessors = draw(
                st.lists(
                    st.builds(m.SubprocessorLink, processor=st.sampled_from(others), service=text),
                    max_size=2,
                )
            )
    recipients = draw(
        st.lists(
            st.builds(
                m.Recipient,
                uid=uids,
                owner=st.just(owner),
                name=text,
                category=text,
                country=text,
                notes=text,
            ),
            max_size=2,
            unique_by=lambda r: r.uid,
        )
    )
    toms = draw(
        st.lists(
            st.builds(
                m.Tom,
                uid=uids,
                owner=st.just(owner),
                title=text,
                description=text,
                sdm_goal=text,
                art32=short_list,
            ),
            max_size=2,
            unique_by=lambda t: t.uid,
        )
    )
    return processors, recipients, toms


@st.composite
def registers(draw: st.DrawFn) -> m.Register:
    """A register whose activities refer only to processors, recipients and TOMs of their own
    organisation's catalogue."""
    organisations = draw(
        st.lists(
            st.builds(
                m.Organisation,
                uid=uids,
                name=text.filter(str.strip),
                kind=st.sampled_from(m.OrganisationKind),
                land=text,
                street=text,
                postcode=text,
                city=text,
                country=text,
                phone=text,
                email=text,
                website=text,
                management=text,
                representative=contacts,
                dpo=contacts,
                dpo_external=st.booleans(),
                supervisory_authority=text,
                is_controller=st.booleans(),
                is_processor=st.booleans(),
                notes=text,
                archived=st.none() | timestamps,
            ),
            max_size=3,
            unique_by=(lambda o: o.uid, lambda o: o.name),
        )
    )
    register = m.Register(organisations=organisations)
    seen: set[str] = set()
    for org in organisations:
        processors, recipients, toms = draw(catalogue(org.uid))
        # uids must be unique across organisations
        processors = [p for p in processors if not (p.uid in seen or seen.add(p.uid))]
        p_uids = {p.uid for p in processors}
        for p in processors:
            p.subprocessors = [s for s in p.subprocessors if s.processor in p_uids]
        recipients = [r for r in recipients if not (r.uid in seen or seen.add(r.uid))]
        toms = [t for t in toms if not (t.uid in seen or seen.add(t.uid))]
        register.processors += processors
        register.recipients += recipients
        register.toms += toms
        org.activities = draw(
            st.lists(
                activities(processors, recipients, toms), max_size=3, unique_by=lambda a: a.uid
            )
        )
        org.services = draw(
            st.lists(services(processors, toms), max_size=2, unique_by=lambda s: s.uid)
        )
        org.activities = [a for a in org.activities if not (a.uid in seen or seen.add(a.uid))]
        org.services = [s for s in org.services if not (s.uid in seen or seen.add(s.uid))]
    return register


def _links(pool: list[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(pool), max_size=2) if pool else st.just([])


def _processor_links(p_uids: list[str]) -> st.SearchStrategy[list[m.ProcessorLink]]:
    return (
        st.lists(
            st.builds(m.ProcessorLink, processor=st.sampled_from(p_uids), service=text), max_size=2
        )
        if p_uids
        else st.just([])
    )


def _transfers(p_uids: list[str]) -> st.SearchStrategy[list[m.Transfer]]:
    return st.lists(
        st.builds(
            m.Transfer,
            country=text,
            recipient=text,
            processor=st.none() | st.sampled_from(p_uids) if p_uids else st.none(),
            mechanism=text,
            mechanism_text=text,
            documentation=text,
        ),
        max_size=2,
    )


def activities(
    processors: list[m.Processor], recipients: list[m.Recipient], toms: list[m.Tom]
) -> st.SearchStrategy[m.Activity]:
    """Activities linking only the given catalogue entries."""
    p_uids = [p.uid for p in processors]
    return st.builds(
        m.Activity,
        uid=uids,
        reference=text,
        name=text,
        department=text,
        contact=contacts,
        description=text,
        purposes=st.lists(purposes, max_size=3),
        data_subjects=short_list,
        data_categories=st.lists(categories, max_size=3),
        internal_recipients=short_list,
        recipients=_links([r.uid for r in recipients]),
        processors=_processor_links(p_uids),
        joint_controllers=st.lists(
            st.builds(m.JointController, name=text, contact=text, arrangement=text), max_size=2
        ),
        transfers=_transfers(p_uids),
        no_external_recipients=st.booleans(),
        no_joint_controllers=st.booleans(),
        no_transfers=st.booleans(),
        tom_description=text,
        toms=_links([t.uid for t in toms]),
        dpia=dpias,
        status=st.sampled_from(m.ActivityStatus),
        created=timestamps,
        changed=timestamps,
        last_reviewed=st.none() | dates,
        next_review=st.none() | dates,
        notes=text,
    )


def services(
    processors: list[m.Processor], toms: list[m.Tom]
) -> st.SearchStrategy[m.ProcessingService]:
    """Processing services linking only the given catalogue entries."""
    p_uids = [p.uid for p in processors]
    return st.builds(
        m.ProcessingService,
        uid=uids,
        reference=text,
        name=text,
        controllers=st.lists(
            st.builds(m.ClientController, name=text, contact=text, representative=text, dpo=text),
            max_size=2,
        ),
        categories=short_list,
        subprocessors=_processor_links(p_uids),
        transfers=_transfers(p_uids),
        no_transfers=st.booleans(),
        tom_description=text,
        toms=_links([t.uid for t in toms]),
        status=st.sampled_from(m.ActivityStatus),
        created=timestamps,
        changed=timestamps,
        notes=text,
    )
