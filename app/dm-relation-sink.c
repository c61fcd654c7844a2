/* dm-relation-sink.c — emitting relations, and what the tree rules and the word-order rules
 * both need to know about verbs, outlets and quotes
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-relations"

#include "config.h"

#include <string.h>

#include "dm-lexicon-private.h"
#include "dm-relations-private.h"

static DmSpan
mention_span (const DmTextDoc  *doc,
              const DmRMention *m)
{
  DmSpan span;

  span.start = m->start_byte ? dm_text_doc_cp_offset (doc, m->start_byte)
                             : dm_text_doc_token (doc, m->first)->cp_start;
  span.end = m->end_byte ? dm_text_doc_cp_offset (doc, m->end_byte)
                         : dm_text_doc_token (doc, m->last)->cp_end;
  return span;
}

/* "reporters", "foreign journalists": a group of the press, the channel of a statement */
static gboolean
is_press (const DmLexicon  *lexicon,
          const DmRMention *m)
{
  const char *last;
  g_autofree char *word = NULL;

  if (m->type != DM_ACTOR_GROUP)
    return FALSE;
  last = strrchr (m->actor, ' ');
  word = g_utf8_strdown (last != NULL ? last + 1 : m->actor, -1);
  return (dm_lexicon_name_part (lexicon, word) & DM_PART_PRESS_PEOPLE) != 0;
}

/* Is token @k a score ("3-1", "2–0")? */
static gboolean
is_scoreline (const char *word)
{
  const char *p = word;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '-')
    p++;
  else if (g_str_has_prefix (p, "\u2013"))
    p += strlen ("\u2013");
  else
    return FALSE;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  return *p == '\0';
}

/* Does what follows the trigger make it the outcome of a match: a score ("beat Germany 2-0")
 * or a match it was won "by" or "in" ("beat Chelsea in the semi-final", "by two goals")?
 * Winning a game is no act of force against the loser. An election won stays an edge:
 * annotators of political news read "defeated X in the vote" as ASSAULT. */
#define CONTEST_TOKENS 10

static gboolean
is_contest_outcome (const DmRelationSink *sink,
                    const DmSentence     *sent,
                    guint                 trigger_last)
{
  const DmRecognition *r = sink->r;
  guint end = sent->first_token + sent->n_tokens;

  for (guint k = trigger_last + 1; k < end && k <= trigger_last + CONTEST_TOKENS; k++)
    {
      if (is_scoreline (r->lower[k]))
        return TRUE;
      if (strcmp (r->lower[k], "by") != 0 && strcmp (r->lower[k], "in") != 0)
        continue;
      for (guint j = k + 1; j < end && j <= k + 3; j++)
        if (dm_lexicon_name_part (r->lexicon, r->lower[j]) & DM_PART_CONTEST)
          return TRUE;
    }
  return FALSE;
}

/* The country a diplomat named by title alone stands for ("ordered the French ambassador to
 * leave", "summoned the U.S. charge d'affaires": the act is on France, on the United
 * States), or the target's own actor. */
static const char *
target_actor (const DmLexicon  *lexicon,
              const DmRMention *o)
{
  g_autofree char *role = NULL;
  g_autofree char *nameless = NULL;
  const DmLexTitle *title;

  if (o->type != DM_ACTOR_OFFICIAL || o->role == NULL || o->affiliation == NULL)
    return o->actor;
  nameless = g_strdup_printf ("%s (%s)", o->affiliation, o->role);
  if (strcmp (o->actor, nameless) != 0)
    return o->actor;
  role = g_utf8_strdown (o->role, -1);
  title = dm_lexicon_lookup_title (lexicon, role);
  return title != NULL && g_strcmp0 (title->category, "diplomatic") == 0 ? o->affiliation : o->actor;
}

