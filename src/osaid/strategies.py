"""Hypothesis strategies for osaid's types: licenses, terms, components, whole releases.

Pydantic v2 ships no Hypothesis plugin, so ``st.builds(ModelRelease)`` cannot find valid
values for constrained fields. These strategies can, and they can aim: draw only
conforming releases, only non-conforming ones, or releases whose only defect is of a
chosen kind (:class:`Defect`), with the verdict each must get.

This module imports Hypothesis; ``import osaid`` does not import it. Install the extra:
``pip install 'osaid[hypothesis]'``. House style follows Hypothesis: plural names,
keyword-only arguments, arguments checked when the strategy is first drawn from
(:class:`hypothesis.errors.InvalidArgument`).

>>> from osaid.strategies import model_releases
>>> release = model_releases(conforming=True).example()  # doctest: +SKIP
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from osaid.assessment import Verdict
from osaid.licensing.catalog import CatalogEntry, default_catalog
from osaid.licensing.clauses import CLAUSE_KINDS, Clause, ClauseKind, Material, Severity
from osaid.licensing.spdx import OPEN_DATA_LICENSES, spdx_table
from osaid.release import (
    AdditionalTerms,
    Attestation,
    Availability,
    Component,
    ComponentKind,
    DataElement,
    DataInformation,
    Disclosure,
    DisclosureState,
    LicenseTerms,
    ModelRelease,
    Requirement,
)
from osaid.release.model import COMPONENTS, DATA_INFORMATION_CARRIERS
from osaid.sources import Source

__all__ = [
    "Defect",
    "additional_terms",
    "catalog_licenses",
    "clauses",
    "components",
    "data_informations",
    "disclosures",
    "license_expressions",
    "license_terms",
    "model_releases",
    "spdx_ids",
]

T = TypeVar("T")

_ROWS = sorted(spdx_table().by_id.values(), key=lambda r: r.id)
_OSI = tuple(r.id for r in _ROWS if r.osi_approved and not r.deprecated)
_OPEN_DATA = tuple(sorted(OPEN_DATA_LICENSES))
_OTHER = tuple(r.id for r in _ROWS if not r.osi_approved and r.id not in OPEN_DATA_LICENSES)
_EXCEPTIONS = ("Classpath-exception-2.0", "LLVM-exception", "GCC-exception-3.1")
_RESTRICTIVE = tuple(k for k, info in CLAUSE_KINDS.items() if info.restrictive)
_BLOCKING = tuple(
    k for k, info in CLAUSE_KINDS.items() if info.restrictive and info.severity is Severity.BLOCKING
)
_PERMITTED = tuple(k for k, info in CLAUSE_KINDS.items() if not info.restrictive)
_REQUIRED_CODE = (
    ComponentKind.ARCHITECTURE_CODE,
    ComponentKind.INFERENCE_CODE,
    ComponentKind.TRAINING_CODE,
)
_IF_USED_CODE = (
    ComponentKind.DATA_PROCESSING_CODE,
    ComponentKind.EVALUATION_CODE,
    ComponentKind.SUPPORTING_LIBRARIES,
)
_DOC_CARRIERS = (
    ComponentKind.DATA_CARD,
    ComponentKind.RESEARCH_PAPER,
    ComponentKind.TECHNICAL_REPORT,
)


def _lazy(build: Callable[[], st.SearchStrategy[T]]) -> st.SearchStrategy[T]:
    """Defer building (and argument checks) until the strategy is first used."""
    return st.deferred(build)


F = TypeVar("F", bound=Callable[..., object])


def _cached(factory: F) -> F:
    """Memoise a strategy factory on its (hashable-made) keyword arguments.

    Composite strategies call the public factories on every draw; building each
    strategy once keeps drawing fast.
    """
    memo: dict[tuple[object, ...], object] = {}

    @functools.wraps(factory)
    def wrapper(*args: object, **kwargs: object) -> object:
        key = (args, tuple(sorted((k, _freeze(v)) for k, v in kwargs.items())))
        try:
            return memo[key]
        except KeyError:
            pass
        except TypeError:  # unhashable argument: build afresh
            return factory(*args, **kwargs)
        built = memo[key] = factory(*args, **kwargs)
        return built

    return wrapper  # type: ignore[return-value]


def _freeze(value: object) -> object:
    if isinstance(value, list | tuple | set | frozenset):
        return tuple(value)
    return value


def _check_kind(name: str, value: object, allowed: Sequence[str]) -> None:
    if value not in allowed:
        msg = f"{name}={value!r}; expected one of {', '.join(map(repr, allowed))}"
        raise InvalidArgument(msg)


def _check_count(name: str, value: object, *, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        msg = f"{name}={value!r}; expected an integer >= {minimum}"
        raise InvalidArgument(msg)


# --------------------------------------------------------------------------- licenses


@_cached
def spdx_ids(*, kind: str = "any") -> st.SearchStrategy[str]:
    """SPDX license identifiers (SPDX License List 3.28.0), not deprecated.

    :param kind: ``"osi-approved"``, ``"open-data"`` (OSD-conformant data and documentation
        licenses, none OSI-approved), ``"other"`` (neither) or ``"any"``.
    """

    def build() -> st.SearchStrategy[str]:
        _check_kind("kind", kind, ("any", "osi-approved", "open-data", "other"))
        pools = {
            "osi-approved": _OSI,
            "open-data": _OPEN_DATA,
            "other": _OTHER,
            "any": _OSI + _OPEN_DATA + _OTHER,
        }
        return st.sampled_from(pools[kind])

    return _lazy(build)


def _ref_names() -> st.SearchStrategy[str]:
    return st.from_regex(re.compile(r"[A-Za-z][A-Za-z0-9.\-]{0,15}"), fullmatch=True).filter(
        lambda s: default_catalog().lookup(f"LicenseRef-{s}") is None
    )


@_cached
def license_expressions(
    *,
    kind: str = "osi-approved",
    max_leaves: int = 4,
    operators: bool = True,
    exceptions: bool = True,
    refs: bool = False,
) -> st.SearchStrategy[str]:
    """Valid SPDX license expressions, as text.

    :param kind: what every license in the expression is: ``"osi-approved"``,
        ``"open-data"``, ``"acceptable-data"`` (either of those two) or ``"any"``.
    :param max_leaves: the most licenses in one expression (at least 1).
    :param operators: whether to combine licenses with ``AND`` / ``OR``.
    :param exceptions: whether OSI-approved leaves may carry a ``WITH`` exception.
    :param refs: whether unknown ``LicenseRef-`` leaves may appear (only with ``kind="any"``).
    """

    def build() -> st.SearchStrategy[str]:
        _check_kind("kind", kind, ("osi-approved", "open-data", "acceptable-data", "any"))
        _check_count("max_leaves", max_leaves, minimum=1)
        if refs and kind != "any":
            msg = "refs=True draws unknown licenses, so it needs kind='any'"
            raise InvalidArgument(msg)
        if kind == "acceptable-data":
            ids = spdx_ids(kind="osi-approved") | spdx_ids(kind="open-data")
        else:
            ids = spdx_ids(kind=kind)
        leaf = ids
        if exceptions and kind in {"osi-approved", "any"}:
            with_exc = st.tuples(spdx_ids(kind="osi-approved"), st.sampled_from(_EXCEPTIONS))
            leaf = leaf | with_exc.map(lambda t: f"{t[0]} WITH {t[1]}")
        if refs:
            leaf = leaf | _ref_names().map(lambda s: f"LicenseRef-{s}")
        if not operators or max_leaves == 1:
            return leaf
        return st.recursive(
            leaf,
            lambda inner: st.tuples(inner, st.sampled_from(("AND", "OR")), inner).map(
                lambda t: f"({t[0]} {t[1]} {t[2]})"
            ),
            max_leaves=max_leaves,
        )

    return _lazy(build)


@_cached
def catalog_licenses(
    *, restrictive: bool | None = None, material: Material | None = None
) -> st.SearchStrategy[CatalogEntry]:
    """Entries of osaid's license catalog (licenses, not policies).

    :param restrictive: True for entries whose default version has a blocking clause,
        False for entries without one, None for any.
    :param material: judge ``restrictive`` for this material only (the clauses that bind
        it, in texts that license it); default: any material.
    """

    def build() -> st.SearchStrategy[CatalogEntry]:
        if restrictive not in (None, True, False):
            raise InvalidArgument(f"restrictive={restrictive!r}; expected a bool or None")
        catalog = default_catalog()
        scope = None if material is None else Material(material)
        entries = []
        for entry in catalog.values():
            if entry.kind.value != "license":
                continue
            if scope is not None and not entry.latest.licenses(scope):
                continue
            blocking = any(
                item.clause.restrictive
                and item.clause.severity is Severity.BLOCKING
                and item.clause.binds(scope)
                for item in catalog.clauses(entry, entry.latest)
            )
            if restrictive is None or blocking is restrictive:
                entries.append(entry)
        if not entries:
            raise InvalidArgument(f"the catalog has no entry with restrictive={restrictive}")
        return st.sampled_from(sorted(entries, key=lambda e: e.id))

    return _lazy(build)


_SUMMARY = st.sampled_from(
    (
        "A condition drawn for a property test.",
        "Users must follow the licensor's published rules.",
        "The licensor adds a requirement to the grant.",
    )
)


@_cached
def clauses(
    *,
    kinds: Sequence[ClauseKind] | None = None,
    restrictive: bool | None = None,
    severity: Severity | None = None,
    materials: Sequence[Material] | None = None,
) -> st.SearchStrategy[Clause]:
    """Typed clauses, with the defaults of their kind.

    :param kinds: the kinds to draw from (default: all).
    :param restrictive: only restrictive (True) or only permitted (False) kinds.
    :param severity: only kinds whose default severity is this.
    :param materials: the materials a clause may bind; each clause binds a non-empty subset
        of them (default: every clause binds all materials).
    """

    def build() -> st.SearchStrategy[Clause]:
        pool = list(ClauseKind) if kinds is None else [ClauseKind(k) for k in kinds]
        if restrictive is not None:
            pool = [k for k in pool if CLAUSE_KINDS[k].restrictive is restrictive]
        if severity is not None:
            pool = [k for k in pool if CLAUSE_KINDS[k].severity is Severity(severity)]
        if not pool:
            msg = "no clause kind satisfies kinds/restrictive/severity together"
            raise InvalidArgument(msg)
        if materials is None:
            bound: st.SearchStrategy[tuple[Material, ...]] = st.just((Material.ALL,))
        else:
            choices = sorted({Material(m) for m in materials}, key=list(Material).index)
            if not choices:
                raise InvalidArgument("materials=[] leaves a clause nothing to bind")
            if Material.ALL in choices and len(choices) > 1:
                raise InvalidArgument("'all' already covers every material; list it alone")
            bound = st.lists(st.sampled_from(choices), min_size=1, unique=True).map(tuple)
        return st.builds(
            lambda kind, summary, section, verified, scope: Clause(
                kind=kind, summary=summary, section=section, verified=verified, materials=scope
            ),
            st.sampled_from(pool),
            _SUMMARY,
            st.none() | st.sampled_from(("1", "2.a", "3(b)")),
            st.booleans(),
            bound,
        )

    return _lazy(build)


@_cached
def additional_terms(
    *,
    restrictive: bool | None = None,
    min_clauses: int = 1,
    max_clauses: int = 3,
    materials: Sequence[Material] | None = None,
) -> st.SearchStrategy[AdditionalTerms]:
    """Additional terms layered on a license (a usage policy), with declared clauses.

    :param restrictive: True: at least one blocking clause; False: only permitted clauses;
        None: any.
    :param materials: as for :func:`clauses`: what each clause may bind.
    """

    def build() -> st.SearchStrategy[AdditionalTerms]:
        if not 1 <= min_clauses <= max_clauses:
            msg = f"need 1 <= min_clauses <= max_clauses, got {min_clauses}, {max_clauses}"
            raise InvalidArgument(msg)
        scope = None if materials is None else tuple(materials)
        if restrictive is True:
            body = st.tuples(
                clauses(kinds=_BLOCKING, materials=scope),
                st.lists(
                    clauses(materials=scope), min_size=min_clauses - 1, max_size=max_clauses - 1
                ),
            ).map(lambda t: [t[0], *t[1]])
        elif restrictive is False:
            body = st.lists(
                clauses(restrictive=False, materials=scope),
                min_size=min_clauses,
                max_size=max_clauses,
            )
        else:
            body = st.lists(clauses(materials=scope), min_size=min_clauses, max_size=max_clauses)
        return st.builds(
            lambda name, items: AdditionalTerms(name=name, clauses=tuple(items)),
            st.sampled_from(("Usage policy", "Model terms of use", "Responsible use guide")),
            body,
        )

    return _lazy(build)


@_cached
def license_terms(
    *,
    kind: str = "osi-approved",
    additional: bool | None = False,
    material: Material | None = None,
) -> st.SearchStrategy[LicenseTerms]:
    """License terms: an SPDX expression of ``kind`` plus optional additional terms.

    :param kind: as for :func:`license_expressions`; also ``"restrictive-catalog"`` for a
        catalog license with blocking clauses.
    :param additional: False: none; True: at least one restrictive set of additional terms;
        None: any additional terms that restrict nothing the definition protects, or none.
    :param material: for ``"restrictive-catalog"``: a license with blocking clauses that
        bind this material (default: any material).
    """

    def build() -> st.SearchStrategy[LicenseTerms]:
        if kind == "restrictive-catalog":
            expressions = catalog_licenses(restrictive=True, material=material).map(
                lambda e: e.licenseref
            )
        else:
            expressions = license_expressions(kind=kind, max_leaves=3)
        if additional is True:
            extras = st.lists(additional_terms(restrictive=True), min_size=1, max_size=2)
        elif additional is None:
            extras = st.lists(additional_terms(restrictive=False), max_size=1)
        else:
            extras = st.just([])
        return st.builds(
            lambda expression, extra: LicenseTerms(
                expression=expression, additional_terms=tuple(extra)
            ),
            expressions,
            extras,
        )

    return _lazy(build)


# --------------------------------------------------------------------------- components

_SOURCES = st.lists(
    st.builds(
        lambda url: Source(url=url, title="Drawn source"),
        st.sampled_from(("https://example.org/model", "https://example.org/paper")),
    ),
    max_size=1,
).map(tuple)


def _terms_kind_for(kind: ComponentKind) -> str:
    return "osi-approved" if kind.group.value == "code" else "acceptable-data"


@_cached
def components(
    *,
    kind: ComponentKind | None = None,
    availability: Sequence[Availability] | None = None,
    acceptable: bool | None = True,
) -> st.SearchStrategy[Component]:
    """Components of a release.

    :param kind: the component kind (default: any).
    :param availability: the availabilities to draw from (default: every one the kind allows).
    :param acceptable: True: terms osaid's default policy accepts for the kind's group
        (possibly with harmless additional terms); False: restrictive catalog terms; None: any
        terms, unknown ones and none included.
    """

    def build() -> st.SearchStrategy[Component]:
        kinds = list(ComponentKind) if kind is None else [ComponentKind(kind)]
        return st.sampled_from(kinds).flatmap(_component_for)

    @functools.cache
    def _component_for(chosen: ComponentKind) -> st.SearchStrategy[Component]:
        allowed = list(Availability)
        if COMPONENTS[chosen].requirement in {Requirement.REQUIRED, Requirement.CARRIER}:
            allowed.remove(Availability.NOT_USED)
        if availability is not None:
            allowed = [a for a in allowed if a in set(availability)]
            if not allowed:
                msg = f"no availability in {availability!r} is valid for {chosen}"
                raise InvalidArgument(msg)
        if acceptable is True:
            terms: st.SearchStrategy[LicenseTerms | None] = license_terms(
                kind=_terms_kind_for(chosen), additional=None
            )
        elif acceptable is False:
            terms = license_terms(kind="restrictive-catalog", material=chosen.material)
        else:
            terms = (
                st.none()
                | license_terms(kind="any")
                | st.builds(
                    lambda e: LicenseTerms(expression=e),
                    st.sampled_from(("NONE", "NOASSERTION", "LicenseRef-Undisclosed")),
                )
            )
        return st.builds(
            lambda a, t, src: Component(
                kind=chosen,
                availability=a,
                license=t,
                locations=("https://example.org/x",),
                sources=src,
            ),
            st.sampled_from(allowed),
            terms,
            _SOURCES,
        )

    return _lazy(build)


@_cached
def disclosures(
    *,
    element: DataElement | None = None,
    states: Sequence[DisclosureState] | None = None,
    where: Sequence[ComponentKind] = (),
) -> st.SearchStrategy[Disclosure]:
    """Disclosures of a data-information element.

    :param element: the element the disclosure is for (restricts ``not-applicable`` to the
        elements that allow it).
    :param states: the states to draw from (default: every state the element allows).
    :param where: the carriers to name for disclosed states.
    """

    def build() -> st.SearchStrategy[Disclosure]:
        allowed = list(DisclosureState)
        if element is not None and not DataElement(element).may_be_not_applicable:
            allowed.remove(DisclosureState.NOT_APPLICABLE)
        if states is not None:
            allowed = [s for s in allowed if s in set(states)]
            if not allowed:
                raise InvalidArgument(f"no state in {states!r} is valid for {element}")
        bad = [k for k in where if k not in DATA_INFORMATION_CARRIERS]
        if bad:
            raise InvalidArgument(f"where={list(where)!r}: {bad} cannot carry data information")

        def make(state: DisclosureState) -> Disclosure:
            shown = state in {DisclosureState.DISCLOSED, DisclosureState.PARTIAL}
            return Disclosure(state=state, where=tuple(where) if shown else ())

        return st.sampled_from(allowed).map(make)

    return _lazy(build)


@_cached
def data_informations(
    *,
    disclosed: bool | None = None,
    where: Sequence[ComponentKind] = (ComponentKind.DATA_CARD,),
) -> st.SearchStrategy[DataInformation]:
    """Data information for a release.

    :param disclosed: True: every element disclosed (or not applicable where allowed);
        None: any states.
    :param where: the carriers that disclosed elements name.
    """

    def build() -> st.SearchStrategy[DataInformation]:
        if disclosed not in (None, True):
            raise InvalidArgument("disclosed takes True or None")
        fields = {}
        for element in DataElement:
            if disclosed:
                states = [DisclosureState.DISCLOSED]
                if element.may_be_not_applicable:
                    states.append(DisclosureState.NOT_APPLICABLE)
                fields[element.field] = disclosures(element=element, states=states, where=where)
            else:
                fields[element.field] = disclosures(element=element, where=where)
        return st.fixed_dictionaries(fields).map(lambda d: DataInformation(**d))

    return _lazy(build)


# --------------------------------------------------------------------------- releases


class Defect(StrEnum):
    """A single way a drawn release can fall short, and what it does to the verdict."""

    MISSING_COMPONENT = "missing-component"
    """A required component is known not to be released."""
    UNSTATED_COMPONENT = "unstated-component"
    """A required component is not mentioned at all."""
    RESTRICTIVE_TERMS = "restrictive-terms"
    """A required component is offered under terms with a blocking clause."""
    UNACCEPTABLE_LICENSE = "unacceptable-license"
    """A required component is under an SPDX license the policy does not accept."""
    UNKNOWN_LICENSE = "unknown-license"
    """A required component's license is an unknown ``LicenseRef-``."""
    UNDISCLOSED_DATA = "undisclosed-data"
    """A data-information element is not (fully) disclosed."""
    APPROVAL_GATE = "approval-gate"
    """A required component can only be had with the publisher's approval."""

    @property
    def verdict(self) -> Verdict:
        """The verdict a release with only this defect gets under the default policy."""
        if self in {Defect.UNSTATED_COMPONENT, Defect.UNKNOWN_LICENSE}:
            return Verdict.INSUFFICIENT_INFORMATION
        return Verdict.NOT_OPEN_SOURCE_AI


