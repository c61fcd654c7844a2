/* dm-articles-panel.c — the corpus's articles, each with a check to keep it in the graph
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-articles-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dm-article-date.h"
#include "dm-article-item.h"
#include "dm-articles-panel.h"
#include "dm-edit.h"
#include "dm-list-filler.h"

struct _DmArticlesPanel
{
  GtkWidget    parent_instance;

  GListStore  *store;
  DmCorpus    *corpus;     /* whose articles the store holds */
  DmListFiller *filler;

  GtkStack    *stack;
  GtkListView *list_view;
};

enum {
  ARTICLE_TOGGLED,
  ARTICLE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DmArticlesPanel, dm_articles_panel, GTK_TYPE_WIDGET)

static void
item_included_cb (DmArticlesPanel *self,
                  GParamSpec      *pspec,
                  DmArticleItem   *item)
{
  g_signal_emit (self, signals[ARTICLE_TOGGLED], 0,
                 dm_article_item_get_id (item),
                 dm_article_item_get_included (item));
}

/* Tooltips are made when asked for: gtk_widget_set_tooltip_text() on a visible widget
 * queries the pointer (an X round trip) for every row set up or bound. */
static gboolean
row_query_tooltip_cb (GtkWidget   *widget,
                      int          x,
                      int          y,
                      gboolean     keyboard,
                      GtkTooltip  *tooltip,
                      GtkListItem *list_item)
{
  DmArticleItem *item = gtk_list_item_get_item (list_item);

  if (item == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, dm_article_item_get_title (item));
  return TRUE;
}

static gboolean
check_query_tooltip_cb (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  gtk_tooltip_set_text (tooltip, _("Include this article in the graph"));
  return TRUE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box, *check, *labels, *title, *detail, *menu;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);

  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_has_tooltip (check, TRUE);
  g_signal_connect (check, "query-tooltip", G_CALLBACK (check_query_tooltip_cb), NULL);
  gtk_box_append (GTK_BOX (box), check);

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (labels, TRUE);
  title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  detail = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), detail);
  gtk_box_append (GTK_BOX (box), labels);

  menu = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_widget_add_css_class (menu, "flat");
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (menu, _("Article Menu"));
  gtk_box_append (GTK_BOX (box), menu);

  g_object_set_data (G_OBJECT (box), "menu", menu);
  g_object_set_data (G_OBJECT (box), "check", check);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "detail", detail);
  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect (box, "query-tooltip", G_CALLBACK (row_query_tooltip_cb), list_item);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  DmArticleItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *check = g_object_get_data (G_OBJECT (box), "check");
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *accessible = NULL;
  GBinding *binding;

  if (dm_article_item_get_source (item) != NULL)
    g_string_append (detail, dm_article_item_get_source (item));
  if (dm_article_item_get_date (item) != NULL)
    g_string_append_printf (detail, "%s%s", detail->len ? " · " : "", dm_article_item_get_date (item));
  g_string_append_printf (detail, "%s", detail->len ? " · " : "");
  g_string_append_printf (detail,
                          ngettext ("%u relation", "%u relations", dm_article_item_get_n_relations (item)),
                          dm_article_item_get_n_relations (item));

  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "title"), dm_article_item_get_title (item));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "detail"), detail->str);

  accessible = g_strdup_printf (_("Include “%s” in the graph"), dm_article_item_get_title (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  {
    g_autoptr(GMenuModel) menu = dm_edit_article_menu_new (dm_article_item_get_id (item));

    gtk_menu_button_set_menu_model (g_object_get_data (G_OBJECT (box), "menu"), menu);
  }

  binding = g_object_bind_property (item, "included", check, "active",
                                    G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (list_item), "binding", binding);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (list_item), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

static void
list_activate_cb (DmArticlesPanel *self,
                  guint            position,
                  GtkListView     *list_view)
{
  g_autoptr(DmArticleItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (item != NULL)
    g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, dm_article_item_get_id (item));
}

/* "articles.set-date" (an article's menu): asks for the date, then it is an edit. */
static void
set_date_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  DmArticlesPanel *self = DM_ARTICLES_PANEL (widget);
  GListModel *model = G_LIST_MODEL (self->store);
  gint64 article_id = g_variant_get_int64 (param);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DmArticleItem) item = g_list_model_get_item (model, i);

      if (dm_article_item_get_id (item) == article_id)
        {
          dm_article_date_ask (widget, article_id, dm_article_item_get_title (item),
                               dm_article_item_get_date (item));
          return;
        }
    }
}