void
dm_relation_sink_emit (DmRelationSink  *sink,
                       guint            sentence,
                       int              source,
                       int              target,
                       const DmLexVerb *verb,
                       gboolean         negated,
                       gboolean         quoted,
                       guint            trigger_first,
                       guint            trigger_last)
{
  const DmRMention *s = dm_recognition_mention (sink->r, (guint) source);
  const DmRMention *o = dm_recognition_mention (sink->r, (guint) target);
  const DmTextDoc *doc = sink->r->doc;
  const DmSentence *sent = dm_text_doc_sentence (doc, sentence);
  g_autofree char *key = NULL;
  DmRelation *relation;
  DmRelationClass klass;
  const char *target_name;

  if (source == target || strcmp (s->actor, o->actor) == 0)
    {
      g_debug ("sentence %u: %s -> itself by \"%s\" dropped", sentence, s->actor, verb->phrase);
      return;
    }
  if (verb->klass == DM_CLASS_ASSAULT && is_contest_outcome (sink, sent, trigger_last))
    {
      g_debug ("sentence %u: %s -> %s by \"%s\": a contest won, dropped", sentence, s->actor,
               o->actor, verb->phrase);
      return;
    }
  /* "told the BBC", "in an interview with The Times", "told reporters": where it was said,
   * not to whom */
  if (dm_relation_is_channel (verb) &&
      (dm_relation_actor_is_outlet (sink->r->lexicon, o->actor) || is_press (sink->r->lexicon, o)))
    return;
  /* "according to AFP, X …", "The Guardian reported that X …": an outlet reporting events
   * states nothing of its own about them; what it does to an actor (attacks, sues) stays */
  if (verb->klass == DM_CLASS_STATEMENT && dm_relation_actor_is_outlet (sink->r->lexicon, s->actor))
    return;

  /* one relation per sentence, pair and class, whichever rules and words found it: two
   * triggers of one act ("threatened to attack") are one relation */
  klass = dm_relation_class_between (sink->r->lexicon, s, o, verb);
  target_name = target_actor (sink->r->lexicon, o);
  if (strcmp (s->actor, target_name) == 0)
    return;
  key = g_strdup_printf ("%s\t%s\t%d\t%u", s->actor, target_name, (int) klass, sentence);
  if (!g_hash_table_add (sink->seen, g_steal_pointer (&key)))
    return;

  relation = dm_relation_new (s->actor, target_name, verb->label, klass, negated);
  relation->quoted = quoted;
  relation->sentence.start = sent->cp_start;
  relation->sentence.end = sent->cp_end;
  relation->trigger.start = dm_text_doc_token (doc, trigger_first)->cp_start;
  relation->trigger.end = dm_text_doc_token (doc, trigger_last)->cp_end;
  relation->source_mention = mention_span (doc, s);
  relation->target_mention = mention_span (doc, o);
  g_ptr_array_add (sink->analysis->relations, relation);
}

