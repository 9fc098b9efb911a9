// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The fix401 authors.
// node node-parse.js DOTENV_DIR FILE...: runs the real npm dotenv's
// parse(Buffer) over each FILE, in one process, and prints one JSON object
// {"FILE": {"NAME_HEX": "VALUE_HEX", ...}, ...} (hex of the UTF-8 bytes, so
// the output is plain ASCII).  parse() never throws and keeps the last of
// duplicate names.  DOTENV_DIR is the installed package folder.
'use strict';

const fs = require('fs');
const path = require('path');

const hex = (s) => Buffer.from(s, 'utf8').toString('hex');
const dotenv = require(path.resolve(process.argv[2]));
const out = {};

for (const file of process.argv.slice(3)) {
  const parsed = dotenv.parse(fs.readFileSync(file));
  const vars = {};

  for (const name of Object.keys(parsed)) {
    vars[hex(name)] = hex(parsed[name]);
  }
  out[file] = vars;
}
process.stdout.write(JSON.stringify(out) + '\n');
