/* dm-window-edit.c — the main window's edits on the corpus: run them, undo and redo them
 *
 * Panels, menus and the Corrections dialog describe an edit as a GVariant "(sasax)" (what,
 * its strings, its ids; see dm-window-private.h) and activate "win.edit" with it. The edits
 * run one at a time, in order, on a worker thread (a merge on a large corpus takes a while;
 * the window never waits); when one is done the window says what it did in a toast with
 * "Undo", and the lists and the graph reload.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dm-curation.h"
#include "dm-edit.h"
#include "dm-window-private.h"

typedef struct {
  DmCorpus   *corpus;
  GVariant   *edit;
  /* Results */
  char       *summary;        /* what the edit, undo or redo did */
  gboolean    can_undo;
  gboolean    can_redo;
} EditCall;

static void
edit_call_free (EditCall *call)
{
  g_clear_object (&call->corpus);
  g_clear_pointer (&call->edit, g_variant_unref);
  g_free (call->summary);
  g_free (call);
}

static void dm_window_start_next_edit (DmWindow *self);

/* Runs @edit on @store; the worker thread's part. */
static gboolean
run_edit (DmStore     *store,
          const char  *kind,
          const char **strings,
          gsize        n_strings,
          const gint64 *ids,
          gsize        n_ids,
          char       **summary,
          GError     **error)
{
  const char *text = n_strings > 0 ? strings[0] : NULL;
  gint64 id = n_ids > 0 ? ids[0] : 0;
  g_autoptr(DmEditInfo) info = NULL;
  gboolean ok;

  if (g_str_equal (kind, "undo") || g_str_equal (kind, "redo"))
    {
      gboolean undo = g_str_equal (kind, "undo");

      if (!(undo ? dm_store_undo (store, &info, error) : dm_store_redo (store, &info, error)))
        return FALSE;
      /* Translators: %s says what an edit did, e.g. "Merged “Tory Party” into “Labour”" */
      *summary = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"),
                                  info && info->summary ? info->summary : "");
      return TRUE;
    }

  if (g_str_equal (kind, "import-rules"))
    {
      guint n_added = 0;

      if (!dm_store_import_rules (store, text ? text : "", text ? strlen (text) : 0, &n_added, error))
        return FALSE;
      *summary = g_strdup_printf (ngettext ("Imported %u rule", "Imported %u rules", n_added), n_added);
      return TRUE;
    }

  if (n_ids == 0)
    {
      g_set_error (error, DM_CURATION_ERROR, DM_CURATION_ERROR_INVALID,
                   _("The edit “%s” names nothing to change"), kind);
      return FALSE;
    }

  if (g_str_equal (kind, "merge"))
    ok = dm_store_merge_actors (store, id, ids + 1, n_ids - 1, error);
  else if (g_str_equal (kind, "rename"))
    ok = dm_store_rename_actor (store, id, text ? text : "", error);
  else if (g_str_equal (kind, "set-type") && n_ids == 2)
    ok = dm_store_set_actor_type (store, id, (DmActorType) ids[1], error);
  else if (g_str_equal (kind, "set-role"))
    ok = dm_store_set_actor_role (store, id, text, error);
  else if (g_str_equal (kind, "set-affiliation"))
    ok = dm_store_set_actor_affiliation (store, id, text, error);
  else if (g_str_equal (kind, "split"))
    ok = dm_store_split_alias (store, id, text ? text : "", NULL, error);
  else if (g_str_equal (kind, "not-actor"))
    ok = dm_store_mark_not_actor (store, id, error);
  else if (g_str_equal (kind, "delete-relation"))
    ok = dm_store_delete_relation (store, id, error);
  else if (g_str_equal (kind, "delete-pair") && n_ids == 2)
    ok = dm_store_delete_pair_relations (store, id, ids[1], error);
  else if (g_str_equal (kind, "flip"))
    ok = dm_store_flip_relation (store, id, error);
  else if (g_str_equal (kind, "set-verb") && n_strings == 1 && n_ids == 2)
    ok = dm_store_set_relation_verb (store, id, text, (DmRelationClass) ids[1], error);
  else if (g_str_equal (kind, "add-relation") && n_strings == 1 && n_ids == 7 &&
           ids[5] >= 0 && ids[5] < DM_N_CLASSES)
    {
      DmManualRelation relation = {
        .article_id = ids[0],
        .sentence = { (guint) ids[1], (guint) ids[2] },
        .source_id = ids[3],
        .target_id = ids[4],
        .verb = text,
        .klass = (DmRelationClass) ids[5],
        .negated = ids[6] != 0,
      };

      ok = dm_store_add_relation (store, &relation, NULL, error);
    }
  else if (g_str_equal (kind, "set-negated") && n_ids == 2)
    ok = dm_store_set_relation_negated (store, id, ids[1] != 0, error);
  else if (g_str_equal (kind, "delete-article"))
    ok = dm_store_delete_article (store, id, error);
  else if (g_str_equal (kind, "set-date"))
    ok = dm_store_set_article_date (store, id, text && text[0] ? text : NULL, error);
  else if (g_str_equal (kind, "rule-enabled") && n_ids == 2)
    ok = dm_store_set_rule_enabled (store, id, ids[1] != 0, error);
  else
    {
      g_set_error (error, DM_CURATION_ERROR, DM_CURATION_ERROR_INVALID,
                   _("Unknown edit “%s”"), kind);
      return FALSE;
    }

  if (!ok)
    return FALSE;

  /* The edit just made is the one undo would take back: its summary is the toast. */
  if (dm_store_get_undo_state (store, &info, NULL, NULL) && info != NULL)
    *summary = g_strdup (info->summary);

  return TRUE;
}

