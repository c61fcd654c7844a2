/* dm-view-budget.c — the overview's budget: how many actors the whole graph shows, and
 * how many it leaves out
 *
 * A bar over the canvas: "Top [42] of 510 actors [Fit]", a sentence saying how many are
 * hidden and why (the budget, the filters, exclusions), and a button that undoes each.
 * "Fit" on, the window sets the number to what the canvas can show with every name
 * readable; a number the user picks stays until "Fit" is pressed again. The engine
 * keeps the heaviest actors (DmGraphQuery.max_nodes) and counts what it left out
 * (DmGraphCounts); this widget only holds the number and says what came of it.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-view-budget"

#include "config.h"

#include <glib/gi18n.h>

#include "dm-view-budget.h"

#define MIN_BUDGET  5
#define MAX_BUDGET  2000

struct _DmViewBudget
{
  GtkWidget      parent_instance;

  guint          budget;        /* 0: all */
  guint          last_budget;   /* what "Top N" goes back to after "Show All" */
  gboolean       automatic;     /* the canvas sets the budget */
  gboolean       setting;       /* the spin is set from here, not by the user */
  DmGraphCounts  counts;
  char          *summary;
  gboolean       filters_narrow;  /* the Filters panel hides something */
  char          *time_window;     /* "6 Apr 2026 – 28 Jun 2026" while the timeline narrows; nullable */

  GtkWidget     *budget_box;    /* "Top [N] of M actors" */
  GtkSpinButton *spin;
  GtkToggleButton *fit_button;
  GtkLabel      *total_label;
  GtkLabel      *summary_label;
  GtkButton     *all_button;
  GtkButton     *filters_button;
  GtkButton     *excluded_button;
};

enum {
  RESET_FILTERS,
  SHOW_EXCLUDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_BUDGET,
  PROP_AUTOMATIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DmViewBudget, dm_view_budget, GTK_TYPE_WIDGET)

/* Appends ", " and one reason to @summary. */
static void
add_reason (GString    *summary,
            const char *reason)
{
  if (summary->len > 0)
    g_string_append (summary, _(", "));
  g_string_append (summary, reason);
}

static void
update_labels (DmViewBudget *self)
{
  const DmGraphCounts *c = &self->counts;
  guint available = c->n_actors_available;
  guint hidden = c->n_actors_over_budget + c->n_actors_filtered + c->n_actors_excluded;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *total = NULL;

  if (self->budget == 0)
    {
      total = g_strdup_printf (g_dngettext (NULL, "All %u actor", "All %u actors", available), available);
      gtk_button_set_label (self->all_button, _("_Top Actors Only"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->all_button), _("Show only the heaviest actors"));
    }
  else
    {
      total = g_strdup_printf (g_dngettext (NULL, "of %u actor", "of %u actors", available), available);
      gtk_button_set_label (self->all_button, _("Show _All"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->all_button), _("Show every actor the filters let through"));
    }
  gtk_label_set_text (self->total_label, total);
  gtk_widget_set_visible (GTK_WIDGET (self->spin), self->budget != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->fit_button), self->budget != 0);

  /* Why actors are missing, each reason with the button that undoes it. */
  if (c->n_actors_over_budget > 0)
    {
      g_autofree char *reason = g_strdup_printf (g_dngettext (NULL, "%u actor with less evidence hidden",
                                                              "%u actors with less evidence hidden",
                                                              c->n_actors_over_budget),
                                                 c->n_actors_over_budget);
      add_reason (summary, reason);
    }
  /* The time window is a filter too, the one most often forgotten: say so by its dates. */
  if (c->n_actors_filtered > 0 && self->time_window != NULL && !self->filters_narrow)
    {
      g_autofree char *reason = g_strdup_printf (g_dngettext (NULL, "%u outside %s", "%u outside %s",
                                                              c->n_actors_filtered),
                                                 c->n_actors_filtered, self->time_window);
      add_reason (summary, reason);
    }
  else if (c->n_actors_filtered > 0 && self->time_window != NULL)
    {
      g_autofree char *reason = g_strdup_printf (g_dngettext (NULL, "%u hidden by the filters and the time window",
                                                              "%u hidden by the filters and the time window",
                                                              c->n_actors_filtered),
                                                 c->n_actors_filtered);
      add_reason (summary, reason);
    }
  else if (c->n_actors_filtered > 0)
    {
      g_autofree char *reason = g_strdup_printf (g_dngettext (NULL, "%u hidden by the filters",
                                                              "%u hidden by the filters",
                                                              c->n_actors_filtered),
                                                 c->n_actors_filtered);
      add_reason (summary, reason);
    }
  if (c->n_actors_excluded > 0)
    {
      g_autofree char *reason = g_strdup_printf (g_dngettext (NULL, "%u excluded", "%u excluded",
                                                              c->n_actors_excluded),
                                                 c->n_actors_excluded);
      add_reason (summary, reason);
    }
  g_clear_pointer (&self->summary, g_free);
  if (hidden > 0)
    self->summary = g_strdup (summary->str);
  gtk_label_set_text (self->summary_label, self->summary != NULL ? self->summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), self->summary != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->all_button), self->budget == 0 || c->n_actors_over_budget > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->filters_button), c->n_actors_filtered > 0);
  if (self->time_window != NULL && !self->filters_narrow)
    {
      gtk_button_set_label (self->filters_button, _("Show All _Dates"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filters_button), _("Clear the time window"));
    }
  else
    {
      gtk_button_set_label (self->filters_button, _("Reset _Filters"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filters_button),
                                   self->time_window != NULL ? _("Show what the filters and the time window hide")
                                                             : _("Show what the filters hide"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->excluded_button), c->n_actors_excluded > 0);
}

