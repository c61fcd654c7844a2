// compromise-extract.mjs — the comparison side of bench-vs-compromise.sh: what the issue calls
// "the compromise NLP library" (https://github.com/spencermountain/compromise, MIT), run over
// the same files as `dramatis-cli extract`, doing the nearest thing it offers to Dramatis' job:
// tag every sentence, then list its people, organisations, places and verbs.
//
// node compromise-extract.mjs NODE_MODULES_DIR FILE…   prints one summary line:
//   files N bytes B people P organizations O places L verbs V cpu-ms C
// (cpu-ms: this process's user + system time from the first file read to the last result,
// without Node's own start-up and the library's load).
//
// compromise is installed at benchmark time into the build directory, never committed.
//
// Copyright 2026 The Dramatis developers
// SPDX-License-Identifier: GPL-3.0-or-later

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [modules, ...files] = process.argv.slice(2);
const require = createRequire(join(modules, 'bench.cjs'));
const nlp = require('compromise');

const start = process.cpuUsage();
let bytes = 0, people = 0, organizations = 0, places = 0, verbs = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += Buffer.byteLength(text);
  const doc = nlp(text);
  people += doc.people().out('array').length;
  organizations += doc.organizations().out('array').length;
  places += doc.places().out('array').length;
  verbs += doc.verbs().json().length;
}
const used = process.cpuUsage(start);
console.log(`files ${files.length} bytes ${bytes} people ${people} organizations ${organizations} ` +
            `places ${places} verbs ${verbs} cpu-ms ${((used.user + used.system) / 1000).toFixed(0)}`);