gboolean
dm_relation_verb_is_reciprocal (const DmLexVerb *verb)
{
  static const char * const reciprocal_lemmas[] = {
    "agree", "meet", "talk", "negotiate", "clash", "fight", "cooperate", "sign", "discuss",
    "hold", "reach", "strike", "trade", "consult", "confer", "ally", "partner", "collaborate",
    "reconcile", "spar", "exchange", "violate", "breach",
    /* nouns */
    "talks", "meeting", "meetings", "rift", "feud", "rivalry", "alliance",
  };
  /* mutual only with the rest of their phrase: "strike a deal", "hold talks", "exchange
   * fire"; "X and Y strike back" is two attackers, not an attack on each other */
  static const char * const phrase_only_lemmas[] = {
    "strike", "hold", "reach", "trade", "exchange",
  };
  /* … and the rest must be what they do together: "strike on Y", "strike back at Y" name one
   * side's act ("X and Y condemned the strike on Z" is no strike between X and Y) */
  static const char * const aimed[] = {
    "on", "upon", "against", "at", "back", "over", "missions", NULL,
  };

  /* "would not meet Y" (a refusal), "threatens to strike Y", "a strike over Y's law",
   * "agreed to the demands of Y" (a concession): one side's act */
  if (verb->klass == DM_CLASS_REJECT || verb->klass == DM_CLASS_THREATEN ||
      verb->klass == DM_CLASS_PROTEST || verb->klass == DM_CLASS_CONCEDE)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (phrase_only_lemmas); i++)
    if (strcmp (verb->words[0], phrase_only_lemmas[i]) == 0 &&
        (verb->n_words == 1 || g_strv_contains (aimed, verb->words[1])))
      return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (reciprocal_lemmas); i++)
    if (strcmp (verb->words[0], reciprocal_lemmas[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
dm_relation_verb_takes_stance (const DmLexVerb *verb)
{
  switch (verb->klass)
    {
    case DM_CLASS_SUPPORT:
    case DM_CLASS_AGREE:
    case DM_CLASS_REJECT:
    case DM_CLASS_DISAPPROVE:
    case DM_CLASS_INVESTIGATE:
    case DM_CLASS_STATEMENT:
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
dm_relation_verb_calls_to (const DmLexVerb *verb)
{
  return !verb->is_noun &&
         (strcmp (verb->words[0], "invite") == 0 || strcmp (verb->words[0], "summon") == 0);
}

gboolean
dm_relation_is_hostile_act_noun (const DmLexicon *lexicon,
                                 const char      *word)
{
  GPtrArray *forms = dm_lexicon_lookup_verb (lexicon, word);

  for (guint i = 0; forms != NULL && i < forms->len; i++)
    {
      const DmLexVerb *verb = ((const DmLexVerbForm *) g_ptr_array_index (forms, i))->verb;

      if (verb->is_noun &&
          (verb->klass == DM_CLASS_ASSAULT || verb->klass == DM_CLASS_COERCE ||
           verb->klass == DM_CLASS_SANCTION || verb->klass == DM_CLASS_CRIME))
        return TRUE;
    }
  return FALSE;
}

gboolean
dm_relation_is_yielding_act_noun (const DmLexicon *lexicon,
                                  const char      *word)
{
  GPtrArray *forms = dm_lexicon_lookup_verb (lexicon, word);

  for (guint i = 0; forms != NULL && i < forms->len; i++)
    {
      const DmLexVerb *verb = ((const DmLexVerbForm *) g_ptr_array_index (forms, i))->verb;

      /* "the release of", "the withdrawal of", a yielding verb used as its own noun ("the
       * return of", "the pardon of"); a giving act only where the lexicon makes "of" whom it
       * is given to ("the evacuation of", "the rescue of": "the help of France" is France's) */
      if (verb->klass == DM_CLASS_RETREAT || verb->klass == DM_CLASS_CONCEDE ||
          (verb->is_noun && verb->klass == DM_CLASS_AID && verb->n_words == 2 && strcmp (verb->words[1], "of") == 0))
        return TRUE;
    }
  return FALSE;
}

gboolean
dm_relation_object_is_other_side (const DmLexVerb *verb,
                                  const char      *word,
                                  DmUpos           upos)
{
  static const char * const personal[] = { "him", "her", "them", "us", "me", "you" };
  /* "X and Y met Tuesday": the parser takes a time for an object */
  static const char * const of_time[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "week", "weekend", "month", "year", "day", "morning", "afternoon", "evening",
    "night", "time", "times", "twice", "once",
  };

  for (guint i = 0; i < verb->n_words; i++)
    if (strcmp (verb->words[i], word) == 0)
      return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (of_time); i++)
    if (strcmp (word, of_time[i]) == 0)
      return FALSE;
  if (upos == DM_UPOS_PRON)
    {
      for (gsize i = 0; i < G_N_ELEMENTS (personal); i++)
        if (strcmp (word, personal[i]) == 0)
          return TRUE;
      return FALSE;
    }
  /* whatever one meets is the other side: "met the delegation", "met reporters" */
  return upos == DM_UPOS_PROPN ||
         (upos == DM_UPOS_NOUN && verb->n_words == 1 && strcmp (verb->words[0], "meet") == 0);
}

gboolean
dm_relation_verb_intent (const DmLexVerb *verb,
                         gboolean         conditional,
                         DmLexVerb       *intent)
{
  const char *prefix;
  DmRelationClass klass;

  switch ((int) verb->klass)
    {
    case DM_CLASS_CONSULT:
    case DM_CLASS_SUPPORT:
    case DM_CLASS_CONCEDE:
    case DM_CLASS_COOPERATE:
    case DM_CLASS_AID:
    case DM_CLASS_RETREAT:
    case DM_CLASS_INVESTIGATE:
      klass = DM_CLASS_AGREE;
      prefix = "promises to";
      break;
    case DM_CLASS_SANCTION:
    case DM_CLASS_PROTEST:
    case DM_CLASS_CRIME:
    case DM_CLASS_MOBILIZE:
    case DM_CLASS_COERCE:
    case DM_CLASS_ASSAULT:
      klass = DM_CLASS_THREATEN;
      prefix = "threatens to";
      break;
    default:
      return FALSE;
    }
  /* "will withdraw its force unless the president …": an act held over another's head */
  if (conditional)
    {
      klass = DM_CLASS_THREATEN;
      prefix = "threatens to";
    }
  *intent = *verb;
  intent->klass = klass;
  intent->label = g_strconcat (prefix, " ", verb->phrase, NULL);
  return TRUE;
}

gboolean
dm_relation_verb_refusal (const DmLexVerb *verb,
                          DmLexVerb       *refusal)
{
  switch ((int) verb->klass)
    {
    case DM_CLASS_AGREE:
    case DM_CLASS_CONSULT:
    case DM_CLASS_SUPPORT:
    case DM_CLASS_CONCEDE:
    case DM_CLASS_COOPERATE:
    case DM_CLASS_AID:
    case DM_CLASS_RETREAT:
    case DM_CLASS_INVESTIGATE:
      break;
    default:
      return FALSE;
    }
  *refusal = *verb;
  refusal->klass = DM_CLASS_REJECT;
  refusal->label = g_strconcat ("refuses to ", verb->phrase, NULL);
  return TRUE;
}

gboolean
dm_relation_verb_preparation (const DmLexVerb *verb,
                              DmLexVerb       *posture)
{
  if (verb->klass != DM_CLASS_ASSAULT)
    return FALSE;
  *posture = *verb;
  posture->klass = DM_CLASS_MOBILIZE;
  posture->label = g_strconcat ("prepares to ", verb->phrase, NULL);
  return TRUE;
}

gboolean
dm_relation_actor_is_outlet (const DmLexicon *lexicon,
                             const char      *actor)
{
  const DmLexEntity *org = g_hash_table_lookup (lexicon->organizations, actor);

  return org != NULL && org->org_kind != NULL && strcmp (org->org_kind, "media") == 0;
}

gboolean
dm_relation_is_channel (const DmLexVerb *verb)
{
  /* statements and conversations: "says to", "told", "spoke to", "an interview with";
   * an outlet sued, banned or raided is acted on and keeps its edge */
  return verb->klass == DM_CLASS_STATEMENT || verb->klass == DM_CLASS_CONSULT;
}

gboolean
dm_relation_token_in_quote (const DmTextDoc *doc,
                            guint            token)
{
  const DmToken *t = dm_text_doc_token (doc, token);
  const DmSentence *sent = dm_text_doc_sentence (doc, t->sentence);
  guint straight = 0, open = 0, close = 0;

  for (guint k = sent->first_token; k < token; k++)
    {
      const DmToken *q = dm_text_doc_token (doc, k);
      const char *text = doc->text + q->start;
      gsize len = q->end - q->start;

      if (q->kind != DM_TOKEN_PUNCT)
        continue;
      if (len == 1 && text[0] == '"')
        straight++;
      else if (len == 3 && memcmp (text, "\xe2\x80\x9c", 3) == 0)
        open++;
      else if (len == 3 && memcmp (text, "\xe2\x80\x9d", 3) == 0)
        close++;
    }
  return straight % 2 == 1 || open > close;
}