static void
reset_filters_clicked_cb (DmViewBudget *self,
                          GtkButton    *button)
{
  g_signal_emit (self, signals[RESET_FILTERS], 0);
}

static void
show_excluded_clicked_cb (DmViewBudget *self,
                          GtkButton    *button)
{
  g_signal_emit (self, signals[SHOW_EXCLUDED], 0);
}

/* The budget as it is now, without telling anyone: the spin and the labels. */
static void
show_budget (DmViewBudget *self,
             guint         budget)
{
  self->budget = budget;
  if (budget != 0)
    {
      self->last_budget = budget;
      self->setting = TRUE;
      gtk_spin_button_set_value (self->spin, budget);
      self->setting = FALSE;
    }
  update_labels (self);
}

/* A number the user picks is theirs: the canvas no longer sets it. */
static void
spin_changed_cb (DmViewBudget  *self,
                 GtkSpinButton *spin)
{
  if (!self->setting)
    dm_view_budget_set_budget (self, gtk_spin_button_get_value_as_int (spin));
}

static void
all_clicked_cb (DmViewBudget *self,
                GtkButton    *button)
{
  dm_view_budget_set_budget (self, self->budget == 0 ? self->last_budget : 0);
}

static void
fit_toggled_cb (DmViewBudget    *self,
                GtkToggleButton *button)
{
  if (!self->setting)
    dm_view_budget_set_automatic (self, gtk_toggle_button_get_active (button));
}

static void
dm_view_budget_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dm_view_budget_parent_class)->dispose (object);
}

static void
dm_view_budget_finalize (GObject *object)
{
  g_free (DM_VIEW_BUDGET (object)->summary);
  g_free (DM_VIEW_BUDGET (object)->time_window);

  G_OBJECT_CLASS (dm_view_budget_parent_class)->finalize (object);
}

