/* dm-edit.c — an edit on the corpus as widgets ask for it: "win.edit" with a "(sasax)"
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "dm-edit.h"

GVariant *
dm_edit_variant_new (const char   *kind,
                     const char   *text,
                     const gint64 *ids,
                     guint         n_ids)
{
  const char *strings[2] = { text, NULL };
  static const gint64 none = 0;

  g_return_val_if_fail (kind != NULL, NULL);

  /* An empty fixed array still needs a pointer. */
  return g_variant_new ("(s^as@ax)", kind, strings,
                        g_variant_new_fixed_array (G_VARIANT_TYPE_INT64,
                                                   n_ids ? (gconstpointer) ids : &none, n_ids,
                                                   sizeof (gint64)));
}

void
dm_edit_activate (GtkWidget    *widget,
                  const char   *kind,
                  const char   *text,
                  const gint64 *ids,
                  guint         n_ids)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_activate_action_variant (widget, DM_EDIT_ACTION,
                                      dm_edit_variant_new (kind, text, ids, n_ids));
}

GMenuModel *
dm_edit_article_menu_new (gint64 article_id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) date = g_menu_item_new (_("Set _Date…"), NULL);
  g_autoptr(GMenuItem) item = g_menu_item_new (_("_Remove Article"), NULL);

  /* The articles panel asks for the date first (dm-article-date.c). */
  g_menu_item_set_action_and_target_value (date, "articles.set-date", g_variant_new_int64 (article_id));
  g_menu_append_item (menu, date);

  g_menu_item_set_action_and_target_value (item, DM_EDIT_ACTION,
                                           dm_edit_variant_new ("delete-article", NULL,
                                                                &article_id, 1));
  g_menu_append_item (menu, item);

  return G_MENU_MODEL (menu);
}
