#!/usr/bin/env python3
# check-unmarked-strings.py — flags user-visible strings that are not marked for translation:
# in ui/*.ui, text properties without translatable="yes"; in ui/ and app/ .c files, string
# literals handed without _() or N_() to the calls that put text on screen, to the GError
# constructors (engine errors reach toasts and the CLI's stderr) and to g_print/g_printerr
# (the CLI's own words).
#
#   check-unmarked-strings.py SOURCE_ROOT
#
# It first checks itself on samples with a known answer, then scans ui/ and app/. Exit 1
# lists every unmarked string as FILE:LINE: text.
#
# Copyright 2026 The Dramatis developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys
import xml.etree.ElementTree as ET

# Files whose strings are to be marked later; the check skips them. Empty since the canvas
# moved to ui/graph/ and was marked (issue 12): add a file here only with a reason.
PENDING = set()

# Sources of the developer tool dramatis-train (not installed: build-aux/models/train.sh runs
# it on treebanks); its messages are for the people who re-train the models, in English.
DEVELOPER_ONLY = re.compile(r"^app/dm-(train[-.]|conllu\.c)")

# Names, not words: shown as they are in every language (the programs' names are also
# dropped inside a literal, so "dramatis-cli: %s\n" is no sentence).
NOT_TRANSLATED = {"Dramatis"}

UI_TEXT_PROPERTIES = {
    "label", "title", "subtitle", "tooltip-text", "tooltip-markup", "placeholder-text",
    "description", "text", "heading", "body", "button-label", "secondary-text",
    "title-label",
}

# call -> indices of the arguments that are text on screen
C_TEXT_CALLS = {
    "gtk_label_new": [0], "gtk_label_new_with_mnemonic": [0], "gtk_label_set_text": [1],
    "gtk_label_set_label": [1], "gtk_label_set_markup": [1],
    "gtk_label_set_text_with_mnemonic": [1], "gtk_label_set_markup_with_mnemonic": [1],
    "gtk_button_new_with_label": [0], "gtk_button_new_with_mnemonic": [0],
    "gtk_button_set_label": [1], "gtk_check_button_new_with_label": [0],
    "gtk_check_button_new_with_mnemonic": [0], "gtk_check_button_set_label": [1],
    "gtk_widget_set_tooltip_text": [1], "gtk_widget_set_tooltip_markup": [1],
    "gtk_tooltip_set_text": [1], "gtk_tooltip_set_markup": [1],
    "adw_toast_new": [0], "adw_toast_set_title": [1], "adw_toast_set_button_label": [1],
    "adw_status_page_set_title": [1], "adw_status_page_set_description": [1],
    "adw_preferences_row_set_title": [1], "adw_action_row_set_subtitle": [1],
    "adw_expander_row_set_subtitle": [1], "adw_window_title_new": [0, 1],
    "adw_window_title_set_title": [1], "adw_window_title_set_subtitle": [1],
    "gtk_window_set_title": [1], "adw_message_dialog_new": [1, 2],
    "adw_message_dialog_add_response": [2], "adw_message_dialog_set_heading": [1],
    "adw_message_dialog_set_body": [1], "gtk_file_chooser_native_new": [0, 3, 4],
    "gtk_file_filter_set_name": [1], "g_menu_append": [1], "g_menu_prepend": [1],
    "g_menu_insert": [2], "g_menu_item_new": [0], "gtk_text_buffer_set_text": [1],
    "gtk_search_entry_set_placeholder_text": [1], "gtk_entry_set_placeholder_text": [1],
    "g_markup_escape_text": [0],
    "g_application_set_option_context_summary": [1],
    "g_application_set_option_context_description": [1],
    "g_application_set_option_context_parameter_string": [1],
    # errors: their messages reach toasts, dialogs and the CLI's stderr
    "g_set_error": [3], "g_set_error_literal": [3], "g_error_new": [2],
    "g_error_new_literal": [2], "g_prefix_error": [1], "g_propagate_prefixed_error": [2],
    # the CLI's own output
    "g_print": [0], "g_printerr": [0], "g_option_context_new": [0],
    "g_option_context_set_summary": [1], "g_option_context_set_description": [1],
    # the store's error helpers: a format, or @what ("adding a relation", marked N_() and
    # looked up on failure) that ends up in the message
    "dm_curation_invalid": [1], "dm_store_set_error_from_sqlite": [3], "dm_store_fail": [2],
    "dm_store_step_done": [2], "dm_curation_failed": [2], "dm_curation_prepare": [1],
    "dm_curation_exec": [1], "dm_curation_query_int": [1],
    # the CLI's error line, and the local helpers that build a GError from a reason
    "dm_cli_error": [1], "usage": [1], "parse_error": [2], "fail": [1], "type_error": [1],
    "close_container": [3],
}

