"""The document library (issue 13): policy documents as data in the one database, with their
lifecycle draft-review → published → retired, their original files and the extracted text.

The five packaged seeds (knowledge/sources) are its bootstrap, loaded the same way on first use and
never again. Every change to what is published raises one version counter in the same transaction,
so every process (workers, replicas) sees that its knowledge base is out of date (bot/live.py).
Publishing checks first that the new set of documents builds; a document is published in one
transaction or not at all.
"""

from __future__ import annotations

import hashlib
import json
import logging
import mimetypes
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.published import UNKNOWN_DATE, document_from
from bot.tables import DocumentFile, DocumentRules, DocumentsVersion, PolicyDocument
from eligibility.added_rules import AddedRules
from eligibility.rules_check import RuleProblem, RulesReport
from knowledge.clauses import ParsedDocument
from knowledge.documents import Document, DocumentStatus, Structure, load_manifest, sources_dir
from knowledge.errors import KnowledgeError
from knowledge.registry import Registry, assemble_registry, parse_source, registry_of
from knowledge.repeals import RepealedReference, find_repeals, names_document

_LOG = logging.getLogger(__name__)

SEED_ACTOR = "seed"
VERSION_ROW = 1
MAX_FILE_BYTES = 20 * 1024 * 1024
# Columns of a document row; everything else about a Document is in `details` (JSON).
_COLUMNS = ("title", "issuer", "document_number", "province", "city", "county", "signed", "effective", "valid_until")


class DocumentState(StrEnum):
    DRAFT_REVIEW = "draft-review"
    PUBLISHED = "published"
    RETIRED = "retired"


class LibraryError(Exception):
    """A request the library refuses; `code` names the case (worded in bot/present/prose.yaml,
    section `documents`), `fields` fill its template."""

    def __init__(self, code: str, intake: Exception | None = None, **fields: str) -> None:
        """`intake`: the knowledge.intake IntakeError that refused a file (code `intake`)."""
        super().__init__(f"{code}: {fields}")
        self.code = code
        self.fields = fields
        self.intake = intake


@dataclass(frozen=True)
class Upload:
    """One file given to `add`: its bytes and its name (the name decides how it is read)."""

    data: bytes
    filename: str


@dataclass(frozen=True)
class UploadOutcome:
    """What became of one file of a batch (`add_each`): its document, stored in review or published
    (`view`), or why it was refused (`refusal`); `index`: its place in the batch."""

    filename: str
    index: int
    view: DocumentView | None = None
    refusal: LibraryError | None = None


@dataclass(frozen=True)
class DocumentView:
    """A stored document with what the console and the CLI show about it."""

    id: str
    document: Document
    state: DocumentState
    origin: str
    actor: str
    created_at: datetime
    published_at: datetime | None
    retired_at: datetime | None
    clause_count: int
    problems: tuple[str, ...]
    files: tuple[tuple[str, str, str, int], ...]  # filename, media type, sha256, size
    # The place the document's own issuer names, when staff set a jurisdiction that neither holds nor
    # lies inside it (a 芜湖 document set to 安庆): answers follow the jurisdiction, so it is said, not kept quiet.
    place_named: str | None = None

    def summary(self) -> dict[str, Any]:
        """The `documents list --json` object."""
        doc = self.document
        return {
            "id": self.id,
            "title": doc.title,
            "issuer": doc.issuer,
            "document_number": doc.document_number,
            "jurisdiction": doc.jurisdiction,
            "signed": doc.signed.isoformat() if doc.signed != UNKNOWN_DATE else None,
            "status": doc.status.value,
            "state": self.state.value,
            "clauses": self.clause_count,
            "superseded_by": doc.superseded_by,
        }


@dataclass(frozen=True)
class RepealedMatch:
    """An older document a document says it repeals (…同时废止), as written, and the published
    document that reference names (None when none here matches its 文号 or title)."""

    reference: RepealedReference
    document_id: str | None
    title: str | None


@dataclass(frozen=True)
class RepealReport:
    """What a document says it ends: the documents it names, and whether it only says that earlier
    rules yield to it (此前规定与本意见不一致的，以本意见为准), which names none and retires none."""

    named: tuple[RepealedMatch, ...]
    earlier_rules_yield: bool

    @property
    def to_retire(self) -> tuple[str, ...]:
        """The published documents it names, each once: what `--retire-repealed` retires."""
        return tuple(dict.fromkeys(m.document_id for m in self.named if m.document_id is not None))


