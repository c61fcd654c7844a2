/* dm-relations.c — who does what to whom, read from the dependency tree
 *
 * For each verb-lexicon phrase found along the tree (dm-verb-match.c):
 *  - source: the subject (nsubj), the passive agent (obl:agent, "by", also when the parser
 *    hangs it on a place before it: "was arrested at his school by police"), or the subject a
 *    verb inherits: a second verb joined by "and" (conj) takes its first verb's, a passive
 *    one's too ("who were backed by Y and attacked Z"), a participle clause (", calling on
 *    …", "after leaving Y", "while attacking Y") its main clause's, a passive one's too (a
 *    speech act closing the sentence is the speaker's, also when the parser hangs it on the
 *    words said: "repeated the criticism that Y was slow, calling on Z"), an xcomp its
 *    controller's (the object of "urged Y to …", else the subject); a relative clause's
 *    "who" is the noun it describes. A predicate adjective ("X is critical of Y",
 *    "X was disappointed with Y", "remained opposed to Y") is its subject's view; a noun for
 *    one who acts ("X, a critic of Y", "X is an ally of Y") is the act of the actor it is in
 *    apposition to or predicated of, and of no one elsewhere. A noun that only counts or
 *    gathers actors ("hundreds of protesters") stands for them.
 *    A noun's source is its possessor ("X's talks with Y"), an actor compounded with it
 *    ("US air strikes on"), "by"/"from" X, or the subject of the verb it is the object of
 *    (a verb of no phrase of its own, or of saying: "tweeted support of Y").
 *    A state or body owning a subject acts through it ("Russia's army"); a person does not
 *    ("Thomas' sister"). A body of people, subject or object, stands for the state or
 *    organisation that qualifies it or that it is of or in ("Chilean government officials",
 *    "security forces in Guinea", "inspectors of the IAEA"). An unresolved pronoun subject
 *    of what a speaker says is the agreeing speaker ("Switzerland said it had expelled …");
 *    a participle describing a verb's object is the verb's subject's act ("issued a
 *    statement condemning Y"). A relation noun received ("received support from Y", "drew
 *    criticism from Y") is Y's act on the subject. A participle with an agent ("a plan
 *    backed by Y") is the agent's act on the noun it describes. A margin is no agent
 *    ("defeated by 500 votes by Y": the "by" after it is); with no agent, one invited to an
 *    event is invited by its host ("to X's summit", "to a NATO summit"), one provided with
 *    something "from Y" is given it by Y. A practice kept up ("maintained a policy of
 *    turning away boats") is done by whoever keeps it up; what one is helped to do is done
 *    by the one helped ("helped him leave Y"), what one is charged with the one charged's
 *    ("was accused of attacking Y"). A name joined by "and" to a mention that
 *    shares its head ("North and South Korea"), or to a state that qualifies a noun acting
 *    for it ("the Turkish and Greek sides"), is coordinated with it. One the sentence is
 *    "according to" stands in no slot;
 *  - target: the nominal the phrase's preposition names ("talks with Y", "borders with Y"),
 *    else the object, else the owner of a non-actor object: its possessor ("criticised the
 *    party's stance"), the agent of a participle describing it ("rejected a plan backed by
 *    Y"), a state or organisation named before it ("rejected an Australian proposal"; a city
 *    there is a place) or after of/by/from ("calls by Belarus"), else the actor it is aimed
 *    at ("threatened action against Y", "sanctions on the Taliban faction"), else, for
 *    force, the country the thing is in ("fired rounds aimed at a loudspeaker in Y": where
 *    the thing sent is aimed is where the act is); former members of Y are no part of Y
 *    to act on; a relative pronoun as object is the noun its clause describes, or that noun's
 *    owner ("a policy X maintained, which Y criticised" → X); coordinated subjects and
 *    objects, and the actors a group or non-actor is said to include ("including Y", "such as
 *    Y", also hung on the verb), give one relation each; two verbs joined by "and" share the
 *    object after the second ("arrested and questioned Y"); a "with"
 *    phrase whose partner is a coordinated subject ("X and Y upgraded their ties") binds
 *    them both ways,
 *    and only a "between" noun binds its coordinated objects ("a rift between X and Y"). An
 *    actor that only modifies a noun ("the London conference", "EU embargo on arms exports
 *    to China") is not an actor of the verb: only the head of a mention stands in a subject
 *    or object slot;
 *  - complement and purpose clauses: a verb under a lexicon verb that has its own target is
 *    not asserted ("X urged Y to attack Z" is X APPEAL Y, not Y ASSAULT Z); a lexicon verb
 *    with no target of its own takes its complement's ("threatened to attack Z" → THREATEN
 *    Z, "refused to support Z" → REJECT Z), and a threat, promise or refusal takes the
 *    target of any verb it announces ("threatened to cut relations with Z"), negated when
 *    that verb is ("vowed not to return … to Z"); under a verb of intention ("plans to visit") or
 *    a future modal the act is a promise or a threat (dm_relation_verb_intent), a threat
 *    whenever held on "unless"; under an effort ("efforts to defeat Z", "worked to defeat
 *    Z") it is the act under way; under anything else ("sufficient to protect", "a plan to")
 *    it is not asserted. An auxiliary the parser makes a head ("has" over "threatened") is
 *    seen through;
 *  - negation: "not", "n't", "never" on the verb or on the verb that governs it;
 *  - reported speech: a verb in the clausal complement of a verb of saying, or in quotation
 *    marks, is emitted with quoted set; a speaker who calls an actor or its doing by an
 *    evaluative word ("said Y's plan was desperate") disapproves of it or praises it, quoted;
 *    a speaker who claims, alleges or testifies (claims.tsv, not "say" or "report") that
 *    another actor assaulted, coerced or robbed someone accuses it, quoted ("X claimed Y had
 *    imprisoned her" → X DISAPPROVE Y beside Y COERCE her; dm-relation-allegation.c);
 *  - an outlet is never the target of a statement or a conversation (the statement's
 *    channel, see dm_relation_is_channel ()), nor the speaker of the events it reports.
 *
 * How an act stands in its sentence (negated, announced, reported, only wanted) is read in
 * dm-relation-mood.c. Who fills a phrase's slots is in dm-relation-subjects.c and
 * dm-relation-targets.c, over the actors dm-relation-slots.c finds for a nominal (also for
 * relation nouns the tree gives no subject: "left after a confrontation with Y", "a policy
 * of turning away Y", "X's decision to slight Y"), and for relation nouns whose actors stand
 * outside their phrase ("defectors from X including Y", "complied with X's request") in
 * dm-relation-nouns.c; this file decides what a phrase found there asserts and emits it.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-relations"

#include "config.h"

#include <string.h>

#include "dm-clause.h"
#include "dm-relation-rules-private.h"

/* Does the verb of @m take an object that is the other side, no actor the recognizer knows
 * ("Hillary and Bill Clinton met Obama", "X and Y met him")? Then its coordinated subjects
 * meet it together, not each other. */
