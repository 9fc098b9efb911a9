#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The fix401 authors.
"""Writes the parity corpus: tests/dotenv/cases/<case>.env (exact bytes) and
tests/dotenv/expected/<case>.json (what docker run --env-file and docker
compose env_file: give for it).  Run it once after editing, and commit what it
writes:  /usr/bin/python3 tests/dotenv/make-cases.py

The docker and compose columns are written by hand, case by case, from the
rules in the dotenv-semantics reference (§1 table, §5 docker/cli kvfile, §6
compose-go dotenv).  They are NOT produced by fix401's loaders (that would be
circular) and not by any program: there is no docker engine or compose here.
python-dotenv, npm dotenv and sh are run for real by parity.sh instead.

Expected-file shape:
  {"docker-env-file":  {"refused": false, "vars": {"NAME": "value", ...}},
   "compose-env-file": {"refused": true, "error": "words of the program"},
   "_note": "where the reference is silent, or a rule worth pointing at"}
"vars" is the final environment (duplicates resolved, last wins); a
name-only line whose name is unset in the environment is simply absent.
The environment the programs run in is the reference's generation
environment (PATH, HOME, LANG, FROM_ENV=value-from-process-env).
All keys are fake: an obviously repeating pattern in the real key shape."""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# ---- fake values, shaped like the real thing --------------------------------
_FAKE = "FAKEfake0123456789" * 5
_OLD = "OLDold9876543210xX" * 5
K = "sk-proj-" + _FAKE[:74] + "T3BlbkFJ" + _FAKE[:74]    # the "good" key
K2 = "sk-proj-" + _OLD[:74] + "T3BlbkFJ" + _OLD[:74]     # a stale key
N = "OPENAI_API_KEY"
ORG = "org-FAKEfakeFAKEfake0123"
PROJ = "proj_FAKEfakeFAKEfake0123"
V = "value-from-process-env"    # FROM_ENV in the generation environment
assert len(K) == 164 and len(K2) == 164


class Refused:
    """The program rejects the whole file (the words are informative only)."""
    def __init__(self, error):
        self.error = error


def R(error):
    return Refused(error)


CASES = []


