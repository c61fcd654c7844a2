#!/usr/bin/env python3
# check-app-cycles.py — fails when the engine's source files depend on one another in a circle
#
# Copyright 2026 The Dramatis developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A file depends on another when it includes (directly or through other headers) a
# `#include "dm-*.h"` header declaring a function the other file defines, and uses that
# function. Headers alone say too little: a private header shared by several files
# (dm-import-private.h, dm-store-private.h) would tie all of them together. Calls alone say
# too much of nothing: a function used without its header is a compiler warning already.
#
# Usage: check-app-cycles.py APP_DIR   (prints the dependency cycles; exit status 1 if any)

import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"(dm-[\w-]+\.h)"', re.M)
# GNU style: the return type on its own line, the name at the start of the next one
DEFINITION = re.compile(r'^(?!static\b)[A-Za-z_][\w \*]*\n(dm_\w+) \(', re.M)
QUARK = re.compile(r'^G_DEFINE_QUARK \([^,]+, (\w+)\)', re.M)
IDENTIFIER = re.compile(r'\b(dm_\w+)\b')
# DM_STORE_ERROR and the like stand for a call
MACRO = re.compile(r'^\s*#\s*define\s+(DM_\w+)\s+\(?(dm_\w+) \(', re.M)
COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)


def read(path):
    with open(path, encoding='utf-8') as f:
        return COMMENT.sub(' ', f.read())


def main(app):
    texts = {n: read(os.path.join(app, n)) for n in sorted(os.listdir(app))
             if n.endswith(('.c', '.h'))}
    includes = {n: set(INCLUDE.findall(t)) & texts.keys() for n, t in texts.items()}

    def reachable_headers(name, seen=None):
        seen = set() if seen is None else seen
        for h in includes[name]:
            if h not in seen:
                seen.add(h)
                reachable_headers(h, seen)
        return seen

    defined_in = {}
    for n, t in texts.items():
        if n.endswith('.c'):
            for f in DEFINITION.findall(t):
                defined_in[f] = n
            for q in QUARK.findall(t):
                defined_in[q + '_quark'] = n

    deps = {}
    for n, t in texts.items():
        if not n.endswith('.c'):
            continue
        declared = set()
        macros = {}
        for h in reachable_headers(n):
            declared |= set(IDENTIFIER.findall(texts[h]))
            macros.update(MACRO.findall(texts[h]))
        used = set(IDENTIFIER.findall(t)) & declared
        used |= {macros[m] for m in re.findall(r'\bDM_\w+\b', t) if m in macros}
        deps[n] = {defined_in[f] for f in used if defined_in.get(f, n) != n}

    # Tarjan's strongly connected components
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(deps.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(deps):
        if v not in index:
            visit(v)

    for c in cycles:
        print('cycle:', ' <-> '.join(c))
        for a in c:
            for b in sorted(deps[a] & set(c)):
                print(f'  {a} -> {b}')
    print(f'{len(deps)} files, {sum(len(d) for d in deps.values())} dependencies, '
          f'{len(cycles)} cycles')
    return 1 if cycles else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else 'app'))
