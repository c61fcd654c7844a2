/* dm-filters-panel.c — which relations and actors the graph shows
 *
 * Relation classes are grouped by family (PLOVER's quad plus statements): each family is an
 * expander row whose switch hides the whole family, with a check per class inside.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-filters-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "dm-actor-item.h"
#include "dm-filters-panel.h"

struct _DmFiltersPanel
{
  GtkWidget            parent_instance;

  GtkWidget           *family_rows[DM_N_FAMILIES];
  GtkWidget           *class_checks[DM_N_CLASSES];
  GtkWidget           *type_switches[DM_N_ACTOR_TYPES];
  guint                updating;

  AdwPreferencesGroup *classes_group;
  AdwPreferencesGroup *types_group;
  AdwComboRow         *grouping_row;
  GtkSpinButton       *min_evidence_spin;
  AdwEntryRow         *date_from_row;
  AdwEntryRow         *date_to_row;
  AdwPreferencesGroup *excluded_group;
  GPtrArray           *excluded_rows;   /* GtkWidget, in excluded_group */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DmFiltersPanel, dm_filters_panel, GTK_TYPE_WIDGET)

static void
changed_cb (DmFiltersPanel *self)
{
  if (self->updating == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* TRUE for "" and for a real calendar date written YYYY-MM-DD. */
static gboolean
parse_date (const char  *text,
            char       **normalized)
{
  int year, month, day;
  char tail;

  *normalized = NULL;
  if (text == NULL || text[0] == 0)
    return TRUE;

  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  *normalized = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  return TRUE;
}

static void
date_changed_cb (DmFiltersPanel *self,
                 AdwEntryRow    *row)
{
  g_autofree char *date = NULL;

  if (parse_date (gtk_editable_get_text (GTK_EDITABLE (row)), &date))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      changed_cb (self);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
    }
}

static void
reset_clicked_cb (DmFiltersPanel *self,
                  GtkButton      *button)
{
  dm_filters_panel_reset (self);
}

static void
dm_filters_panel_build_rows (DmFiltersPanel *self)
{
  for (guint f = 0; f < DM_N_FAMILIES; f++)
    {
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *tooltip = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), dm_class_family_to_label (f));
      adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (expander), TRUE);
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (expander), TRUE);
      tooltip = g_strdup_printf (_("Show relations of the family “%s”"), dm_class_family_to_label (f));
      gtk_widget_set_tooltip_text (expander, tooltip);
      gtk_widget_add_css_class (expander, "family-row");
      gtk_widget_add_css_class (expander, dm_class_family_to_string (f));
      g_signal_connect_swapped (expander, "notify::enable-expansion", G_CALLBACK (changed_cb), self);
      self->family_rows[f] = expander;

      for (guint c = 0; c < DM_N_CLASSES; c++)
        {
          GtkWidget *row, *check;
          g_autofree char *name = NULL;

          if ((guint) dm_relation_class_get_family (c) != f)
            continue;

          name = g_ascii_strdown (dm_relation_class_to_string (c), -1);
          name[0] = g_ascii_toupper (name[0]);

          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
          check = gtk_check_button_new ();
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                          -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          g_signal_connect_swapped (check, "toggled", G_CALLBACK (changed_cb), self);
          self->class_checks[c] = check;
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }

      adw_preferences_group_add (self->classes_group, expander);
    }

  for (guint t = 0; t < DM_N_ACTOR_TYPES; t++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();
      g_autofree char *tooltip = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dm_actor_type_to_label (t));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (dm_actor_type_get_icon_name (t)));
      gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      tooltip = g_strdup_printf (_("Show actors of type “%s”"), dm_actor_type_to_label (t));
      gtk_widget_set_tooltip_text (sw, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (sw),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, dm_actor_type_to_label (t),
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      g_signal_connect_swapped (sw, "notify::active", G_CALLBACK (changed_cb), self);
      self->type_switches[t] = sw;
      adw_preferences_group_add (self->types_group, row);
    }
}