static gboolean
has_other_side (const Rules       *R,
                const DmVerbMatch *m)
{
  int o = dm_sentence_tree_child (R->tree, m->trigger, DM_DEP_OBJ, NULL);

  return o >= 0 &&
         dm_relation_object_is_other_side (m->verb, R->tree->lower[o],
                                           dm_sentence_tree_token (R->tree, o)->upos);
}

static void
emit_all (Rules             *R,
          const DmVerbMatch *m,
          const DmLexVerb   *verb,
          const Actors      *sources,
          const Actors      *objects,
          gboolean           negated,
          gboolean           quoted)
{
  const DmParseToken *first = dm_sentence_tree_token (R->tree, m->trigger);
  const DmParseToken *last = dm_sentence_tree_token (R->tree, m->last);

  for (guint a = 0; a < sources->n; a++)
    for (guint b = 0; b < objects->n; b++)
      {
        dm_relation_sink_emit (R->sink, R->tree->sentence, sources->mentions[a],
                               objects->mentions[b], verb, negated, quoted,
                               first->token, last->token);
        /* "X met Y": meetings, talks and agreements bind both sides; "agreed to sanction
         * Y" is one side's promise about Y, no agreement with it */
        if (dm_relation_verb_is_reciprocal (verb) && verb->klass != DM_CLASS_ASSAULT &&
            !objects->of_complement)
          dm_relation_sink_emit (R->sink, R->tree->sentence, objects->mentions[b],
                                 sources->mentions[a], verb, negated, quoted,
                                 first->token, last->token);
      }
}

/* The first xcomp of @v that is a phrase of the lexicon, or -1. An xcomp with an auxiliary
 * of its own ("said the cut would help families") is a finite clause the parser mislabelled,
 * whose act is not the main verb's. */
static int
lexicon_complement (const Rules *R,
                    int          v)
{
  for (guint k = 0; k < R->tree->n; k++)
    if (head (R, (int) k) == v && deprel (R, (int) k) == DM_DEP_XCOMP &&
        R->matches[k].verb != NULL && !R->matches[k].verb->is_noun &&
        child (R, (int) k, DM_DEP_AUX) < 0)
      return (int) k;
  return -1;
}

/* Is @h the act @v or a participle describing its object ("blocked roads leading to the
 * centre to press …": the parser often hangs a purpose clause on the nearer verb)? */
static gboolean
is_act_or_its_object_participle (const Rules *R,
                                 int          h,
                                 int          v)
{
  int o;

  if (h == v)
    return TRUE;
  o = h >= 0 ? head (R, h) : -1;
  return h >= 0 && deprel (R, h) == DM_DEP_ACL && o >= 0 && head (R, o) == v &&
         deprel (R, o) == DM_DEP_OBJ;
}

/* The purpose clause of a protest act that names what it is against: "blocked roads to
 * press their demands on Y", "began a hunger strike to protest Y's failure" (PLOVER codes the
 * protest, aimed at the one the demand or complaint is made of). Its lexicon verb, or -1. */
static int
protest_purpose (const Rules *R,
                 int          v)
{
  for (guint k = 0; k < R->tree->n; k++)
    {
      const DmLexVerb *verb = R->matches[k].verb;

      if (!is_act_or_its_object_participle (R, head (R, (int) k), v) ||
          deprel (R, (int) k) != DM_DEP_ADVCL || verb == NULL ||
          verb->is_noun || dm_sentence_tree_child (R->tree, (int) k, DM_DEP_MARK, "to") < 0)
        continue;
      if (verb->klass == DM_CLASS_DEMAND || verb->klass == DM_CLASS_APPEAL ||
          verb->klass == DM_CLASS_DISAPPROVE || verb->klass == DM_CLASS_PROTEST ||
          verb->klass == DM_CLASS_REJECT)
        return (int) k;
    }
  return -1;
}

/* Does @verb announce an act it names in a complement: a threat, a promise or an offer, a
 * refusal ("threatened to …", "offered to …", "refused to …")? */
static gboolean
is_announcement (const DmLexVerb *verb)
{
  return verb->klass == DM_CLASS_THREATEN || verb->klass == DM_CLASS_AGREE ||
         verb->klass == DM_CLASS_REJECT;
}

/* "photos of Y handcuffed by police", "the case of Y, arrested by the FBI": the parser hangs
 * the participle on the picture or the case whose "of" phrase it describes (or makes the
 * phrase the participle's own). The actor of that "of" phrase right before participle @v;
 * or -1. Only a comma or the participle's auxiliary ("being") between. Not after any noun:
 * "the wife of Y, arrested by police", "a critic of Y, jailed by Z" are someone else. */
static int
described_of_object (const Rules *R,
                     int          v)
{
  static const char * const depictions[] = {
    "photo", "photos", "photograph", "photographs", "picture", "pictures", "image", "images",
    "video", "videos", "footage", "case", NULL,
  };
  int h = head (R, v);

  if (h < 0 || h >= v || !word_in (word (R, h), depictions))
    return -1;
  for (int k = v - 1; k > h; k--)
    {
      if (strcmp (word (R, k), ",") == 0 || deprel (R, k) == DM_DEP_AUX_PASS)
        continue;
      /* the phrase's words after its head ("Ahmed Ali": "Ali" hangs on "Ahmed") */
      while (k > h + 1 && head (R, k) > h && head (R, k) < k)
        k = head (R, k);
      return (head (R, k) == h || head (R, k) == v) && deprel (R, k) == DM_DEP_NMOD &&
             strcmp (word (R, k - 1), "of") == 0 && dm_slot_actor_at (R, k) >= 0 ? k : -1;
    }
  return -1;
}