static void
edit_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  EditCall *call = task_data;
  DmStore *store = dm_corpus_get_store (call->corpus);
  g_autoptr(GVariant) strings_v = NULL;
  g_autoptr(GVariant) ids_v = NULL;
  g_autofree const char **strings = NULL;
  g_autoptr(DmEditInfo) next_undo = NULL;
  g_autoptr(DmEditInfo) next_redo = NULL;
  const gint64 *ids;
  const char *kind;
  gsize n_strings, n_ids;
  GError *error = NULL;

  g_variant_get (call->edit, "(&s@as@ax)", &kind, &strings_v, &ids_v);
  strings = g_variant_get_strv (strings_v, &n_strings);
  ids = g_variant_get_fixed_array (ids_v, &n_ids, sizeof (gint64));

  if (!run_edit (store, kind, strings, n_strings, ids, n_ids, &call->summary, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (dm_store_get_undo_state (store, &next_undo, &next_redo, NULL))
    {
      call->can_undo = next_undo != NULL;
      call->can_redo = next_redo != NULL;
    }

  g_task_return_boolean (task, TRUE);
}

static void
dm_window_set_undo_actions (DmWindow *self,
                            gboolean  can_undo,
                            gboolean  can_redo)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);
}

/* After an edit the details may show an actor that is gone or changed: show what is left. */
static void
dm_window_edit_refresh_details (DmWindow   *self,
                                const char *kind,
                                gint64      keep_id)
{
  DmStore *store = dm_corpus_get_store (self->corpus);
  gint64 shown = dm_details_panel_get_actor (self->details_panel);
  g_autoptr(DmActorInfo) actor = NULL;

  if (g_str_equal (kind, "merge") && keep_id != 0)
    shown = keep_id;

  if (self->query->focus_actor != 0)
    {
      g_autoptr(DmActorInfo) focus = dm_store_get_actor (store, self->query->focus_actor, NULL);

      /* The focus was merged away or is no actor any more. */
      if (focus == NULL)
        {
          if (g_str_equal (kind, "merge") && keep_id != 0)
            dm_window_focus_actor (self, keep_id);
          else
            dm_window_show_whole_graph (self);
        }
    }

  if (dm_details_panel_get_kind (self->details_panel) == DM_DETAILS_EDGE)
    dm_details_panel_clear (self->details_panel);
  else if (shown != 0 && (actor = dm_store_get_actor (store, shown, NULL)) != NULL)
    dm_details_panel_show_actor (self->details_panel, self->corpus, shown);
  else if (shown != 0)
    dm_details_panel_clear (self->details_panel);
}

