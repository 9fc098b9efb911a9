# SPDX-License-Identifier: GPL-3.0-or-later
"""Asserts Python expressions over a fix401 --json document.

Usage: check-json.py FILE CASE EXPR...  Each EXPR is evaluated with:
  j                 the parsed document
  status(id)        the status of check id ("pass", "warn", ...)
  summary(id)       its summary
  detail(id), fix(id)  its detail and fix ("" when null)
  win(consumer)     the winning candidate (a dict) or None
  cands(**match)    candidates whose fields equal the given values
  hints()           the hint ids
Prints each failing expression with the values involved; exit 1 if any.
"""
import json
import sys


def main():
    path, case, exprs = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        j = json.loads(text)
    except ValueError as e:
        print(f"{case}: not JSON ({e}): {text[:200]!r}")
        return 1
    checks = {c["id"]: c for c in j.get("checks", [])}

    def win(consumer):
        i = j["winners"][consumer]
        return None if i is None else j["candidates"][i]

    def cands(**match):
        return [c for c in j["candidates"]
                if all(c.get(k) == v for k, v in match.items())]

    env = {
        "j": j, "win": win, "cands": cands,
        "status": lambda i: checks[i]["status"],
        "summary": lambda i: checks[i]["summary"],
        "detail": lambda i: checks[i]["detail"] or "",
        "fix": lambda i: checks[i]["fix"] or "",
        "hints": lambda: [h["id"] for h in j.get("hints", [])],
    }
    bad = 0
    for e in exprs:
        try:
            ok = eval(e, env)
        except Exception as x:  # a missing field is a failure too
            ok, e = False, f"{e}  ({type(x).__name__}: {x})"
        if not ok:
            bad += 1
            print(f"{case}: expected {e}")
    if bad:
        print(f"{case}: checks: " + ", ".join(
            f"{c['id']}={c['status']}" for c in j.get("checks", [])))
        print(f"{case}: winners: {j.get('winners')}")
    return 1 if bad else 0


sys.exit(main())
