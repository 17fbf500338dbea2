"""Embedders: the seam between text and vectors.

The default `HashingEmbedder` needs no model (a signed feature-hashing of jieba tokens), so the
Chroma store works on any machine. `SentenceTransformerEmbedder` loads a real model from a name
or a local path (e.g. BAAI/bge-small-zh-v1.5); it never downloads when given a local path.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from typing import Protocol

from knowledge.errors import KnowledgeError
from knowledge.query import tokenize


class Embedder(Protocol):
    @property
    def name(self) -> str:
        """Stable identifier, part of the index key: vectors of different embedders never mix."""
        ...

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


class HashingEmbedder:
    """Signed feature hashing of search-mode jieba tokens with sublinear term frequency."""

    def __init__(self, dimensions: int = 512) -> None:
        self._dimensions = dimensions

    @property
    def name(self) -> str:
        return f"hashing-{self._dimensions}"

    def _vector(self, text: str) -> list[float]:
        vector = [0.0] * self._dimensions
        for token, count in Counter(tokenize(text)).items():
            digest = hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest()
            index = int.from_bytes(digest[:4], "little") % self._dimensions
            sign = 1.0 if digest[4] & 1 else -1.0
            vector[index] += sign * (1.0 + math.log(count))
        norm = math.sqrt(sum(v * v for v in vector)) or 1.0
        return [v / norm for v in vector]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


class SentenceTransformerEmbedder:
    """A sentence-transformers model, normalized embeddings, CPU."""

    def __init__(self, model: str, query_prefix: str = "") -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - dependency is declared
            raise KnowledgeError("sentence-transformers is not installed") from exc
        try:
            self._model = SentenceTransformer(model, device="cpu")
        except Exception as exc:  # the library raises many types for a missing/invalid model
            raise KnowledgeError(
                f"cannot load embedding model {model!r}: {exc}. Set POLICYBOT_EMBEDDING_MODEL to a local "
                "directory holding a sentence-transformers model (no download happens here)."
            ) from exc
        self._model_id = model
        self._query_prefix = query_prefix

    @property
    def name(self) -> str:
        """Readable and unique: two models in folders both called `model` never share vectors."""
        tail = self._model_id.rstrip("/").split("/")[-1]
        digest = hashlib.sha1(self._model_id.rstrip("/").encode("utf-8")).hexdigest()[:8]
        return f"st-{tail}-{digest}"

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.encode(texts, normalize_embeddings=True, batch_size=16, show_progress_bar=False)
        return [list(map(float, v)) for v in vectors]

    def embed_query(self, text: str) -> list[float]:
        vector = self._model.encode([self._query_prefix + text], normalize_embeddings=True)[0]
        return list(map(float, vector))
