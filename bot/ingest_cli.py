"""`policybot ingest`: parse the policy documents into clauses, write the quality report and build
the index (idempotent: nothing is rebuilt when the content hash is unchanged)."""

from __future__ import annotations

import argparse
import json
import sys

from bot.services import Services
from bot.settings import Settings
from knowledge.kb import ingest, make_embedder
from knowledge.store import ChromaClauseStore

EXIT_OK = 0


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(args: argparse.Namespace, settings: Settings) -> int:
    data_dir = settings.resolved_data_dir()
    _stderr(f"数据目录：{data_dir}")
    services = Services(settings)
    registry = services.registry  # the published documents in the database
    embedder = make_embedder(settings.embedding_model)
    store = (
        ChromaClauseStore(url=settings.chroma_url)
        if settings.chroma_url
        else ChromaClauseStore(path=data_dir / "chroma")
    )
    report = ingest(registry, store, embedder, data_dir, _stderr, services.lexical_database)
    _stderr(f"内容指纹 {report.content_hash}，向量模型 {report.embedder}，{'已重建' if report.rebuilt else '无变化'}")
    _stderr("数据质量报告：")
    for quality in registry.quality_reports():
        _stderr(f"  {quality.document_id}: {json.dumps(quality.summary(), ensure_ascii=False)}")
        for issue in quality.issues:
            if issue.kind.value == "garbled_span":
                _stderr(f"    乱码 {issue.clause_id}: 原文“{issue.original}” → “{issue.context}”")
    _stderr(f"完成，用时 {report.seconds} 秒。质量报告：{data_dir / 'index' / 'quality.json'}")
    if args.json:
        print(
            json.dumps(
                {
                    "content_hash": report.content_hash,
                    "embedder": report.embedder,
                    "rebuilt": report.rebuilt,
                    "clause_counts": report.clause_counts,
                    "seconds": report.seconds,
                    "quality": report.quality,
                },
                ensure_ascii=False,
            )
        )
    return EXIT_OK


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of `policybot ingest` (help text: the table in bot/cli.py)."""
    parser.add_argument("--json", action="store_true", help="最后输出一行 JSON 摘要")
    parser.set_defaults(handler=run)
