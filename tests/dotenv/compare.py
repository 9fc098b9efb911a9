#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The fix401 authors.
"""Compares fix401's loaders (dump-loaders output) with the real programs
over every tests/dotenv/cases/*.env.  Run by parity.sh:

  compare.py --dump PATH/dump-loaders --cases DIR --expected DIR \
             --node NODE.json --tmp DIR [--only LOADER] [--case CASE]...

(parity.sh passes its own arguments on, so a loader's author can run
 sh tests/dotenv/parity.sh --only compose-env-file)

  python-dotenv     this very interpreter: dotenv_values(path), run with
                    os.environ set to the generation environment;
                    UnicodeDecodeError means refused
  node-dotenv       the JSON node-parse.js wrote (npm dotenv parse(Buffer))
  sh-source         /bin/sh -c 'set -a; . ./f' in a copy of the case,
                    under exactly the generation environment
  docker-env-file,  expected/<case>.json, written by hand from the
  compose-env-file  reference's rules (see make-cases.py)

Prints one line per mismatch (case, loader, name, expected, ours), then a
one-line summary; exits 1 if anything differs."""

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
import time

GEN_ENV = {
    "PATH": "/nonexistent",
    "HOME": "/tmp",
    "LANG": "C.UTF-8",
    "FROM_ENV": "value-from-process-env",
}
LOADERS = ("python-dotenv", "node-dotenv", "docker-env-file",
           "compose-env-file", "sh-source")

# Variables the shell itself puts in the environment (dash: PWD; bash also
# SHLVL and _), never the file's doing.  They are left out on both sides.
SHELL_OWN = {b"PWD", b"OLDPWD", b"SHLVL", b"_"}

# Cases whose sh result cannot be predicted, with the reason.
SH_EXCLUDED = {
    "interp-double-dollar": "$$ expands to the shell's PID",
    # Command substitution stays in: the sh loader runs a lone echo the
    # way dash does, and other commands are never found (PATH is empty).
}

# The sourcing script.  The EXIT trap dumps the environment even when a
# syntax error (or a failing special builtin) makes the shell quit in the
# middle of the file; the DONE marker tells whether reading got to the end.
SH_SCRIPT = ('trap "/usr/bin/env -0 >../env.out" EXIT; '
             'set -a; . ./f; set +a; printf DONE >../done')

# Full fake keys are shown by name, to keep mismatch lines short.
_FAKE, _OLD = "FAKEfake0123456789" * 5, "OLDold9876543210xX" * 5
ABBREV = ((("sk-proj-" + _FAKE[:74] + "T3BlbkFJ" + _FAKE[:74]).encode(),
           "<KEY>"),
          (("sk-proj-" + _OLD[:74] + "T3BlbkFJ" + _OLD[:74]).encode(),
           "<KEY2>"))

UNSET = object()    # a name the loader does not define


def show(v):
    """An escaped, one-line rendering of a value (bytes), None or UNSET."""
    if v is UNSET:
        return "(unset)"
    if v is None:
        return "(name-only)"
    parts = [v]
    for raw, name in ABBREV:
        parts = [q for p in parts for q in _split_keep(p, raw, name)]
    out = []
    for p in parts:
        out.append(p if isinstance(p, str) else _escape(p))
    return '"' + "".join(out) + '"'


def _split_keep(p, raw, name):
    if isinstance(p, str) or raw not in p:
        return [p]
    pieces = p.split(raw)
    res = [pieces[0]]
    for piece in pieces[1:]:
        res += [name, piece]
    return res


def _escape(b):
    out = []
    for ch in b.decode("utf-8", "surrogateescape"):
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:
            out.append("\\x%02x" % (o - 0xDC00))
        elif ch in '\\"':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif 0x20 <= o < 0x7F:
            out.append(ch)
        elif o < 0x80:
            out.append("\\x%02x" % o)
        else:
            out.append("\\u%04x" % o if o < 0x10000 else "\\U%08x" % o)
    return "".join(out)


def show_name(n):
    return _escape(n) if n else '""'


# ---- what each side says ----------------------------------------------------

class Result:
    """refused / truncated are None when that side does not tell."""
    def __init__(self, vars_, refused=False, truncated=None, note=None):
        self.vars = vars_           # {bytes name: bytes value or None}
        self.refused = refused
        self.truncated = truncated
        self.note = note


def ours(dump, path):
    p = subprocess.run([dump, path], stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=5, env=GEN_ENV)
    if p.returncode != 0:
        raise RuntimeError("dump-loaders exited %d: %s"
                           % (p.returncode, p.stderr.decode(errors="replace")))
    res = {}
    for loader, d in json.loads(p.stdout).items():
        pairs = [(bytes.fromhex(n), None if v is None else bytes.fromhex(v))
                 for n, v in d["vars"]]
        res[loader] = (pairs, d["refused"], d["truncated"])
    return res


def reduce_pairs(pairs, keep_null):
    """Last wins.  Unless keep_null (python-dotenv's None), a name-only
    binding sets nothing and so cannot override an earlier value."""
    out = {}
    for n, v in pairs:
        if v is None and not keep_null:
            continue
        out[n] = v
    return out


def real_python(path):
    import dotenv
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(GEN_ENV)
    try:
        vals = dotenv.dotenv_values(path)
    except UnicodeDecodeError:
        return Result({}, refused=True)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    enc = lambda s: s.encode("utf-8", "surrogatepass")
    return Result({enc(k): None if v is None else enc(v)
                   for k, v in vals.items()})


