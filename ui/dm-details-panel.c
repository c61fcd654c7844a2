/* dm-details-panel.c — what is selected: an actor and its relations, or an edge and the
 * sentences behind it
 *
 * The content is rebuilt for each selection from what the corpus says (a few prepared
 * queries, quick even on a large corpus). Every string from an article goes through
 * g_markup_escape_text() or is set as plain text.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-details-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "dm-actor-item.h"
#include "dm-article-window.h"
#include "dm-details-edit.h"
#include "dm-details-panel.h"
#include "dm-evidence.h"
#include "dm-relation-add.h"

struct _DmDetailsPanel
{
  GtkWidget          parent_instance;

  DmCorpus          *corpus;
  DmDetailsKind      kind;
  gint64             actor_id;
  gint64             focus_actor;    /* the graph's focus: no "Focus" button for it */

  /* the dates the graph shows (a time window): an actor's relations are those of the window */
  char              *date_from;      /* nullable "YYYY-MM-DD" */
  char              *date_to;
  gboolean           dated_only;     /* undated articles are outside the window too */
  char              *dates_label;    /* "6 Apr 2026 – 28 Jun 2026"; nullable */

  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkBox            *content;
};

enum {
  ACTOR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DmDetailsPanel, dm_details_panel, GTK_TYPE_WIDGET)

/* Relations of one verb in one direction, gathered per counterpart. */
typedef struct {
  char      *title;        /* "urges →" or "← urges" */
  GPtrArray *relations;    /* DmRelationInfo, borrowed */
} VerbGroup;

static void
verb_group_free (VerbGroup *group)
{
  g_free (group->title);
  g_ptr_array_unref (group->relations);
  g_free (group);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const VerbGroup *ga = *(VerbGroup * const *)a;
  const VerbGroup *gb = *(VerbGroup * const *)b;

  if (ga->relations->len != gb->relations->len)
    return ga->relations->len > gb->relations->len ? -1 : 1;

  return g_utf8_collate (ga->title, gb->title);
}

static void
dm_details_panel_remove_content (DmDetailsPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))))
    gtk_box_remove (self->content, child);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* The row's tooltip, asked for only when shown: gtk_widget_set_tooltip_text() queries the
 * pointer (an X round trip) for every row built. */
static gboolean
row_query_tooltip_cb (GtkWidget  *widget,
                      int         x,
                      int         y,
                      gboolean    keyboard,
                      GtkTooltip *tooltip,
                      gpointer    user_data)
{
  gtk_tooltip_set_text (tooltip, g_object_get_data (G_OBJECT (widget), "tooltip"));
  return TRUE;
}

static void
counterpart_row_activated_cb (AdwActionRow   *row,
                              DmDetailsPanel *self)
{
  gint64 *actor_id = g_object_get_data (G_OBJECT (row), "actor-id");

  if (actor_id != NULL)
    g_signal_emit (self, signals[ACTOR_ACTIVATED], 0, *actor_id);
}

static void
focus_button_clicked_cb (GtkButton      *button,
                         DmDetailsPanel *self)
{
  if (self->kind == DM_DETAILS_ACTOR)
    g_signal_emit (self, signals[ACTOR_ACTIVATED], 0, self->actor_id);
}

static void
show_in_article_clicked_cb (GtkButton      *button,
                            DmDetailsPanel *self)
{
  const DmRelationInfo *relation = g_object_get_data (G_OBJECT (button), "relation");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *window;

  if (relation == NULL || self->corpus == NULL)
    return;

  window = dm_article_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->corpus, relation->article_id, relation);
  gtk_window_present (window);
}

static GtkWidget *
make_header (const char  *icon_name,
             const char  *title,
             const char  *subtitle)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;

  if (icon_name != NULL)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

      gtk_image_set_pixel_size (GTK_IMAGE (image), 32);
      gtk_widget_set_valign (image, GTK_ALIGN_START);
      gtk_widget_add_css_class (image, "actor-type-icon");
      gtk_box_append (GTK_BOX (box), image);
    }

  label = make_label (title, "title-3");
  gtk_box_append (GTK_BOX (labels), label);

  if (subtitle != NULL && subtitle[0] != 0)
    {
      label = make_label (subtitle, "dim-label");
      gtk_box_append (GTK_BOX (labels), label);
    }

  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);

  return box;
}