@dataclass(frozen=True)
class RulesView:
    """A rules file stored for a document: what the review page lists."""

    name: str
    benefit: str
    actor: str
    created_at: datetime


def _now() -> datetime:
    return datetime.now(UTC)


def _details(document: Document) -> dict[str, Any]:
    dumped = document.model_dump(mode="json")
    return {key: value for key, value in dumped.items() if key not in (*_COLUMNS, "id", "status", "superseded_by")}


def _document(row: PolicyDocument) -> Document:
    return document_from({column.key: getattr(row, column.key) for column in PolicyDocument.__table__.columns})


def _view(row: PolicyDocument) -> DocumentView:
    details = json.loads(row.details or "{}")
    return DocumentView(
        id=row.id,
        document=_document(row),
        state=DocumentState(row.state),
        origin=row.origin,
        actor=row.actor,
        created_at=row.created_at,
        published_at=row.published_at,
        retired_at=row.retired_at,
        clause_count=int(details.get("clause_count", 0)),
        problems=tuple(details.get("problems", ())),
        files=tuple((f.filename, f.media_type, f.sha256, len(f.content)) for f in row.files),
        place_named=details.get("place_named"),
    )


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _media_type(filename: str) -> str:
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


class DocumentLibrary:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # --- reading -------------------------------------------------------------------------------

    def version(self) -> int:
        """The published-documents version (0 before the seeds are loaded)."""
        with Session(self.engine) as session:
            found = session.get(DocumentsVersion, VERSION_ROW)
            return found.version if found else 0

    def documents(self, state: DocumentState | None = None) -> list[DocumentView]:
        with Session(self.engine) as session:
            query = select(PolicyDocument).order_by(PolicyDocument.created_at, PolicyDocument.id)
            if state is not None:
                query = query.where(PolicyDocument.state == state.value)
            return [_view(row) for row in session.scalars(query)]

    def get(self, document_id: str) -> DocumentView:
        with Session(self.engine) as session:
            row = session.get(PolicyDocument, document_id)
            if row is None:
                raise LibraryError("unknown_document", id=document_id)
            return _view(row)

    def text(self, document_id: str) -> str:
        with Session(self.engine) as session:
            row = session.get(PolicyDocument, document_id)
            if row is None:
                raise LibraryError("unknown_document", id=document_id)
            return row.text

    def parsed(self, document_id: str) -> ParsedDocument:
        """The document's clauses and quality report, as it would be answered from."""
        with Session(self.engine) as session:
            row = session.get(PolicyDocument, document_id)
            if row is None:
                raise LibraryError("unknown_document", id=document_id)
            return parse_source(_document(row), row.text)

    def original(self, document_id: str) -> tuple[str, str, bytes]:
        """The first original file: (filename, media type, bytes)."""
        with Session(self.engine) as session:
            row = session.get(PolicyDocument, document_id)
            if row is None or not row.files:
                raise LibraryError("unknown_document", id=document_id)
            first = row.files[0]
            return first.filename, first.media_type, first.content

    def repeals(self, document_id: str) -> RepealReport:
        """The older documents this one says it repeals, matched to the published documents by 文号
        (or by title when either has none; a title only within the same province)."""
        with Session(self.engine) as session:
            row = session.get(PolicyDocument, document_id)
            if row is None:
                raise LibraryError("unknown_document", id=document_id)
            return _repeal_report(session, row.text, row.province, document_id)

    def published(self) -> tuple[int, list[tuple[Document, str]]]:
        """The version and the published documents with their texts, read in one transaction."""
        with Session(self.engine) as session, session.begin():
            found = session.get(DocumentsVersion, VERSION_ROW)
            rows = session.scalars(
                select(PolicyDocument)
                .where(PolicyDocument.state == DocumentState.PUBLISHED.value)
                .order_by(PolicyDocument.created_at, PolicyDocument.id)
            )
            return (found.version if found else 0), [(_document(row), row.text) for row in rows]

    def registry(self, saved: Path | None = None) -> tuple[int, Registry]:
        """The clause registry of the published documents, and the version it was built from.
        `saved`: where the knowledge base keeps their parsed clauses (`knowledge.kb.saved_clauses_dir`):
        read from there when parsed from exactly these documents, instead of parsing each again."""
        self.ensure_seeds()
        version, sources = self.published()
        return version, registry_of(sources, saved)

    # --- the seeds ---------------------------------------------------------------------------

    def ensure_seeds(self) -> int:
        """Load the packaged seeds once (idempotent, safe when processes start together); returns
        how many were added. A seed staff retired stays retired."""
        with Session(self.engine) as session:
            if session.get(DocumentsVersion, VERSION_ROW) is not None:
                return 0
        manifest = load_manifest()
        start = _now()
        try:
            with Session(self.engine) as session, session.begin():
                for position, document in enumerate(manifest.documents):
                    raw = (sources_dir() / document.source_file).read_bytes()
                    text = raw.decode("utf-8")
                    parsed = parse_source(document, text)
                    row = self._row(document, text, DocumentState.PUBLISHED, SEED_ACTOR, "seed", parsed, [])
                    row.created_at = start + timedelta(microseconds=position)
                    row.published_at = start
                    row.files = [self._file(raw, document.source_file)]
                    session.add(row)
                session.add(DocumentsVersion(id=VERSION_ROW, version=1, changed_at=start))
        except IntegrityError:
            return 0  # another process loaded them first
        return len(manifest.documents)

    # --- changing ----------------------------------------------------------------------------

    def add(
        self,
        uploads: Sequence[Upload],
        actor: str,
        publish: bool = False,
        retire_repealed: bool = False,
        jurisdiction: str | None = None,
    ) -> list[DocumentView]:
        """Read, check and store every file as a document in review (all or none); with `publish`
        they are published in the same transaction, after the new set of documents has built (and
        with `retire_repealed` the published documents each says it repeals are retired in it).
        `jurisdiction`: the place staff state the files govern (宜昌市, 湖北省宜昌市), resolved through
        the division table, instead of the place read from each file. A file whose place, issuer or
        date could not be read is stored in review even with `publish` (`held`), for staff to state
        them; the others are published."""
        prepared, refused = self._prepare(uploads, jurisdiction)
        if refused and (first := refused[0].refusal) is not None:
            raise first
        return self._store(prepared, actor, publish, retire_repealed and publish)

    def add_each(
        self,
        uploads: Sequence[Upload],
        actor: str,
        publish: bool = False,
        retire_repealed: bool = False,
        jurisdiction: str | None = None,
    ) -> list[UploadOutcome]:
        """A batch as staff upload it: each file has its own outcome, in the order given. A file that
        cannot become a document (no policy, unreadable, already added) is refused alone and leaves no
        trace; the others are stored as `add` stores them, together (a set that does not build publishes
        none of them, and that refusal is the whole batch's)."""
        prepared, refused = self._prepare(uploads, jurisdiction)
        views = iter(self._store(prepared, actor, publish, retire_repealed and publish) if prepared else [])
        by_name = {outcome.index: outcome for outcome in refused}
        return [
            by_name[index] if index in by_name else UploadOutcome(upload.filename, index, view=next(views))
            for index, upload in enumerate(uploads)
        ]

    def _prepare(
        self, uploads: Sequence[Upload], jurisdiction: str | None
    ) -> tuple[list[tuple[Document, str, ParsedDocument, list[str], Upload]], list[UploadOutcome]]:
        """Every file read into a document, or the refusal of the files that cannot be one."""
        from knowledge.intake import IntakeError

        stated = None
        if jurisdiction is not None:
            stated = _resolve_place(jurisdiction.strip())
            if stated is None:
                raise LibraryError("unknown_place_name", place=jurisdiction.strip()[:40])
        self.ensure_seeds()
        prepared: list[tuple[Document, str, ParsedDocument, list[str], Upload]] = []
        refused: list[UploadOutcome] = []
        with Session(self.engine) as session:
            taken = set(session.scalars(select(PolicyDocument.id)))
            known = set(session.scalars(select(DocumentFile.sha256)))
        for index, upload in enumerate(uploads):
            digest = _sha256(upload.data)
            try:
                if digest in known:
                    raise LibraryError("duplicate_file", file=upload.filename)
                try:
                    document, text, parsed, problems = self._read(upload, taken, stated)
                except IntakeError as exc:
                    raise LibraryError("intake", exc, file=upload.filename) from exc
                except (RecursionError, ValueError, LookupError, UnicodeError) as exc:
                    # A reader's own failure on a file it cannot take is this file's refusal, never the batch's
                    # (the others are still added); it is logged for the developers.
                    _LOG.exception("reading %s failed", upload.filename)
                    damaged = IntakeError("damaged", f"{upload.filename}: {type(exc).__name__}")
                    raise LibraryError("intake", damaged, file=upload.filename) from exc
            except LibraryError as exc:
                refused.append(UploadOutcome(upload.filename, index, refusal=exc))
                continue
            known.add(digest)
            taken.add(document.id)
            prepared.append((document, text, parsed, problems, upload))
        return prepared, refused

    def add_document(
        self, document: Document, upload: Upload, actor: str, publish: bool = False, text: str | None = None
    ) -> DocumentView:
        """Store a document whose metadata is already known (as a manifest gives it), read as UTF-8
        text unless `text` is given; in review, or published at once."""
        self.ensure_seeds()
        with Session(self.engine) as session:
            if session.get(PolicyDocument, document.id) is not None:
                raise LibraryError("duplicate_id", id=document.id)
        content = upload.data.decode("utf-8") if text is None else text
        try:
            parsed = parse_source(document, content)
        except KnowledgeError as exc:
            raise LibraryError("unparsable", file=upload.filename, detail=str(exc)) from exc
        (view,) = self._store([(document, content, parsed, [], upload)], actor, publish)
        return view

    def _store(
        self,
        prepared: list[tuple[Document, str, ParsedDocument, list[str], Upload]],
        actor: str,
        publish: bool,
        retire_repealed: bool = False,
    ) -> list[DocumentView]:
        held: set[str] = set()
        if publish:
            for document, _text, parsed, problems, upload in prepared:
                try:
                    self._check_publishable(document, parsed, problems, upload.filename)
                except LibraryError as exc:
                    if exc.code not in _STAFF_STATES:
                        raise
                    held.add(document.id)  # kept in review until staff state what it lacks
            self._check_builds([(d, t) for d, t, *_ in prepared if d.id not in held])
        publishing = [item for item in prepared if publish and item[0].id not in held]
        with Session(self.engine) as session, session.begin():
            now = _now()
            for document, text, parsed, problems, upload in prepared:
                published = publish and document.id not in held
                state = DocumentState.PUBLISHED if published else DocumentState.DRAFT_REVIEW
                row = self._row(document, text, state, actor, "upload", parsed, problems)
                row.created_at = now
                row.published_at = now if published else None
                row.files = [self._file(upload.data, upload.filename)]
                session.add(row)
            if retire_repealed:
                session.flush()
                for document, text, *_ in publishing:
                    report = _repeal_report(session, text, document.province, document.id)
                    _retire_repealed(session, report, document.id, actor)
            if publishing:
                self._bump(session)
        return [self.get(document.id) for document, *_ in prepared]

    def publish_blocker(self, document_id: str) -> LibraryError | None:
        """What staff must still state before this document can be published (its place, issuer or
        signing date), as the refusal `publish` would give; None when nothing."""
        with Session(self.engine) as session:
            row = session.get(PolicyDocument, document_id)
            if row is None:
                raise LibraryError("unknown_document", id=document_id)
            document, text = _document(row), row.text
        try:
            self._check_publishable(document, parse_source(document, text), [], document_id)
        except LibraryError as exc:
            return exc if exc.code in _STAFF_STATES else None
        return None

    def publish(
        self, document_id: str, actor: str, supersedes: str | None = None, retire_repealed: bool = False
    ) -> DocumentView:
        """Publish a document in review (or a retired one again). `supersedes`: an older published
        document this one replaces; it stays answerable, and answers say it was replaced.
        `retire_repealed`: the published documents it says it repeals (`repeals`) are retired in the
        same transaction, each marked as superseded by it; without it none is touched."""
        with Session(self.engine) as session:
            row = session.get(PolicyDocument, document_id)
            if row is None:
                raise LibraryError("unknown_document", id=document_id)
            if row.state == DocumentState.PUBLISHED.value:
                raise LibraryError("already_published", id=document_id)
            document, text = _document(row), row.text
            if supersedes is not None:
                self._check_successor(session, supersedes, document_id)
        parsed = parse_source(document, text)
        self._check_publishable(document, parsed, [], document_id)
        self._check_builds([(document, text)])
        with Session(self.engine) as session, session.begin():
            row = session.get(PolicyDocument, document_id)
            assert row is not None
            row.state = DocumentState.PUBLISHED.value
            row.published_at = _now()
            row.retired_at = None
            row.actor = actor
            if supersedes is not None:
                older = session.get(PolicyDocument, supersedes)
                assert older is not None
                older.superseded_by = document_id
                older.actor = actor
            if retire_repealed:
                _retire_repealed(session, _repeal_report(session, text, row.province, document_id), document_id, actor)
            self._bump(session)
        return self.get(document_id)

    def retire(self, document_id: str, actor: str, superseded_by: str | None = None) -> DocumentView:
        """No longer answered from; `superseded_by` records the newer document that replaced it."""
        with Session(self.engine) as session, session.begin():
            row = session.get(PolicyDocument, document_id)
            if row is None:
                raise LibraryError("unknown_document", id=document_id)
            if row.state == DocumentState.RETIRED.value:
                raise LibraryError("already_retired", id=document_id)
            if superseded_by is not None:
                self._check_successor(session, superseded_by, document_id)
                row.superseded_by = superseded_by
            was_published = row.state == DocumentState.PUBLISHED.value
            row.state = DocumentState.RETIRED.value
            row.retired_at = _now()
            row.actor = actor
            if was_published:
                remaining = session.scalars(
                    select(PolicyDocument.id).where(PolicyDocument.state == DocumentState.PUBLISHED.value)
                ).first()
                if remaining is None:
                    raise LibraryError("last_document", id=document_id)
                self._bump(session)
        return self.get(document_id)

    def edit(self, document_id: str, actor: str, changes: Mapping[str, str]) -> tuple[DocumentView, list[str]]:
        """Correct the extracted metadata of a document not published (in review, or retired), as
        staff typed it: `title`, `issuer`, `document_number`, `jurisdiction` (a place name, resolved
        through the administrative-division table), `signed`, `effective`, `valid_until`
        (YYYY-MM-DD; empty clears the optional ones) and `draft` (yes/no). Returns the view and
        the names of the fields that changed; nothing is stored unless every value is good."""
        from knowledge.intake import problem_fields

        with Session(self.engine) as session, session.begin():
            row = session.get(PolicyDocument, document_id)
            if row is None:
                raise LibraryError("unknown_document", id=document_id)
            if row.state == DocumentState.PUBLISHED.value:
                raise LibraryError("edit_published", id=document_id)
            before = {column: getattr(row, column) for column in (*_COLUMNS, "status")}
            details = json.loads(row.details or "{}")
            for name, value in changes.items():
                _apply(row, details, name, value.strip())
            if "jurisdiction" in changes:
                details.pop("place_named", None)
                named = _issuer_place(row.issuer)
                place = (row.province, row.city, row.county)
                if named is not None and not (_holds(place, named) or _holds(named, place)):
                    details["place_named"] = named[2] or named[1] or named[0]
            signed, ends = row.signed, row.valid_until
            if signed is not None and ends is not None and ends < signed:
                raise LibraryError("dates_out_of_order", signed=signed.isoformat(), until=ends.isoformat())
            changed = [column for column, value in before.items() if getattr(row, column) != value]
            # A problem about a field staff have now typed is no longer true (未找到落款日期 once the date is in).
            details["problems"] = [
                problem for problem in details.get("problems", ()) if not problem_fields(problem) & set(changed)
            ]
            row.details = json.dumps(details, ensure_ascii=False)
            row.actor = actor
            try:
                _document(row)
            except ValueError as exc:
                raise LibraryError("bad_metadata", detail=str(exc)) from exc
        return self.get(document_id), changed

    # --- rules of documents without packaged rules ----------------------------------------------

    def rules(self, document_id: str) -> list[RulesView]:
        with Session(self.engine) as session:
            rows = session.scalars(
                select(DocumentRules).where(DocumentRules.document_id == document_id).order_by(DocumentRules.name)
            )
            return [RulesView(r.name, _benefit_name(r.text), r.actor, r.created_at) for r in rows]

    def published_rules(self) -> list[AddedRules]:
        """The rules stored for the published documents (eligibility joins them to the packaged ones)."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(DocumentRules.document_id, DocumentRules.name, DocumentRules.text)
                .join(PolicyDocument, PolicyDocument.id == DocumentRules.document_id)
                .where(PolicyDocument.state == DocumentState.PUBLISHED.value)
                .order_by(DocumentRules.document_id, DocumentRules.name)
            )
            return [AddedRules(document_id, name, text) for document_id, name, text in rows]

    def add_rules(self, document_id: str, uploads: Sequence[Upload], actor: str) -> list[RulesReport]:
        """Check each file as `policybot rules check` does, against this document's clauses; when
        every one passes, store them all (a file of the same name replaces the older one) and, for a
        published document, raise the version so every process takes them up. A report per file."""
        from eligibility.rulebook import default_rulebook
        from eligibility.rules_check import check_rules

        view = self.get(document_id)
        packaged = default_rulebook()
        if document_id in packaged.documents:
            raise LibraryError("packaged_rules", id=document_id)
        registry = self._registry_with(document_id)
        reports: list[RulesReport] = []
        named: dict[str, str] = {}
        for upload in uploads:
            try:
                text = upload.data.decode("utf-8-sig")
            except UnicodeDecodeError:
                problem = RuleProblem("not_utf8", "<file>", None)
                reports.append(RulesReport(upload.filename, None, (problem,)))
                continue
            reports.append(_for_document(check_rules(text, registry, packaged, upload.filename), text, document_id))
            named[_rules_name(upload.filename, text)] = text
        if not reports or not all(report.ok for report in reports):
            return reports
        with Session(self.engine) as session, session.begin():
            for name, text in named.items():
                found = session.scalar(
                    select(DocumentRules).where(DocumentRules.document_id == document_id, DocumentRules.name == name)
                )
                if found is None:
                    session.add(DocumentRules(document_id=document_id, name=name, text=text, actor=actor))
                else:
                    found.text, found.actor, found.created_at = text, actor, _now()
            if view.state == DocumentState.PUBLISHED:
                self._bump(session)
        return reports

    def _registry_with(self, document_id: str) -> Registry:
        """The published documents' clauses, with this document's whether it is published or not."""
        _version, sources = self.published()
        if all(document.id != document_id for document, _text in sources):
            with Session(self.engine) as session:
                row = session.get(PolicyDocument, document_id)
                assert row is not None
                sources.append((_document(row), row.text))
        return assemble_registry(sources)

    # --- inside --------------------------------------------------------------------------------

    def _read(
        self, upload: Upload, taken: set[str], stated: tuple[str, str | None, str | None] | None = None
    ) -> tuple[Document, str, ParsedDocument, list[str]]:
        """A file read into a document; one whose place could not be read has none (province "")
        and is kept in review until staff state it (`edit`, `documents set-jurisdiction`)."""
        from knowledge.intake import examine

        intake = examine(upload.data, upload.filename, max_bytes=MAX_FILE_BYTES, stated=stated)
        text, facts = intake.text, intake.facts
        problems = list(facts.problems)
        title = facts.title or ""
        document = Document(
            id=_slug(facts.county or facts.city or facts.province or "", facts.signed, taken, upload.filename),
            source_file=upload.filename,
            title=title,
            short_name=title,
            issuer=facts.issuer or "",
            province=facts.province or "",
            city=facts.city,
            county=facts.county,
            document_number=facts.document_number,
            signed=facts.signed or UNKNOWN_DATE,
            published=None,
            published_note=None,
            status=DocumentStatus.DRAFT if facts.is_draft else DocumentStatus.OFFICIAL,
            structure=Structure.AUTO,
            effective=facts.effective,
            valid_until=facts.valid_until,
        )
        try:
            parsed = parse_source(document, text)
        except KnowledgeError as exc:
            raise LibraryError("unparsable", file=upload.filename, detail=str(exc)) from exc
        if not parsed.clauses:
            raise LibraryError("no_clauses", file=upload.filename)
        return document, text, parsed, problems

    @staticmethod
    def _check_publishable(document: Document, parsed: ParsedDocument, problems: Sequence[str], name: str) -> None:
        missing = [
            label
            for label, absent in (
                ("标题", not document.title),
                ("发文机关", not document.issuer),
                ("成文日期", document.signed == UNKNOWN_DATE),
            )
            if absent
        ]
        if not document.province:
            raise LibraryError("no_place", file=name, id=document.id)
        if missing:
            raise LibraryError("missing_metadata", file=name, fields="、".join(missing), id=document.id)
        if not parsed.clauses:
            raise LibraryError("no_clauses", file=name)

    def _check_builds(self, adding: Iterable[tuple[Document, str]]) -> None:
        """The published documents with these added still make a registry and a gazetteer: what
        every process will build once the version moves (a failure here publishes nothing)."""
        from knowledge.regions import Gazetteer

        _version, sources = self.published()
        try:
            registry = assemble_registry([*sources, *adding])
            Gazetteer(registry.jurisdictions)
        except KnowledgeError as exc:
            raise LibraryError("does_not_build", detail=str(exc)) from exc

    @staticmethod
    def _check_successor(session: Session, other: str, document_id: str) -> None:
        if other == document_id:
            raise LibraryError("supersedes_itself", id=document_id)
        if session.get(PolicyDocument, other) is None:
            raise LibraryError("unknown_document", id=other)

    @staticmethod
    def _bump(session: Session) -> None:
        changed = session.execute(
            update(DocumentsVersion)
            .where(DocumentsVersion.id == VERSION_ROW)
            .values(version=DocumentsVersion.version + 1, changed_at=_now())
        )
        if not getattr(changed, "rowcount", 0):
            session.add(DocumentsVersion(id=VERSION_ROW, version=1, changed_at=_now()))

    @staticmethod
    def _row(
        document: Document,
        text: str,
        state: DocumentState,
        actor: str,
        origin: str,
        parsed: ParsedDocument,
        problems: list[str],
    ) -> PolicyDocument:
        details = _details(document) | {"clause_count": len(parsed.clauses), "problems": problems}
        return PolicyDocument(
            id=document.id,
            title=document.title,
            issuer=document.issuer,
            document_number=document.document_number,
            province=document.province,
            city=document.city,
            county=document.county,
            signed=None if document.signed == UNKNOWN_DATE else document.signed,
            effective=document.effective,
            valid_until=document.valid_until,
            status=document.status.value,
            state=state.value,
            superseded_by=document.superseded_by,
            origin=origin,
            details=json.dumps(details, ensure_ascii=False),
            text=text,
            actor=actor,
        )

    @staticmethod
    def _file(data: bytes, filename: str) -> DocumentFile:
        return DocumentFile(
            filename=filename[-255:], media_type=_media_type(filename), sha256=_sha256(data), content=data
        )


# What a document may lack that staff can state after adding it: it is stored in review, not refused.
_STAFF_STATES = frozenset({"no_place", "missing_metadata"})
EDITABLE = ("title", "issuer", "document_number", "jurisdiction", "signed", "effective", "valid_until", "draft")
_LIMITS = {"title": 300, "issuer": 200, "document_number": 100}
_YES, _NO = frozenset({"1", "yes", "true", "是"}), frozenset({"0", "no", "false", "否", ""})


def _apply(row: PolicyDocument, details: dict[str, Any], name: str, value: str) -> None:
    """One corrected field onto the row (LibraryError when the value cannot be right)."""
    if name in ("title", "issuer"):
        if not value:
            raise LibraryError("empty_field", field=name)
        if name == "title" and details.get("short_name") in (None, row.title):
            details["short_name"] = value[: _LIMITS[name]]
    if name in _LIMITS:
        if len(value) > _LIMITS[name]:
            raise LibraryError("too_long", field=name, limit=str(_LIMITS[name]))
        optional = name == "document_number"
        setattr(row, name, (value or None) if optional else value)
    elif name == "jurisdiction":
        place = _resolve_place(value)
        if place is None:
            raise LibraryError("unknown_place_name", place=value[:40])
        row.province, row.city, row.county = place
    elif name in ("signed", "effective", "valid_until"):
        if not value and name == "signed":
            raise LibraryError("empty_field", field=name)
        try:
            setattr(row, name, date.fromisoformat(value) if value else None)
        except ValueError:
            raise LibraryError("bad_date", field=name, value=value[:40]) from None
    elif name == "draft":
        if value.lower() not in _YES | _NO:
            raise LibraryError("bad_metadata", detail=value[:40])
        is_draft = value.lower() in _YES
        row.status = (DocumentStatus.DRAFT if is_draft else DocumentStatus.OFFICIAL).value
    else:
        raise LibraryError("bad_metadata", detail=name[:40])


def _issuer_place(issuer: str) -> tuple[str, str | None, str | None] | None:
    """(province, city, county) of the place the issuer's name starts with (芜湖市人力资源和社会保障局 →
    安徽省, 芜湖市), None when it names none the administrative-division table knows."""
    from knowledge.intake import place_of_issuer

    return place_of_issuer(issuer)


def _holds(outer: tuple[str | None, ...], inner: tuple[str | None, ...]) -> bool:
    """Whether the place `outer` is `inner` or holds it (安徽省 holds 芜湖市, 芜湖市 holds 无为市)."""
    return all(part is None or part == within for part, within in zip(outer, inner, strict=True))


_PLACE_PART = re.compile(r"(?:特别行政区|自治区|自治州|省|市|州|盟|地区)")


def _resolve_place(name: str) -> tuple[str, str | None, str | None] | None:
    """(province, city, county) of a place as staff write it: 长春, 长春市, 吉林省长春市, 延吉 —
    through the administrative-division table; a full form is resolved by its most specific part,
    whose province must be the one written before it."""
    from knowledge.intake import resolve_place

    if not name:
        return None
    found = resolve_place(name)
    if found is not None:
        return found
    for cut in _PLACE_PART.finditer(name):
        rest = name[cut.end() :]
        found = resolve_place(rest) if rest else None
        if found is not None and name[: cut.end()].startswith(found[0]):
            return found
    return None


_RULES_NAME = re.compile(r"[^a-z0-9_]+")


def _repeal_report(session: Session, text: str, province: str | None, document_id: str) -> RepealReport:
    found = find_repeals(text)
    if not found.named:
        return RepealReport((), found.earlier_rules_yield)
    others = session.scalars(
        select(PolicyDocument).where(
            PolicyDocument.state == DocumentState.PUBLISHED.value, PolicyDocument.id != document_id
        )
    ).all()
    matches = []
    for reference in found.named:
        named = [
            (other.id, other.title)
            for other in others
            if names_document(reference, other.document_number, other.title)
            and ((reference.number is not None and other.document_number is not None) or other.province == province)
        ]
        other_id, title = named[0] if len(named) == 1 else (None, None)  # two alike: staff choose
        matches.append(RepealedMatch(reference, other_id, title))
    return RepealReport(tuple(matches), found.earlier_rules_yield)


def _retire_repealed(session: Session, report: RepealReport, newer: str, actor: str) -> None:
    """Retire, in the publishing transaction, the published documents the newer one repeals."""
    for other_id in report.to_retire:
        older = session.get(PolicyDocument, other_id)
        if older is not None and older.state == DocumentState.PUBLISHED.value:
            older.state = DocumentState.RETIRED.value
            older.retired_at = _now()
            older.superseded_by = newer
            older.actor = actor


def _rules_name(filename: str, text: str) -> str:
    """A stored rules file's name, the second half of its benefit's id: the file name's ASCII
    letters (startup_subsidy.yaml → startup_subsidy), else a digest of its text."""
    stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    name = _RULES_NAME.sub("_", stem).strip("_")[:48]
    return name or f"rules_{_sha256(text.encode())[:8]}"


def _benefit_name(text: str) -> str:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return ""
    return str(data.get("name", "")) if isinstance(data, dict) else ""


def _for_document(report: RulesReport, text: str, document_id: str) -> RulesReport:
    """A benefit file for this document, and nothing else (not the documents file, not a benefit of
    another document): the console uploads rules onto one document's page."""
    import yaml

    if report.kind == "documents":
        return replace(report, problems=(*report.problems, RuleProblem("not_a_benefit", "documents", 1)))
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return report
    named = data.get("document") if isinstance(data, dict) else None
    if named is None or named == document_id:
        return report
    line = next((n for n, row in enumerate(text.splitlines(), 1) if row.startswith("document:")), None)
    problem = RuleProblem("other_document", "document", line, {"document": str(named), "expected": document_id})
    return replace(report, problems=tuple(sorted((*report.problems, problem), key=lambda p: p.line or 0)))


_PLACE_SUFFIX = re.compile(r"(特别行政区|自治州|自治县|地区|盟|省|市|县|区|州|旗)$")


_NAMED_ID = re.compile(r"[a-z]+(?:-[a-z0-9]+)*")


def _slug(place: str, signed: date | None, taken: set[str], filename: str = "") -> str:
    """A readable, stable id: the place in pinyin and the year (changchun-2023), numbered when taken.
    A file that staff already named that way — the same place in pinyin, then lowercase words or
    digits (changxing-2026.txt, handan-2026-draft.txt) — keeps its name: staff know the id they will
    publish or retire it by, and the name carries what the signed year cannot (the year it takes
    effect, a draft)."""
    from pypinyin import lazy_pinyin

    name = _PLACE_SUFFIX.sub("", place) or place
    letters = re.sub(r"[^a-z]", "", "".join(lazy_pinyin(name)).lower()) or "doc"
    base = f"{letters}-{signed.year}" if signed else letters
    stem = re.split(r"[\\/]", filename)[-1].split(".", 1)[0]
    if letters != "doc" and _NAMED_ID.fullmatch(stem) and stem.split("-", 1)[0] == letters and "-" in stem:
        base = stem
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