# Variables that only ever hold text on screen: `what` is handed to the helpers above, an
# edit's `summary` is its line in the Corrections window and the undo toast.
C_TEXT_VARIABLES = re.compile(r"\b(?:const\s+char\s*\*\s*)?what\s*=\s*((?:%s\s*)+);"
                              r"|\bg_string_(?:append_)?printf\s*\(\s*summary\s*,\s*"
                              r"((?:%s\s*)+)[,)]" % (r'"(?:[^"\\]|\\.)*"', r'"(?:[^"\\]|\\.)*"'))
# "property", "value" pairs of g_object_new/g_object_set
C_TEXT_PROPERTIES = {
    "title", "subtitle", "label", "tooltip-text", "tooltip-markup", "placeholder-text",
    "description", "comments", "developer-name", "heading", "body", "button-label",
    "translator-credits",
}

LITERAL = r'"(?:[^"\\]|\\.)*"'


def is_words(literal):
    """A literal with something to translate: letters left after format directives."""
    text = re.sub(r"%[-+ #0-9.*]*(?:l|ll|h|z)?[a-zA-Z]|%%", "", literal)
    text = re.sub(r'"?\s*G_G\w+_FORMAT\s*"?', "", text)
    text = re.sub(r"\bdramatis(?:-cli)?\b", "", text)
    text = re.sub(r"\\[ntr\\\"]", "", text)
    return re.search(r"[^\W\d_]", text) is not None and literal.strip('"') not in NOT_TRANSLATED


def split_arguments(text, start):
    """Arguments of the call whose '(' is at text[start]; (list, end index)."""
    depth, args, current, i = 0, [], "", start
    while i < len(text):
        c = text[i]
        if c == '"':
            m = re.match(LITERAL, text[i:])
            current += m.group(0)
            i += len(m.group(0))
            continue
        if c == "(":
            depth += 1
            if depth == 1:
                i += 1
                continue
        elif c == ")":
            depth -= 1
            if depth == 0:
                args.append(current.strip())
                return args, i
        elif c == "," and depth == 1:
            args.append(current.strip())
            current = ""
            i += 1
            continue
        current += c
        i += 1
    return args, i


def strip_comments(text):
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    return re.sub(r"/\*.*?\*/|//[^\n]*", blank, text, flags=re.S)


def check_c(path, text):
    problems = []
    code = strip_comments(text)
    bare = re.compile(r"^(?:(?:%s|G_\w+_FORMAT)\s*)+$" % LITERAL)

    def line_of(pos):
        return code.count("\n", 0, pos) + 1

    for m in re.finditer(r"\b(\w+)\s*\(", code):
        name = m.group(1)
        if name not in C_TEXT_CALLS:
            continue
        args, _end = split_arguments(code, m.end() - 1)
        for index in C_TEXT_CALLS[name]:
            if index >= len(args):
                continue
            # a literal, or either branch of `condition ? "this" : "that"`
            branch = r"((?:%s|[^:\"])+)" % LITERAL
            branches = re.match(r"^[^\"?]*\?%s:%s$" % (branch, branch), args[index])
            for arg in branches.groups() if branches else [args[index]]:
                arg = arg.strip()
                if bare.match(arg) and is_words(arg):
                    problems.append((path, line_of(m.start()), arg))
    # xgettext cannot expand G_GINT64_FORMAT and friends: the catalogue would hold the text
    # up to the macro only, and the translation would never be found.
    for m in re.finditer(r"\b(?:N_|_|ngettext)\s*\(\s*(?:%s\s*)+G_\w+_FORMAT" % LITERAL, code):
        problems.append((path, line_of(m.start()), "format macro inside a marked string: " + m.group(0)))
    for m in C_TEXT_VARIABLES.finditer(code):
        literal = (m.group(1) or m.group(2)).strip()
        if is_words(literal):
            problems.append((path, line_of(m.start()), literal))
    for m in re.finditer(r'"(%s)"\s*,\s*(%s)' % ("|".join(map(re.escape, C_TEXT_PROPERTIES)), LITERAL), code):
        statement = code[code.rfind(";", 0, m.start()) + 1:m.start()]
        if re.search(r"\[\w*\]\s*=", statement):
            continue  # an array of names ("title", "meta": HTML tags), not a property pair
        if is_words(m.group(2)):
            problems.append((path, line_of(m.start()), m.group(2)))
    for m in re.finditer(r"GTK_ACCESSIBLE_PROPERTY_(?:LABEL|DESCRIPTION)\s*,\s*(%s)" % LITERAL, code):
        if is_words(m.group(1)):
            problems.append((path, line_of(m.start()), m.group(1)))
    return problems


