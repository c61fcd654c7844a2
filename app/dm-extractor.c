/* dm-extractor.c — who does what to whom: an article's actors and the relations between them
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The recognizer finds the actors; the parser reads the sentences that may relate two of
 * them; the tree rules (dm-relations.c) and then the word-order rules
 * (dm-relation-fallback.c) make the relations.
 */

#define G_LOG_DOMAIN "dm-extractor"

#include "config.h"

#include <string.h>

#include "dm-dateline.h"
#include "dm-extractor.h"
#include "dm-lexicon-private.h"
#include "dm-models.h"
#include "dm-name-tags.h"
#include "dm-ner.h"
#include "dm-parse-tokens.h"
#include "dm-recognizer.h"
#include "dm-relations-private.h"
#include "dm-text.h"

struct _DmExtractor
{
  DmLexicon *lexicon;
  gboolean   parse;      /* read parsed sentences by the tree rules */
};

DmExtractor *
dm_extractor_new (DmLexicon *lexicon)
{
  DmExtractor *self;

  g_return_val_if_fail (lexicon != NULL, NULL);

  self = g_new0 (DmExtractor, 1);
  self->lexicon = lexicon;
  /* DRAMATIS_NO_PARSE=1: the word-order rules only, to compare the two */
  self->parse = g_getenv ("DRAMATIS_NO_PARSE") == NULL;
  return self;
}

static gpointer
load_models (gpointer data)
{
  /* a failure is reported where the models are used */
  dm_models_get_default (NULL);
  dm_ner_get_default ();
  return NULL;
}

DmExtractor *
dm_extractor_get_default (void)
{
  static DmExtractor *extractor;

  if (g_once_init_enter (&extractor))
    {
      /* The models load while the lexicon does (start-up time counts for every
       * `dramatis-cli extract`); the entity model takes the lexicon once that is loaded. */
      g_thread_unref (g_thread_new ("dm-models", load_models, NULL));
      g_once_init_leave (&extractor, dm_extractor_new (dm_lexicon_get_default ()));
    }
  return extractor;
}

void
dm_extractor_free (DmExtractor *self)
{
  g_free (self);
}

/* Does sentence @s hold a verb-lexicon word and two actor mentions? Only such sentences
 * can give a relation, so only they are tagged and parsed (parsing is most of the time an
 * article takes). */
static gboolean
is_candidate (const DmRecognition *r,
              guint                s,
              const guint         *n_mentions)
{
  const DmSentence *sent = dm_text_doc_sentence (r->doc, s);

  if (n_mentions[s] < 2)
    return FALSE;
  for (guint i = sent->first_token; i < sent->first_token + sent->n_tokens; i++)
    if (dm_lexicon_lookup_verb (r->lexicon, r->lower[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The parse of the sentences that may hold a relation, or NULL without models (then every
 * sentence goes through the word-order rules). */
static DmParse *
parse_candidates (DmExtractor         *self,
                  const DmRecognition *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint *n_mentions = NULL;
  const DmModels *models;
  DmParse *parse;

  if (!self->parse)
    return NULL;
  models = dm_models_get_default (&error);
  if (models == NULL)
    {
      static gsize warned;

      if (g_once_init_enter (&warned))
        {
          g_warning ("Relations are read without a parser: %s", error->message);
          g_once_init_leave (&warned, 1);
        }
      return NULL;
    }

  n_mentions = g_new0 (guint, r->doc->sentences->len + 1);
  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);

      if (!m->nested && !m->modifier && m->sentence < r->doc->sentences->len)
        n_mentions[m->sentence]++;
    }

  parse = dm_parse_tokens_new (r->doc);
  for (guint s = 0; s < parse->sentences->len; s++)
    if (is_candidate (r, s, n_mentions))
      {
        const DmParseSentence *ps = &g_array_index (parse->sentences, DmParseSentence, s);
        g_autofree gboolean *names = g_new (gboolean, MAX (1, ps->n_tokens));

        dm_name_tags_mark (r, parse, s, names);
        dm_tagger_tag (models->tagger, r->doc, parse, s, names);
        dm_parser_parse (models->parser, r->doc, parse, s);
      }
  return parse;
}

/* The text as the recognizer should read it: the dateline's place ("KUALA LUMPUR, April 15,
 * 2026 — Foreign ministers … urged China") in lower case, so that it is not taken for an actor
 * of the sentence it opens (nor its subject). Same bytes and code points, so every offset
 * still points into the article's own text. NULL when there is no dateline. */
static char *
mask_dateline_place (const DmArticle *article)
{
  gsize start, end;
  char *text;

  if (!dm_dateline_place (article->text, article->text_len, &start, &end))
    return NULL;
  text = g_memdup2 (article->text, article->text_len + 1);
  for (char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar lower = g_unichar_tolower (g_utf8_get_char (p));
      char buf[6];

      if (g_unichar_to_utf8 (lower, buf) == g_utf8_next_char (p) - p)
        memcpy (p, buf, g_utf8_next_char (p) - p);
    }
  return text;
}

DmAnalysis *
dm_extractor_analyze (DmExtractor *self,
                      DmArticle   *article)
{
  g_autofree char *masked = NULL;
  g_autoptr(DmTextDoc) doc = NULL;
  g_autoptr(DmRecognition) r = NULL;
  g_autoptr(DmParse) parse = NULL;
  DmAnalysis *analysis;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (article != NULL, NULL);

  analysis = dm_analysis_new (article);
  masked = mask_dateline_place (article);
  doc = dm_text_doc_new (masked != NULL ? masked : article->text, article->text_len);
  r = dm_recognize (self->lexicon, doc);

  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);
      const DmToken *a = dm_text_doc_token (doc, m->first);
      const DmToken *b = dm_text_doc_token (doc, m->last);
      guint start_byte = m->start_byte ? m->start_byte : a->start;
      guint end_byte = m->end_byte ? m->end_byte : b->end;
      g_autofree char *text = g_strndup (article->text + start_byte, end_byte - start_byte);
      DmSpan span = { m->start_byte ? dm_text_doc_cp_offset (doc, m->start_byte) : a->cp_start,
                      m->end_byte ? dm_text_doc_cp_offset (doc, m->end_byte) : b->cp_end };

      g_ptr_array_add (analysis->mentions,
                       dm_mention_new (span, text, m->actor, m->type, m->role, m->affiliation));
    }

  parse = parse_candidates (self, r);
  dm_relations_extract (r, parse, analysis);
  return analysis;
}
