#!/usr/bin/python3
"""Generate Monotone's test fixtures with real PyTorch.

Writes small attention tensors (torch.save zip files, a legacy torch file,
hand-written .safetensors files and .npy files) next to this script, plus
cases.json with the statistics that the reference notebook's own code
(shared/reference/attention-monotone-notebook.txt) computes for each of them.

Run from the repository root with Debian's PyTorch (1.13):

    /usr/bin/python3 tests/Monotone.Tests/Fixtures/make_fixtures.py

The output is deterministic (fixed seeds; the only non-deterministic byte
string PyTorch writes, the legacy format's storage key, is normalised).
Outputs of the previous run (everything listed in cases.json, and cases.json)
are deleted first; other files in the folder are left alone.

The notebook's functions come from their one copy, scripts/notebook.py
(einops calls translated to torch calls with identical semantics; three
parameters added for the option-variation cases: a slopes override, the
violation epsilon and the relative-error floor, with the notebook's values
as defaults).
"""

from __future__ import annotations

import io
import json
import math
import pickle
import pickletools
import struct
import sys
import zipfile
from dataclasses import asdict
from pathlib import Path

import numpy as np
import torch

HERE = Path(__file__).resolve().parent
OUT = HERE
CASES_JSON = OUT / "cases.json"

# The notebook's code, from its one copy (scripts/notebook.py).
sys.path.insert(0, str(HERE.parents[2] / "scripts"))
import notebook  # noqa: E402
from notebook import (  # noqa: E402
    DEFAULT_EPSILON,
    DEFAULT_RELATIVE_FLOOR,
    LayerStats,
    compute_alibi_slopes,
    compute_softmax_attention,
    load_attention_matrix_from_tensor,
    notebook_stats,
)


# ---------------------------------------------------------------------------
# Slope sets
# ---------------------------------------------------------------------------


def notebook_slopes(n_heads: int) -> list[float]:
    return compute_alibi_slopes(n_heads).tolist()


def bloom_slopes(n_heads: int) -> list[float]:
    """BLOOM's build_alibi_tensor slopes (Hugging Face), in float64."""
    cp = 2 ** math.floor(math.log2(n_heads))
    slopes = [2.0 ** (-8 * k / cp) for k in range(1, cp + 1)]
    if cp != n_heads:
        remaining = min(cp, n_heads - cp)
        slopes += [2.0 ** (-4 * (2 * m - 1) / cp) for m in range(1, remaining + 1)]
    return slopes


def mpt_slopes(n_heads: int, alibi_bias_max: int = 8) -> list[float]:
    """MPT's gen_slopes (llm-foundry), in float64."""
    n = 2 ** math.ceil(math.log2(n_heads))
    m = [k * alibi_bias_max / n for k in range(1, n + 1)]
    slopes = [1.0 / 2.0 ** mk for mk in m]
    if n != n_heads:
        slopes = (slopes[1::2] + slopes[::2])[:n_heads]
    return slopes


def resolve_slopes(spec, n_heads: int) -> tuple[list[float] | None, list[float]]:
    """Return (override passed to the notebook code, slope values used)."""
    if spec == "notebook":
        return None, notebook_slopes(n_heads)
    if spec == "bloom":
        values = bloom_slopes(n_heads)
    elif spec == "mpt":
        values = mpt_slopes(n_heads)
    else:
        values = [float(v) for v in spec]
    assert len(values) == n_heads, (spec, n_heads, values)
    return values, values


# ---------------------------------------------------------------------------
# Tensor makers (all deterministic)
# ---------------------------------------------------------------------------


def gen(seed: int) -> torch.Generator:
    g = torch.Generator()
    g.manual_seed(seed)
    return g


def causal_softmax(logits: torch.Tensor) -> torch.Tensor:
    """Causal softmax over the last dim: a plausible mean-attention tensor."""
    n = logits.shape[-1]
    mask = torch.ones(n, n, dtype=torch.bool).tril()
    return torch.softmax(logits.masked_fill(~mask, float("-inf")), dim=-1)


def random_attention(seed: int, L: int, H: int, n: int, scale: float = 2.0) -> torch.Tensor:
    """float32 causal softmax of torch.randn * scale."""
    logits = torch.randn(L, H, n, n, generator=gen(seed), dtype=torch.float64) * scale
    return causal_softmax(logits).to(torch.float32)