/* The first "to" complement of @v that is no phrase of the lexicon ("threatened to launch
 * …"), or -1. */
static int
plain_complement (const Rules *R,
                  int          v)
{
  for (guint k = 0; k < R->tree->n; k++)
    if (head (R, (int) k) == v && R->matches[k].verb == NULL &&
        dm_sentence_tree_token (R->tree, (int) k)->upos == DM_UPOS_VERB &&
        (deprel (R, (int) k) == DM_DEP_XCOMP ||
         (deprel (R, (int) k) == DM_DEP_ADVCL &&
          dm_sentence_tree_child (R->tree, (int) k, DM_DEP_MARK, "to") >= 0)))
      return (int) k;
  return -1;
}

/* Marks the trigger of @m as settled by the tree: the word-order rules leave it alone. */
static void
decide (Rules             *R,
        const DmVerbMatch *m)
{
  int o = m->verb->n_words > 1 && !m->verb->is_noun ? child (R, m->trigger, DM_DEP_OBJ) : -1;

  R->sink->decided[dm_sentence_tree_token (R->tree, m->trigger)->token] = TRUE;
  /* "suspended peace talks with Y": the noun is a word of the phrase settled, no act of its
   * own ("holds peace talks with"), nor are the nouns compounded with it */
  for (guint k = 1; o >= 0 && k < m->verb->n_words; k++)
    if (strcmp (word (R, o), m->verb->words[k]) == 0)
      {
        R->sink->decided[dm_sentence_tree_token (R->tree, o)->token] = TRUE;
        for (guint j = 0; j < R->tree->n; j++)
          if (head (R, (int) j) == o && deprel (R, (int) j) == DM_DEP_COMPOUND)
            R->sink->decided[dm_sentence_tree_token (R->tree, (int) j)->token] = TRUE;
        break;
      }
}

/* The verb of receiving whose object the relation noun @n is ("received support", "drew
 * criticism", "faced sanctions"), or -1. Its subject is then the one acted on. An amount
 * received names the noun with "in" ("received $2 billion in aid"); and the tagger takes a
 * noun that is also a verb for an infinitive after "received" ("received aid from Y"),
 * which "receive" never takes without "to". */
static int
receiving_verb (const Rules *R,
                int          n)
{
  static const char * const receiving[] = {
    "receive", "receives", "received", "receiving", "draw", "draws", "drew", "drawn",
    "drawing", "attract", "attracts", "attracted", "attracting", "earn", "earns", "earned",
    "earning", "win", "wins", "won", "winning", "face", "faces", "faced", "facing", "get",
    "gets", "got", "getting", "suffer", "suffers", "suffered", "suffering", NULL,
  };
  int h = head (R, n);

  /* the amount is the object; the parser hangs "in aid" on it, on a noun of it ("millions
   * of dollars in loans") or on the verb */
  if (h >= 0 && dm_sentence_tree_child (R->tree, n, DM_DEP_CASE, "in") >= 0)
    {
      for (guint depth = 0; depth < MAX_DEPTH && deprel (R, n) == DM_DEP_NMOD && head (R, n) >= 0; depth++)
        n = head (R, n);
      h = head (R, n);
      if (deprel (R, n) == DM_DEP_OBL && child (R, n, DM_DEP_CASE) >= 0 && h >= 0 && child (R, h, DM_DEP_OBJ) >= 0)
        n = child (R, h, DM_DEP_OBJ);
      if (deprel (R, n) != DM_DEP_OBJ)
        return -1;
    }
  else if (h >= 0 && deprel (R, n) == DM_DEP_XCOMP &&
           (child (R, n, DM_DEP_MARK) >= 0 || child (R, n, DM_DEP_OBJ) >= 0))
    return -1;
  return (deprel (R, n) == DM_DEP_OBJ || deprel (R, n) == DM_DEP_XCOMP) && h >= 0 &&
         R->matches[h].verb == NULL && word_in (word (R, h), receiving) ? h : -1;
}

/* "received support from Y": a relation noun received names its giver with "from", not
 * with its own preposition ("support for"); the shortest phrase of the noun gives the act. */
static void
match_received (Rules *R,
                int    n)
{
  GPtrArray *forms;
  const DmLexVerb *best = NULL;

  if (dm_sentence_tree_token (R->tree, n)->upos != DM_UPOS_NOUN && deprel (R, n) != DM_DEP_XCOMP)
    return;
  forms = dm_lexicon_lookup_verb (R->sink->r->lexicon, word (R, n));
  for (guint k = 0; forms != NULL && k < forms->len; k++)
    {
      const DmLexVerb *verb = ((const DmLexVerbForm *) g_ptr_array_index (forms, k))->verb;

      if (verb->is_noun && (best == NULL || verb->n_words < best->n_words))
        best = verb;
    }
  if (best != NULL)
    R->matches[n] = (DmVerbMatch) { best, n, n, -1, FALSE };
}

/* Is @verb a phrase of parties among themselves ("rift between", "talks among")? */
static gboolean
is_between (const DmLexVerb *verb)
{
  static const char * const among[] = { "between", "among", "amongst", NULL };

  return verb->n_words > 1 && word_in (verb->words[verb->n_words - 1], among);
}