def real_node(node_out, case):
    d = node_out[case]
    return Result({bytes.fromhex(k): bytes.fromhex(v) for k, v in d.items()})


def real_sh(path, tmp, case):
    d = os.path.join(tmp, "sh", case, "d")
    os.makedirs(d, exist_ok=True)
    shutil.copyfile(path, os.path.join(d, "f"))
    try:
        p = subprocess.run(["/bin/sh", "-c", SH_SCRIPT], cwd=d, env=GEN_ENV,
                           stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=10)
    except subprocess.TimeoutExpired:
        return Result({}, note="sh timed out")
    try:
        with open(os.path.join(d, "..", "env.out"), "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        return Result({}, note="sh wrote no environment (status %d)"
                      % p.returncode)
    env = {}
    for entry in raw.split(b"\0"):
        if entry:
            n, _, v = entry.partition(b"=")
            env[n] = v
    done = os.path.exists(os.path.join(d, "..", "done"))
    return Result(env, truncated=not done)


def expected(exp_dir, case, loader):
    with open(os.path.join(exp_dir, case + ".json"), encoding="utf-8") as f:
        e = json.load(f)[loader]
    if e["refused"]:
        return Result({}, refused=True)
    return Result({k.encode(): v.encode() for k, v in e["vars"].items()})


# ---- comparison ----------------------------------------------------------

def diff_vars(want, got):
    """[(name, expected, ours)] for every name the two sides disagree on."""
    out = []
    for n in sorted(set(want) | set(got)):
        w, g = want.get(n, UNSET), got.get(n, UNSET)
        if w != g:
            out.append((n, w, g))
    return out


def compare(loader, real, mine):
    """[(name, expected, ours)] as display strings; empty when equal."""
    pairs, refused, truncated = mine
    if real.note is not None:
        return [("(run)", real.note, "-")]
    flags = []
    if loader == "sh-source":
        # What the program sees: the starting environment plus the file's
        # bindings, so a start variable the file leaves alone (or sets to
        # its old value) matches either way.
        want = {n: v for n, v in real.vars.items() if n not in SHELL_OWN}
        got = {k.encode(): v.encode() for k, v in GEN_ENV.items()}
        got.update(reduce_pairs(pairs, keep_null=False))
        for n in SHELL_OWN:
            got.pop(n, None)
        if refused:
            flags.append(("(refused)", "false", "true"))
        if real.truncated != truncated:
            flags.append(("(truncated)", str(real.truncated).lower(),
                          str(truncated).lower()))
    elif real.refused or refused:
        if real.refused == refused:
            return []
        return [("(refused)", str(real.refused).lower(),
                 str(refused).lower())]
    else:
        want = real.vars
        got = reduce_pairs(pairs, keep_null=(loader == "python-dotenv"))
    return flags + [(show_name(n), show(w), show(g))
                    for n, w, g in diff_vars(want, got)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", required=True)
    ap.add_argument("--cases", required=True)
    ap.add_argument("--expected", required=True)
    ap.add_argument("--node", required=True)
    ap.add_argument("--tmp", required=True)
    ap.add_argument("--only", help="compare only this loader")
    ap.add_argument("--case", action="append",
                    help="compare only this case (repeatable)")
    ap.add_argument("--deadline", type=float, default=50,
                    help="seconds before giving up (default 50)")
    a = ap.parse_args()
    stop_at = time.monotonic() + a.deadline

    logging.disable(logging.CRITICAL)   # python-dotenv's parse warnings
    with open(a.node, encoding="ascii") as f:
        node_out = {os.path.basename(k)[:-4]: v for k, v in json.load(f).items()}
    cases = sorted(f[:-4] for f in os.listdir(a.cases) if f.endswith(".env")
                   and (not a.case or f[:-4] in a.case))
    compared = excluded = 0
    per_loader = dict.fromkeys(LOADERS, 0)
    bad = 0
    for case in cases:
        if time.monotonic() > stop_at:
            print(f"parity: time limit of {a.deadline:g} s reached at {case}")
            bad += 1
            break
        path = os.path.join(a.cases, case + ".env")
        try:
            mine = ours(a.dump, path)
        except (RuntimeError, subprocess.TimeoutExpired, ValueError) as e:
            print(f"{case}\t(all)\tdump-loaders failed: {e}")
            bad += 1
            continue
        for loader in LOADERS:
            if a.only and loader != a.only:
                continue
            if loader == "sh-source" and case in SH_EXCLUDED:
                excluded += 1
                continue
            if loader == "python-dotenv":
                real = real_python(path)
            elif loader == "node-dotenv":
                real = real_node(node_out, case)
            elif loader == "sh-source":
                real = real_sh(path, a.tmp, case)
            else:
                real = expected(a.expected, case, loader)
            compared += 1
            diffs = compare(loader, real, mine[loader])
            if diffs:
                per_loader[loader] += 1
            for n, w, g in diffs:
                print(f"{case}\t{loader}\t{n}\texpected {w}\tours {g}")
    failed = sum(per_loader.values())
    detail = ", ".join(f"{k} {v}" for k, v in per_loader.items())
    print(f"parity: {len(cases)} cases, {compared} case x loader comparisons "
          f"({excluded} excluded), {failed} differ ({detail})"
          + (f", {bad} cases not run" if bad else ""))
    return 1 if failed or bad else 0


if __name__ == "__main__":
    sys.exit(main())