def uniform_attention(H: int, n: int) -> torch.Tensor:
    """Uniform causal attention 1/(i+1): monotone, so no violations."""
    rows = torch.arange(1, n + 1, dtype=torch.float64).unsqueeze(1)
    a = torch.ones(n, n, dtype=torch.float64).tril() / rows
    return a.unsqueeze(0).expand(H, n, n).to(torch.float32).clone()


def sink_attention(seed: int, H: int, n: int) -> torch.Tensor:
    """Peaked: every other row puts almost all its mass on the first key (an
    attention sink that switches on and off), which breaks monotonicity."""
    logits = torch.randn(H, n, n, generator=gen(seed), dtype=torch.float64)
    logits[:, 1::2, 0] += 8.0
    return causal_softmax(logits).to(torch.float32)


# ---------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------


def save_torch(obj, name: str, via: str = "path") -> None:
    path = OUT / name
    if via == "path":
        # PyTorch 1.13 names the zip's top folder after the file's base name.
        torch.save(obj, str(path))
    elif via == "bytesio":
        # Saved through a file-like object: the folder is 'archive'.
        buf = io.BytesIO()
        torch.save(obj, buf)
        path.write_bytes(buf.getvalue())
    else:
        raise ValueError(via)


def save_torch_legacy(obj, name: str) -> None:
    """Legacy (pre-1.6) format, with its address-based storage keys normalised."""
    buf = io.BytesIO()
    torch.save(obj, buf, _use_new_zipfile_serialization=False)
    data = buf.getvalue()
    # The legacy format names each storage by str(storage._cdata), a memory
    # address. Rename them '0', '1', ... (protocol 2 pickles: BINUNICODE 'X'
    # + u32 length + utf-8; no framing, so lengths may change).
    f = io.BytesIO(data)
    for _ in range(4):  # magic number, protocol version, sys_info, the object
        for _op in pickletools.genops(f):  # skips one pickle, up to its STOP
            pass
    keys = pickle.load(f)  # the sorted storage keys
    for index, key in enumerate(keys):
        old = b"X" + struct.pack("<I", len(key)) + key.encode()
        new_key = str(index).encode()
        new = b"X" + struct.pack("<I", len(new_key)) + new_key
        assert data.count(old) >= 2, (key, data.count(old))
        data = data.replace(old, new)
    (OUT / name).write_bytes(data)


ST_DTYPES = {
    torch.float32: "F32",
    torch.float16: "F16",
    torch.bfloat16: "BF16",
    torch.float64: "F64",
}
ST_NUMPY = {"F32": "<f4", "F16": "<f2", "BF16": "<u2", "F64": "<f8"}


def tensor_bytes(t: torch.Tensor) -> bytes:
    t = t.contiguous()
    if t.dtype == torch.bfloat16:
        return t.view(torch.int16).numpy().astype("<i2").tobytes()
    return t.numpy().astype(t.numpy().dtype.newbyteorder("<")).tobytes()


def write_safetensors(name: str, tensors: list[tuple[str, torch.Tensor]]) -> None:
    """safetensors by hand: u64 LE header length, JSON header, raw LE bytes."""
    header: dict = {"__metadata__": {"format": "pt"}}
    blobs = []
    offset = 0
    for key, t in tensors:
        raw = tensor_bytes(t)
        header[key] = {
            "dtype": ST_DTYPES[t.dtype],
            "shape": list(t.shape),
            "data_offsets": [offset, offset + len(raw)],
        }
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    (OUT / name).write_bytes(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def read_safetensors(name: str, key: str | None) -> torch.Tensor:
    data = (OUT / name).read_bytes()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + n].decode("utf-8"))
    header.pop("__metadata__", None)
    if key is None:
        (key,) = header.keys()
    info = header[key]
    begin, end = info["data_offsets"]
    raw = data[8 + n + begin : 8 + n + end]
    arr = np.frombuffer(raw, dtype=ST_NUMPY[info["dtype"]]).copy().reshape(info["shape"])
    if info["dtype"] == "BF16":
        return torch.from_numpy(arr.view(np.int16)).view(torch.bfloat16)
    return torch.from_numpy(arr.astype(arr.dtype.newbyteorder("=")))


# ---------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------

DTYPE_NAMES = {
    torch.float32: "float32",
    torch.float16: "float16",
    torch.bfloat16: "bfloat16",
    torch.float64: "float64",
}