_REQUIRED = (ComponentKind.PARAMETERS_FINAL, *_REQUIRED_CODE)


@functools.cache
def _conforming() -> st.SearchStrategy[ModelRelease]:
    return _conforming_releases()


@st.composite
def _conforming_releases(draw: st.DrawFn) -> ModelRelease:
    carrier = draw(st.sampled_from(_DOC_CARRIERS))
    parts: list[Component] = [
        draw(
            components(
                kind=ComponentKind.PARAMETERS_FINAL,
                availability=[Availability.PUBLIC, Availability.GATED_CLICK_THROUGH],
            )
        )
    ]
    parts += [draw(components(kind=k, availability=[Availability.PUBLIC])) for k in _REQUIRED_CODE]
    for kind in _IF_USED_CODE:
        choice = draw(st.sampled_from(("public", "not-used", "omit")))
        if choice == "omit" and kind is ComponentKind.EVALUATION_CODE:
            continue  # judged with the training code
        if choice == "omit":
            choice = "public"
        parts.append(draw(components(kind=kind, availability=[Availability(choice)])))
    parts.append(draw(components(kind=carrier, availability=[Availability.PUBLIC])))
    for kind in (ComponentKind.PARAMETERS_INTERMEDIATE, ComponentKind.MODEL_CARD):
        if draw(st.booleans()):
            parts.append(draw(components(kind=kind, acceptable=None)))
    info = draw(data_informations(disclosed=True, where=(carrier,)))
    attestation = draw(
        st.none() | st.just(Attestation(reviewer="Reviewer", date="2025-01-01", sufficient=True))  # type: ignore[arg-type]
    )
    order = draw(st.permutations(parts))
    return ModelRelease(
        name=draw(st.sampled_from(("Drawn model", "Test release", "Model X"))),
        producer=draw(st.none() | st.just("Example Lab")),
        components=tuple(order),
        data_information=info,
        attestation=attestation,
    )


