/* dm-actors-panel.c — the searchable list of actors, with type filter and mention counts
 *
 * The search goes to the corpus (dm_store_list_actors() matches names and aliases) each
 * time the entry settles; GtkSearchEntry already waits for typing to pause.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-actors-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dm-actor-item.h"
#include "dm-actors-merge.h"
#include "dm-actors-panel.h"
#include "dm-list-filler.h"

struct _DmActorsPanel
{
  GtkWidget       parent_instance;

  DmCorpus       *corpus;
  GListStore     *store;
  DmListFiller   *filler;    /* a large listing goes in a slice per main-loop turn */

  GtkSearchEntry *search_entry;
  GtkDropDown    *type_dropdown;
  GtkStack       *stack;
  GtkListView    *list_view;
  AdwStatusPage  *empty_page;

  /* The ids of the actors the search text matches (the canvas marks them); empty when
   * nothing is searched for. */
  GArray         *matches;
};

enum {
  ACTOR_ACTIVATED,
  MATCHES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DmActorsPanel, dm_actors_panel, GTK_TYPE_WIDGET)

static guint32
dm_actors_panel_get_type_mask (DmActorsPanel *self)
{
  /* The drop-down lists "All" and then the types in DmActorType order. */
  static const DmActorType types[] = {
    DM_ACTOR_COUNTRY, DM_ACTOR_OFFICIAL, DM_ACTOR_PERSON, DM_ACTOR_ORGANIZATION, DM_ACTOR_GROUP,
  };
  guint selected = gtk_drop_down_get_selected (self->type_dropdown);

  if (selected == 0 || selected > G_N_ELEMENTS (types))
    return DM_ALL_ACTOR_TYPES;

  return 1u << types[selected - 1];
}

/* Tooltips are made when asked for: gtk_widget_set_tooltip_text() in bind_row_cb() would
 * query the pointer (an X round trip) for every row bound. */
static gboolean
row_query_tooltip_cb (GtkWidget   *widget,
                      int          x,
                      int          y,
                      gboolean     keyboard,
                      GtkTooltip  *tooltip,
                      GtkListItem *list_item)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "tooltip");

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box, *icon, *labels, *name, *detail, *count;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);

  icon = gtk_image_new ();
  gtk_widget_add_css_class (icon, "actor-type-icon");
  gtk_box_append (GTK_BOX (box), icon);

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  detail = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), detail);
  gtk_box_append (GTK_BOX (box), labels);

  count = gtk_label_new (NULL);
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_box_append (GTK_BOX (box), count);

  g_object_set_data (G_OBJECT (box), "icon", icon);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "detail", detail);
  g_object_set_data (G_OBJECT (box), "count", count);
  gtk_widget_set_has_tooltip (icon, TRUE);
  g_signal_connect (icon, "query-tooltip", G_CALLBACK (row_query_tooltip_cb), list_item);
  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect (box, "query-tooltip", G_CALLBACK (row_query_tooltip_cb), list_item);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  DmActorItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  DmActorType type = dm_actor_item_get_actor_type (item);
  const char *role = dm_actor_item_get_role (item);
  const char *affiliation = dm_actor_item_get_affiliation (item);
  g_autofree char *detail = NULL;
  g_autofree char *count = NULL;
  g_autofree char *tooltip = NULL;

  if (role != NULL && affiliation != NULL)
    detail = g_strdup_printf ("%s, %s", role, affiliation);
  else if (role != NULL || affiliation != NULL)
    detail = g_strdup (role != NULL ? role : affiliation);
  else
    detail = g_strdup (dm_actor_type_to_label (type));

  count = g_strdup_printf ("%u", dm_actor_item_get_n_mentions (item));
  {
    guint n_mentions = dm_actor_item_get_n_mentions (item);
    guint n_relations = dm_actor_item_get_n_relations (item);
    g_autofree char *mentioned = n_mentions == 1
      ? g_strdup (_("mentioned once"))
      : g_strdup_printf (ngettext ("mentioned %u time", "mentioned %u times", n_mentions), n_mentions);
    g_autofree char *relations = g_strdup_printf (ngettext ("%u relation", "%u relations", n_relations),
                                                  n_relations);

    /* Translators: an actor's tooltip in the list: "NATO: mentioned 4 times, 3 relations" */
    tooltip = g_strdup_printf (_("%s: %s, %s"), dm_actor_item_get_name (item), mentioned, relations);
  }

  gtk_image_set_from_icon_name (g_object_get_data (G_OBJECT (box), "icon"),
                                dm_actor_type_get_icon_name (type));
  g_object_set_data (g_object_get_data (G_OBJECT (box), "icon"), "tooltip",
                     (gpointer) dm_actor_type_to_label (type));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "name"), dm_actor_item_get_name (item));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "detail"), detail);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "count"), count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
  g_object_set_data_full (G_OBJECT (box), "tooltip", g_steal_pointer (&tooltip), g_free);
}