/* The listed items from @first on stop telling us of their include check. */
static void
disconnect_items (DmArticlesPanel *self,
                  guint            first)
{
  GListModel *model = G_LIST_MODEL (self->store);

  for (guint i = first; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_signal_handlers_disconnect_by_data (item, self);
    }
}

static void
dm_articles_panel_dispose (GObject *object)
{
  DmArticlesPanel *self = (DmArticlesPanel *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DM_TYPE_ARTICLES_PANEL);
  /* Children without an id in the template too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  /* The items may outlive us in a pending list-item: stop them calling back. */
  if (self->store != NULL)
    disconnect_items (self, 0);
  g_clear_pointer (&self->filler, dm_list_filler_free);
  g_clear_object (&self->store);
  g_clear_object (&self->corpus);

  G_OBJECT_CLASS (dm_articles_panel_parent_class)->dispose (object);
}

static void
dm_articles_panel_class_init (DmArticlesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_articles_panel_dispose;

  signals[ARTICLE_TOGGLED] =
    g_signal_new ("article-toggled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);

  signals[ARTICLE_ACTIVATED] =
    g_signal_new ("article-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dramatis/Dramatis/dm-articles-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DmArticlesPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, DmArticlesPanel, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_install_action (widget_class, "articles.set-date", "x", set_date_action);
}

static void
dm_articles_panel_init (DmArticlesPanel *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (DM_TYPE_ARTICLE_ITEM);
  self->filler = dm_list_filler_new (self->store);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static gboolean
is_included (const DmGraphQuery *query,
             gint64              article_id)
{
  return query == NULL || !dm_graph_query_is_article_excluded (query, article_id);
}

/* Articles are only ever added, in id order: when the corpus is the same, the rows it
 * already lists stay (their widgets too) and only the new articles are added, a slice per
 * main-loop turn (see dm-list-filler.c). Replacing every item at once stalled the window
 * for tens of milliseconds after a large import. */
void
dm_articles_panel_set_corpus (DmArticlesPanel    *self,
                              DmCorpus           *corpus,
                              const DmGraphQuery *query)
{
  GListModel *model;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint n_old, n_kept = 0;

  g_return_if_fail (DM_IS_ARTICLES_PANEL (self));
  g_return_if_fail (!corpus || DM_IS_CORPUS (corpus));

  /* Items not yet added are made again from the new listing. */
  dm_list_filler_cancel (self->filler);

  model = G_LIST_MODEL (self->store);
  n_old = g_list_model_get_n_items (model);

  if (corpus != NULL &&
      !(articles = dm_store_list_articles (dm_corpus_get_store (corpus), &error)))
    g_debug ("Listing articles: %s", error->message);

  if (corpus != NULL && corpus == self->corpus && articles != NULL)
    {
      /* The kept items follow the query without telling it back what it just said. */
      for (; n_kept < n_old && n_kept < articles->len; n_kept++)
        {
          g_autoptr(DmArticleItem) item = g_list_model_get_item (model, n_kept);
          const DmArticleInfo *info = g_ptr_array_index (articles, n_kept);

          if (dm_article_item_get_id (item) != info->id)
            break;
          g_signal_handlers_block_by_func (item, item_included_cb, self);
          dm_article_item_set_included (item, is_included (query, info->id));
          g_signal_handlers_unblock_by_func (item, item_included_cb, self);
        }
    }
  g_set_object (&self->corpus, corpus);

  disconnect_items (self, n_kept);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = n_kept; articles != NULL && i < articles->len; i++)
    {
      const DmArticleInfo *info = g_ptr_array_index (articles, i);
      DmArticleItem *item = dm_article_item_new (info, is_included (query, info->id));

      g_signal_connect_object (item, "notify::included",
                               G_CALLBACK (item_included_cb), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (items, item);
    }
  if (n_kept < n_old || items->len > 0)
    dm_list_filler_replace (self->filler, n_kept, items);

  gtk_stack_set_visible_child_name (self->stack,
                                    articles != NULL && articles->len > 0 ? "list" : "empty");
}

GListModel *
dm_articles_panel_get_model (DmArticlesPanel *self)
{
  g_return_val_if_fail (DM_IS_ARTICLES_PANEL (self), NULL);

  return G_LIST_MODEL (self->store);
}
