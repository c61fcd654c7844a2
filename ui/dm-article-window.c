/* dm-article-window.c — an article's text, scrolled to an evidence sentence
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-article-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dm-article-window.h"

struct _DmArticleWindow
{
  AdwWindow       parent_instance;

  GtkTextMark    *sentence_mark;

  AdwWindowTitle *window_title;
  GtkTextView    *text_view;
};

G_DEFINE_FINAL_TYPE (DmArticleWindow, dm_article_window, ADW_TYPE_WINDOW)

static void
apply_span (GtkTextBuffer *buffer,
            const char    *tag_name,
            const DmSpan  *span,
            int            n_chars)
{
  GtkTextIter start, end;

  if (span->end <= span->start || (int) span->start >= n_chars)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, span->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, MIN ((int) span->end, n_chars));
  gtk_text_buffer_apply_tag_by_name (buffer, tag_name, &start, &end);
}

/* Scrolls once the text view has measured its lines: at the first frames after mapping
 * (before that, line heights are estimates and the scroll lands elsewhere). */
static gboolean
scroll_to_sentence_tick (GtkWidget     *widget,
                         GdkFrameClock *frame_clock,
                         gpointer       user_data)
{
  DmArticleWindow *self = DM_ARTICLE_WINDOW (user_data);
  guint ticks = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "scroll-ticks")) + 1;

  g_object_set_data (G_OBJECT (self), "scroll-ticks", GUINT_TO_POINTER (ticks));
  if (self->sentence_mark != NULL)
    gtk_text_view_scroll_to_mark (self->text_view, self->sentence_mark, 0.0, TRUE, 0.0, 0.3);

  return ticks < 3 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
dm_article_window_map (GtkWidget *widget)
{
  DmArticleWindow *self = DM_ARTICLE_WINDOW (widget);

  GTK_WIDGET_CLASS (dm_article_window_parent_class)->map (widget);

  if (self->sentence_mark != NULL)
    gtk_widget_add_tick_callback (GTK_WIDGET (self->text_view), scroll_to_sentence_tick, self, NULL);
}

static void
dm_article_window_class_init (DmArticleWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = dm_article_window_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dramatis/Dramatis/dm-article-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DmArticleWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DmArticleWindow, text_view);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
dm_article_window_init (DmArticleWindow *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_create_tag (buffer, "sentence",
                              "background", "rgba(246,211,45,0.35)",
                              NULL);
  gtk_text_buffer_create_tag (buffer, "actor",
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "verb",
                              "weight", PANGO_WEIGHT_BOLD,
                              "underline", PANGO_UNDERLINE_SINGLE,
                              NULL);
}

GtkWindow *
dm_article_window_new (GtkWindow            *parent,
                       DmCorpus             *corpus,
                       gint64                article_id,
                       const DmRelationInfo *relation)
{
  DmArticleWindow *self;
  g_autoptr(DmArticleInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *origin_name = NULL;
  GtkTextBuffer *buffer;
  const char *title;
  int n_chars;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DM_IS_CORPUS (corpus), NULL);

  self = g_object_new (DM_TYPE_ARTICLE_WINDOW,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  buffer = gtk_text_view_get_buffer (self->text_view);

  info = dm_store_get_article (dm_corpus_get_store (corpus), article_id, NULL);
  if (info != NULL && info->title != NULL)
    title = info->title;
  else if (info != NULL && info->origin != NULL)
    title = origin_name = g_path_get_basename (info->origin);
  else
    title = _("Article");
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  if (info != NULL)
    {
      if (info->source != NULL)
        g_string_append (subtitle, info->source);
      if (info->date != NULL)
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", info->date);
      if (subtitle->len == 0 && info->origin != NULL)
        g_string_append (subtitle, info->origin);
    }
  adw_window_title_set_subtitle (self->window_title, subtitle->str);

  if (!(text = dm_store_get_article_text (dm_corpus_get_store (corpus), article_id, &error)))
    {
      gtk_text_buffer_set_text (buffer, error->message, -1);
      return GTK_WINDOW (self);
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      gtk_text_buffer_set_text (buffer, _("The article text is not valid UTF-8."), -1);
      return GTK_WINDOW (self);
    }

  /* Spans count code points from the start of the text, so the text goes in unchanged. */
  gtk_text_buffer_set_text (buffer, text, -1);
  n_chars = gtk_text_buffer_get_char_count (buffer);

  if (relation != NULL)
    {
      GtkTextIter iter;

      apply_span (buffer, "sentence", &relation->sentence, n_chars);
      apply_span (buffer, "actor", &relation->source_mention, n_chars);
      apply_span (buffer, "actor", &relation->target_mention, n_chars);
      apply_span (buffer, "verb", &relation->trigger, n_chars);

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, MIN ((int) relation->sentence.start, n_chars));
      gtk_text_buffer_place_cursor (buffer, &iter);
      self->sentence_mark = gtk_text_buffer_create_mark (buffer, "sentence", &iter, TRUE);
    }

  return GTK_WINDOW (self);
}

GtkTextBuffer *
dm_article_window_get_buffer (DmArticleWindow *self)
{
  g_return_val_if_fail (DM_IS_ARTICLE_WINDOW (self), NULL);

  return gtk_text_view_get_buffer (self->text_view);
}

char *
dm_article_window_dup_highlight (DmArticleWindow *self)
{
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter start, end;

  g_return_val_if_fail (DM_IS_ARTICLE_WINDOW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "sentence");
  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_starts_tag (&start, tag) && !gtk_text_iter_forward_to_tag_toggle (&start, tag))
    return NULL;
  end = start;
  if (!gtk_text_iter_forward_to_tag_toggle (&end, tag))
    return NULL;

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