static void
emit_activated_at (DmActorsPanel *self,
                   guint          position)
{
  g_autoptr(DmActorItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (item != NULL)
    g_signal_emit (self, signals[ACTOR_ACTIVATED], 0, dm_actor_item_get_id (item));
}

static void
list_activate_cb (DmActorsPanel *self,
                  guint          position,
                  GtkListView   *list_view)
{
  emit_activated_at (self, position);
}

static void
search_changed_cb (DmActorsPanel  *self,
                   GtkSearchEntry *entry)
{
  dm_actors_panel_reload (self);
}

static void
search_activate_cb (DmActorsPanel  *self,
                    GtkSearchEntry *entry)
{
  /* Enter before the delayed search ran: search now so the first match is current. */
  dm_actors_panel_reload (self);
  emit_activated_at (self, 0);
}

static void
stop_search_cb (DmActorsPanel  *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
type_changed_cb (DmActorsPanel *self,
                 GParamSpec    *pspec,
                 GtkDropDown   *dropdown)
{
  dm_actors_panel_reload (self);
}

static void
dm_actors_panel_dispose (GObject *object)
{
  DmActorsPanel *self = (DmActorsPanel *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DM_TYPE_ACTORS_PANEL);
  /* Children without an id in the template too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->corpus);
  g_clear_pointer (&self->filler, dm_list_filler_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->matches, g_array_unref);

  G_OBJECT_CLASS (dm_actors_panel_parent_class)->dispose (object);
}

static void
dm_actors_panel_class_init (DmActorsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_actors_panel_dispose;

  signals[ACTOR_ACTIVATED] =
    g_signal_new ("actor-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[MATCHES_CHANGED] =
    g_signal_new ("matches-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dramatis/Dramatis/dm-actors-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DmActorsPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DmActorsPanel, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DmActorsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, DmActorsPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, DmActorsPanel, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_changed_cb);
}

static void
dm_actors_panel_init (DmActorsPanel *self)
{
  GtkListItemFactory *factory;
  GtkMultiSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (DM_TYPE_ACTOR_ITEM);
  self->matches = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->filler = dm_list_filler_new (self->store);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  /* Several actors can be selected (Ctrl+click, Shift+click) to merge them. */
  selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_widget_set_parent (dm_actors_merge_bar_new (GTK_SELECTION_MODEL (selection)), GTK_WIDGET (self));
  g_object_unref (selection);

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
dm_actors_panel_set_corpus (DmActorsPanel *self,
                            DmCorpus      *corpus)
{
  g_return_if_fail (DM_IS_ACTORS_PANEL (self));
  g_return_if_fail (!corpus || DM_IS_CORPUS (corpus));

  g_set_object (&self->corpus, corpus);
  dm_actors_panel_reload (self);
}

void
dm_actors_panel_reload (DmActorsPanel *self)
{
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const char *search;

  g_return_if_fail (DM_IS_ACTORS_PANEL (self));

  search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (search != NULL && search[0] == 0)
    search = NULL;

  items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->corpus != NULL)
    {
      actors = dm_store_list_actors (dm_corpus_get_store (self->corpus), search,
                                     dm_actors_panel_get_type_mask (self), &error);
      if (actors == NULL)
        g_debug ("Listing actors: %s", error->message);
    }

  g_array_set_size (self->matches, 0);
  for (guint i = 0; actors != NULL && i < actors->len; i++)
    {
      const DmActorInfo *info = g_ptr_array_index (actors, i);

      g_ptr_array_add (items, dm_actor_item_new (info));
      if (search != NULL)
        g_array_append_val (self->matches, info->id);
    }

  dm_list_filler_replace (self->filler, 0, items);

  if (items->len > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
  else
    {
      adw_status_page_set_description (self->empty_page,
                                       search != NULL
                                       ? _("No actor matches the search")
                                       : _("Import articles to find their actors"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  g_signal_emit (self, signals[MATCHES_CHANGED], 0);
}

const gint64 *
dm_actors_panel_get_matches (DmActorsPanel *self,
                             guint         *n_matches)
{
  g_return_val_if_fail (DM_IS_ACTORS_PANEL (self), NULL);
  g_return_val_if_fail (n_matches != NULL, NULL);

  *n_matches = self->matches->len;
  return (const gint64 *) self->matches->data;
}

void
dm_actors_panel_set_search (DmActorsPanel *self,
                            const char    *text)
{
  g_return_if_fail (DM_IS_ACTORS_PANEL (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  dm_actors_panel_reload (self);
}

void
dm_actors_panel_focus_search (DmActorsPanel *self)
{
  g_return_if_fail (DM_IS_ACTORS_PANEL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

GListModel *
dm_actors_panel_get_model (DmActorsPanel *self)
{
  g_return_val_if_fail (DM_IS_ACTORS_PANEL (self), NULL);

  return G_LIST_MODEL (self->store);
}