static void
dm_details_panel_dispose (GObject *object)
{
  DmDetailsPanel *self = (DmDetailsPanel *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DM_TYPE_DETAILS_PANEL);
  /* Children without an id in the template too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->corpus);

  G_OBJECT_CLASS (dm_details_panel_parent_class)->dispose (object);
}

static void
dm_details_panel_finalize (GObject *object)
{
  DmDetailsPanel *self = (DmDetailsPanel *)object;

  g_free (self->date_from);
  g_free (self->date_to);
  g_free (self->dates_label);

  G_OBJECT_CLASS (dm_details_panel_parent_class)->finalize (object);
}

static gboolean
has_dates (DmDetailsPanel *self)
{
  return self->date_from != NULL || self->date_to != NULL;
}

/* Whether @relation happened within the dates the graph shows. */
static gboolean
in_dates (DmDetailsPanel       *self,
          const DmRelationInfo *relation)
{
  const char *date = relation->article_date;

  if (!has_dates (self))
    return TRUE;
  if (date == NULL || date[0] == '\0')
    return !self->dated_only;
  return (self->date_from == NULL || strcmp (date, self->date_from) >= 0) &&
         (self->date_to == NULL || strcmp (date, self->date_to) <= 0);
}

/* "Relations from 6 Apr 2026 – 28 Jun 2026: 12 of 40", what the list below holds. */
static void
add_dates_note (DmDetailsPanel *self,
                guint           n_shown,
                guint           n_all)
{
  g_autofree char *dates = NULL;
  g_autofree char *text = NULL;

  if (self->dates_label != NULL)
    dates = g_strdup (self->dates_label);
  else
    /* Translators: a date range, either end may be "…" (open) */
    dates = g_strdup_printf (C_("date range", "%s – %s"), self->date_from != NULL ? self->date_from : "…",
                             self->date_to != NULL ? self->date_to : "…");
  /* Translators: the relations listed are those of a time window: "Relations of 6 Apr 2026 – 28 Jun 2026: 12 of 40" */
  text = g_strdup_printf (ngettext ("Relations of %s: %u of %u", "Relations of %s: %u of %u", n_all),
                          dates, n_shown, n_all);
  gtk_box_append (self->content, make_label (text, "dim-label"));
}

static void
dm_details_panel_class_init (DmDetailsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_details_panel_dispose;
  object_class->finalize = dm_details_panel_finalize;

  signals[ACTOR_ACTIVATED] =
    g_signal_new ("actor-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dramatis/Dramatis/dm-details-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DmDetailsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, DmDetailsPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, DmDetailsPanel, content);
}

static void
dm_details_panel_init (DmDetailsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
dm_details_panel_clear (DmDetailsPanel *self)
{
  g_return_if_fail (DM_IS_DETAILS_PANEL (self));

  dm_details_panel_remove_content (self);
  self->kind = DM_DETAILS_NONE;
  self->actor_id = 0;
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
show_error (DmDetailsPanel *self,
            const GError   *error)
{
  gtk_box_append (self->content, make_label (error->message, "error"));
  gtk_stack_set_visible_child_name (self->stack, "details");
}

void
dm_details_panel_show_actor (DmDetailsPanel *self,
                             DmCorpus       *corpus,
                             gint64          actor_id)
{
  g_autoptr(DmActorInfo) actor = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GHashTable) groups_by_key = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) aliases = NULL;
  g_autoptr(GString) subtitle = NULL;
  GtkWidget *button;
  guint n_shown = 0;

  g_return_if_fail (DM_IS_DETAILS_PANEL (self));
  g_return_if_fail (DM_IS_CORPUS (corpus));

  g_set_object (&self->corpus, corpus);
  dm_details_panel_remove_content (self);
  self->kind = DM_DETAILS_ACTOR;
  self->actor_id = actor_id;

  if (!(actor = dm_store_get_actor (dm_corpus_get_store (corpus), actor_id, &error)))
    {
      show_error (self, error);
      return;
    }

  subtitle = g_string_new (dm_actor_type_to_label (actor->type));
  if (actor->role != NULL)
    g_string_append_printf (subtitle, " · %s", actor->role);
  if (actor->affiliation != NULL)
    g_string_append_printf (subtitle, " · %s", actor->affiliation);
  gtk_box_append (self->content,
                  make_header (dm_actor_type_get_icon_name (actor->type), actor->name, subtitle->str));

  aliases = dm_store_get_aliases (dm_corpus_get_store (corpus), actor_id, NULL);
  if (aliases != NULL && aliases[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", aliases);
      g_autofree char *text = g_strdup_printf (_("Also named: %s"), joined);

      gtk_box_append (self->content, make_label (text, NULL));
    }

  {
    g_autofree char *mentions = NULL;
    g_autofree char *related = NULL;
    g_autofree char *counts = NULL;

    mentions = g_strdup_printf (ngettext ("Mentioned %u time", "Mentioned %u times",
                                          actor->n_mentions), actor->n_mentions);
    related = g_strdup_printf (ngettext ("%u relation", "%u relations", actor->n_relations),
                               actor->n_relations);
    /* Translators: "Mentioned 12 times · 4 relations" */
    counts = g_strdup_printf (_("%s · %s"), mentions, related);
    gtk_box_append (self->content, make_label (counts, "dim-label"));
  }

  button = gtk_button_new_with_mnemonic (_("_Focus on Graph"));
  /* An explicit name: else the mnemonic label is read twice, "_Focus on Graph Focus on Graph" */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Focus on Graph"), -1);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("Show this actor's neighbourhood on the graph"));
  gtk_widget_add_css_class (button, "pill");
  g_signal_connect (button, "clicked", G_CALLBACK (focus_button_clicked_cb), self);
  {
    GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *exclude = gtk_button_new_with_mnemonic (_("_Hide From Every View"));

    /* the window's "canvas.exclude": never the focus, whose view would be empty */
    gtk_accessible_update_property (GTK_ACCESSIBLE (exclude),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Hide From Every View"), -1);
    gtk_widget_set_tooltip_text (exclude, _("Leave this actor out of the graph; Filters lists it to bring it back"));
    gtk_widget_add_css_class (exclude, "pill");
    gtk_actionable_set_action_name (GTK_ACTIONABLE (exclude), "canvas.exclude");
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (exclude), g_variant_new_int64 (actor_id));
    gtk_widget_set_visible (button, actor_id != self->focus_actor);
    gtk_widget_set_visible (exclude, actor_id != self->focus_actor);
    gtk_box_append (GTK_BOX (buttons), button);
    gtk_box_append (GTK_BOX (buttons), exclude);
    gtk_widget_set_visible (buttons, actor_id != self->focus_actor);
    gtk_box_append (self->content, buttons);
  }

  if (!(relations = dm_store_list_actor_relations (dm_corpus_get_store (corpus), actor_id, &error)))
    {
      show_error (self, error);
      return;
    }

  /* Group by verb and direction: "urges →" (this actor urges someone) and "← urges". */
  groups_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  groups = g_ptr_array_new_with_free_func ((GDestroyNotify) verb_group_free);
  for (guint i = 0; i < relations->len; i++)
    {
      DmRelationInfo *relation = g_ptr_array_index (relations, i);
      gboolean outgoing = relation->source_id == actor_id;
      g_autofree char *verb = NULL;
      g_autofree char *title = NULL;
      VerbGroup *group;

      /* the graph shows a time window: so does the list */
      if (!in_dates (self, relation))
        continue;
      n_shown++;

      verb = relation->negated ? g_strdup_printf (_("not %s"), relation->verb) : g_strdup (relation->verb);
      title = outgoing ? g_strdup_printf ("%s →", verb) : g_strdup_printf ("← %s", verb);

      if (!(group = g_hash_table_lookup (groups_by_key, title)))
        {
          group = g_new0 (VerbGroup, 1);
          group->title = g_steal_pointer (&title);
          group->relations = g_ptr_array_new ();
          g_hash_table_insert (groups_by_key, group->title, group);
          g_ptr_array_add (groups, group);
        }
      g_ptr_array_add (group->relations, relation);
    }
  g_ptr_array_sort (groups, compare_groups);

  if (has_dates (self))
    add_dates_note (self, n_shown, relations->len);
  if (groups->len == 0 && relations->len > 0)
    gtk_box_append (self->content, make_label (_("No relations in these dates."), "dim-label"));
  else if (groups->len == 0)
    gtk_box_append (self->content, make_label (_("No relations found for this actor yet."), "dim-label"));

  for (guint i = 0; i < groups->len; i++)
    {
      VerbGroup *group = g_ptr_array_index (groups, i);
      g_autoptr(GHashTable) rows = g_hash_table_new (g_int64_hash, g_int64_equal);
      GtkWidget *pref_group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (pref_group), group->title);

      for (guint j = 0; j < group->relations->len; j++)
        {
          DmRelationInfo *relation = g_ptr_array_index (group->relations, j);
          gboolean outgoing = relation->source_id == actor_id;
          gint64 other_id = outgoing ? relation->target_id : relation->source_id;
          const char *other = outgoing ? relation->target : relation->source;
          GtkWidget *row = g_hash_table_lookup (rows, &other_id);
          guint n;

          if (row == NULL)
            {
              gint64 *key = g_new (gint64, 1);
              g_autofree char *escaped = g_markup_escape_text (other, -1);
              g_autofree char *accessible = NULL;

              *key = other_id;
              row = adw_action_row_new ();
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
              gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
              g_object_set_data_full (G_OBJECT (row), "actor-id", key, g_free);
              g_object_set_data (G_OBJECT (row), "count", GUINT_TO_POINTER (0));
              g_signal_connect (row, "activated", G_CALLBACK (counterpart_row_activated_cb), self);
              accessible = g_strdup_printf (_("Focus on %s"), other);
              gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible,
                                              -1);
              g_object_set_data_full (G_OBJECT (row), "tooltip", g_steal_pointer (&accessible), g_free);
              gtk_widget_set_has_tooltip (row, TRUE);
              g_signal_connect (row, "query-tooltip", G_CALLBACK (row_query_tooltip_cb), NULL);
              g_hash_table_insert (rows, key, row);
              adw_preferences_group_add (ADW_PREFERENCES_GROUP (pref_group), row);
            }

          n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "count")) + 1;
          g_object_set_data (G_OBJECT (row), "count", GUINT_TO_POINTER (n));

          {
            g_autofree char *subtitle_text = NULL;
            g_autofree char *escaped = NULL;
            const char *where = relation->article_title ? relation->article_title : "";

            if (n == 1)
              subtitle_text = g_strdup (where);
            else
              /* Translators: the sentences of one article that state a relation, and the
               * article's title */
              subtitle_text = g_strdup_printf (ngettext ("%u sentence · %s", "%u sentences · %s", n),
                                               n, where);
            escaped = g_markup_escape_text (subtitle_text, -1);
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
          }
        }

      gtk_box_append (self->content, pref_group);
    }

  gtk_box_append (self->content,
                  dm_details_actor_editor_new (actor, (const char * const *) aliases));

  gtk_stack_set_visible_child_name (self->stack, "details");
}