/* Is @klass an act against its target (verbal or material conflict)? */
static gboolean
is_conflict (DmRelationClass klass)
{
  switch ((int) klass)
    {
    case DM_CLASS_DISAPPROVE: case DM_CLASS_REJECT: case DM_CLASS_THREATEN:
    case DM_CLASS_SANCTION: case DM_CLASS_PROTEST: case DM_CLASS_CRIME:
    case DM_CLASS_MOBILIZE: case DM_CLASS_COERCE: case DM_CLASS_ASSAULT:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Is @verb a request ("urge", "call for", "demand")? */
static gboolean
is_request (const DmLexVerb *verb)
{
  return verb != NULL && !verb->is_noun &&
         (verb->klass == DM_CLASS_APPEAL || verb->klass == DM_CLASS_DEMAND);
}

/* Is "on" a word of @verb's phrase ("call on", "prevail on"), not a date's ("urged on Monday")? */
static gboolean
phrase_has_on (const DmLexVerb *verb)
{
  for (guint w = 1; w < verb->n_words; w++)
    if (strcmp (verb->words[w], "on") == 0)
      return TRUE;
  return FALSE;
}

static int requested_clause (const Rules *R,
                             int          v);

/* The request verb that asks for the act at @m, or -1: the verb its clause complements
 * ("urged Y to attack Z", "to unite and fight Z"), or for a relation noun the verb it is the
 * object of ("urged sanctions on Z", "called for an embargo on Z"). */
static int
requested_by (const Rules       *R,
              const DmVerbMatch *m)
{
  int v = m->trigger, g;

  if (m->verb->is_noun)
    {
      g = head (R, v);
      return g >= 0 && (deprel (R, v) == DM_DEP_OBJ || deprel (R, v) == DM_DEP_OBL) &&
             is_request (R->matches[g].verb) ? g : -1;
    }
  return requested_clause (R, v);
}

/* The request verb that asks for the clause of verb @v ("urged Y to attack Z", "called on
 * Y to join protests"), or -1. */
static int
requested_clause (const Rules *R,
                  int          v)
{
  int g;

  while (deprel (R, v) == DM_DEP_CONJ && head (R, v) >= 0)
    v = head (R, v);
  g = head (R, v);
  if (g < 0)
    return -1;
  if (deprel (R, v) == DM_DEP_XCOMP)
    return is_request (R->matches[g].verb) ? g : -1;
  /* "called on Y to boycott Z", "urged the UN to impose sanctions on Z": the parser often
   * makes the asked-for clause an adverbial one, of the request or of the one asked */
  if (deprel (R, v) != DM_DEP_ADVCL || dm_sentence_tree_child (R->tree, v, DM_DEP_MARK, "to") < 0 ||
      dm_sentence_tree_child (R->tree, v, DM_DEP_MARK, "in") >= 0)
    return -1;
  /* on the request itself only when it names the one asked ("requested donations in order
   * to help Z" asks no one: a purpose) */
  if (is_request (R->matches[g].verb))
    {
      Actors asked = { 0 };
      int on = dm_slot_marked_dependent (R, g, "on");

      /* "called on the army to abandon Z": whoever "on" names is the one asked, an actor
       * or not; the army abandons Z, not the one calling */
      if (on >= 0 && on < v && phrase_has_on (R->matches[g].verb))
        return g;
      dm_slot_collect (R, child (R, g, DM_DEP_OBJ), &asked);
      return asked.n > 0 ? g : -1;
    }
  if ((deprel (R, g) == DM_DEP_OBJ || deprel (R, g) == DM_DEP_OBL) && head (R, g) >= 0 &&
      is_request (R->matches[head (R, g)].verb))
    return head (R, g);
  return -1;
}

/* Is the relation noun @m, with its preposition, inside the phrase its head verb matched
 * ("sanctions against" in "call for sanctions against")? That phrase speaks for it; "strikes
 * against" under "conduct strikes on" stays its own. */
static gboolean
is_word_of_head_phrase (const Rules       *R,
                        const DmVerbMatch *m)
{
  int n = m->trigger;
  const DmLexVerb *verb = head (R, n) >= 0 ? R->matches[head (R, n)].verb : NULL;
  const char *w = word (R, n);
  gsize end;

  if (verb == NULL)
    return FALSE;
  /* "violated the ceasefire with Y": a phrase that ends on the noun takes the noun's
   * partner itself (a ceasefire violated is no ceasefire agreed) */
  end = strlen (verb->words[verb->n_words - 1]);
  if (strcmp (verb->words[verb->n_words - 1], m->verb->words[m->verb->n_words - 1]) != 0 &&
      !(strncmp (w, verb->words[verb->n_words - 1], end) == 0 &&
        (w[end] == '\0' || strcmp (w + end, "s") == 0)))
    return FALSE;
  for (guint k = 1; k < verb->n_words; k++)
    {
      gsize len = strlen (verb->words[k]);

      if (strncmp (w, verb->words[k], len) == 0 && (w[len] == '\0' || strcmp (w + len, "s") == 0))
        return TRUE;
    }
  return FALSE;
}

/* "X called on Y to mobilise against Z", "X urged the UN to impose sanctions on Z", "X urged
 * sanctions on Z": the act asked for is not asserted, but asking others to act against Z is
 * X's own act against Z, PLOVER DISAPPROVE (CAMEO 113, rally opposition against). Asking
 * for cooperation with Z ("urged talks with Z") is the request itself, made of Z (CAMEO
 * 106, demand meeting); a clause asking it ("urged Y to meet Z") is made of Y, not Z. */
static void
extract_solicited (Rules             *R,
                   const DmVerbMatch *m,
                   int                g)
{
  Actors sources = { 0 }, objects = { 0 };
  g_autofree char *label = NULL;
  DmLexVerb solicit;

  /* "urged Y not to attack Z" asks for no act against Z */
  if (g < 0 || (!is_conflict (m->verb->klass) && !m->verb->is_noun) ||
      dm_relation_is_negated (R, m->trigger))
    return;
  dm_slot_subjects (R, g, &sources, 0);
  dm_slot_targets (R, m, &objects);
  if (sources.n == 0 || objects.n == 0)
    return;
  /* the asking verb's words: "called on … to fight Z" binds no two sides as "fight" would */
  solicit = *R->matches[g].verb;
  if (is_conflict (m->verb->klass))
    {
      solicit.klass = DM_CLASS_DISAPPROVE;
      solicit.label = (char *) "calls for action against";
    }
  else
    solicit.label = label = g_strconcat (R->matches[g].verb->label, " ", m->verb->phrase, NULL);
  emit_all (R, m, &solicit, &sources, &objects, dm_relation_is_negated (R, g),
            dm_relation_is_reported (R, g) ||
            dm_relation_token_in_quote (R->sink->r->doc, dm_sentence_tree_token (R->tree, g)->token));
}

/* Verbs whose adjective complement is a state of their subject */
static const char * const linking_verbs[] = {
  "remain", "remains", "remained", "remaining", "become", "becomes", "became", "becoming",
  "stay", "stays", "stayed", "staying", "seem", "seems", "seemed", "appear", "appears",
  "appeared", "grow", "grows", "grew", "grown", NULL,
};

/* Does verb @v have a purpose clause of helping ("to help", "to protect", "to train")? */
static gboolean
is_sent_to_help (const Rules *R,
                 int          v)
{
  static const char * const helping[] = {
    "help", "assist", "support", "protect", "defend", "train", "aid", "reinforce", "bolster",
    "secure", NULL,
  };

  for (guint k = 0; k < R->tree->n; k++)
    if (head (R, (int) k) == v &&
        (deprel (R, (int) k) == DM_DEP_ADVCL || deprel (R, (int) k) == DM_DEP_XCOMP) &&
        dm_sentence_tree_child (R->tree, (int) k, DM_DEP_MARK, "to") >= 0 &&
        word_in (word (R, (int) k), helping))
      return TRUE;
  return FALSE;
}

/* "ordered the French ambassador to leave": a diplomat ordered out is expelled, which
 * PLOVER codes SANCTION (CAMEO 1663, "expel diplomats"), not a demand. */
static gboolean
is_diplomat_ordered_out (const Rules       *R,
                         const DmVerbMatch *m)
{
  static const char * const diplomats[] = {
    "ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "consul",
    "consuls", "attache", "attaches", "attaché", "attachés", NULL,
  };
  static const char * const leaving[] = { "leave", "quit", "depart", "exit", NULL };
  int v = m->trigger, o = child (R, v, DM_DEP_OBJ), x = child (R, v, DM_DEP_XCOMP);

  /* the parser as often hangs "to leave" on the diplomat as on the order */
  if (x < 0 && o >= 0 && (x = child (R, o, DM_DEP_ACL)) >= 0 &&
      dm_sentence_tree_child (R->tree, x, DM_DEP_MARK, "to") < 0)
    x = -1;
  return m->verb->klass == DM_CLASS_DEMAND && m->verb->n_words == 1 &&
         strcmp (m->verb->phrase, "order") == 0 && o >= 0 && word_in (word (R, o), diplomats) &&
         x >= 0 && word_in (word (R, x), leaving);
}

/* '"…," said X' parsed with X as object, "saying the country had hosted Y" with Y taken
 * out of the clause: the object of a plain verb of saying is its speaker put after it or a
 * piece of what is said, never whom it is said to or of (that takes "to" or "of") */
static gboolean
is_object_of_saying (const Rules       *R,
                     const DmVerbMatch *m)
{
  return m->verb->n_words == 1 && !m->verb->is_noun && m->prep_object < 0 &&
         strcmp (m->verb->phrase, "say") == 0 && child (R, m->trigger, DM_DEP_OBJ) >= 0;
}

static void
extract_phrase (Rules             *R,
                const DmVerbMatch *m)
{
  Actors sources = { 0 }, objects = { 0 };
  DmVerbMatch mutual = { NULL, -1, -1, -1, FALSE };
  gboolean negated = FALSE, quoted;
  int v = m->trigger;
  DmLexVerb intent, help_verb;
  DmVerbMatch help;
  DmMood mood = DM_MOOD_ASSERTED;

  if (m->verb->is_agent)
    {
      /* "X, a critic of Y": the actor the noun is said of acts on the preposition's object;
       * "critics of Y" with no actor to be said of stand for no one named */
      dm_slot_agent_noun_source (R, v, &sources);
      if (sources.n == 0 && !m->verb->is_patient)
        dm_slot_agent_members (R, m, &sources);
      if (m->verb->is_patient)
        {
          /* "X was a guest at Y's fair": the host acts on the one the noun is said of */
          objects = sources;
          sources = (Actors) { 0 };
          dm_slot_event_host (R, m->prep_object, &sources);
        }
      else
        dm_slot_targets (R, m, &objects);
      decide (R, m);
      emit_all (R, m, m->verb, &sources, &objects, dm_relation_is_negated (R, v),
                dm_relation_is_reported (R, v) ||
                dm_relation_token_in_quote (R->sink->r->doc, dm_sentence_tree_token (R->tree, v)->token));
      return;
    }
  if (m->verb->is_noun && receiving_verb (R, v) >= 0)
    {
      /* "X received support from Y", "X drew criticism from Y": Y acts on X */
      int g = receiving_verb (R, v);
      int from = dm_slot_marked_dependent (R, v, "from");

      if (from < 0 && head (R, v) != g)
        from = dm_slot_marked_dependent (R, head (R, v), "from");
      if (from < 0)
        from = dm_slot_marked_dependent (R, g, "from");
      dm_slot_collect (R, from, &sources);
      if (sources.n == 0)
        dm_slot_received_range (R, v, g, &sources);
      dm_slot_subjects (R, g, &objects, 0);
      emit_all (R, m, m->verb, &sources, &objects, dm_relation_is_negated (R, g),
                dm_relation_is_reported (R, v) ||
                dm_relation_token_in_quote (R->sink->r->doc, dm_sentence_tree_token (R->tree, v)->token));
      decide (R, m);
      return;
    }
  if (m->verb->is_noun && dm_relation_complied_request (R, v) != NULL)
    {
      /* "Y complied with X's request": X asked Y */
      dm_relation_complied_parties (R, v, &sources, &objects);
      emit_all (R, m, m->verb, &sources, &objects, FALSE,
                dm_relation_is_reported (R, v) ||
                dm_relation_token_in_quote (R->sink->r->doc, dm_sentence_tree_token (R->tree, v)->token));
      decide (R, m);
      return;
    }
  /* "called on Y to join protests against Z": the noun is the object of an act asked for,
   * no more done than the act (the request's own relations are the request verb's) */
  if (m->verb->is_noun && deprel (R, v) == DM_DEP_OBJ && head (R, v) >= 0 &&
      requested_clause (R, head (R, v)) >= 0)
    {
      decide (R, m);
      return;
    }
  /* "called for sanctions against Z": the phrase of the verb says it all; "urged sanctions
   * on Z": sanctions asked for, not imposed */
  if (m->verb->is_noun && (is_word_of_head_phrase (R, m) || requested_by (R, m) >= 0))
    {
      extract_solicited (R, m, requested_by (R, m));
      decide (R, m);
      return;
    }
  if (m->verb->is_noun)
    {
      dm_slot_noun_source (R, v, &sources);
      dm_slot_targets (R, m, &objects);
      if (m->verb->klass == DM_CLASS_PROTEST)
        dm_slot_protested_owner (R, &objects);
      /* "a rift between X and Y": the parties act on each other; "our deals with X and Y"
       * are an unnamed party's with each */
      if (sources.n == 0 && objects.n > 1 && !is_between (m->verb))
        {
          decide (R, m);
          return;
        }
      if (sources.n == 0 && objects.n > 1)
        {
          for (guint a = 0; a < objects.n; a++)
            for (guint b = 0; b < objects.n; b++)
              if (a != b)
                {
                  Actors one = { { objects.mentions[a] }, 1, objects.token, 0 };
                  Actors other = { { objects.mentions[b] }, 1, objects.token, 0 };

                  emit_all (R, m, m->verb, &one, &other, FALSE, dm_relation_is_reported (R, v));
                }
          decide (R, m);
          return;
        }
      /* a non-actor after the preposition, or both ends found: settled */
      /* "embargo on arms exports to China": the noun's own object is no actor; "exports to
       * China" inside another noun phrase has no source but its own, none here */
      if ((objects.slot != 0 && objects.n == 0) || (sources.n > 0 && objects.n > 0) ||
          (sources.n == 0 && head (R, v) >= 0 &&
           (dm_sentence_tree_token (R->tree, head (R, v))->upos == DM_UPOS_NOUN ||
            dm_sentence_tree_token (R->tree, head (R, v))->upos == DM_UPOS_PROPN)))
        decide (R, m);
      emit_all (R, m, m->verb, &sources, &objects,
                dm_relation_is_negated (R, v), dm_relation_is_reported (R, v) ||
                dm_relation_token_in_quote (R->sink->r->doc, dm_sentence_tree_token (R->tree, v)->token));
      return;
    }

  /* "remained critical of": a linking verb's adjective stands as the verb does */
  if (m->verb->is_adjective && deprel (R, v) == DM_DEP_XCOMP && head (R, v) >= 0 &&
      word_in (word (R, head (R, v)), linking_verbs))
    {
      mood = dm_relation_mood_of (R, head (R, v), &negated);
      negated = negated || dm_relation_is_negated (R, head (R, v));
    }
  else
    mood = dm_relation_mood_of (R, v, &negated);
  if (mood == DM_MOOD_NOT_ASSERTED || requested_by (R, m) >= 0)
    {
      int o = child (R, v, DM_DEP_OBJ);

      extract_solicited (R, m, requested_by (R, m));
      decide (R, m);
      /* "urged Y to impose sanctions on Z": the noun of the phrase asked for is no act
       * either */
      if (o >= 0 && m->verb->n_words > 1)
        R->sink->decided[dm_sentence_tree_token (R->tree, o)->token] = TRUE;
      return;
    }
  negated = negated || dm_relation_is_negated (R, v) || dm_relation_is_denied (R, v);
  quoted = dm_relation_is_reported (R, v) ||
           dm_relation_token_in_quote (R->sink->r->doc, dm_sentence_tree_token (R->tree, v)->token);

  if (m->verb->is_adjective)
    {
      /* "X is critical of Y", "X was disappointed by Y's decision": a view held, not an act
       * done, whatever the parser makes of the participle */
      dm_slot_predicate_subjects (R, v, &sources);
      dm_slot_targets (R, m, &objects);
    }
  else if (deprel (R, v) == DM_DEP_ACL && head (R, v) >= 0 &&
           (child (R, v, DM_DEP_OBL_AGENT) >= 0 || dm_slot_marked_dependent (R, v, "by") >= 0))
    {
      /* "a plan backed by Y": Y acts on the noun the participle describes; that noun is
       * rarely an actor, and no one else is the act's target */
      int agent = child (R, v, DM_DEP_OBL_AGENT);

      dm_slot_collect (R, agent >= 0 ? agent : dm_slot_marked_dependent (R, v, "by"), &sources);
      /* "the book critical of Y, written by Z": what a verb of saying describes is its words;
       * an actor there is the parser hanging the participle on the wrong noun */
      if (m->verb->klass != DM_CLASS_STATEMENT || m->prep_object >= 0)
        dm_slot_collect (R, head (R, v), &objects);
      if (objects.n == 0 && m->verb->klass != DM_CLASS_STATEMENT)
        dm_slot_collect (R, described_of_object (R, v), &objects);
      if (sources.n > 0)
        decide (R, m);
    }
  else if (deprel (R, v) == DM_DEP_ACL && !g_str_has_suffix (word (R, v), "ing") &&
           child (R, v, DM_DEP_OBJ) < 0 && child (R, v, DM_DEP_CCOMP) < 0 && m->prep_object < 0 &&
           head (R, v) >= 0 && head (R, head (R, v)) >= 0)
    {
      /* "two Russian commanders accused of directing strikes on Y": a participle without
       * its agent, an object, a clause or a partner ("strikes coordinated with Y" are the
       * striker's) describes the ones acted on, and no one named acts (with an object or a
       * clause, or on the noun heading the sentence, it is the parser's misreading of a main
       * verb: "X criticised Y", "officials agreed that", "students demonstrated against Y") */
      decide (R, m);
      return;
    }
  else if (dm_slot_is_passive (R, v))
    {
      dm_slot_passive_agents (R, m, &sources);
      dm_slot_collect (R, child (R, v, DM_DEP_NSUBJ_PASS), &objects);
      if (objects.n == 0 && child (R, v, DM_DEP_NSUBJ_PASS) >= 0)
        dm_slot_collect_owner (R, child (R, v, DM_DEP_NSUBJ_PASS), TRUE, &objects);
      if (m->prep_object >= 0 && objects.n == 0)
        dm_slot_collect (R, m->prep_object, &objects);
    }
  else if (is_object_of_saying (R, m))
    {
      decide (R, m);
      return;
    }
  else
    {
      dm_slot_subjects (R, v, &sources, 0);
      dm_slot_targets (R, m, &objects);
    }
  /* "denied arming Y", "denied that it had attacked Y": the denial acts on no one; the act
   * denied is said on its own, negated (dm_relation_is_denied ()) */
  if (objects.n == 0 && m->verb->n_words == 1 && dm_clause_is_denial (word (R, v)) &&
      (child (R, v, DM_DEP_XCOMP) >= 0 || child (R, v, DM_DEP_CCOMP) >= 0))
    {
      decide (R, m);
      return;
    }
  /* "X claimed Y had imprisoned her": the claim accuses Y (dm-relation-allegation.c) */
  dm_relation_accuse_claimed (R, m, &sources, mood == DM_MOOD_ASSERTED && !negated);
  if (objects.n == 0)
    {
      /* "threatened to attack Z", "refused to support Z": the complement's target */
      int x = lexicon_complement (R, v);

      if (x >= 0)
        dm_slot_targets (R, &R->matches[x], &objects);
      else if (is_announcement (m->verb) && (x = plain_complement (R, v)) >= 0)
        {
          /* "threatened to launch an offensive against Z", "offered to hand over to Z …" */
          DmVerbMatch plain = { m->verb, x, x, -1, FALSE };

          dm_slot_targets (R, &plain, &objects);
          if (objects.n == 0)
            dm_slot_aimed_at (R, x, &objects);
        }
      /* "vowed not to return the Golan Heights to Syria": what is announced is not done */
      if (x >= 0 && objects.n > 0 && dm_relation_is_negated (R, x))
        negated = TRUE;
      objects.of_complement = x >= 0 && objects.n > 0;
    }
  if (m->verb->klass == DM_CLASS_PROTEST)
    dm_slot_protested_owner (R, &objects);
  if (objects.n == 0 && m->verb->klass == DM_CLASS_PROTEST && protest_purpose (R, v) >= 0)
    {
      Actors aim = { 0 };

      dm_slot_targets (R, &R->matches[protest_purpose (R, v)], &aim);
      if (aim.n > 0)
        objects = aim;
    }
  if (objects.n == 0 && objects.slot == 0 && m->verb->klass == DM_CLASS_PROTEST &&
      protest_purpose (R, v) < 0)
    dm_slot_protest_place (R, v, &objects);
  if (objects.n == 0 && objects.slot == 0 &&
      (m->verb->klass == DM_CLASS_DEMAND || m->verb->klass == DM_CLASS_APPEAL))
    {
      /* "demanded that Israel withdraw": who is to act is the one asked */
      int x = child (R, v, DM_DEP_CCOMP);

      if (x >= 0)
        dm_slot_collect (R, child (R, x, DM_DEP_NSUBJ), &objects);
    }
  /* "the United States and Jordan have agreed": with no actor as object, a reciprocal
   * verb binds its coordinated subjects to each other; so does a phrase whose partner
   * ("with Y") the coordination names: "X and Y upgraded their ties" */
  if (objects.n == 0 && sources.n > 1 && !m->verb->is_noun && !has_other_side (R, m) &&
      (dm_verb_match_mutual (R->tree, v, &mutual) || dm_relation_verb_is_reciprocal (m->verb)))
    {
      const DmVerbMatch *act = mutual.verb != NULL ? &mutual : m;
      /* "X and Y will meet" is a promise, "X and Y failed to reach agreement" a refusal, as
       * for one actor (dm_relation_announced_as ()) */
      gboolean announced = dm_relation_announced_as (R, act, mood, negated, &intent);

      if (mood == DM_MOOD_INTENDED && !announced)
        return;
      for (guint a = 0; a < sources.n; a++)
        for (guint b = 0; b < sources.n; b++)
          if (a != b)
            {
              Actors one = { { sources.mentions[a] }, 1, sources.token, 0 };
              Actors other = { { sources.mentions[b] }, 1, sources.token, 0 };

              emit_all (R, act, announced ? &intent : act->verb, &one, &other,
                        announced ? FALSE : negated, quoted);
            }
      if (announced)
        g_free (intent.label);
      decide (R, m);
      return;
    }
  /* a phrase without its partner has none but coordinated dm_slot_subjects (above) */
  if (m->no_partner)
    return;
  /* what the tree does not relate is left to the word-order rules: with today's parser a
   * slot without an actor is as often a parse error as a non-actor (measured on the dev
   * sets), so only a relation found or a construction that asserts nothing settles it */
  if (sources.n == 0 || objects.n == 0)
    {
      /* "contacted former members of Y", "arrested a journalist in Turkey": the tree names
       * the ones acted on, no actor (not the state they are in) */
      if (objects.slot > 0 && (dm_slot_is_former_body (R, objects.slot - 1) ||
                               (sources.n > 0 && dm_slot_is_located_thing (R, objects.slot - 1))))
        decide (R, m);
      /* "a missionary was arrested for collaborating with Y": the one charged is named */
      if (sources.n == 0 && sources.slot > 0 && dm_slot_is_charged_deed (R, v))
        decide (R, m);
      return;
    }
  decide (R, m);
  /* "sent troops to Y to help its army": force sent to help is military assistance, AID
   * (codebook: "military and police assistance including arms and personnel") */
  if (m->verb->klass == DM_CLASS_MOBILIZE && is_sent_to_help (R, v))
    {
      help_verb = *m->verb;
      help_verb.klass = DM_CLASS_AID;
      help = *m;
      help.verb = &help_verb;
      m = &help;
    }
  else if (is_diplomat_ordered_out (R, m))
    {
      help_verb = *m->verb;
      help_verb.klass = DM_CLASS_SANCTION;
      help_verb.label = (char *) "expels";
      help = *m;
      help.verb = &help_verb;
      m = &help;
    }

  /* "will be grateful to": a state to come is neither a promise nor a fact */
  if (m->verb->is_adjective && (mood == DM_MOOD_INTENDED || dm_relation_has_future_modal (R, v)))
    {
      decide (R, m);
      return;
    }
  if (dm_relation_announced_as (R, m, mood, negated, &intent))
    {
      emit_all (R, m, &intent, &sources, &objects, FALSE, quoted);
      g_free (intent.label);
      return;
    }
  if (mood == DM_MOOD_INTENDED)
    return;                      /* "plans to urge": neither a fact nor a promise */
  emit_all (R, m, m->verb, &sources, &objects, negated, quoted);
}

/* "X said Y's plan was desperate", "X said Y was reckless": a speaker who calls an actor, or
 * what is an actor's, by an evaluative word (evaluative.tsv) acts on that actor through the
 * quote. Only a copular clause counts: "said Y faced a desperate situation" judges nothing. */
static void
extract_evaluation (Rules *R,
                    int    v)
{
  Actors sources = { 0 };

  if (!dm_slot_is_saying (R, v) || deprel (R, v) == DM_DEP_AMOD)
    return;
  for (guint k = 0; k < R->tree->n; k++)
    {
      const DmLexVerb *judgement;
      Actors judged = { 0 };
      DmVerbMatch m;
      int s;

      if (head (R, (int) k) != v ||
          (deprel (R, (int) k) != DM_DEP_CCOMP && deprel (R, (int) k) != DM_DEP_PARATAXIS))
        continue;
      judgement = dm_lexicon_lookup_evaluative (R->sink->r->lexicon, word (R, (int) k));
      if (judgement == NULL)
        continue;
      /* "was reckless" is at times parsed as a passive ("was" aux:pass) */
      if (child (R, (int) k, DM_DEP_COP) >= 0)
        s = child (R, (int) k, DM_DEP_NSUBJ);
      else if (child (R, (int) k, DM_DEP_AUX_PASS) >= 0)
        s = child (R, (int) k, DM_DEP_NSUBJ_PASS);
      else if (child (R, (int) k, DM_DEP_AUX) >= 0 && (s = child (R, (int) k, DM_DEP_NSUBJ)) >= 0 &&
               strcmp (word (R, s), "it") == 0)
        ;  /* "it was damning that …", the participle read as a progressive */
      else
        continue;
      /* "said it was outrageous that Y is not doing it": what is judged is the clause's
       * doer, extraposed; not one it says was done to ("that Y was attacked") */
      if (s >= 0 && strcmp (word (R, s), "it") == 0)
        {
          int x = -1;

          for (guint c = 0; c < R->tree->n && x < 0; c++)
            if (head (R, (int) c) == (int) k && deprel (R, (int) c) == DM_DEP_CCOMP &&
                dm_sentence_tree_child (R->tree, (int) c, DM_DEP_MARK, "that") >= 0)
              x = (int) c;
          s = x >= 0 ? child (R, x, DM_DEP_NSUBJ) : -1;
        }
      if (s < 0)
        continue;
      dm_slot_collect (R, s, &judged);
      if (judged.n == 0 && child (R, s, DM_DEP_NMOD_POSS) >= 0)
        dm_slot_collect (R, child (R, s, DM_DEP_NMOD_POSS), &judged);
      if (judged.n == 0)
        continue;
      if (sources.n == 0)
        dm_slot_subjects (R, v, &sources, 0);
      m = (DmVerbMatch) { judgement, (int) k, (int) k, -1, FALSE };
      emit_all (R, &m, judgement, &sources, &judged, dm_relation_is_negated (R, (int) k), TRUE);
    }
}

/* G_MESSAGES_DEBUG=dm-relations: the tree and the phrases found along it, to see where a
 * relation is lost */
static void
debug_tree (const Rules *R)
{
  g_autoptr(GString) s = NULL;

  if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    return;
  s = g_string_new (NULL);
  for (guint i = 0; i < R->tree->n; i++)
    g_string_append_printf (s, "\n  %u %s %s %d %s%s%s", i, word (R, (int) i),
                            dm_upos_to_string (dm_sentence_tree_token (R->tree, (int) i)->upos),
                            head (R, (int) i), dm_deprel_to_string (deprel (R, (int) i)),
                            mention_of (R, (int) i) >= 0 ? " @" : "",
                            R->matches[i].verb != NULL ? R->matches[i].verb->phrase : "");
  g_debug ("sentence %u:%s", R->tree->sentence, s->str);
}

void
dm_relations_extract_sentence (DmRelationSink *sink,
                               const DmParse  *parse,
                               guint           sentence)
{
  DmSentenceTree *tree = dm_sentence_tree_new (sink->r, parse, sentence, sink->mention_at);
  Rules R = { sink, tree, g_new0 (DmVerbMatch, tree->n + 1) };

  for (guint i = 0; i < tree->n; i++)
    if (!dm_verb_match (tree, (int) i, &R.matches[i]) &&
        !dm_verb_match_mutual (tree, (int) i, &R.matches[i]))
      R.matches[i].verb = NULL;
  for (guint i = 0; i < tree->n; i++)
    if ((R.matches[i].verb == NULL || deprel (&R, (int) i) == DM_DEP_XCOMP) && receiving_verb (&R, (int) i) >= 0)
      match_received (&R, (int) i);
    else if (R.matches[i].verb == NULL && dm_relation_complied_request (&R, (int) i) != NULL)
      R.matches[i] = (DmVerbMatch) { dm_relation_complied_request (&R, (int) i), (int) i, (int) i, -1, FALSE };
  debug_tree (&R);
  for (guint i = 0; i < tree->n; i++)
    if (R.matches[i].verb != NULL)
      extract_phrase (&R, &R.matches[i]);
  for (guint i = 0; i < tree->n; i++)
    extract_evaluation (&R, (int) i);

  g_free (R.matches);
  dm_sentence_tree_free (tree);
}
