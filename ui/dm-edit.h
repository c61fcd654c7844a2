/* dm-edit.h — an edit on the corpus as widgets ask for it: "win.edit" with a "(sasax)"
 *
 * The kinds and their arguments (strings; ids):
 *   merge (; keep, other…)          rename (name; actor)          set-type (; actor, DmActorType)
 *   set-role (role; actor)          set-affiliation (text; actor)  split (alias; actor)
 *   not-actor (; actor)             delete-relation (; relation)   delete-pair (; actor, actor)
 *   flip (; relation)               set-verb (verb; relation, DmRelationClass)
 *   set-negated (; relation, 0|1)   delete-article (; article)     set-date (date or ""; article)
 *   add-relation (verb; article, sentence start, sentence end, source, target, class, 0|1 negated)
 *   rule-enabled (; rule, 0|1)      import-rules (a rules file's text;)   undo, redo
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DM_EDIT_ACTION "win.edit"
#define DM_EDIT_VARIANT_TYPE "(sasax)"

/* A floating "(sasax)": @text nullable, @ids may be NULL when @n_ids is 0. */
GVariant *dm_edit_variant_new (const char   *kind,
                               const char   *text,
                               const gint64 *ids,
                               guint         n_ids);
/* Asks the window @widget is in to make the edit (it runs on a thread, then says so). */
void      dm_edit_activate    (GtkWidget    *widget,
                               const char   *kind,
                               const char   *text,
                               const gint64 *ids,
                               guint         n_ids);
/* The menu of an article in the articles panel: set its date ("articles.set-date"), remove
 * it (its mentions and relations). */
GMenuModel *dm_edit_article_menu_new (gint64 article_id);

G_END_DECLS