void
dm_details_panel_show_edge (DmDetailsPanel *self,
                            DmCorpus       *corpus,
                            DmGraph        *graph,
                            guint           edge_index)
{
  g_autoptr(GArray) relation_ids = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const DmGraphEdge *edge;
  const DmGraphNode *source, *target;

  g_return_if_fail (DM_IS_DETAILS_PANEL (self));
  g_return_if_fail (DM_IS_CORPUS (corpus));
  g_return_if_fail (graph != NULL);
  g_return_if_fail (edge_index < graph->edges->len);

  g_set_object (&self->corpus, corpus);
  dm_details_panel_remove_content (self);
  self->kind = DM_DETAILS_EDGE;
  self->actor_id = 0;

  edge = g_ptr_array_index (graph->edges, edge_index);
  source = g_ptr_array_index (graph->nodes, edge->source);
  target = g_ptr_array_index (graph->nodes, edge->target);

  title = g_strdup_printf ("%s → %s", source->name, target->name);
  {
    DmClassFamily family = dm_relation_class_get_family (edge->klass);
    g_autofree char *klass = g_ascii_strdown (dm_relation_class_to_string (edge->klass), -1);

    klass[0] = g_ascii_toupper (klass[0]);
    if (family == DM_FAMILY_STATEMENT)
      subtitle = g_strdup_printf ("%s%s · %s", edge->negated ? _("not ") : "",
                                  edge->label ? edge->label : edge->verb, klass);
    else
      subtitle = g_strdup_printf ("%s%s · %s · %s", edge->negated ? _("not ") : "",
                                  edge->label ? edge->label : edge->verb, klass,
                                  dm_class_family_to_label (family));
  }
  gtk_box_append (self->content, make_header (NULL, title, subtitle));

  if (!(relation_ids = dm_graph_list_edge_relation_ids (dm_corpus_get_store (corpus), graph, edge, &error))
      || !(relations = dm_store_get_relations (dm_corpus_get_store (corpus), relation_ids, &error)))
    {
      show_error (self, error);
      return;
    }

  {
    g_autofree char *count = NULL;

    count = g_strdup_printf (ngettext ("%u sentence says so", "%u sentences say so", relations->len),
                             relations->len);
    gtk_box_append (self->content, make_label (count, "heading"));
  }

  for (guint i = 0; i < relations->len; i++)
    {
      DmRelationInfo *relation = g_ptr_array_index (relations, i);
      g_autofree char *markup = dm_evidence_to_markup (relation);
      g_autoptr(GString) where = g_string_new (NULL);
      GtkWidget *card, *label, *footer, *button;

      card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "evidence");

      label = make_label (NULL, "evidence-sentence");
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (card), label);

      footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      if (relation->article_title != NULL)
        {
          g_string_append (where, relation->article_title);
        }
      else
        {
          /* Untitled (a plain text file): name it by where it came from. */
          g_autoptr(DmArticleInfo) article = dm_store_get_article (dm_corpus_get_store (corpus),
                                                                   relation->article_id, NULL);

          if (article != NULL && article->origin != NULL)
            {
              g_autofree char *name = g_path_get_basename (article->origin);

              g_string_append (where, name);
            }
        }
      if (relation->article_date != NULL)
        g_string_append_printf (where, "%s%s", where->len ? " · " : "", relation->article_date);
      if (relation->negated)
        g_string_append_printf (where, "%s%s", where->len ? " · " : "", _("negated"));
      label = make_label (where->str, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (footer), label);

      gtk_box_append (GTK_BOX (footer), dm_relation_add_button_new (corpus, relations, relation));
      gtk_box_append (GTK_BOX (footer), dm_details_relation_menu_new (relation));

      button = gtk_button_new_from_icon_name ("x-office-document-symbolic");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Show in Article"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show the sentence in its article"),
                                      -1);
      /* The button borrows its relation and keeps the whole array alive. */
      g_object_set_data_full (G_OBJECT (button), "relations",
                              g_ptr_array_ref (relations),
                              (GDestroyNotify) g_ptr_array_unref);
      g_object_set_data (G_OBJECT (button), "relation", relation);
      g_signal_connect (button, "clicked", G_CALLBACK (show_in_article_clicked_cb), self);
      gtk_box_append (GTK_BOX (footer), button);

      gtk_box_append (GTK_BOX (card), footer);
      gtk_box_append (self->content, card);
    }

  gtk_stack_set_visible_child_name (self->stack, "details");
}