def _replace(release: ModelRelease, kind: ComponentKind, new: Component | None) -> ModelRelease:
    kept = [c for c in release.components if c.kind is not kind]
    if new is not None:
        kept.append(new)
    return release.model_copy(update={"components": tuple(kept)})


@functools.cache
def _with_defect(defect: Defect) -> st.SearchStrategy[ModelRelease]:
    return _defective_releases(defect)


@st.composite
def _defective_releases(draw: st.DrawFn, defect: Defect) -> ModelRelease:
    release = draw(_conforming())
    kind = draw(st.sampled_from(_REQUIRED))
    current = release.component(kind)
    assert current is not None
    if defect is Defect.MISSING_COMPONENT:
        new = current.model_copy(update={"availability": Availability.NOT_RELEASED})
        return _replace(release, kind, new)
    if defect is Defect.UNSTATED_COMPONENT:
        return _replace(release, kind, None)
    if defect is Defect.APPROVAL_GATE:
        gate = draw(st.sampled_from((Availability.GATED_APPROVAL, Availability.ON_REQUEST)))
        return _replace(release, kind, current.model_copy(update={"availability": gate}))
    if defect is Defect.RESTRICTIVE_TERMS:
        terms = draw(
            license_terms(kind="restrictive-catalog", material=kind.material)
            | license_terms(kind=_terms_kind_for(kind), additional=True)
        )
        return _replace(release, kind, current.model_copy(update={"license": terms}))
    if defect is Defect.UNACCEPTABLE_LICENSE:
        pool = _OTHER if kind is ComponentKind.PARAMETERS_FINAL else _OTHER + _OPEN_DATA
        plain = [i for i in pool if default_catalog().for_spdx(i) is None]
        expression = draw(st.sampled_from(plain))
        terms = LicenseTerms(expression=expression)
        return _replace(release, kind, current.model_copy(update={"license": terms}))
    if defect is Defect.UNKNOWN_LICENSE:
        name = draw(_ref_names())
        terms = LicenseTerms(expression=f"LicenseRef-{name}")
        return _replace(release, kind, current.model_copy(update={"license": terms}))
    assert defect is Defect.UNDISCLOSED_DATA
    element = draw(st.sampled_from(list(DataElement)))
    state = draw(st.sampled_from((DisclosureState.NOT_DISCLOSED, DisclosureState.PARTIAL)))
    info = release.data_information.model_copy(update={element.field: Disclosure(state=state)})
    return release.model_copy(update={"data_information": info})


