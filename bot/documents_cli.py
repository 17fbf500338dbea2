"""`policybot documents`: add, list, show, publish and retire the policy documents answered from
(issue 13). Changes go to the database every process reads; running servers take them up within
seconds (bot/live.py). A refusal is one polite Chinese line on stderr and a non-zero exit code;
nothing is stored or published half-way."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from bot.db import open_database
from bot.library import DocumentLibrary, DocumentState, LibraryError, Upload
from bot.present import documents as words
from bot.present.prose import prose
from bot.settings import Settings

EXIT_OK = 0
EXIT_REFUSED = 1


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"[:64]
    except (KeyError, OSError):
        return "cli"


def _library(settings: Settings) -> DocumentLibrary:
    library = DocumentLibrary(open_database(settings.resolved_database_url(), settings.resolved_session_key_secret()))
    library.ensure_seeds()
    return library


def _add(args: argparse.Namespace, library: DocumentLibrary) -> int:
    uploads = []
    for name in args.files:
        path = Path(name)
        try:
            uploads.append(Upload(path.read_bytes(), path.name))
        except OSError:
            raise LibraryError("not_found", file=name) from None
    if args.retire_repealed and not args.publish:
        raise LibraryError("retire_needs_publish")
    before = {view.id for view in library.documents(DocumentState.PUBLISHED)}
    outcomes = library.add_each(
        uploads, _actor(), publish=args.publish, retire_repealed=args.retire_repealed, jurisdiction=args.jurisdiction
    )
    alone = len(outcomes) == 1
    for outcome in outcomes:
        if outcome.refusal is not None:
            _stderr(words.not_added_text(outcome.refusal, alone=alone))
            continue
        view = outcome.view
        assert view is not None
        _stderr(words.added_text(view, outcome.filename))
        if view.problems:
            # What was read as a guess (a title from rows' sources, an issuer from 文号 codes): staff see it here too.
            _stderr(prose().documents.problems.format(problems="；".join(view.problems)))
        _say_repeals(library, view.id, retired=args.retire_repealed, known=before)
        held = library.publish_blocker(view.id) if view.state == DocumentState.DRAFT_REVIEW else None
        if held is not None:
            reason = words.error_text(held)
            _stderr(words.held_text(held, alone=alone) if args.publish else reason)
        elif not args.publish:
            _stderr(prose().documents.review_hint.format(id=view.id))
    refused = sum(outcome.refusal is not None for outcome in outcomes)
    if refused and len(outcomes) > 1:
        _stderr(words.batch_summary(len(outcomes), refused))
    if args.json:
        print(json.dumps([outcome.view.summary() for outcome in outcomes if outcome.view], ensure_ascii=False))
    # Any file refused: the upload did not do all it was asked (as the console's page answers 422).
    return EXIT_REFUSED if refused else EXIT_OK


def _say_repeals(library: DocumentLibrary, document_id: str, retired: bool, known: set[str]) -> None:
    """What the document says it repeals; then either which documents were retired with it, or how
    to retire them (nothing is retired unless staff asked for it). `known`: the documents held before
    this command published (after a retirement the report no longer finds them published)."""
    view = library.get(document_id)
    if retired:
        for other in library.documents():
            if (
                other.id in known
                and other.state == DocumentState.RETIRED
                and other.document.superseded_by == document_id
            ):
                _stderr(
                    prose().documents.repeals.retired.format(old=other.id, title=other.document.title, id=document_id)
                )
        return
    report = library.repeals(document_id)
    for line in words.repeal_lines(report):
        _stderr(line)
    if report.to_retire and view.state != DocumentState.RETIRED:
        _stderr(prose().documents.repeals.cli_hint.format(id=document_id))


def _list(args: argparse.Namespace, library: DocumentLibrary) -> int:
    views = library.documents()
    if args.json:
        print(json.dumps([view.summary() for view in views], ensure_ascii=False))
    else:
        print("\n".join(words.list_lines(views)))
    return EXIT_OK


def _show(args: argparse.Namespace, library: DocumentLibrary) -> int:
    view = library.get(args.id)
    parsed = library.parsed(args.id)
    report = library.repeals(args.id)
    if args.json:
        print(json.dumps(words.show_json(view, parsed) | {"repeals": words.repeals_json(report)}, ensure_ascii=False))
    else:
        print("\n".join(words.show_lines(view, parsed)))
        for line in words.repeal_lines(report):
            _stderr(line)
    return EXIT_OK


def _publish(args: argparse.Namespace, library: DocumentLibrary) -> int:
    before = {view.id for view in library.documents(DocumentState.PUBLISHED)}
    if not args.retire_repealed:
        _say_repeals(library, args.id, retired=False, known=before)
    view = library.publish(args.id, _actor(), supersedes=args.supersedes, retire_repealed=args.retire_repealed)
    _stderr(prose().documents.published.format(id=view.id, title=view.document.title))
    if args.retire_repealed:
        _say_repeals(library, args.id, retired=True, known=before)
    return EXIT_OK


def _retire(args: argparse.Namespace, library: DocumentLibrary) -> int:
    view = library.retire(args.id, _actor(), superseded_by=args.superseded_by)
    _stderr(prose().documents.retired.format(id=view.id, title=view.document.title))
    return EXIT_OK


def _edit(args: argparse.Namespace, library: DocumentLibrary) -> int:
    given = {
        "title": args.title,
        "issuer": args.issuer,
        "document_number": args.number,
        "jurisdiction": args.place,
        "signed": args.signed,
        "effective": args.effective,
        "valid_until": args.valid_until,
        "draft": None if args.draft is None else ("1" if args.draft else "0"),
    }
    view, changed = library.edit(args.id, _actor(), {k: v for k, v in given.items() if v is not None})
    words_ = prose().document_edit
    _stderr(words_.edited.format(id=view.id, fields=words.changed_fields(changed)) if changed else words_.unchanged)
    if view.place_named:
        _stderr(words_.place_differs.format(place=view.document.jurisdiction, named=view.place_named))
    if args.json:
        print(json.dumps(view.summary(), ensure_ascii=False))
    return EXIT_OK


def _set_jurisdiction(args: argparse.Namespace, library: DocumentLibrary) -> int:
    """The place a document governs, as staff state it (`documents edit ID --place` in one word)."""
    args.title = args.issuer = args.number = args.signed = args.effective = args.valid_until = args.draft = None
    return _edit(args, library)


def run(args: argparse.Namespace, settings: Settings) -> int:
    library = _library(settings)
    try:
        return int(args.action(args, library))
    except LibraryError as exc:
        _stderr(words.error_text(exc))
        # an intake refusal says so itself
        if args.action in (_add, _publish, _edit, _set_jurisdiction) and exc.intake is None:
            _stderr(prose().documents.nothing_changed)
        return EXIT_REFUSED
    finally:
        library.engine.dispose()


_PLACE_HELP = "适用地区，如 长春市、吉林省延吉市（按行政区划表识别）"
_RETIRE_HELP = "同时停用本文件写明废止（…同时废止）的已发布文件，并标明被本文件替代"


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of `policybot documents` (help text: the table in bot/cli.py)."""
    actions = parser.add_subparsers(dest="documents_command", required=True)
    add = actions.add_parser("add", help="添加政策文件（文本、HTML、DOCX、带文字层的 PDF），默认待审核")
    add.add_argument("files", nargs="+", metavar="FILE", help="文件路径，可以多个（全部成功才保存）")
    add.add_argument("--publish", action="store_true", help="检查通过后立即发布")
    add.add_argument("--retire-repealed", action="store_true", help=_RETIRE_HELP)
    add.add_argument("--jurisdiction", metavar="PLACE", help=_PLACE_HELP + "；不给则从文件中识别")
    add.add_argument("--json", action="store_true", help="输出 JSON")
    add.set_defaults(action=_add)
    listing = actions.add_parser("list", help="列出全部文件及其状态")
    listing.add_argument("--json", action="store_true", help="输出 JSON")
    listing.set_defaults(action=_list)
    show = actions.add_parser("show", help="查看一个文件：元数据、质量报告和解析出的条款")
    show.add_argument("id", metavar="ID")
    show.add_argument("--json", action="store_true", help="输出 JSON")
    show.set_defaults(action=_show)
    publish = actions.add_parser("publish", help="发布文件：各服务进程数秒内开始依据它回答")
    publish.add_argument("id", metavar="ID")
    publish.add_argument("--supersedes", metavar="OLD_ID", help="它替代的旧文件（旧文件仍可回答，但会注明已被替代）")
    publish.add_argument("--retire-repealed", action="store_true", help=_RETIRE_HELP)
    publish.set_defaults(action=_publish)
    edit = actions.add_parser("edit", help="发布前改正提取的信息（只改给出的项；空字符串清除可选项）")
    edit.add_argument("id", metavar="ID")
    edit.add_argument("--title", help="标题")
    edit.add_argument("--issuer", help="发文机关")
    edit.add_argument("--number", help="文号")
    edit.add_argument("--place", help=_PLACE_HELP)
    edit.add_argument("--signed", metavar="YYYY-MM-DD", help="成文日期")
    edit.add_argument("--effective", metavar="YYYY-MM-DD", help="施行日期")
    edit.add_argument("--valid-until", metavar="YYYY-MM-DD", help="有效期至")
    draft = edit.add_mutually_exclusive_group()
    draft.add_argument("--draft", action="store_true", default=None, help="征求意见稿")
    draft.add_argument("--official", dest="draft", action="store_false", help="正式文件")
    edit.add_argument("--json", action="store_true", help="输出 JSON")
    edit.set_defaults(action=_edit)
    place = actions.add_parser("set-jurisdiction", help="指明文件的适用地区（发布前）")
    place.add_argument("id", metavar="ID")
    place.add_argument("place", metavar="PLACE", help=_PLACE_HELP)
    place.add_argument("--json", action="store_true", help="输出 JSON")
    place.set_defaults(action=_set_jurisdiction)
    retire = actions.add_parser("retire", help="停用文件：不再引用它")
    retire.add_argument("id", metavar="ID")
    retire.add_argument("--superseded-by", metavar="NEW_ID", help="替代它的新文件")
    retire.set_defaults(action=_retire)
    parser.set_defaults(handler=run)