DmDetailsKind
dm_details_panel_get_kind (DmDetailsPanel *self)
{
  g_return_val_if_fail (DM_IS_DETAILS_PANEL (self), DM_DETAILS_NONE);

  return self->kind;
}

gint64
dm_details_panel_get_actor (DmDetailsPanel *self)
{
  g_return_val_if_fail (DM_IS_DETAILS_PANEL (self), 0);

  return self->actor_id;
}

void
dm_details_panel_set_focus_actor (DmDetailsPanel *self,
                                  gint64          actor_id)
{
  g_return_if_fail (DM_IS_DETAILS_PANEL (self));

  self->focus_actor = actor_id;
}

void
dm_details_panel_set_dates (DmDetailsPanel *self,
                            const char     *date_from,
                            const char     *date_to,
                            gboolean        dated_only,
                            const char     *label)
{
  g_return_if_fail (DM_IS_DETAILS_PANEL (self));

  date_from = date_from != NULL && date_from[0] != '\0' ? date_from : NULL;
  date_to = date_to != NULL && date_to[0] != '\0' ? date_to : NULL;
  dated_only = dated_only && (date_from != NULL || date_to != NULL);
  if (g_strcmp0 (date_from, self->date_from) == 0 && g_strcmp0 (date_to, self->date_to) == 0 &&
      !dated_only == !self->dated_only && g_strcmp0 (label, self->dates_label) == 0)
    return;
  g_free (self->date_from);
  self->date_from = g_strdup (date_from);
  g_free (self->date_to);
  self->date_to = g_strdup (date_to);
  self->dated_only = dated_only;
  g_free (self->dates_label);
  self->dates_label = g_strdup (label);

  if (self->kind == DM_DETAILS_ACTOR && self->corpus != NULL)
    dm_details_panel_show_actor (self, self->corpus, self->actor_id);
}
