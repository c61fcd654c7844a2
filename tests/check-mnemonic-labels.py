#!/usr/bin/env python3
# check-mnemonic-labels.py — every widget in ui/*.ui whose label has a mnemonic
# (use-underline) carries an explicit accessible label: the visible text without the
# underscore. Without one, GTK 4.8 hands AT-SPI a name built from both ("_Widen Widen").
#
#   check-mnemonic-labels.py SOURCE_ROOT
#
# It first checks itself on samples with a known answer. Exit 1 lists each widget as
# FILE:LINE: what is wrong.
#
# Copyright 2026 The Dramatis developers
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import sys
import xml.etree.ElementTree as ET


def own_property(obj, name):
    """The <property name=NAME> of OBJ itself, not of a child object."""
    for prop in obj.findall("property"):
        if prop.get("name") == name:
            return prop
    return None


def check_ui(path, text):
    problems = []
    lines = text.split("\n")
    for obj in ET.fromstring(text).iter("object"):
        underline = own_property(obj, "use-underline")
        label = own_property(obj, "label")
        if underline is None or (underline.text or "").strip() not in ("true", "True", "yes", "1"):
            continue
        if label is None or "_" not in (label.text or ""):
            continue
        visible = label.text.strip()
        line = next((i + 1 for i, l in enumerate(lines) if ">%s<" % visible in l), 0)
        expected = visible.replace("__", "\0").replace("_", "").replace("\0", "_")
        a11y = obj.find("accessibility")
        name = None
        if a11y is not None:
            name = next((p for p in a11y.findall("property") if p.get("name") == "label"), None)
        if name is None:
            problems.append((path, line, f"“{visible}” has no accessible label (expected “{expected}”)"))
        elif (name.text or "").strip() != expected:
            problems.append((path, line, f"“{visible}” is labelled “{name.text}”, expected “{expected}”"))
        elif name.get("translatable") not in ("yes", "true"):
            problems.append((path, line, f"the accessible label “{name.text}” is not translatable"))
    return problems


def self_test():
    sample = '''<interface>
      <object class="GtkButton"><property name="label">_Good</property>
        <property name="use-underline">true</property>
        <accessibility><property name="label" translatable="yes">Good</property></accessibility>
      </object>
      <object class="GtkButton"><property name="label">_Missing</property>
        <property name="use-underline">true</property></object>
      <object class="GtkButton"><property name="label">_Wrong</property>
        <property name="use-underline">true</property>
        <accessibility><property name="label" translatable="yes">_Wrong</property></accessibility>
      </object>
      <object class="GtkButton"><property name="label">Plain</property></object>
    </interface>'''
    found = [p[2].split("”")[0].lstrip("“") for p in check_ui("sample.ui", sample)]
    assert found == ["_Missing", "_Wrong"], found


def main():
    root = sys.argv[1]
    self_test()
    problems = []
    paths = sorted(glob.glob(os.path.join(root, "ui", "**", "*.ui"), recursive=True))
    for path in paths:
        with open(path, encoding="utf-8") as f:
            problems += check_ui(os.path.relpath(path, root), f.read())
    for path, line, text in problems:
        print(f"{path}:{line}: {text}")
    print(f"# {len(paths)} .ui files checked")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