cases: list[dict] = []
written: list[str] = []


def load_back(file: str, fmt: str, key: str | None) -> torch.Tensor:
    if fmt == "torch":
        obj = torch.load(str(OUT / file))
        if key is None:
            # The one tensor in whatever containers hold it.
            found = list(tensors_in(obj))
            assert len(found) == 1, (file, [k for k, _ in found])
            return found[0][1]
        # Dotted path: dict keys and list/tuple indices (docs/errors-input.md).
        matches = [v for k, v in tensors_in(obj) if k == key]
        assert len(matches) == 1, (file, key)
        return matches[0]
    if fmt == "safetensors":
        return read_safetensors(file, key)
    if fmt == "npy":
        arr = np.load(str(OUT / file))
        # Big-endian files: the same values in this machine's byte order (exact).
        return torch.from_numpy(arr.astype(arr.dtype.newbyteorder("="), copy=False))
    raise ValueError(fmt)


def tensors_in(obj, prefix: str = ""):
    """(dotted path, tensor) for every tensor in nested dicts, lists and tuples."""
    if isinstance(obj, torch.Tensor):
        yield prefix, obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from tensors_in(v, f"{prefix}.{k}" if prefix else str(k))
    elif isinstance(obj, (list, tuple)):
        for i, v in enumerate(obj):
            yield from tensors_in(v, f"{prefix}.{i}" if prefix else str(i))


def stats_close(a: list[LayerStats], b: list[LayerStats]) -> float:
    """Counts must be equal; returns the largest relative float difference."""
    worst = 0.0
    for x, y in zip(a, b, strict=True):
        assert x.combinations == y.combinations and x.violations_count == y.violations_count, (x, y)
        for field in ("total_absolute_error", "total_relative_error", "violation_rate",
                      "absolute_error", "absolute_error_std", "relative_error", "relative_error_std"):
            u, v = getattr(x, field), getattr(y, field)
            worst = max(worst, abs(u - v) / max(abs(u), abs(v), 1e-300) if u != v else 0.0)
    return worst


def threshold_margin(loaded: torch.Tensor, override, epsilon: float) -> float:
    """Smallest |diff + epsilon| over all (layer, i < j, k) of the notebook's diffs."""
    notebook.sequence_length = loaded.shape[-1]
    softmax = compute_softmax_attention(load_attention_matrix_from_tensor(loaded, override))
    cumsum = softmax.cumsum(dim=-1)
    n = cumsum.shape[-1]
    i_indices, j_indices = torch.triu_indices(n, n, offset=1)
    if i_indices.numel() == 0:
        return math.inf
    diff = cumsum[:, i_indices] - cumsum[:, j_indices]
    return (diff + epsilon).abs().min().item()


margins: list[float] = []


def valid_case(name: str, file: str, fmt: str, original: torch.Tensor, *,
               tensor: str | None = None, slopes="notebook",
               epsilon: float = DEFAULT_EPSILON,
               relative_floor: float = DEFAULT_RELATIVE_FLOOR,
               check_layout=None) -> dict:
    """Record a valid case; the file must already be written."""
    loaded = load_back(file, fmt, tensor)
    assert isinstance(loaded, torch.Tensor)
    assert loaded.dtype == original.dtype, (name, loaded.dtype, original.dtype)
    assert torch.equal(loaded, original), name
    if check_layout is not None:
        check_layout(loaded)
    L, H, n, n2 = loaded.shape
    assert n == n2
    override, slope_values = resolve_slopes(slopes, H)
    # No diff may sit so close to -epsilon that rounding could flip a count.
    margin = threshold_margin(loaded.contiguous().clone(), override, epsilon)
    assert margin > 1e-13, (name, margin)
    margins.append(margin)
    # Layout must not matter: the same values, contiguous, give the same stats.
    reference = notebook_stats(loaded.contiguous().clone(), override, epsilon, relative_floor)
    stats = notebook_stats(loaded, override, epsilon, relative_floor)
    worst = stats_close(stats, reference)
    assert worst < 1e-12, (name, worst)

    case = {"name": name, "file": file, "format": fmt}
    if tensor is not None:
        case["tensor"] = tensor
    case.update({
        "slopes": slopes,
        "epsilon": epsilon,
        "relative_floor": relative_floor,
        "expected": {
            "shape": [L, H, n, n],
            "dtype": DTYPE_NAMES[loaded.dtype],
            "slope_values": slope_values,
            "layers": [{"layer": k + 1, **asdict(s)} for k, s in enumerate(stats)],
        },
    })
    cases.append(case)
    if file not in written:
        written.append(file)
    return case