static void
dm_view_budget_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_BUDGET:
      g_value_set_uint (value, DM_VIEW_BUDGET (object)->budget);
      break;
    case PROP_AUTOMATIC:
      g_value_set_boolean (value, DM_VIEW_BUDGET (object)->automatic);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_view_budget_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_BUDGET:
      dm_view_budget_set_budget (DM_VIEW_BUDGET (object), g_value_get_uint (value));
      break;
    case PROP_AUTOMATIC:
      dm_view_budget_set_automatic (DM_VIEW_BUDGET (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_view_budget_class_init (DmViewBudgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_view_budget_dispose;
  object_class->finalize = dm_view_budget_finalize;
  object_class->get_property = dm_view_budget_get_property;
  object_class->set_property = dm_view_budget_set_property;

  properties[PROP_BUDGET] =
    g_param_spec_uint ("budget", NULL, NULL, 0, MAX_BUDGET, DM_VIEW_BUDGET_DEFAULT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTOMATIC] =
    g_param_spec_boolean ("automatic", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RESET_FILTERS] =
    g_signal_new ("reset-filters", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SHOW_EXCLUDED] =
    g_signal_new ("show-excluded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dmviewbudget");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkButton *
add_button (DmViewBudget *self,
            const char   *mnemonic,
            const char   *tooltip,
            GCallback     clicked)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_parent (button, GTK_WIDGET (self));
  g_signal_connect_object (button, "clicked", clicked, self, G_CONNECT_SWAPPED);
  return GTK_BUTTON (button);
}

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static void
dm_view_budget_init (DmViewBudget *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));
  GtkWidget *top;

  self->budget = self->last_budget = DM_VIEW_BUDGET_DEFAULT;
  self->automatic = TRUE;
  gtk_box_layout_set_spacing (layout, 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "toolbar");
  gtk_widget_add_css_class (GTK_WIDGET (self), "osd");
  gtk_widget_add_css_class (GTK_WIDGET (self), "view-budget");

  self->budget_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (self->budget_box, 6);
  top = add_label (self->budget_box, C_("overview budget, as in “Top 60 of 510 actors”", "Top"));
  self->spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (MIN_BUDGET, MAX_BUDGET, 5));
  gtk_spin_button_set_value (self->spin, DM_VIEW_BUDGET_DEFAULT);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->spin), _("How many actors the whole graph shows, those with the most relations first"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Actors shown"), -1);
  gtk_box_append (GTK_BOX (self->budget_box), GTK_WIDGET (self->spin));
  g_object_bind_property (self->spin, "visible", top, "visible", G_BINDING_SYNC_CREATE);
  self->total_label = GTK_LABEL (add_label (self->budget_box, ""));
  self->fit_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("F_it")));
  gtk_toggle_button_set_active (self->fit_button, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->fit_button),
                               _("Show as many actors as the canvas has room for with every name readable, "
                                 "following the window’s size"));
  gtk_box_append (GTK_BOX (self->budget_box), GTK_WIDGET (self->fit_button));
  gtk_widget_set_parent (self->budget_box, GTK_WIDGET (self));

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "dim-label");
  gtk_label_set_ellipsize (self->summary_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->summary_label, 60);
  gtk_widget_set_parent (GTK_WIDGET (self->summary_label), GTK_WIDGET (self));

  self->all_button = add_button (self, _("Show _All"), NULL, G_CALLBACK (all_clicked_cb));
  self->filters_button = add_button (self, _("Reset _Filters"), _("Show what the filters hide"),
                                     G_CALLBACK (reset_filters_clicked_cb));
  self->excluded_button = add_button (self, _("Show _Excluded"), _("Bring back the actors you excluded"),
                                      G_CALLBACK (show_excluded_clicked_cb));

  g_signal_connect_object (self->spin, "value-changed", G_CALLBACK (spin_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->fit_button, "toggled", G_CALLBACK (fit_toggled_cb), self, G_CONNECT_SWAPPED);
  update_labels (self);
}

GtkWidget *
dm_view_budget_new (void)
{
  return g_object_new (DM_TYPE_VIEW_BUDGET, NULL);
}

guint
dm_view_budget_get_budget (DmViewBudget *self)
{
  g_return_val_if_fail (DM_IS_VIEW_BUDGET (self), 0);
  return self->budget;
}

/* Sets the budget whoever chose it. */
static void
apply_budget (DmViewBudget *self,
              guint         budget)
{
  if (budget != 0)
    budget = CLAMP (budget, MIN_BUDGET, MAX_BUDGET);
  if (budget == self->budget)
    return;
  show_budget (self, budget);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUDGET]);
}

void
dm_view_budget_set_budget (DmViewBudget *self,
                           guint         budget)
{
  g_return_if_fail (DM_IS_VIEW_BUDGET (self));

  dm_view_budget_set_automatic (self, FALSE);
  apply_budget (self, budget);
}

gboolean
dm_view_budget_get_automatic (DmViewBudget *self)
{
  g_return_val_if_fail (DM_IS_VIEW_BUDGET (self), FALSE);
  return self->automatic;
}

void
dm_view_budget_set_automatic (DmViewBudget *self,
                              gboolean      automatic)
{
  g_return_if_fail (DM_IS_VIEW_BUDGET (self));

  automatic = !!automatic;
  if (automatic == self->automatic)
    return;
  self->automatic = automatic;
  self->setting = TRUE;
  gtk_toggle_button_set_active (self->fit_button, automatic);
  self->setting = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOMATIC]);
}

void
dm_view_budget_set_fitted_budget (DmViewBudget *self,
                                  guint         budget)
{
  g_return_if_fail (DM_IS_VIEW_BUDGET (self));

  if (self->automatic)
    apply_budget (self, budget);
}

void
dm_view_budget_set_counts (DmViewBudget        *self,
                           const DmGraphCounts *counts)
{
  g_return_if_fail (DM_IS_VIEW_BUDGET (self));
  g_return_if_fail (counts != NULL);

  self->counts = *counts;
  update_labels (self);
}

const char *
dm_view_budget_get_summary (DmViewBudget *self)
{
  g_return_val_if_fail (DM_IS_VIEW_BUDGET (self), NULL);
  return self->summary;
}

void
dm_view_budget_set_filters (DmViewBudget *self,
                            gboolean      filters_narrow,
                            const char   *time_window)
{
  g_return_if_fail (DM_IS_VIEW_BUDGET (self));

  self->filters_narrow = !!filters_narrow;
  g_free (self->time_window);
  self->time_window = g_strdup (time_window);
  update_labels (self);
}
