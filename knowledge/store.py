"""Chroma holds every clause with its metadata and vector: a local directory by default, a
`chroma run` server when a URL is configured. We always pass our own vectors
(`embedding_function=None`), so Chroma never tries to download a model."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

from knowledge.embeddings import Embedder
from knowledge.errors import IndexStateError

Metadata = dict[str, str | int | float | bool]


@dataclass(frozen=True)
class StoredRecord:
    id: str
    text: str
    metadata: Metadata


class ClauseStore(Protocol):
    def sync(
        self,
        records: Sequence[StoredRecord],
        embedder: Embedder,
        content_hash: str,
        progress: Callable[[str], None] | None = None,
    ) -> bool: ...

    def nearest(self, vector: list[float], limit: int) -> list[tuple[str, float]]: ...

    def is_ready(self) -> bool: ...


def _forget_cached_clients() -> None:
    """Chroma caches one client per path; a failed open must not poison the next attempt."""
    try:
        from chromadb.api.shared_system_client import SharedSystemClient

        SharedSystemClient.clear_system_cache()
    except Exception:  # pragma: no cover - best effort across chromadb versions
        pass


def _collection_name(embedder: Embedder) -> str:
    return "clauses-" + re.sub(r"[^A-Za-z0-9._-]", "-", embedder.name)[:50]


def _doc(record: StoredRecord) -> str:
    return str(record.metadata["document_id"])


def _collection_meta(content_hash: str, embedder_name: str) -> Metadata:
    return {"content_hash": content_hash, "embedder": embedder_name, "hnsw:space": "cosine"}


def _document_hashes(records: Sequence[StoredRecord]) -> dict[str, tuple[str, int]]:
    """document id → (hash of its records' ids, texts and metadata in order, number of records)."""
    digests: dict[str, Any] = {}
    counts: dict[str, int] = {}
    for record in records:
        digest = digests.setdefault(_doc(record), hashlib.sha256())
        digest.update(
            json.dumps([record.id, record.text, record.metadata], ensure_ascii=False, sort_keys=True).encode()
        )
        counts[_doc(record)] = counts.get(_doc(record), 0) + 1
    return {doc: (digest.hexdigest()[:16], counts[doc]) for doc, digest in digests.items()}


def _stored_document_hashes(collection: Any) -> dict[str, tuple[str, int]]:
    """document id → (the hash its stored records carry, how many there are). A document written
    half-way (fewer records) or by another version (no or mixed hashes) never equals the wanted
    state, so it is written again."""
    hashes: dict[str, str] = {}
    counts: dict[str, int] = {}
    metadatas = collection.get(include=["metadatas"])["metadatas"] or []
    for meta in metadatas:
        doc = str(meta.get("document_id", ""))
        digest = str(meta.get("document_hash", ""))
        hashes[doc] = digest if hashes.get(doc, digest) == digest else "mixed"
        counts[doc] = counts.get(doc, 0) + 1
    return {doc: (hashes[doc], counts[doc]) for doc in hashes}


class ChromaClauseStore:
    """Clause records and vectors in Chroma (persistent directory or HTTP server)."""

    def __init__(self, path: Path | None = None, url: str | None = None) -> None:
        if (path is None) == (url is None):
            raise ValueError("give exactly one of path or url")
        self._path = path
        self._url = url
        self._client: Any = None
        self._collection: Any = None
        self._expected: tuple[str, str, int] | None = None  # (collection name, content hash, count)

    @property
    def location(self) -> str:
        return self._url or str(self._path)

    def _connect(self) -> Any:
        if self._client is None:
            import chromadb
            from chromadb.config import Settings

            settings = Settings(anonymized_telemetry=False)
            try:
                if self._url:
                    parsed = urlparse(self._url)
                    self._client = chromadb.HttpClient(
                        host=parsed.hostname or "127.0.0.1",
                        port=parsed.port or 8000,
                        ssl=parsed.scheme == "https",
                        settings=settings,
                    )
                else:
                    assert self._path is not None
                    if not self._path.is_dir():
                        _forget_cached_clients()  # a deleted directory: never reuse the cached client
                    self._path.mkdir(parents=True, exist_ok=True)
                    self._client = chromadb.PersistentClient(path=str(self._path), settings=settings)
            except Exception as exc:  # chromadb raises bare Exceptions for corrupt stores
                self._client = None
                _forget_cached_clients()
                raise IndexStateError(f"无法打开 Chroma 索引（{self.location}）：{exc}") from exc
        return self._client

    def sync(
        self,
        records: Sequence[StoredRecord],
        embedder: Embedder,
        content_hash: str,
        progress: Callable[[str], None] | None = None,
    ) -> bool:
        """Make the collection hold exactly these records; a no-op when the content hash matches.

        Incremental per document: each record carries its document's hash (`document_hash`), and
        only the documents whose hash changed are deleted and written again (a new document is
        added, a removed one deleted). The collection's content hash is set last, so an ingest that
        dies half-way is never attached and the next one finishes only what is missing.
        Returns True when it wrote or deleted anything.
        """
        say = progress or (lambda _msg: None)
        client = self._connect()
        name = _collection_name(embedder)
        try:
            collection = client.get_collection(name, embedding_function=None)
        except Exception:
            collection = None
        if collection is not None:
            meta = collection.metadata or {}
            if meta.get("content_hash") == content_hash and collection.count() == len(records):
                self._collection = collection
                self._expected = (name, content_hash, len(records))
                say(f"Chroma 集合 {name} 已是最新（{len(records)} 条），跳过")
                return False
        else:
            collection = client.create_collection(
                name, embedding_function=None, metadata=_collection_meta("", embedder.name)
            )
        wanted = _document_hashes(records)
        stored = _stored_document_hashes(collection)
        stale = sorted(doc for doc, state in stored.items() if wanted.get(doc) != state)
        for document_id in stale:
            collection.delete(where={"document_id": document_id})
        fresh = [r for r in records if stored.get(_doc(r)) != wanted[_doc(r)]]
        batch = 32
        for start in range(0, len(fresh), batch):
            chunk = fresh[start : start + batch]
            vectors = embedder.embed_documents([r.text for r in chunk])
            collection.add(
                ids=[r.id for r in chunk],
                embeddings=vectors,
                documents=[r.text for r in chunk],
                metadatas=[{**r.metadata, "document_hash": wanted[_doc(r)][0]} for r in chunk],
            )
            say(f"写入 Chroma：{min(start + batch, len(fresh))}/{len(fresh)}")
        # The distance function cannot be modified once set, so only the content keys are written.
        collection.modify(metadata={"content_hash": content_hash, "embedder": embedder.name})
        self._collection = collection
        self._expected = (name, content_hash, len(records))
        return bool(stale or fresh)

    def attach(self, embedder: Embedder, content_hash: str, expected_count: int) -> bool:
        """Open the existing collection if it holds exactly this content; False when it must be
        rebuilt (other content, or an ingest that died half-way and left fewer records)."""
        name = _collection_name(embedder)
        try:
            collection = self._connect().get_collection(name, embedding_function=None)
        except IndexStateError:
            raise
        except Exception:
            return False
        if (collection.metadata or {}).get("content_hash") != content_hash:
            return False
        if collection.count() != expected_count:
            return False
        self._collection = collection
        self._expected = (name, content_hash, expected_count)
        return True

    def defer(self, embedder: Embedder, content_hash: str, expected_count: int) -> None:
        """Remember what the collection must hold and connect on first use (see `attach`)."""
        self._expected = (_collection_name(embedder), content_hash, expected_count)

    def _ensure_attached(self) -> bool:
        """Attach a deferred collection now; False when it cannot be reached or does not match."""
        if self._collection is not None:
            return True
        if self._expected is None:
            return False
        try:
            self._connect()
        except IndexStateError:
            return False
        return self._reattach()

    def _reattach(self) -> bool:
        """After a failed call: find the collection again by name, if it holds the same content.

        A Chroma server that was wiped and re-ingested (`policybot ingest` from another process)
        has the same content under a new collection id; the old handle only ever fails.
        """
        if self._expected is None or self._client is None:
            return False
        name, content_hash, count = self._expected
        try:
            collection = self._client.get_collection(name, embedding_function=None)
            if (collection.metadata or {}).get("content_hash") != content_hash or collection.count() != count:
                return False
        except Exception:
            return False
        self._collection = collection
        return True

    def nearest(self, vector: list[float], limit: int) -> list[tuple[str, float]]:
        """(clause id, cosine similarity) of the nearest clauses."""
        if not self._ensure_attached():
            raise IndexStateError("Chroma collection is not attached")
        try:
            result = self._query(vector, limit)
        except Exception as exc:
            if not self._reattach():
                raise IndexStateError(f"Chroma query failed: {exc}") from exc
            try:
                result = self._query(vector, limit)
            except Exception as again:
                raise IndexStateError(f"Chroma query failed: {again}") from again
        ids = result["ids"][0]
        distances = result["distances"][0]
        return [(i, 1.0 - float(d)) for i, d in zip(ids, distances, strict=True)]

    def _query(self, vector: list[float], limit: int) -> Any:
        return self._collection.query(query_embeddings=[vector], n_results=limit, include=["distances"])

    def get(self, ids: list[str]) -> list[StoredRecord]:
        if self._collection is None:
            raise IndexStateError("Chroma collection is not attached")
        result = self._collection.get(ids=ids, include=["documents", "metadatas"])
        return [
            StoredRecord(id=i, text=t, metadata=dict(m))
            for i, t, m in zip(result["ids"], result["documents"], result["metadatas"], strict=True)
        ]

    def is_ready(self) -> bool:
        """The attached collection answers: the server is up and still holds it, or the directory
        is still there (a process keeps reading a deleted one until it restarts)."""
        if not self._ensure_attached():
            return False
        if self._path is not None and not self._path.is_dir():
            return False
        try:
            return int(self._collection.count()) > 0
        except Exception:
            return self._reattach()