static void
dm_filters_panel_dispose (GObject *object)
{
  GtkWidget *child;

  g_clear_pointer (&DM_FILTERS_PANEL (object)->excluded_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), DM_TYPE_FILTERS_PANEL);
  /* Children without an id in the template too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dm_filters_panel_parent_class)->dispose (object);
}

static void
dm_filters_panel_class_init (DmFiltersPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_filters_panel_dispose;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dramatis/Dramatis/dm-filters-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DmFiltersPanel, classes_group);
  gtk_widget_class_bind_template_child (widget_class, DmFiltersPanel, types_group);
  gtk_widget_class_bind_template_child (widget_class, DmFiltersPanel, grouping_row);
  gtk_widget_class_bind_template_child (widget_class, DmFiltersPanel, min_evidence_spin);
  gtk_widget_class_bind_template_child (widget_class, DmFiltersPanel, date_from_row);
  gtk_widget_class_bind_template_child (widget_class, DmFiltersPanel, date_to_row);
  gtk_widget_class_bind_template_child (widget_class, DmFiltersPanel, excluded_group);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_clicked_cb);
}

static void
dm_filters_panel_init (DmFiltersPanel *self)
{
  self->updating++;
  gtk_widget_init_template (GTK_WIDGET (self));
  dm_filters_panel_build_rows (self);
  self->updating--;
}

void
dm_filters_panel_apply (DmFiltersPanel *self,
                        DmGraphQuery   *query)
{
  g_autofree char *date_from = NULL;
  g_autofree char *date_to = NULL;

  g_return_if_fail (DM_IS_FILTERS_PANEL (self));
  g_return_if_fail (query != NULL);

  query->class_mask = 0;
  for (guint c = 0; c < DM_N_CLASSES; c++)
    {
      GtkWidget *family = self->family_rows[dm_relation_class_get_family (c)];

      if (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (family)) &&
          gtk_check_button_get_active (GTK_CHECK_BUTTON (self->class_checks[c])))
        query->class_mask |= 1u << c;
    }

  query->type_mask = 0;
  for (guint t = 0; t < DM_N_ACTOR_TYPES; t++)
    if (gtk_switch_get_active (GTK_SWITCH (self->type_switches[t])))
      query->type_mask |= 1u << t;

  query->min_evidence = MAX (1, gtk_spin_button_get_value_as_int (self->min_evidence_spin));
  query->per_pair = adw_combo_row_get_selected (self->grouping_row) == 1;

  /* An unfinished date leaves that end of the range open. */
  if (!parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_from_row)), &date_from))
    g_clear_pointer (&date_from, g_free);
  if (!parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_to_row)), &date_to))
    g_clear_pointer (&date_to, g_free);
  g_free (query->date_from);
  query->date_from = g_steal_pointer (&date_from);
  g_free (query->date_to);
  query->date_to = g_steal_pointer (&date_to);
}

void
dm_filters_panel_reset (DmFiltersPanel *self)
{
  g_return_if_fail (DM_IS_FILTERS_PANEL (self));

  self->updating++;
  for (guint f = 0; f < DM_N_FAMILIES; f++)
    adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (self->family_rows[f]), TRUE);
  for (guint c = 0; c < DM_N_CLASSES; c++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->class_checks[c]), TRUE);
  for (guint t = 0; t < DM_N_ACTOR_TYPES; t++)
    gtk_switch_set_active (GTK_SWITCH (self->type_switches[t]), TRUE);
  gtk_spin_button_set_value (self->min_evidence_spin, 1);
  adw_combo_row_set_selected (self->grouping_row, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->date_from_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_to_row), "");
  self->updating--;

  changed_cb (self);
}

void
dm_filters_panel_set_class (DmFiltersPanel  *self,
                            DmRelationClass  klass,
                            gboolean         shown)
{
  g_return_if_fail (DM_IS_FILTERS_PANEL (self));
  g_return_if_fail (klass < DM_N_CLASSES);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->class_checks[klass]), shown);
}

void
dm_filters_panel_set_min_evidence (DmFiltersPanel *self,
                                   guint           min_evidence)
{
  g_return_if_fail (DM_IS_FILTERS_PANEL (self));

  gtk_spin_button_set_value (self->min_evidence_spin, MAX (1, min_evidence));
}

void
dm_filters_panel_set_excluded (DmFiltersPanel     *self,
                               const gint64       *actor_ids,
                               const char * const *names,
                               guint               n)
{
  g_return_if_fail (DM_IS_FILTERS_PANEL (self));

  if (self->excluded_rows == NULL)
    self->excluded_rows = g_ptr_array_new ();
  for (guint i = 0; i < self->excluded_rows->len; i++)
    adw_preferences_group_remove (self->excluded_group, self->excluded_rows->pdata[i]);
  g_ptr_array_set_size (self->excluded_rows, 0);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_label (_("Show"));
      g_autofree char *label = g_strdup_printf (_("Show “%s” again"), names[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), names[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      /* the window's action: the actor comes back into every view */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "canvas.include");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (actor_ids[i]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->excluded_group, row);
      g_ptr_array_add (self->excluded_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->excluded_group), n > 0);
}

guint
dm_filters_panel_get_n_excluded (DmFiltersPanel *self)
{
  g_return_val_if_fail (DM_IS_FILTERS_PANEL (self), 0);

  return self->excluded_rows != NULL ? self->excluded_rows->len : 0;
}
