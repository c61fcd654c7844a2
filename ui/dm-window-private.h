/* dm-window-private.h — what the parts of the main window share: its state, internal calls
 *
 * dm-window.c builds the window and shows graphs and the focus history; dm-window-actions.c
 * holds the action table, the corpus and export choosers and export; dm-window-import.c the
 * import queue, its progress and failures, the article choosers, drag-and-drop and paste.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-articles-panel.h"
#include "dm-graph-controller.h"
#include "dm-graph-budget.h"
#include "dm-timeline-strip.h"
#include "dm-window.h"

G_BEGIN_DECLS

struct _DmWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  DmCorpus             *corpus;
  DmGraphQuery         *query;
  guint                 depth;

  /* Focus history: actor ids, 0 for the whole graph. */
  GArray               *history;
  guint                 history_pos;

  /* The graph being shown; the controller prepares the next one. */
  DmGraph              *graph;
  DmGraphController    *graph_controller;
  guint                 busy : 1;
  guint                 navigating : 1;
  guint                 spinner_source;   /* shows the spinner once a request takes a while */
  char                 *pending_export;
  /* The details of a focused actor are filled in after the canvas has drawn its graph: the
   * panel's new rows (styles, sizes) would otherwise double the time to that frame. */
  GdkFrameClock        *details_clock;
  gulong                details_handler;
  guint                 details_source;
  guint                 focus_selected : 1;   /* selected, its details not shown yet */
  /* An actor to focus once the running import has added it (`dramatis --focus X FILE`). */
  char                 *pending_focus;

  /* Imports run one at a time; more wait in the queue. */
  GQueue                import_queue;
  GCancellable         *import_cancellable;
  GPtrArray            *import_failures;
  /* The latest progress, shown at most ten times a second: every redraw costs. */
  guint                 progress_done;
  guint                 progress_total;
  char                 *progress_path;
  guint                 progress_source;

  /* DRAMATIS_DEBUG_TIMINGS=1: how long a graph takes to show, how long the main loop stalls
   * while importing. */
  gint64                graph_started;
  gint64                graph_built;    /* µs the last build took in its thread */
  guint                 stall_source;
  gint64                stall_last;
  gint64                stall_max;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwToast             *last_toast;    /* weak */
  AdwWindowTitle       *window_title;
  GtkDropDown          *engine_dropdown;
  GtkPaned             *paned;
  GtkWidget            *sidebar;
  GtkToggleButton      *sidebar_button;
  AdwViewStack         *view_stack;
  DmActorsPanel        *actors_panel;
  DmArticlesPanel      *articles_panel;
  DmDetailsPanel       *details_panel;
  DmFiltersPanel       *filters_panel;
  GtkOverlay           *canvas_overlay;
  GtkStack             *main_stack;
  DmGraphView          *graph_view;
  AdwStatusPage        *empty_page;
  GtkRevealer          *focus_revealer;
  GtkLabel             *focus_label;
  GtkToggleButton      *widen_button;
  GtkSpinner           *layout_spinner;
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  DmTimelineStrip      *timeline;

  /* dm-window-canvas.c */
  GtkWidget            *legend;
  GtkWidget            *budget;      /* DmViewBudget */
  GtkButton            *more_button; /* focus bar: "+35 more" neighbours */
  guint                 max_neighbours;   /* of the ego view of more_focus */
  gint64                more_focus;
  gboolean              more_asked;       /* "+N more" pressed in the ego view of more_focus */
  /* dm-window-budget.c: the budgets that fit the canvas */
  DmGraphBudget         overview_fit;     /* actors of the overview */
  DmGraphBudget         ego_fit;          /* nodes of an ego view: its focus and neighbours */
  DmGraphQuery         *fit_query;        /* the view last measured, budgets left out */
  int                   fit_width, fit_height;   /* the canvas when the fits were last bounded */
  guint                 resize_source;
  /* Edits run one at a time, in order (dm-window-edit.c): "(sasax)" variants. */
  GQueue                edit_queue;
  gboolean              edit_running;
};

/* dm-window.c */
/* Builds and shows the graph of the current query, filters and budget applied. */
void           _dm_window_reload_graph           (DmWindow             *self);
gboolean       _dm_window_debug_timings          (void);
void           _dm_window_toast                  (DmWindow             *self,
                                                  const char           *message);
/* Shows @toast (floating, taken), dismissing the one still showing. */
void           _dm_window_add_toast              (DmWindow             *self,
                                                  AdwToast             *toast);

/* dm-window-actions.c */
void           _dm_window_class_actions_init     (GtkWidgetClass       *widget_class);
GtkFileFilter *_dm_window_file_filter_new        (const char           *name,
                                                  const char * const   *patterns);
/* A modal native chooser with one filter (@filter_name: @patterns); "_Cancel" to cancel. */
GtkFileChooserNative *_dm_window_file_chooser_new (GtkWindow           *parent,
                                                  const char           *title,
                                                  GtkFileChooserAction  action,
                                                  const char           *accept_label,
                                                  const char           *filter_name,
                                                  const char * const   *patterns);

/* dm-window-canvas.c */
void           _dm_window_class_canvas_init      (GtkWidgetClass       *widget_class);
void           _dm_window_canvas_init            (DmWindow             *self);
/* Sets what the canvas's controls decide in @query: the overview's budget. */
void           _dm_window_canvas_apply           (DmWindow             *self,
                                                  DmGraphQuery         *query);
/* The graph changed: the budget bar says what it shows and hides. */
void           _dm_window_canvas_graph_shown     (DmWindow             *self);

/* dm-window-budget.c */
void           _dm_window_budget_init            (DmWindow             *self);
void           _dm_window_budget_dispose         (DmWindow             *self);
/* The neighbours an ego view shows before "+N more": as many as the canvas can name. */
guint          _dm_window_budget_neighbours      (DmWindow             *self);
/* A graph is shown (and fitted): measures whether its names read and, while the budget
 * follows the canvas, asks for another number of actors when they do not (or when more
 * would). */
void           _dm_window_budget_graph_shown     (DmWindow             *self);

/* dm-window-import.c */
void           _dm_window_import_init            (DmWindow             *self);
void           _dm_window_import_dispose         (DmWindow             *self);
void           _dm_window_choose_articles        (DmWindow             *self,
                                                  GtkFileChooserAction  action);
void           _dm_window_paste                  (DmWindow             *self);
void           _dm_window_show_import_failures   (DmWindow             *self);

/* dm-window-edit.c */
/* Queues @edit (floating "(sasax)", see dm-edit.h) and runs it after the ones before. */
void           _dm_window_run_edit               (DmWindow             *self,
                                                  GVariant             *edit);
void           _dm_window_undo                   (DmWindow             *self,
                                                  gboolean              redo);
void           _dm_window_edit_corpus_opened     (DmWindow             *self);
void           _dm_window_edit_dispose           (DmWindow             *self);

/* dm-corrections-dialog.c */
void           _dm_window_show_corrections       (DmWindow             *self);

G_END_DECLS
