"""The light query path: the index's own model exported to ONNX, run by onnxruntime.

`kb ask` must answer in well under a second, and importing torch alone takes seconds.
So at ingest the sentence-transformers model (already loaded to embed passages) is
exported once to ONNX with `torch.onnx.export`, checked against sentence-transformers
on sample texts, and written into the index generation beside a copy of its tokenizer.
At query time only numpy, `tokenizers` and onnxruntime are imported. When the exported
model is missing, damaged or cannot run, queries fall back to sentence-transformers
with a note on stderr.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kb.embed import Embedder, load_embedder, sha256_file
from kb.errors import KbError

if TYPE_CHECKING:
    import numpy as np

    from kb.embed import SentenceTransformerEmbedder
    from kb.store.manifest import Manifest

MODEL_FILE = "query-model.onnx"
TOKENIZER_FILE = "query-tokenizer.json"
OPSET = 17
PARITY_MIN = 0.999  # lowest cosine between ONNX and sentence-transformers accepted at export
BATCH = 32

PARITY_SAMPLES = (
    "what was resolved on SEND backlog",
    "RESOLVED: That the report be noted and the recommendations be approved.",
    "Apologies for absence were received from Councillor Smith.",
    "The number of Education, Health and Care Plans issued within 20 weeks rose to 64 per "
    "cent in the quarter, against a national average of 50 per cent, while requests for "
    "assessment continued to increase.",
    "x",
)


class QueryModelError(KbError):
    """The exported query model is missing, damaged or cannot run."""


def export_query_model(embedder: SentenceTransformerEmbedder, folder: Path) -> dict[str, Any]:
    """Export `embedder`'s model to ONNX in `folder`; return its manifest record.

    Raises `QueryModelError` when the model cannot be exported or the export does not
    give the same vectors as sentence-transformers (cosine below PARITY_MIN), and `OSError`
    when the file cannot be written (a full disk is not the model's fault).
    """
    import numpy as np
    import torch

    if not (embedder.path / "tokenizer.json").is_file():
        raise QueryModelError(f"{embedder.name} has no tokenizer.json; cannot export it")
    model = embedder.sentence_transformer()
    names = [n for n in model.tokenizer.model_input_names if n in _INPUTS]
    if "input_ids" not in names or "attention_mask" not in names:
        raise QueryModelError(f"{embedder.name} takes inputs {names}; cannot export it")

    class Wrapped(torch.nn.Module):
        """Features in by keyword (as transformers 5 wants), unit vectors out."""

        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, *inputs: Any) -> Any:
            features = self.model(dict(zip(names, inputs, strict=True)))
            return torch.nn.functional.normalize(features["sentence_embedding"], p=2, dim=1)

    dummy = tuple(torch.ones(2, 16, dtype=torch.long) for _ in names)
    target = folder / MODEL_FILE
    tmp = folder / f"{MODEL_FILE}.tmp"
    model.eval()
    try:
        with torch.no_grad(), warnings.catch_warnings(), _quiet_stderr():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Wrapped(),
                dummy,
                str(tmp),
                input_names=names,
                output_names=["embedding"],
                dynamic_axes={
                    **{n: {0: "batch", 1: "tokens"} for n in names},
                    "embedding": {0: "batch"},
                },
                opset_version=OPSET,
                dynamo=False,
            )
    except Exception as exc:  # any exporter failure: queries will use sentence-transformers
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise
        raise QueryModelError(
            f"could not export {embedder.name} to ONNX ({type(exc).__name__}: {exc})"
        ) from exc
    os.replace(tmp, target)
    shutil.copyfile(embedder.path / "tokenizer.json", folder / TOKENIZER_FILE)
    record = {
        "file": MODEL_FILE,
        "tokenizer": TOKENIZER_FILE,
        "sha256": sha256_file(target),
        "tokenizer_sha256": sha256_file(folder / TOKENIZER_FILE),
        "source_checksum": embedder.checksum,
        "inputs": names,
        "max_tokens": embedder.max_tokens,
        "dimension": embedder.dimension,
        "opset": OPSET,
    }
    onnx = OnnxEmbedder(folder, record, name=embedder.name, verify=False)
    samples = list(PARITY_SAMPLES)
    worst = float(np.min(np.sum(onnx.encode(samples) * embedder.encode(samples), axis=1)))
    if worst < PARITY_MIN:
        target.unlink(missing_ok=True)
        raise QueryModelError(
            f"the ONNX export of {embedder.name} differs from sentence-transformers "
            f"(cosine {worst:.4f}); queries will use sentence-transformers"
        )
    record["parity_min_cosine"] = round(worst, 6)
    return record


_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


@contextlib.contextmanager
def _quiet_stderr() -> Any:
    """Silence the exporter's C++-level chatter on file descriptor 2."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(os.devnull, "w") as null:
        os.dup2(null.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def carry_over(previous: Path, folder: Path, record: dict[str, Any]) -> bool:
    """Hard-link (or copy) the previous generation's query model into `folder`.

    False when the previous files are missing or fail their checksums; `OSError` when
    `folder` refuses the copy.
    """
    for key, checksum in (("file", "sha256"), ("tokenizer", "tokenizer_sha256")):
        try:
            source, target = previous / str(record[key]), folder / str(record[key])
            if sha256_file(source) != record[checksum]:
                return False
        except (OSError, KeyError):
            return False
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
    return True


class OnnxEmbedder:
    """Query embedder running the exported model with onnxruntime and `tokenizers`."""

    def __init__(
        self,
        folder: Path,
        record: dict[str, Any],
        name: str,
        verify: bool = True,
        spinning: bool = True,
    ) -> None:
        model_path = folder / str(record.get("file", MODEL_FILE))
        tokenizer_path = folder / str(record.get("tokenizer", TOKENIZER_FILE))
        if not model_path.is_file() or not tokenizer_path.is_file():
            raise QueryModelError(f"{model_path.name} is missing from {folder}")
        try:
            if verify and sha256_file(model_path) != record.get("sha256"):
                raise QueryModelError(f"{model_path} fails its SHA-256 check")
            if verify and sha256_file(tokenizer_path) != record.get("tokenizer_sha256"):
                raise QueryModelError(f"{tokenizer_path} fails its SHA-256 check")
        except OSError as exc:
            raise QueryModelError(f"{model_path.name} cannot be read ({exc.strerror})") from exc
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise QueryModelError(f"{exc.name} is not installed") from exc
        self.name = name
        try:
            self.checksum = str(record["source_checksum"])
            self.dimension = int(record["dimension"])
            self.max_tokens = int(record["max_tokens"])
            self.inputs = list(record.get("inputs", _INPUTS))
            self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
        except Exception as exc:  # a damaged record, or a tokenizer file `tokenizers` rejects
            raise QueryModelError(
                f"the query model's record or tokenizer is damaged ({type(exc).__name__})"
            ) from exc
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(self.max_tokens)
        options = ort.SessionOptions()
        options.intra_op_num_threads = min(4, os.cpu_count() or 1)
        options.log_severity_level = 3
        if not spinning:  # idle threads spinning would take the cores from other work
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        try:
            self._session = ort.InferenceSession(
                str(model_path), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime raises its own untyped errors
            raise QueryModelError(f"onnxruntime cannot load {model_path}: {exc}") from exc

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text (batched by length)."""
        import numpy as np

        out = np.zeros((len(texts), self.dimension), dtype="float32")
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            width = max(len(encodings[i].ids) for i in rows)
            feed = {n: np.zeros((len(rows), width), dtype="int64") for n in self.inputs}
            for r, i in enumerate(rows):
                e = encodings[i]
                feed["input_ids"][r, : len(e.ids)] = e.ids
                feed["attention_mask"][r, : len(e.ids)] = 1
                if "token_type_ids" in feed:
                    feed["token_type_ids"][r, : len(e.ids)] = e.type_ids
            out[rows] = self._session.run(None, feed)[0]
        return out

    def count_tokens(self, text: str) -> int:
        """Word pieces in `text`, without special tokens."""
        return len(self._tokenizer.encode(text, add_special_tokens=False).ids)


def load_query_embedder(folder: Path, manifest: Manifest, spinning: bool = True) -> Embedder:
    """The fastest faithful query embedder for an index generation.

    The exported ONNX model when the manifest records one and it loads; otherwise
    sentence-transformers, with a one-line note on stderr saying how to get the fast path.
    `spinning=False` stops onnxruntime's idle threads from spinning, for when other threads
    (parallel keyword search) need the cores at the same moment.
    """
    record = manifest.query_model
    if "error" in record:
        reason = f"no ONNX query model ({record['error']})"
    elif record and record.get("source_checksum") == manifest.model_checksum:
        try:
            return OnnxEmbedder(folder, record, name=manifest.model, spinning=spinning)
        except QueryModelError as exc:
            reason = str(exc)
    else:
        reason = "this index has no ONNX query model"
    advice = "" if "error" in record else " Run `kb ingest` to export it."
    print(
        f"kb: note: {reason}; loading sentence-transformers instead (slower).{advice}",
        file=sys.stderr,
    )
    return load_embedder(manifest.model)