def error_case(name: str, file: str, fmt: str, error: str, *, create: bool = True) -> None:
    if create:
        assert (OUT / file).exists(), file
        written.append(file)
    else:
        assert not (OUT / file).exists(), file
    cases.append({"name": name, "file": file, "format": fmt, "error": error})


def zip_prefix(file: str) -> str:
    names = zipfile.ZipFile(OUT / file).namelist()
    prefixes = {n.split("/", 1)[0] for n in names}
    assert len(prefixes) == 1, names
    return prefixes.pop()


def build() -> None:
    # 1. float32, peaked and uniform layers mixed with random ones.
    layer_random = random_attention(101, 1, 4, 12)[0]
    layer_sink = sink_attention(102, 4, 12)
    layer_uniform = uniform_attention(4, 12)
    t = torch.stack([layer_random, layer_sink, layer_uniform]).contiguous()
    save_torch(t, "f32_basic.pt")
    valid_case("f32_basic", "f32_basic.pt", "torch", t)

    # 2. Other dtypes.
    for name, dtype, seed in (("f16", torch.float16, 201), ("bf16", torch.bfloat16, 202),
                              ("f64", torch.float64, 203)):
        t = random_attention(seed, 2, 4, 10).to(dtype)
        save_torch(t, f"{name}.pt")
        valid_case(name, f"{name}.pt", "torch", t)

    # 3. Tiny sequence lengths.
    t = random_attention(301, 2, 3, 1)
    save_torch(t, "n1.pt")
    valid_case("n1", "n1.pt", "torch", t)
    t = random_attention(302, 2, 2, 2)
    save_torch(t, "n2.pt")
    valid_case("n2", "n2.pt", "torch", t)

    # 4. Head counts that are not powers of two; other slope sets.
    for H, n, seed in ((3, 9, 401), (6, 13, 402), (12, 16, 403)):
        t = random_attention(seed, 2, H, n)
        save_torch(t, f"heads{H}.pt")
        valid_case(f"heads{H}_notebook_slopes", f"heads{H}.pt", "torch", t)
    # BLOOM's and MPT's slope sets are the same numbers mathematically (for
    # any H), but for H = 12 four of them differ by one ulp in float64:
    # 2 ** (-x) versus 1 / 2 ** x.
    t = random_attention(404, 2, 12, 10)
    save_torch(t, "heads12_alt.pt")
    valid_case("heads12_bloom_slopes", "heads12_alt.pt", "torch", t, slopes="bloom")
    valid_case("heads12_mpt_slopes", "heads12_alt.pt", "torch", t, slopes="mpt")
    t = random_attention(405, 2, 6, 12)
    save_torch(t, "heads6_alt.pt")
    valid_case("heads6_mpt_slopes", "heads6_alt.pt", "torch", t, slopes="mpt")
    valid_case("heads6_bloom_slopes", "heads6_alt.pt", "torch", t, slopes="bloom")
    t = random_attention(406, 2, 3, 9)
    save_torch(t, "heads3_explicit.pt")
    valid_case("heads3_explicit_slopes", "heads3_explicit.pt", "torch", t,
               slopes=[0.7, 0.3, 0.05])

    # 5. Raw logits of magnitude 50..500 (extreme softmax).
    g = gen(501)
    magnitude = 50.0 + 450.0 * torch.rand(2, 4, 12, 12, generator=g, dtype=torch.float64)
    sign = torch.where(torch.rand(2, 4, 12, 12, generator=g) < 0.5, -1.0, 1.0).to(torch.float64)
    t = (magnitude * sign).to(torch.float32)
    save_torch(t, "large_logits.pt")
    valid_case("large_logits", "large_logits.pt", "torch", t)

    # 6. Epsilon and relative floor options. Layer 1 holds raw logits: 40 on
    #    the first key, 13..28 elsewhere, so every row's tail mass is about
    #    1e-5..1e-12 and the violating diffs straddle both epsilons (36
    #    violations at 1e-10, 16 at 1e-6); layer 2 is random attention.
    g = gen(601)
    tails = torch.empty(4, 12, 12, dtype=torch.float64).uniform_(13.0, 28.0, generator=g)
    tails[:, :, 0] = 40.0
    t = torch.stack([tails.to(torch.float32), random_attention(602, 1, 4, 12)[0]])
    save_torch(t, "eps_floor.pt")
    valid_case("eps_floor", "eps_floor.pt", "torch", t, epsilon=1e-6, relative_floor=1e-3)
    valid_case("eps_floor_defaults", "eps_floor.pt", "torch", t)

    # 7a. Views with a storage offset / non-contiguous strides.
    big = random_attention(701, 5, 4, 12)
    t = big[1:4]
    save_torch(t, "view_offset.pt")

    def offset_layout(x):
        assert x.storage_offset() == 4 * 12 * 12, x.storage_offset()
        assert len(x.storage()) == 5 * 4 * 12 * 12
        assert x.is_contiguous()

    valid_case("view_offset", "view_offset.pt", "torch", t, check_layout=offset_layout)

    big2 = random_attention(702, 2, 3, 14)
    t = big2[:, :, 2:14, 2:14]
    save_torch(t, "view_slice.pt")

    def slice_layout(x):
        assert x.stride() == (3 * 14 * 14, 14 * 14, 14, 1), x.stride()
        assert x.storage_offset() == 2 * 14 + 2, x.storage_offset()
        assert not x.is_contiguous()

    valid_case("view_slice", "view_slice.pt", "torch", t, check_layout=slice_layout)

    # 7b. Transposed and permuted memory layouts (same logical values as a
    #     causal attention tensor).
    p = random_attention(703, 2, 4, 11)
    t = p.transpose(2, 3).contiguous().transpose(2, 3)
    save_torch(t, "transposed.pt")

    def transposed_layout(x):
        assert x.stride() == (4 * 121, 121, 1, 11), x.stride()

    valid_case("transposed", "transposed.pt", "torch", t, check_layout=transposed_layout)

    p = random_attention(704, 3, 2, 10)
    t = p.permute(1, 0, 2, 3).contiguous().permute(1, 0, 2, 3)
    save_torch(t, "permuted.pt")

    def permuted_layout(x):
        assert x.stride() == (100, 300, 10, 1), x.stride()

    valid_case("permuted", "permuted.pt", "torch", t, check_layout=permuted_layout)

    # 7c. An expanded tensor with a zero stride (heads share one storage slice).
    base = random_attention(705, 3, 4, 10)
    t = base[:, :1].expand(3, 4, 10, 10)
    save_torch(t, "expanded.pt")

    def expanded_layout(x):
        assert x.stride() == (400, 0, 10, 1), x.stride()
        assert len(x.storage()) == 3 * 4 * 100

    valid_case("expanded", "expanded.pt", "torch", t, check_layout=expanded_layout)

    # 7d. Zip folder names: path saves use the base name, file objects 'archive'.
    t = random_attention(706, 2, 4, 8)
    save_torch(t, "prefix.with.dots.pt")
    assert zip_prefix("prefix.with.dots.pt") == "prefix.with.dots"
    valid_case("zip_prefix_basename", "prefix.with.dots.pt", "torch", t)
    save_torch(t, "archive_prefix.pt", via="bytesio")
    assert zip_prefix("archive_prefix.pt") == "archive"
    valid_case("zip_prefix_archive", "archive_prefix.pt", "torch", t)
    assert zip_prefix("f32_basic.pt") == "f32_basic"

    # 8. safetensors, written by hand.
    t = random_attention(801, 2, 4, 9)
    other = torch.arange(6, dtype=torch.float64).reshape(2, 3) / 7
    write_safetensors("two_tensors_f32.safetensors",
                      [("other", other), ("attention_probs_mean", t)])
    valid_case("safetensors_f32", "two_tensors_f32.safetensors", "safetensors", t,
               tensor="attention_probs_mean")
    t = random_attention(802, 2, 4, 9).to(torch.bfloat16)
    write_safetensors("bf16.safetensors", [("attention_probs_mean", t)])
    valid_case("safetensors_bf16", "bf16.safetensors", "safetensors", t)

    # 9. npy.
    t = random_attention(901, 2, 4, 10)
    np.save(str(OUT / "f32_c.npy"), np.ascontiguousarray(t.numpy()))
    valid_case("npy_f32_c_order", "f32_c.npy", "npy", t)
    t64 = random_attention(902, 2, 4, 10).to(torch.float64)
    arr = np.asfortranarray(t64.numpy())
    assert arr.flags.f_contiguous and not arr.flags.c_contiguous
    np.save(str(OUT / "f64_fortran.npy"), arr)

    def fortran_layout(x):
        assert x.stride() == (1, 2, 8, 80), x.stride()

    valid_case("npy_f64_fortran_order", "f64_fortran.npy", "npy", t64, check_layout=fortran_layout)
    t16 = random_attention(903, 2, 4, 10).to(torch.float16)
    np.save(str(OUT / "f16.npy"), t16.numpy())
    valid_case("npy_f16", "f16.npy", "npy", t16)

    # 10. A torch file holding a dict.
    t = random_attention(1001, 2, 4, 9)
    save_torch({"attention_probs_mean": t}, "dict.pt")
    valid_case("torch_dict", "dict.pt", "torch", t, tensor="attention_probs_mean")

    # Error cases.
    t = random_attention(1101, 1, 2, 4)
    save_torch_legacy(t, "legacy.pt")
    assert not zipfile.is_zipfile(OUT / "legacy.pt")
    assert torch.equal(torch.load(str(OUT / "legacy.pt")), t)
    error_case("legacy_format", "legacy.pt", "torch", "legacy")

    save_torch({"a": torch.zeros(2, 3, 3), "b": torch.ones(2, 3)}, "state_dict.pt")
    error_case("state_dict_no_key", "state_dict.pt", "torch", "not a tensor")

    buf = io.BytesIO()
    torch.save(random_attention(1102, 2, 2, 6), buf)
    whole = buf.getvalue()
    (OUT / "truncated.pt").write_bytes(whole[: len(whole) // 2])
    error_case("truncated", "truncated.pt", "torch", "truncated")

    (OUT / "not_zip.pt").write_bytes(
        b"This is plain text, not a PyTorch checkpoint.\n" * 8)
    error_case("not_zip", "not_zip.pt", "torch", "not a")

    save_torch(random_attention(1103, 1, 2, 4)[0], "rank3.pt")
    error_case("rank3", "rank3.pt", "torch", "rank")

    save_torch(torch.rand(1, 2, 4, 5, generator=gen(1104)), "not_square.pt")
    error_case("not_square", "not_square.pt", "torch", "square")

    save_torch(torch.ones(1, 1, 3, 3, dtype=torch.int64).tril(), "int64.pt")
    error_case("int64_dtype", "int64.pt", "torch", "dtype")

    t = random_attention(1105, 1, 2, 5)
    t[0, 1, 3, 1] = float("nan")
    save_torch(t, "nan.pt")
    error_case("nan", "nan.pt", "torch", "nan")

    t = random_attention(1106, 1, 2, 5)
    t[0, 0, 4, 2] = float("inf")
    save_torch(t, "inf.pt")
    error_case("inf", "inf.pt", "torch", "infinite")

    error_case("missing_file", "does_not_exist.pt", "torch", "not found", create=False)


# ---------------------------------------------------------------------------
# -inf at used keys (issue 11, engine part; kept apart from the input cases).
# The notebook's softmax gives a used key (j <= i) holding -inf the weight 0 and
# finite statistics while its row keeps a finite key; a row whose used keys are
# all -inf gives NaN, and NaN stays NaN: those two must be refused, naming the
# first offending [layer, head, query, key].
# ---------------------------------------------------------------------------


def build_minus_infinity() -> None:
    t = random_attention(1201, 2, 3, 9)
    t[0, 0, 5, 0] = float("-inf")
    t[0, 2, 8, 3:7] = float("-inf")
    t[1, 1, 4, 4] = float("-inf")       # the diagonal key
    t[1, 2, 2, 0:2] = float("-inf")     # all used keys but one
    t[1, 0, 1, 2:] = float("-inf")      # masked keys: never used
    save_torch(t, "neg_inf_used.pt")
    case = valid_case("neg_inf_used", "neg_inf_used.pt", "torch", t)
    for layer in case["expected"]["layers"]:
        assert all(math.isfinite(v) for v in layer.values()), layer

    t = random_attention(1202, 2, 3, 6)
    t[0, 2, 3, 0:4] = float("-inf")     # every used key of one row
    t[0, 2, 4, 0] = float("nan")        # later in PyTorch's order: not the one named
    save_torch(t, "neg_inf_row.pt")
    error_case("neg_inf_row", "neg_inf_row.pt", "torch", "-inf at every key the analysis uses (0..3) of the row starting at [layer, head, query, key] = [0, 2, 3, 0]")

    t = random_attention(1203, 1, 2, 6)
    t[0, 1, 5, 0:2] = float("-inf")
    t[0, 1, 5, 3] = float("nan")        # NaN beside -inf keys is still NaN
    save_torch(t, "nan_after_neg_inf.pt")
    error_case("nan_after_neg_inf", "nan_after_neg_inf.pt", "torch", "NaN at [layer, head, query, key] = [0, 1, 5, 3]")


def write_npy_header(name: str, header: str, data: bytes, version: int = 1) -> None:
    """An .npy file with a header written by hand (padded as numpy pads it)."""
    prefix_len = 10 if version == 1 else 12
    text = header.encode("latin1" if version < 3 else "utf-8")
    total = prefix_len + len(text) + 1
    text += b" " * (-total % 64) + b"\n"
    size = struct.pack("<H", len(text)) if version == 1 else struct.pack("<I", len(text))
    (OUT / name).write_bytes(b"\x93NUMPY" + bytes([version, 0]) + size + text + data)


def assert_numpy_refuses(name: str) -> None:
    try:
        np.load(str(OUT / name))
    except (ValueError, SyntaxError):
        return
    raise AssertionError(f"numpy reads {name}")


def build_input_cases() -> None:
    """Issue 11: containers around the tensor, npy headers and byte orders, hostile names."""
    # 12. Containers: a module's state_dict (an OrderedDict with _metadata), a
    #     list, a tuple, nested containers and an nn.Parameter.
    class Probe(torch.nn.Module):
        def __init__(self, t):
            super().__init__()
            self.register_buffer("attention_probs_mean", t)

    class Model(torch.nn.Module):
        def __init__(self, t):
            super().__init__()
            self.proj = torch.nn.Linear(3, 2)
            self.probe = Probe(t)

    torch.manual_seed(1201)
    t = random_attention(1201, 2, 4, 9)
    state = Model(t).state_dict()
    assert type(state).__name__ == "OrderedDict" and hasattr(state, "_metadata")
    save_torch(state, "state_dict_module.pt")
    valid_case("torch_state_dict_module", "state_dict_module.pt", "torch", t,
               tensor="probe.attention_probs_mean")

    t = random_attention(1202, 2, 3, 8)
    save_torch([t], "list_one.pt")
    valid_case("torch_list_one_tensor", "list_one.pt", "torch", t)

    t = random_attention(1203, 2, 2, 7)
    save_torch((torch.zeros(3), t), "tuple_two.pt")
    valid_case("torch_tuple_index", "tuple_two.pt", "torch", t, tensor="1")

    t = random_attention(1204, 3, 2, 6)
    nested = {"model": {"layers": [torch.ones(2, 2), {"attn": t}]}, "step": 7,
              "args": {"lr": 0.1, "name": "run"}}
    save_torch(nested, "nested.pt")
    valid_case("torch_nested_path", "nested.pt", "torch", t, tensor="model.layers.1.attn")

    t = random_attention(1205, 2, 2, 6)
    save_torch({"p": torch.nn.Parameter(t, requires_grad=False)}, "parameter.pt")
    valid_case("torch_parameter", "parameter.pt", "torch", t)

    # A dict with one tensor needs no --tensor.
    valid_case("torch_dict_single_no_name", "dict.pt", "torch", torch.load(str(OUT / "dict.pt"))["attention_probs_mean"])

    # 13. npy: big-endian float16/32/64, a double-quoted header, Python 2's 2L sizes.
    for name, dtype, seed in (("be_f4", ">f4", 1301), ("be_f8", ">f8", 1302), ("be_f2", ">f2", 1303)):
        base = random_attention(seed, 2, 3, 8)
        arr = base.to({">f4": torch.float32, ">f8": torch.float64, ">f2": torch.float16}[dtype]).numpy().astype(dtype)
        np.save(str(OUT / f"{name}.npy"), arr)
        assert np.load(str(OUT / f"{name}.npy")).dtype.str == dtype
        expected = torch.from_numpy(arr.astype(arr.dtype.newbyteorder("=")))
        valid_case(f"npy_{name}", f"{name}.npy", "npy", expected)

    t = random_attention(1304, 2, 3, 8)
    data = t.numpy().astype("<f4").tobytes()
    write_npy_header("double_quoted.npy", '{"descr": "<f4", "fortran_order": False, "shape": (2, 3, 8, 8)}', data)
    valid_case("npy_double_quoted_header", "double_quoted.npy", "npy", t)
    write_npy_header("python2_long.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (2L, 3L, 8L, 8L), }", data)
    valid_case("npy_python2_long_sizes", "python2_long.npy", "npy", t)

    # 14. npy headers numpy refuses.
    small = np.zeros((1, 1, 2, 2), dtype="<f4").tobytes()
    write_npy_header("npy_shape_in_string.npy",
                     "{'descr': '<f4', 'fortran_order': False, 'shape': \"'shape': (1, 1, 2, 2)\"}", small)
    assert_numpy_refuses("npy_shape_in_string.npy")
    error_case("npy_shape_in_string", "npy_shape_in_string.npy", "npy", "'shape' is not a tuple")
    write_npy_header("npy_extra_key.npy",
                     "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 2, 2), 'extra': 1}", small)
    assert_numpy_refuses("npy_extra_key.npy")
    error_case("npy_extra_key", "npy_extra_key.npy", "npy", "exactly 'descr', 'fortran_order' and 'shape'")

    # 15. Several tensors, one with a name that would drive a terminal.
    save_torch({"\x1b[2J\x1b[31mevil": torch.zeros(1, 1, 2, 2), "b": torch.zeros(1, 1, 2, 2)}, "escape_keys.pt")
    error_case("escape_keys", "escape_keys.pt", "torch", "\\e[2J\\e[31mevil")

    # 16. safetensors the safetensors library refuses: overlapping ranges, a name twice.
    t = random_attention(1601, 1, 2, 4)
    raw = tensor_bytes(t)
    for name, text in (
        ("overlap.safetensors",
         '{"a":{"dtype":"F32","shape":[1,2,4,4],"data_offsets":[0,128]},'
         '"b":{"dtype":"F32","shape":[1,2,4,4],"data_offsets":[0,128]}}'),
        ("duplicate_key.safetensors",
         '{"a":{"dtype":"F32","shape":[1,2,4,4],"data_offsets":[0,128]},'
         '"a":{"dtype":"F32","shape":[1,2,4,4],"data_offsets":[0,128]}}'),
    ):
        header = text.encode()
        header += b" " * (-len(header) % 8)
        (OUT / name).write_bytes(struct.pack("<Q", len(header)) + header + raw)
    error_case("safetensors_overlap", "overlap.safetensors", "safetensors", "'a' and 'b' overlap")
    error_case("safetensors_duplicate_key", "duplicate_key.safetensors", "safetensors", "named twice")


def clean_previous() -> None:
    if not CASES_JSON.exists():
        return
    try:
        previous = json.loads(CASES_JSON.read_text())
        files = {c["file"] for c in previous.get("cases", [])}
    except (ValueError, KeyError, TypeError):
        files = set()
    for f in files:
        p = (OUT / f).resolve()
        if p.parent == OUT and p.is_file() and p.name != Path(__file__).name:
            p.unlink()
    CASES_JSON.unlink()


def main() -> int:
    torch.manual_seed(0)
    np.random.seed(0)
    clean_previous()
    build()
    build_minus_infinity()
    build_input_cases()
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), names
    doc = {"generator": "make_fixtures.py", "torch_version": torch.__version__, "cases": cases}
    with open(CASES_JSON, "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write("\n")
    # Summary for humans.
    for c in cases:
        if "expected" in c:
            counts = [layer["violations_count"] for layer in c["expected"]["layers"]]
            print(f"{c['name']:28s} {c['expected']['dtype']:9s} {str(c['expected']['shape']):16s} violations {counts}")
        else:
            print(f"{c['name']:28s} error: {c['error']}")
    total = sum((OUT / f).stat().st_size for f in written) + CASES_JSON.stat().st_size
    print(f"smallest |diff + epsilon| over all valid cases: {min(margins)!r}")
    print(f"{len(cases)} cases, {len(written) + 1} files, {total} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