def case(name, data, docker, compose, note=None):
    """data: str (written as UTF-8) or bytes.  docker/compose: a dict of the
    final variables, or R("error")."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    assert all(c[0] != name for c in CASES), name
    CASES.append((name, data, docker, compose, note))


def same(name, data, both, note=None):
    """docker and compose agree."""
    case(name, data, both, both, note)


# ======================================================================
# base: the one form every loader reads identically (§9 end)
# ======================================================================
same("base-simple", f"{N}={K}\n", {N: K})
same("base-no-final-newline", f"{N}={K}", {N: K})
same("base-comment-lines",
     f"# OpenAI credentials\n  # indented comment\n\t# tab-indented\n{N}={K}\n",
     {N: K})
same("base-blank-lines", f"\n\n   \n{N}={K}\n\n\n", {N: K})
same("base-realistic",
     f"# OpenAI\n{N}={K}\nOPENAI_ORG_ID={ORG}\nOPENAI_PROJECT_ID={PROJ}\n\n"
     "# Database\nDATABASE_URL=postgres://app:secret@localhost:5432/app\n"
     "DEBUG=true\n",
     {N: K, "OPENAI_ORG_ID": ORG, "OPENAI_PROJECT_ID": PROJ,
      "DATABASE_URL": "postgres://app:secret@localhost:5432/app",
      "DEBUG": "true"})
same("base-empty-file", "", {})
same("base-comment-only", "# nothing here yet\n", {})
same("base-empty-value", f"{N}=\n", {N: ""})

# ======================================================================
# quotes (§1 single/double/backticks/unmatched/after the closing quote)
# ======================================================================
case("q-double", f'{N}="{K}"\n', {N: f'"{K}"'}, {N: K})
case("q-single", f"{N}='{K}'\n", {N: f"'{K}'"}, {N: K})
same("q-backtick", f"{N}=`{K}`\n", {N: f"`{K}`"},
     "compose: a backtick is not a quote, so the value is unquoted text")
same("q-smart-double", f"{N}=\u201c{K}\u201d\n", {N: f"\u201c{K}\u201d"})
same("q-smart-single", f"{N}=\u2018{K}\u2019\n", {N: f"\u2018{K}\u2019"})
same("q-smart-low", f"{N}=\u201e{K}\u201c\n", {N: f"\u201e{K}\u201c"})
same("q-guillemets", f"{N}=\u00ab{K}\u00bb\n", {N: f"\u00ab{K}\u00bb"})
same("q-fullwidth", f"{N}=\uff02{K}\uff02\n", {N: f"\uff02{K}\uff02"})
case("q-nested-single-in-double", f"{N}=\"'{K}'\"\n",
     {N: f"\"'{K}'\""}, {N: f"'{K}'"})
case("q-nested-double-in-single", f"{N}='\"{K}\"'\n",
     {N: f"'\"{K}\"'"}, {N: f'"{K}"'})
case("q-doubled-double", f'{N}=""{K}""\n', {N: f'""{K}""'},
     R('unexpected character "\\"" in variable name'),
     "compose: \"\" closes at once (value \"\"); the rest of the line is the "
     "next statement, a name that runs into a quote")
case("q-doubled-single", f"{N}=''{K}''\n", {N: f"''{K}''"},
     R("unexpected character \"'\" in variable name"))
case("q-open-double-swallows",
     f'{N}="{K}\nOPENAI_ORG_ID={ORG}\nDEBUG="1"\n',
     {N: f'"{K}', "OPENAI_ORG_ID": ORG, "DEBUG": '"1"'},
     R('unexpected character "\\"" in variable name'),
     "compose: the quote closes at DEBUG's opening quote; the rest, 1\", "
     "is parsed as a statement and the quote in the name is an error")
case("q-open-double-only", f'{N}="{K}\n', {N: f'"{K}'},
     R("unterminated quoted value"))
case("q-open-double-then-lines", f'{N}="{K}\nOPENAI_ORG_ID={ORG}\n',
     {N: f'"{K}', "OPENAI_ORG_ID": ORG}, R("unterminated quoted value"))
case("q-open-single-only", f"{N}='{K}\n", {N: f"'{K}"},
     R("unterminated quoted value"))
case("q-open-single-swallows",
     f"{N}='{K}\nOPENAI_ORG_ID={ORG}\nNOTE='x'\n",
     {N: f"'{K}", "OPENAI_ORG_ID": ORG, "NOTE": "'x'"},
     R("unexpected character \"'\" in variable name"))
case("q-mismatched-double-single", f"{N}=\"{K}'\n", {N: f"\"{K}'"},
     R("unterminated quoted value"))
case("q-mismatched-single-double", f"{N}='{K}\"\n", {N: f"'{K}\""},
     R("unterminated quoted value"))
case("q-garbage-after-close", f'{N}="{K}"xyz\n', {N: f'"{K}"xyz'}, {N: K},
     "compose: xyz becomes a name-only statement; xyz is unset, so omitted")
case("q-garbage-after-close-inherits", f'{N}="{K}"FROM_ENV\n',
     {N: f'"{K}"FROM_ENV'}, {N: K, "FROM_ENV": V},
     "compose: FROM_ENV after the closing quote is a name-only statement "
     "and inherits the environment's value")
case("q-garbage-semicolon", f'{N}="{K}";\n', {N: f'"{K}";'},
     R('unexpected character ";" in variable name'))
case("q-escaped-quote-inside", f'{N}="{K}\\""\n', {N: f'"{K}\\""'},
     {N: f'{K}"'})
case("q-single-backslash-quote", f"{N}='{K}\\'x'\n", {N: f"'{K}\\'x'"},
     {N: f"{K}'x"}, "compose: backslash + the quote char gives the quote, "
     "in single quotes too (§6.4)")
same("q-apostrophe-unquoted", "NOTE=it's fine\n", {"NOTE": "it's fine"})
case("q-space-before-open", f'{N}= "{K}"\n', {N: f' "{K}"'}, {N: K})
case("q-trailing-space-after-close", f'{N}="{K}"   \n', {N: f'"{K}"   '},
     {N: K})
case("q-inner-spaces-double", f'{N}=" {K} "\n', {N: f'" {K} "'},
     {N: f" {K} "})
case("q-empty-double", f'{N}=""\n', {N: '""'}, {N: ""})
case("q-empty-single", f"{N}=''\n", {N: "''"}, {N: ""})
case("q-double-hash-inside", f'{N}="{K}#prod"\n', {N: f'"{K}#prod"'},
     {N: f"{K}#prod"})
case("q-single-hash-inside", f"{N}='{K} #prod'\n", {N: f"'{K} #prod'"},
     {N: f"{K} #prod"})
case("q-double-comment-nospace", f'{N}="{K}"# prod key\n',
     {N: f'"{K}"# prod key'}, {N: K},
     "compose: after the closing quote, '# prod key' is a comment statement")

# ======================================================================
# escapes inside quotes
# ======================================================================
case("esc-tab-double", f'{N}="{K}\\t"\n', {N: f'"{K}\\t"'}, {N: K + "\t"})
case("esc-newline-double", 'MULTI="line1\\nline2"\n',
     {"MULTI": '"line1\\nline2"'}, {"MULTI": "line1\nline2"})
case("esc-newline-single", "MULTI='line1\\nline2'\n",
     {"MULTI": "'line1\\nline2'"}, {"MULTI": "line1\\nline2"})
case("esc-double-all", 'ESC="a\\\\b\\tc\\nd\\re\\\'f\\$g"\n',
     {"ESC": '"a\\\\b\\tc\\nd\\re\\\'f\\$g"'},
     {"ESC": "a\\b\tc\nd\re\\'f$g"},
     "compose: \\\\ \\t \\n \\r are decoded; \\' is not in its escape list "
     "and stays; \\$ becomes $$ and then a literal $")
case("esc-double-control", 'CTRL="x\\ay\\bz\\fw\\vq"\n',
     {"CTRL": '"x\\ay\\bz\\fw\\vq"'}, {"CTRL": "x\ay\bz\fw\vq"})
case("esc-octal-double", f'{N}="{K}\\0101"\n', {N: f'"{K}\\0101"'},
     {N: K + "A"}, "compose: \\0NNN is octal, \\0101 is 'A' (§1, §6.4)")
case("esc-single-backslash", "PATHLIKE='a\\\\b'\n",
     {"PATHLIKE": "'a\\\\b'"}, {"PATHLIKE": "a\\\\b"},
     "compose: single quotes decode only backslash + quote; \\\\ stays two "
     "backslashes")

# ======================================================================
# whitespace
# ======================================================================
case("ws-trailing-space", f"{N}={K}   \n", {N: K + "   "}, {N: K})
case("ws-trailing-tab", f"{N}={K}\t\n", {N: K + "\t"}, {N: K})
case("ws-trailing-space-quoted", f'{N}="{K} "\n', {N: f'"{K} "'},
     {N: K + " "})
case("ws-nbsp-trailing", f"{N}={K}\u00a0\n", {N: K + "\u00a0"}, {N: K})
case("ws-ideographic-space", f"{N}={K}\u3000\n", {N: K + "\u3000"}, {N: K})
case("ws-nnbsp-trailing", f"{N}={K}\u202f\n", {N: K + "\u202f"}, {N: K},
     "U+202F is Unicode White_Space, so Go's unicode.IsSpace trims it")
same("ws-bom-trailing", f"{N}={K}\ufeff\n", {N: K + "\ufeff"},
     "U+FEFF is not White_Space: compose's trim keeps it")
case("ws-around-equals", f"{N} = {K}\n",
     R("variable 'OPENAI_API_KEY ' contains whitespaces"), {N: K})
case("ws-tab-before-equals", f"{N}\t={K}\n",
     R("variable 'OPENAI_API_KEY\t' contains whitespaces"), {N: K})
case("ws-leading-spaces-value", f"{N}=  {K}\n", {N: "  " + K}, {N: K})
case("ws-leading-tab-value", f"{N}=\t{K}\n", {N: "\t" + K}, {N: K})
case("ws-nbsp-after-equals", f"{N}=\u00a0{K}\n", {N: "\u00a0" + K}, {N: K},
     "compose: isSpace (tab, VT, FF, CR, space, NEL, NBSP) is skipped "
     "after '='")
same("ws-indented-key", f"   {N}={K}\n", {N: K})
same("ws-indented-tab-key", f"\t{N}={K}\n", {N: K})
same("ws-only-line", f"\t\n{N}={K}\n", {N: K})
same("ws-nbsp-indent", f"\u00a0{N}={K}\n", {N: K},
     "docker trims leading unicode.IsSpace; compose skips it before a "
     "statement")
same("ws-ideographic-indent", f"\u3000{N}={K}\n", {N: K})
case("ws-nbsp-before-equals", f"{N}\u00a0={K}\n", {N + "\u00a0": K}, {N: K},
     "docker: only space and tab count as whitespace in a name (§5.8); "
     "compose right-trims the name with unicode.IsSpace")

# ======================================================================
# line endings
# ======================================================================
same("eol-crlf", f"{N}={K}\r\nOPENAI_ORG_ID={ORG}\r\n",
     {N: K, "OPENAI_ORG_ID": ORG})
same("eol-crlf-no-final", f"OPENAI_ORG_ID={ORG}\r\n{N}={K}",
     {N: K, "OPENAI_ORG_ID": ORG})
case("eol-crlf-multiline-double", f'{N}="line1\r\nline2"\r\n',
     {N: '"line1'}, {N: "line1\r\nline2"},
     "docker: line 2 (line2\") has no '=' and that name is unset, so it is "
     "omitted; compose keeps CR inside quotes")
case("eol-crlf-trailing-space", f"{N}={K} \r\n", {N: K + " "}, {N: K})
case("eol-crlf-quoted", f'{N}="{K}"\r\n', {N: f'"{K}"'}, {N: K})
same("eol-crlf-comment", f"# key\r\n{N}={K}\r\n", {N: K})
same("eol-cr-only", f"{N}={K}\rOPENAI_ORG_ID={ORG}\r",
     {N: f"{K}\rOPENAI_ORG_ID={ORG}"},
     "one line: docker's scanner drops one CR at EOF, compose trims it")
same("eol-mixed", f"OPENAI_ORG_ID={ORG}\r\n{N}={K}\nDEBUG=1\r\n",
     {N: K, "OPENAI_ORG_ID": ORG, "DEBUG": "1"})
case("eol-double-cr", f"{N}={K}\r\r\n", {N: K + "\r"}, {N: K})
same("eol-stray-cr-line-start", f"{N}={K}\n\rOPENAI_ORG_ID={ORG}\n",
     {N: K, "OPENAI_ORG_ID": ORG})

# ======================================================================
# byte order mark
# ======================================================================
same("bom-first-key", f"\ufeff{N}={K}\n", {N: K})
same("bom-other-key-first", f"\ufeffOPENAI_ORG_ID={ORG}\n{N}={K}\n",
     {N: K, "OPENAI_ORG_ID": ORG})
same("bom-then-comment", f"\ufeff# OpenAI\n{N}={K}\n", {N: K})
same("bom-then-blank-line", f"\ufeff\n{N}={K}\n", {N: K})
same("bom-crlf", f"\ufeff{N}={K}\r\n", {N: K})
case("bom-mid-file", f"{N}={K}\n\ufeffOPENAI_ORG_ID={ORG}\n",
     {N: K, "\ufeffOPENAI_ORG_ID": ORG},
     R('unexpected character "\ufeff" in variable name'))
case("bom-double", f"\ufeff\ufeff{N}={K}\n", {"\ufeff" + N: K},
     R('unexpected character "\ufeff" in variable name'),
     "both strip one BOM only")

# ======================================================================
# invisible characters (§9: in the value, every loader keeps them)
# ======================================================================
for tag, ch in (("zwsp", "\u200b"), ("zwnj", "\u200c"), ("zwj", "\u200d"),
                ("wj", "\u2060")):
    same(f"zw-in-value-{tag}", f"{N}={K[:40]}{ch}{K[40:]}\n",
         {N: K[:40] + ch + K[40:]})
same("zw-in-value-trailing-zwsp", f"{N}={K}\u200b\n", {N: K + "\u200b"})
same("zw-in-value-leading-zwsp", f"{N}=\u200b{K}\n", {N: "\u200b" + K})
same("zw-soft-hyphen", f"{N}={K[:60]}\u00ad{K[60:]}\n",
     {N: K[:60] + "\u00ad" + K[60:]})
case("zw-in-name-zwsp", f"OPENAI_\u200bAPI_KEY={K}\n",
     {"OPENAI_\u200bAPI_KEY": K},
     R('unexpected character "\u200b" in variable name'))
case("zw-in-name-leading-zwsp", f"\u200b{N}={K}\n", {"\u200b" + N: K},
     R('unexpected character "\u200b" in variable name'),
     "docker: U+200B is not unicode.IsSpace, so it is not trimmed")
case("zw-in-name-wj", f"{N}\u2060={K}\n", {N + "\u2060": K},
     R('unexpected character "\u2060" in variable name'))
case("zw-in-name-soft-hyphen", f"OPENAI_API\u00adKEY={K}\n",
     {"OPENAI_API\u00adKEY": K},
     R('unexpected character "\u00ad" in variable name'))

# ======================================================================
# homoglyphs and dashes
# ======================================================================
for tag, name in (("cyrillic-o", "\u041ePENAI_API_KEY"),
                  ("cyrillic-a", "OPENAI_\u0410PI_KEY"),
                  ("greek-epsilon", "OPENAI_API_K\u0395Y"),
                  ("fullwidth-o", "\uff2fPENAI_API_KEY")):
    same(f"homoglyph-{tag}", f"{name}={K}\n", {name: K},
         "compose accepts any Unicode letter in a name (§6.3)")
same("homoglyph-in-value", f"{N}=sk-pr\u043ej{K[7:]}\n",
     {N: "sk-pr\u043ej" + K[7:]})
for tag, ch in (("en", "\u2013"), ("em", "\u2014"), ("minus", "\u2212"),
                ("nb-hyphen", "\u2011"), ("hyphen", "\u2010")):
    same(f"dash-{tag}", f"{N}=sk{ch}{K[3:]}\n", {N: "sk" + ch + K[3:]})

# ======================================================================
# export
# ======================================================================
case("export-basic", f"export {N}={K}\n",
     R("variable 'export OPENAI_API_KEY' contains whitespaces"), {N: K})
case("export-tab", f"export\t{N}={K}\n",
     R("variable 'export\tOPENAI_API_KEY' contains whitespaces"), {N: K})
case("export-many-spaces", f"export   {N}={K}\n",
     R("variable 'export   OPENAI_API_KEY' contains whitespaces"), {N: K})
case("export-quoted", f'export {N}="{K}"\n',
     R("variable 'export OPENAI_API_KEY' contains whitespaces"), {N: K})
same("export-nbsp", f"export\u00a0{N}={K}\n", {"export\u00a0" + N: K},
     "compose: 'export' needs [ \\t\\n\\f\\r]+ after it (§6.3), so this is "
     "a name; NBSP inside a name is skipped by the scanner and kept (§6.3)")
case("export-uppercase", f"EXPORT {N}={K}\n",
     R("variable 'EXPORT OPENAI_API_KEY' contains whitespaces"),
     R("key cannot contain a space"))
same("export-as-name", f"export={K}\n", {"export": K})
case("export-name-only", f"export {N}\n",
     R("variable 'export OPENAI_API_KEY' contains whitespaces"), {},
     "compose: a name-only line, and the name is unset")
case("export-name-only-from-env", "export FROM_ENV\n",
     R("variable 'export FROM_ENV' contains whitespaces"), {"FROM_ENV": V})
same("export-alone-line", f"export\n{N}={K}\n", {N: K},
     "docker: 'export' is a name-only line, unset, omitted.  compose: "
     "'export' + LF is the export prefix, then the empty name before the "
     "LF is looked up (unset); the reference does not spell this out")
case("dup-export-and-plain", f"export {N}={K2}\n{N}={K}\n",
     R("variable 'export OPENAI_API_KEY' contains whitespaces"), {N: K})

# ======================================================================
# other shells' syntax
# ======================================================================
case("shell-set", f"set {N}={K}\n",
     R("variable 'set OPENAI_API_KEY' contains whitespaces"),
     R("key cannot contain a space"))
case("shell-setx", f"setx {N} {K}\n",
     R("contains whitespaces"), R("key cannot contain a space"))
case("shell-powershell-env", f'$env:{N}="{K}"\n',
     {"$env:" + N: f'"{K}"'}, R('unexpected character "$" in variable name'))
case("shell-fish", f"set -gx {N} {K}\n",
     R("contains whitespaces"), R("key cannot contain a space"))
case("shell-declare", f"declare -x {N}={K}\n",
     R("variable 'declare -x OPENAI_API_KEY' contains whitespaces"),
     R("key cannot contain a space"))
same("shell-line-continuation", f"{N}={K}\\\nDEBUG=1\n",
     {N: K + "\\", "DEBUG": "1"})
same("shell-tilde", "CONFIG_DIR=~/config\n", {"CONFIG_DIR": "~/config"})
same("shell-backtick-echo", f"{N}=`echo {K}`\n", {N: f"`echo {K}`"})
same("shell-bearer-prefix", f"{N}=Bearer {K}\n", {N: f"Bearer {K}"})
same("shell-value-with-spaces", "GREETING=hello world\n",
     {"GREETING": "hello world"})
same("shell-semicolon", f"{N}={K}; DEBUG=1\n", {N: f"{K}; DEBUG=1"})

# ======================================================================
# delimiters
# ======================================================================
case("delim-yaml", f"{N}: {K}\n",
     R(f"variable '{N}: {K}' contains whitespaces"), {N: K})
case("delim-yaml-nospace", f"{N}:{K}\n", {}, {N: K},
     "docker: no '=' so the whole line is a name to look up; unset, omitted")
case("delim-yaml-quoted", f'{N}: "{K}"\n', R("contains whitespaces"),
     {N: K})
case("delim-quoted-name-double", f'"{N}"={K}\n', {f'"{N}"': K},
     R('unexpected character "\\"" in variable name'))
case("delim-quoted-name-single", f"'{N}'={K}\n", {f"'{N}'": K},
     R("unexpected character \"'\" in variable name"))
same("delim-double-equals", f"{N}=={K}\n", {N: "=" + K})
case("delim-colon-equals", f"{N}:={K}\n", {N + ":": K}, {N: "=" + K},
     "compose: the name ends at the first '=' or ':'")

# ======================================================================
# names
# ======================================================================
same("name-lowercase", f"openai_api_key={K}\n", {"openai_api_key": K})
same("name-typo-missing-api", f"OPENAI_KEY={K}\n", {"OPENAI_KEY": K})
same("name-typo-plural", f"OPENAI_API_KEYS={K}\n", {"OPENAI_API_KEYS": K})
same("name-hyphen", f"OPENAI-API-KEY={K}\n", {"OPENAI-API-KEY": K})
same("name-dot", f"openai.api_key={K}\n", {"openai.api_key": K})
same("name-brackets", f"KEYS[0]={K}\n", {"KEYS[0]": K})
case("name-space-inside", f"OPENAI API KEY={K}\n",
     R("variable 'OPENAI API KEY' contains whitespaces"),
     R("key cannot contain a space"))
case("name-empty", f"={K}\n", R("no variable name on line"), {"": K},
     "reference silent for compose: by §6.3 the name ends at '=' and "
     "nothing forbids it being empty, so the empty name gets the value")

# ======================================================================
# comments
# ======================================================================
case("cmt-inline-space", f"{N}={K} # prod key\n", {N: K + " # prod key"},
     {N: K})
same("cmt-inline-tab", f"{N}={K}\t# prod key\n", {N: K + "\t# prod key"},
     "compose cuts only at space + '#'")
same("cmt-inline-nospace", f"{N}={K}#prod\n", {N: K + "#prod"})
case("cmt-inline-double-space", f"{N}={K}  #  note\n", {N: K + "  #  note"},
     {N: K})
case("cmt-inline-after-empty", f"{N}= # fill me\n", {N: " # fill me"},
     {N: "# fill me"})
case("cmt-inline-after-empty-tab", f"{N}=\t# fill me\n", {N: "\t# fill me"},
     {N: "# fill me"})
case("cmt-inline-after-double", f'{N}="{K}" # prod\n',
     {N: f'"{K}" # prod'}, {N: K})
case("cmt-inline-after-single", f"{N}='{K}' # prod\n",
     {N: f"'{K}' # prod"}, {N: K})
same("cmt-hash-only-value", f"{N}=#\n", {N: "#"})
same("cmt-indented-full-line", f"   # {N}={K2}\n{N}={K}\n", {N: K})
same("cmt-commented-old-key", f"#{N}={K2}\n{N}={K}\n", {N: K})
same("cmt-url-fragment", "CALLBACK_URL=https://example.com/cb#section\n",
     {"CALLBACK_URL": "https://example.com/cb#section"})
case("cmt-cpp-style", f"// OpenAI key\n{N}={K}\n",
     R("variable '// OpenAI key' contains whitespaces"),
     R('unexpected character "/" in variable name'))
case("cmt-semicolon", f"; OpenAI key\n{N}={K}\n",
     R("variable '; OpenAI key' contains whitespaces"),
     R('unexpected character ";" in variable name'))

# ======================================================================
# empty values, name-only lines
# ======================================================================
case("empty-then-quoted-next-line", f'{N}=\n"{K}"\n', {N: ""},
     R('unexpected character "\\"" in variable name'),
     "docker: the quoted line has no '=', is looked up, unset, omitted")
case("empty-then-single-quoted-next-line", f"{N}=\n'{K}'\n", {N: ""},
     R("unexpected character \"'\" in variable name"))
same("empty-then-unquoted-next-line", f"{N}=\n{K}\n", {N: ""},
     "line 2 is a name-only line in both; that name is unset")
same("empty-then-comment", f"{N}=\n# {K}\n", {N: ""})
case("empty-only-space", f"{N}= \n", {N: " "}, {N: ""})
same("empty-no-equals", f"{N}\n", {})
case("empty-no-equals-eof", f"{N}", {}, {"": N},
     "compose: §11.10 quirk, derived from the code, not covered upstream")
same("empty-no-equals-from-env", "FROM_ENV\n", {"FROM_ENV": V})
case("empty-no-equals-from-env-eof", "FROM_ENV", {"FROM_ENV": V},
     {"": "FROM_ENV"}, "compose: the §11.10 quirk again")
case("empty-no-equals-trailing-space", "FROM_ENV \n",
     R("variable 'FROM_ENV ' contains whitespaces"), {"FROM_ENV": V})

# ======================================================================
# multi-line
# ======================================================================
same("ml-key-split-unquoted", f"{N}={K[:82]}\n{K[82:]}\n", {N: K[:82]},
     "the second half is a name-only line (an unset name) for both")
case("ml-key-split-in-quotes", f'{N}="{K[:82]}\n{K[82:]}"\n',
     {N: '"' + K[:82]}, {N: K[:82] + "\n" + K[82:]})
case("ml-open-double-before-key",
     f'OPENAI_ORG_ID="{ORG}\n{N}={K}\nOPENAI_PROJECT_ID="{PROJ}"\n',
     {"OPENAI_ORG_ID": '"' + ORG, N: K, "OPENAI_PROJECT_ID": f'"{PROJ}"'},
     R('unexpected character "\\"" in variable name'))
case("ml-single-multiline", "CERT='line1\nline2'\n", {"CERT": "'line1"},
     {"CERT": "line1\nline2"})
case("ml-double-multiline", 'CERT="line1\nline2"\n', {"CERT": '"line1'},
     {"CERT": "line1\nline2"})
case("ml-backtick-multiline", "CERT=`line1\nline2`\n", {"CERT": "`line1"},
     R('unexpected character "`" in variable name'))
case("ml-double-hides-key", f'NOTE="first\n{N}={K}\nlast"\nDEBUG=1\n',
     {"NOTE": '"first', N: K, "DEBUG": "1"},
     {"NOTE": f"first\n{N}={K}\nlast", "DEBUG": "1"})

# ======================================================================
# duplicates: last wins everywhere
# ======================================================================
same("dup-old-then-new", f"{N}={K2}\n{N}={K}\n", {N: K})
same("dup-new-then-old", f"{N}={K}\n{N}={K2}\n", {N: K2})
same("dup-commented-new", f"{N}={K2}\n# {N}={K}\n", {N: K2})
same("dup-empty-last", f"{N}={K}\n{N}=\n", {N: ""})
same("dup-name-only-last", f"{N}={K}\n{N}\n", {N: K},
     "the name-only line finds nothing in the environment: nothing is "
     "sent (docker) or set (compose), so the earlier value stays")
same("dup-name-only-last-from-env", "FROM_ENV=file-value\nFROM_ENV\n",
     {"FROM_ENV": V})
case("dup-quoted-then-plain", f'{N}="{K2}"\n{N}={K}\n', {N: K}, {N: K})

# ======================================================================
# interpolation
# ======================================================================
case("interp-braced", f"BASE={K}\n{N}=${{BASE}}\n",
     {"BASE": K, N: "${BASE}"}, {"BASE": K, N: K})
case("interp-undefined", f"{N}=${{UNDEFINED_VAR}}\n",
     {N: "${UNDEFINED_VAR}"}, {N: ""})
case("interp-from-env", f"{N}=${{FROM_ENV}}\n", {N: "${FROM_ENV}"}, {N: V})
case("interp-plain-dollar", f"{N}=$FROM_ENV\n", {N: "$FROM_ENV"}, {N: V})
case("interp-default", f"{N}=${{UNDEFINED_VAR:-fallback}}\n",
     {N: "${UNDEFINED_VAR:-fallback}"}, {N: "fallback"})
case("interp-default-no-colon", f"{N}=${{UNDEFINED_VAR-fallback}}\n",
     {N: "${UNDEFINED_VAR-fallback}"}, {N: "fallback"})
case("interp-default-empty-var",
     "EMPTY=\nA=${EMPTY:-fallback}\nB=${EMPTY-fallback}\n",
     {"EMPTY": "", "A": "${EMPTY:-fallback}", "B": "${EMPTY-fallback}"},
     {"EMPTY": "", "A": "fallback", "B": ""})
case("interp-alt", f"{N}=${{FROM_ENV:+alt}}\n", {N: "${FROM_ENV:+alt}"},
     {N: "alt"})
case("interp-required-unset", f"{N}=${{UNDEFINED_VAR:?must be set}}\n",
     {N: "${UNDEFINED_VAR:?must be set}"},
     R("required variable UNDEFINED_VAR is missing a value: must be set"))
case("interp-single-quoted", f"{N}='${{FROM_ENV}}'\n", {N: "'${FROM_ENV}'"},
     {N: "${FROM_ENV}"})
case("interp-double-quoted", f'{N}="${{FROM_ENV}}"\n', {N: '"${FROM_ENV}"'},
     {N: V})
case("interp-later", f"{N}=${{LATER}}\nLATER=x\n",
     {N: "${LATER}", "LATER": "x"}, {N: "", "LATER": "x"})
case("interp-dollar-in-key", f"{N}=sk-proj-FAKE$cd-FAKEfake0123\n",
     {N: "sk-proj-FAKE$cd-FAKEfake0123"}, {N: "sk-proj-FAKE-FAKEfake0123"})
case("interp-double-dollar", f"{N}=sk-proj-FAKE$$fake\n",
     {N: "sk-proj-FAKE$$fake"}, {N: "sk-proj-FAKE$fake"})
case("interp-env-shadow", f"FROM_ENV=file-value\n{N}=${{FROM_ENV}}\n",
     {"FROM_ENV": "file-value", N: "${FROM_ENV}"},
     {"FROM_ENV": "file-value", N: V},
     "compose: interpolation asks the environment before earlier lines of "
     "the same file (§6.5)")
case("interp-malformed-brace", f"{N}=${{FROM_ENV\n", {N: "${FROM_ENV"},
     R("Invalid template"))

# ======================================================================
# values
# ======================================================================
same("val-equals-inside",
     "DATABASE_URL=postgres://u:p@localhost/db?sslmode=require\n",
     {"DATABASE_URL": "postgres://u:p@localhost/db?sslmode=require"})

# ======================================================================
# long lines: docker's bufio.Scanner limit (§5.1)
# ======================================================================
case("long-comment-over-64k", "# " + "x" * 65534 + f"\n{N}={K}\n",
     R("bufio.Scanner: token too long"), {N: K},
     "the comment line is exactly 65,536 bytes before its LF")
same("long-comment-65535", "# " + "x" * 65533 + f"\n{N}={K}\n", {N: K},
     "the comment line is 65,535 bytes before its LF: docker accepts it")

# ======================================================================
# bytes: invalid UTF-8 and UTF-16
# ======================================================================
_BAD = ("compose: Go keeps the raw bytes; the value reaches the engine "
        "JSON-encoded, where each invalid byte becomes one U+FFFD (§1)")
case("bytes-invalid-utf8-value", N.encode() + b"=" + K.encode() + b"\xff\n",
     R("invalid utf8 bytes at line 1"), {N: K + "\ufffd"}, _BAD)
case("bytes-latin1-other-line",
     f"{N}={K}\n".encode() + b"NOTE=caf\xe9\n",
     R("invalid utf8 bytes at line 2"), {N: K, "NOTE": "caf\ufffd"}, _BAD)
case("bytes-surrogate", N.encode() + b"=" + K.encode() + b"\xed\xa0\x80\n",
     R("invalid utf8 bytes at line 1"), {N: K + "\ufffd" * 3}, _BAD)
case("bytes-truncated-sequence",
     N.encode() + b"=" + K.encode() + b"\xe2\x80\n",
     R("invalid utf8 bytes at line 1"), {N: K + "\ufffd" * 2},
     _BAD + "; Go replaces per byte (two), unlike a WHATWG decoder (one)")
case("bytes-cp1252-smart-quotes",
     N.encode() + b"=\x93" + K.encode() + b"\x94\n",
     R("invalid utf8 bytes at line 1"), {N: "\ufffd" + K + "\ufffd"}, _BAD)
case("bytes-nul-in-value", N.encode() + b"=" + K.encode() + b"\0tail\n",
     {N: K + "\0tail"}, {N: K + "\0tail"},
     "reference silent on NUL: both columns follow the rules (the line, or "
     "the unquoted value, is passed on unchanged); the process in the "
     "container would see the value end at the NUL")
case("bytes-utf16le-bom",
     f"\ufeff{N}={K}\r\nOPENAI_ORG_ID={ORG}\r\n".encode("utf-16-le"),
     R("invalid utf8 bytes at line 1"),
     R('unexpected character "\ufffd" in variable name'),
     "PowerShell 5 'Out-File' / '>' output.  compose: the UTF-16 BOM is not "
     "the UTF-8 BOM; the first rune is invalid and not a name character")


def expected_json(docker, compose, note):
    out = {}
    for loader, exp in (("docker-env-file", docker),
                        ("compose-env-file", compose)):
        if isinstance(exp, Refused):
            out[loader] = {"refused": True, "error": exp.error}
        else:
            out[loader] = {"refused": False, "vars": exp}
    if note:
        out["_note"] = note
    return json.dumps(out, indent=1, sort_keys=True) + "\n"


def main():
    cases_dir = os.path.join(HERE, "cases")
    exp_dir = os.path.join(HERE, "expected")
    os.makedirs(cases_dir, exist_ok=True)
    os.makedirs(exp_dir, exist_ok=True)
    names = set()
    for name, data, docker, compose, note in CASES:
        names.add(name)
        with open(os.path.join(cases_dir, name + ".env"), "wb") as f:
            f.write(data)
        with open(os.path.join(exp_dir, name + ".json"), "w",
                  encoding="ascii") as f:
            f.write(expected_json(docker, compose, note))
    stale = [f for f in os.listdir(cases_dir)
             if f.endswith(".env") and f[:-4] not in names]
    stale += [f for f in os.listdir(exp_dir)
              if f.endswith(".json") and f[:-5] not in names]
    for f in sorted(stale):
        print(f"make-cases: stale file not written by this script: {f}",
              file=sys.stderr)
    print(f"make-cases: wrote {len(CASES)} cases")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