static void
edit_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  DmWindow *self = DM_WINDOW (object);
  EditCall *call = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  const char *kind;
  gint64 keep_id = 0;
  AdwToast *toast;

  self->edit_running = FALSE;

  /* The corpus changed under the edit (another one opened): its lists are not ours. */
  if (call->corpus != self->corpus)
    {
      dm_window_start_next_edit (self);
      return;
    }

  g_variant_get_child (call->edit, 0, "&s", &kind);
  {
    g_autoptr(GVariant) ids_v = g_variant_get_child_value (call->edit, 2);

    if (g_variant_n_children (ids_v) > 0)
      g_variant_get_child (ids_v, 0, "x", &keep_id);
  }

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, DM_CURATION_ERROR, DM_CURATION_ERROR_NOTHING))
        _dm_window_toast (self, g_str_equal (kind, "redo") ? _("Nothing to redo") :
                                g_str_equal (kind, "undo") ? _("Nothing to undo") :
                                _("Nothing changed"));
      else
        {
          g_autofree char *message = g_strdup_printf (_("Could not change the corpus: %s"),
                                                      error->message);

          _dm_window_toast (self, message);
        }
      dm_window_start_next_edit (self);
      return;
    }

  dm_window_set_undo_actions (self, call->can_undo, call->can_redo);

  toast = adw_toast_new (call->summary ? call->summary : _("Corpus changed"));
  adw_toast_set_timeout (toast, 8);
  if (g_str_equal (kind, "undo"))
    {
      adw_toast_set_button_label (toast, _("_Redo"));
      adw_toast_set_action_name (toast, "win.redo");
    }
  else
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  _dm_window_add_toast (self, toast);

  dm_window_edit_refresh_details (self, kind, keep_id);
  dm_corpus_emit_changed (self->corpus);
  g_signal_emit_by_name (self, "edit-finished");

  dm_window_start_next_edit (self);
}

static void
dm_window_start_next_edit (DmWindow *self)
{
  g_autoptr(GTask) task = NULL;
  EditCall *call;
  GVariant *edit;

  if (self->edit_running || self->corpus == NULL)
    return;
  if (!(edit = g_queue_pop_head (&self->edit_queue)))
    return;

  call = g_new0 (EditCall, 1);
  call->corpus = g_object_ref (self->corpus);
  call->edit = edit;

  self->edit_running = TRUE;
  task = g_task_new (self, NULL, edit_done_cb, NULL);
  g_task_set_source_tag (task, dm_window_start_next_edit);
  g_task_set_task_data (task, call, (GDestroyNotify) edit_call_free);
  g_task_run_in_thread (task, edit_thread);
}

/* ------------------------------------------------------------------------------------------ */
/* Internal API */

void
_dm_window_run_edit (DmWindow *self,
                     GVariant *edit)
{
  g_return_if_fail (DM_IS_WINDOW (self));
  g_return_if_fail (g_variant_is_of_type (edit, G_VARIANT_TYPE ("(sasax)")));

  if (self->corpus == NULL)
    {
      g_variant_unref (g_variant_ref_sink (edit));
      return;
    }

  g_queue_push_tail (&self->edit_queue, g_variant_ref_sink (edit));
  dm_window_start_next_edit (self);
}

void
_dm_window_undo (DmWindow *self,
                 gboolean  redo)
{
  _dm_window_run_edit (self, dm_edit_variant_new (redo ? "redo" : "undo", NULL, NULL, 0));
}

/* What undo and redo can do in a corpus just opened (a quick read of the journal). */
void
_dm_window_edit_corpus_opened (DmWindow *self)
{
  g_autoptr(DmEditInfo) next_undo = NULL;
  g_autoptr(DmEditInfo) next_redo = NULL;

  /* Edits queued for the old corpus belong to it: they are dropped. */
  g_queue_clear_full (&self->edit_queue, (GDestroyNotify) g_variant_unref);

  if (self->corpus != NULL &&
      dm_store_get_undo_state (dm_corpus_get_store (self->corpus), &next_undo, &next_redo, NULL))
    dm_window_set_undo_actions (self, next_undo != NULL, next_redo != NULL);
  else
    dm_window_set_undo_actions (self, FALSE, FALSE);
}

void
_dm_window_edit_dispose (DmWindow *self)
{
  g_queue_clear_full (&self->edit_queue, (GDestroyNotify) g_variant_unref);
}
