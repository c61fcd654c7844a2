#!/usr/bin/env python3
# check-gexf-networkx.py — the GEXF that dramatis-cli writes is read by NetworkX (the
# python3-networkx of Debian 12 is 2.8, which reads GEXF 1.1draft and 1.2draft only).
# Exits 77 (skipped) when NetworkX is not installed.
#
#   check-gexf-networkx.py DRAMATIS_CLI SAMPLES_DIR
#
# Copyright 2026 The Dramatis developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

try:
    import networkx
except ImportError:
    print("networkx is not installed (python3-networkx): skipped")
    sys.exit(77)

cli, samples = sys.argv[1], sys.argv[2]

with tempfile.TemporaryDirectory(prefix="dramatis-gexf-") as tmp:
    corpus = os.path.join(tmp, "samples.dramatis")
    gexf = os.path.join(tmp, "samples.gexf")
    subprocess.run([cli, "import", "--db", corpus, samples], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([cli, "export", "--db", corpus, "-o", gexf], check=True)

    graph = networkx.read_gexf(gexf)
    root = ET.parse(gexf).getroot()
    ns = {"g": "http://www.gexf.net/1.2draft"}
    xml_nodes = root.findall("g:graph/g:nodes/g:node", ns)
    xml_edges = root.findall("g:graph/g:edges/g:edge", ns)

    print(f"networkx {networkx.__version__}: {graph.number_of_nodes()} nodes, "
          f"{graph.number_of_edges()} edges")
    assert graph.is_directed(), "the graph is not directed"
    assert len(xml_nodes) > 0 and len(xml_edges) > 0, "empty export of the samples"
    assert graph.number_of_nodes() == len(xml_nodes), "networkx lost nodes"
    assert graph.number_of_edges() == len(xml_edges), "networkx lost edges"

    # Labels, attributes and positions come through.
    labels = {data["label"] for _, data in graph.nodes(data=True)}
    assert labels == {n.get("label") for n in xml_nodes}, "node labels differ"
    some_node = next(iter(graph.nodes(data=True)))[1]
    for key in ("type", "mentions", "viz"):
        assert key in some_node, f"node attribute {key} missing: {some_node}"
    assert isinstance(some_node["mentions"], int), "mentions is not an integer"
    assert "position" in some_node["viz"], "no position"
    some_edge = next(iter(graph.edges(data=True)))[2]
    for key in ("verb", "class", "negated", "weight"):
        assert key in some_edge, f"edge attribute {key} missing: {some_edge}"
    assert isinstance(some_edge["negated"], bool), "negated is not a boolean"

print("ok")