@functools.cache
def _any_release() -> st.SearchStrategy[ModelRelease]:
    return _any_releases()


@st.composite
def _any_releases(draw: st.DrawFn) -> ModelRelease:
    kinds = draw(st.lists(st.sampled_from(list(ComponentKind)), unique=True, max_size=10))
    parts = [draw(components(kind=k, acceptable=None)) for k in kinds]
    carriers = [c.kind for c in parts if c.kind in DATA_INFORMATION_CARRIERS]
    where = draw(st.lists(st.sampled_from(carriers), unique=True)) if carriers else []
    info = draw(data_informations(where=where))
    release_license = draw(st.none() | license_terms(kind="any"))
    return ModelRelease(
        name="Drawn release",
        components=tuple(parts),
        data_information=info,
        license=release_license,
    )


@_cached
def model_releases(
    *, conforming: bool | None = None, defect: Defect | str | None = None
) -> st.SearchStrategy[ModelRelease]:
    """Whole releases.

    :param conforming: True: releases that are Open Source AI under the default policy;
        False: releases with at least one defect; None: anything valid.
    :param defect: a :class:`Defect`: conforming releases with exactly that one defect,
        whose verdict is ``defect.verdict``. Implies ``conforming=False``.
    """

    def build() -> st.SearchStrategy[ModelRelease]:
        if conforming not in (None, True, False):
            raise InvalidArgument(f"conforming={conforming!r}; expected a bool or None")
        chosen = None
        if defect is not None:
            try:
                chosen = Defect(defect)
            except ValueError:
                allowed = ", ".join(d.value for d in Defect)
                raise InvalidArgument(f"defect={defect!r}; expected one of {allowed}") from None
            if conforming is True:
                raise InvalidArgument("conforming=True contradicts a defect")
            return _with_defect(chosen)
        if conforming is True:
            return _conforming()
        if conforming is False:
            return st.sampled_from(list(Defect)).flatmap(_with_defect)
        return _any_release() | _conforming()

    return _lazy(build)
