#!/usr/bin/env python3
"""Goldens for org.autograd4j.io.Safetensors (SafetensorsTest).

Python's safetensors package is not installable here, so the files are built from the format as the Rust crate
huggingface/safetensors writes it (safetensors/src/tensor.rs: `prepare` sorts by dtype alignment, largest
first, then by name; serde_json's compact JSON with `__metadata__` first; the header padded with spaces to a
multiple of 8), with the tensors' bytes from PyTorch 1.13.1. The writer below is first checked against the
byte arrays the crate's own tests assert (test_serialization, test_empty), copied here as CRATE.

Writes core/src/test/resources/goldens/safetensors.txt, tab separated:
  save <TAB> case <TAB> tensors <TAB> metadata <TAB> file
  load <TAB> case <TAB> file <TAB> tensors
tensors: entries joined by ' ', each 'name-as-utf8-hex|dtype|shape|value bits' (shape ',' separated, '-' for
a 0-d tensor; values: float32/float64 hex bits or int64/bool decimals, ',' separated, '-' for none); in load
lines the values are what the file's tensors load as (F16/BF16 as float32). metadata: 'k=v' pairs (utf8 hex)
joined by ',', '-' for none, '{}' for an empty map. file: the whole file as hex.
Run: ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_safetensors.py
"""
import json
import os
import struct

import torch

OUT = os.path.join(os.path.dirname(__file__), "../../core/src/test/resources/goldens/safetensors.txt")
# the crate's Dtype enum order (alignment rank); only the relative order matters
RANK = {"BOOL": 0, "F16": 13, "BF16": 14, "I32": 15, "F32": 17, "F64": 19, "I64": 20}
NAME = {torch.float32: "F32", torch.float64: "F64", torch.int64: "I64", torch.bool: "BOOL",
        torch.float16: "F16", torch.bfloat16: "BF16"}

CRATE = {
    # test_serialization: {"attn.0": F32 [1, 2, 3] = 0..5}
    "test_serialization": [
        64, 0, 0, 0, 0, 0, 0, 0, 123, 34, 97, 116, 116, 110, 46, 48, 34, 58, 123, 34, 100,
        116, 121, 112, 101, 34, 58, 34, 70, 51, 50, 34, 44, 34, 115, 104, 97, 112, 101, 34,
        58, 91, 49, 44, 50, 44, 51, 93, 44, 34, 100, 97, 116, 97, 95, 111, 102, 102, 115,
        101, 116, 115, 34, 58, 91, 48, 44, 50, 52, 93, 125, 125, 0, 0, 0, 0, 0, 0, 128, 63,
        0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64, 0, 0, 160, 64],
    # test_empty: no tensors, no metadata
    "test_empty": [8, 0, 0, 0, 0, 0, 0, 0, 123, 125, 32, 32, 32, 32, 32, 32],
    # test_empty: no tensors, metadata {"framework": "pt"}
    "test_empty_metadata": [
        40, 0, 0, 0, 0, 0, 0, 0, 123, 34, 95, 95, 109, 101, 116, 97, 100, 97, 116, 97, 95,
        95, 34, 58, 123, 34, 102, 114, 97, 109, 101, 119, 111, 114, 107, 34, 58, 34, 112,
        116, 34, 125, 125, 32, 32, 32, 32, 32],
}


def raw(t):
    t = t.contiguous()
    if t.dtype == torch.bool:
        return bytes(t.to(torch.uint8).reshape(-1).tolist())
    if t.dtype == torch.bfloat16:
        return t.view(torch.int16).numpy().tobytes()
    return t.numpy().tobytes()


def st_bytes(tensors, metadata):
    order = sorted(tensors.items(), key=lambda kv: (-RANK[NAME[kv[1].dtype]], kv[0].encode("utf-8")))
    header = {}
    if metadata is not None:
        header["__metadata__"] = dict(sorted(metadata.items()))
    offset = 0
    for name, t in order:
        n = len(raw(t))
        header[name] = {"dtype": NAME[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + n]}
        offset += n
    js = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    js += b" " * ((8 - len(js) % 8) % 8)
    return struct.pack("<Q", len(js)) + js + b"".join(raw(t) for _, t in order)


assert list(st_bytes({"attn.0": torch.arange(6, dtype=torch.float32).reshape(1, 2, 3)}, None)) == CRATE["test_serialization"]
assert list(st_bytes({}, None)) == CRATE["test_empty"]
assert list(st_bytes({}, {"framework": "pt"})) == CRATE["test_empty_metadata"]