def check_ui(path, text):
    problems = []
    lines = text.split("\n")
    root = ET.fromstring(text)
    for element in root.iter():
        if element.tag not in ("property", "attribute"):
            continue
        if element.get("name") not in UI_TEXT_PROPERTIES:
            continue
        value = (element.text or "").strip()
        if not value or not is_words('"%s"' % value) or element.get("translatable") in ("yes", "true"):
            continue
        if element.tag == "attribute" and element.get("name") != "label":
            continue
        needle = ">%s<" % value
        line = next((i + 1 for i, l in enumerate(lines) if needle in l), 0)
        problems.append((path, line, value))
    return problems


def self_test():
    bad_c = '''
      gtk_label_set_text (label, "Not marked");
      gtk_widget_set_tooltip_text (w, _("Marked"));
      adw_message_dialog_add_response (d, "close", "_Close");
      adw_toast_new ("%s: %s");
      g_object_new (X, "title", "Plain title", "icon-name", "go-next-symbolic", NULL);
      gtk_accessible_update_property (a, GTK_ACCESSIBLE_PROPERTY_LABEL, "Raw", -1);
      /* gtk_label_set_text (label, "in a comment"); */
      g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_NOT_FOUND,
                   "no actor %" G_GINT64_FORMAT, id);
      g_set_error (error, DM_STORE_ERROR, 0, _("no relation %s"), name);
      g_set_error_literal (error, D, 0, "the corpus is read-only");
      g_prefix_error (error, "%s: ", path);
      g_printerr ("dramatis-cli: %s\\n", message);
      g_printerr ("usage: dramatis-cli import FILE\\n");
      static const char * const tags[] = { "head", "title", "meta", "label", "link" };
      dm_curation_failed (db, rc, undo ? "undoing an edit" : N_("redoing an edit"), error);
      const char *what = "merging actors";
      g_string_printf (summary, "Merged %u actors", n);
      g_printerr (_("%" G_GSIZE_FORMAT " bytes"), n);
    '''
    found = [p[2] for p in check_c("sample.c", bad_c)]
    assert found == ['"Not marked"', '"_Close"', '"no actor %" G_GINT64_FORMAT',
                     '"the corpus is read-only"', '"usage: dramatis-cli import FILE\\n"',
                     '"undoing an edit"', 'format macro inside a marked string: _("%" G_GSIZE_FORMAT',
                     '"merging actors"', '"Merged %u actors"',
                     '"Plain title"', '"Raw"'], found
    bad_ui = '''<interface><object class="GtkLabel">
      <property name="label">Unmarked</property>
      <property name="tooltip-text" translatable="yes">Marked</property>
      <property name="title">Dramatis</property>
      <property name="icon-name">go-next-symbolic</property>
    </object></interface>'''
    found = [p[2] for p in check_ui("sample.ui", bad_ui)]
    assert found == ["Unmarked"], found


def main():
    root = sys.argv[1]
    self_test()
    problems = []
    scanned = 0
    for top in ("ui", "app"):
      for base, _dirs, files in os.walk(os.path.join(root, top)):
        for name in sorted(files):
            path = os.path.join(base, name)
            rel = os.path.relpath(path, root)
            if rel in PENDING or DEVELOPER_ONLY.match(rel) or not name.endswith((".c", ".ui")):
                continue
            scanned += 1
            with open(path, encoding="utf-8") as f:
                text = f.read()
            problems += check_c(rel, text) if name.endswith(".c") else check_ui(rel, text)
    for path, line, text in problems:
        print(f"{path}:{line}: not marked for translation: {text}")
    if PENDING:
        print(f"# skipped, pending: {', '.join(sorted(PENDING))}")
    print(f"# {scanned} files scanned under ui/ and app/")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