def values(t):
    if t.numel() == 0:
        return "-"
    flat = t.reshape(-1)
    if t.dtype == torch.float32:
        return ",".join("%08x" % v for v in flat.view(torch.int32).tolist() for v in [v & 0xffffffff])
    if t.dtype == torch.float64:
        return ",".join("%016x" % (v & 0xffffffffffffffff) for v in flat.view(torch.int64).tolist())
    return ",".join(str(int(v)) for v in flat.tolist())


def spec(name, t, as_dtype=None):
    shape = ",".join(str(d) for d in t.shape) if t.dim() else "-"
    return "%s|%s|%s|%s" % (name.encode("utf-8").hex(), NAME[as_dtype or t.dtype], shape, values(t))


def meta(m):
    if m is None:
        return "-"
    if not m:
        return "{}"
    return ",".join("%s=%s" % (k.encode().hex(), v.encode().hex()) for k, v in m.items())


g = torch.Generator().manual_seed(5)
SAVES = [
    ("attn", {"attn.0": torch.arange(6, dtype=torch.float32).reshape(1, 2, 3)}, None),
    ("empty", {}, None),
    ("empty_metadata", {}, {"framework": "pt"}),
    ("mixed", {
        "b": torch.randn(3, generator=g),
        "a": torch.randn(2, 2, generator=g).double(),
        "z": torch.tensor([-3, 0, 2 ** 40, -2 ** 63]),
        "m": torch.tensor([True, False, True, True, False]),
        "scalar": torch.tensor(1.5),
        "A": torch.tensor([[1.0, -0.0], [float("inf"), float("nan")]]),
        "i": torch.tensor(7),
    }, {"format": "pt"}),
    ("names", {
        'quote"name': torch.ones(2),
        "back\\slash": torch.zeros(1),
        "tab\tnew\nline\x01": torch.full((2,), 0.25),
        "\u00fcn\u00efc\u00f6de": torch.arange(3, dtype=torch.float32),
        "emoji\U0001F600": torch.tensor([2.0]),
        "\uffeeBMP": torch.tensor([3.0]),
        "slash/ok": torch.tensor([4.0]),
    }, {"k\"ey": "va\\lue\u00e9"}),
    ("empty_tensors", {"e": torch.zeros(0, 3), "f": torch.ones(2, 0, dtype=torch.int64), "x": torch.ones(1)}, {}),
    ("model_like", {
        "layer.0.weight": torch.randn(4, 3, generator=g),
        "layer.0.bias": torch.randn(4, generator=g),
        "layer.1.weight": torch.randn(2, 4, generator=g),
        "layer.1.bias": torch.randn(2, generator=g),
        "step": torch.tensor(12),
        "mask": torch.tensor([[True, False], [False, True]]),
    }, {"epoch": "3"}),
]

LOADS = [
    ("f16", {"h": torch.tensor([0.0, -0.0, 1.0, -2.5, 65504.0, 6e-8, float("inf"), float("nan"), 0.1], dtype=torch.float16),
             "w": torch.randn(2, 3, generator=g).to(torch.float16)}),
    ("bf16", {"b": torch.tensor([0.0, -1.0, 3.140625, 1e38, -1e-38, float("inf")], dtype=torch.bfloat16),
              "w": torch.randn(3, 2, generator=g).to(torch.bfloat16), "s": torch.tensor(2.0, dtype=torch.bfloat16)}),
    ("mixed_half", {"x": torch.randn(4, generator=g), "h": torch.randn(4, generator=g).half(),
                    "b": torch.randn(2, 2, generator=g).bfloat16(), "i": torch.arange(3)}),
]

with open(OUT, "w") as f:
    f.write("# generated by tools/goldens/gen_safetensors.py (format from the Rust crate's source; PyTorch %s)\n"
            % torch.__version__)
    for case, ts, m in SAVES:
        f.write("save\t%s\t%s\t%s\t%s\n" % (case, " ".join(spec(k, v) for k, v in ts.items()) or "-", meta(m),
                                             st_bytes(ts, m).hex()))
    for case, ts in LOADS:
        order = sorted(ts.items(), key=lambda kv: (-RANK[NAME[kv[1].dtype]], kv[0].encode("utf-8")))
        loaded = " ".join(spec(k, v.float() if v.dtype in (torch.float16, torch.bfloat16) else v) for k, v in order)
        f.write("load\t%s\t%s\t%s\n" % (case, st_bytes(ts, None).hex(), loaded))
