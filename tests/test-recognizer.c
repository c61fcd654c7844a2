/* test-recognizer.c — actors from the entity recognizer, and actors that hold together:
 * names linked within an article, appositions, definite descriptions, national groups and
 * media outlets (pronouns and quotations: test-recognizer-pronouns.c)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "recognizer-test-common.h"

static void
test_names_from_the_model (void)
{
  const char *text = "Rupert Colville, a spokesman for the office, said the figures were alarming. "
                     "The report was written by Lama Fakih, whose office is in Beirut.";
  g_autoptr(Recognized) with = recognize (text);
  g_autoptr(Recognized) without = recognize_with (text, NULL);

  /* "a spokesman" after his name makes him an official */
  assert_actor (with, "Rupert Colville", 0, "Rupert Colville", DM_ACTOR_OFFICIAL);
  g_assert_cmpstr (find (with, "Rupert Colville", 0)->role, ==, "Spokesman");
  assert_actor (with, "Lama Fakih", 0, "Lama Fakih", DM_ACTOR_PERSON);
  /* a place the model finds is not an actor */
  g_assert_null (find (with, "Beirut", 0));
  /* the rules alone do not know these names */
  g_assert_false (names_actor (without, "Lama Fakih"));
}

/* "Latin America", "Latin American countries": a country's name or demonym ending a region's
 * name (nonactors.tsv) is no actor; "South African" and "North Korean" still are */
static void
test_region_ending_in_country (void)
{
  g_autoptr(Recognized) rec = recognize ("Peru expelled diplomats from Latin American countries. "
                                         "Latin America is far. South African troops left.");

  g_assert_null (find (rec, "American", 0));
  g_assert_null (find (rec, "America", 0));
  assert_actor (rec, "South African troops", 0, "South Africa (armed forces)", DM_ACTOR_ORGANIZATION);
}

/* A name that never became an actor is no full name for a lone surname or given name later. */
static void
test_no_link_to_a_non_actor (void)
{
  g_autoptr(Recognized) rec = recognize ("Rupert Colville, who works in the office, said the figures were alarming. "
                                         "Colville left early. Rupert stayed.");

  for (guint k = 0; k < rec->r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (rec->r, k);

      g_assert_nonnull (m->actor);
      g_assert_true (m->type == DM_ACTOR_PERSON || m->type == DM_ACTOR_OFFICIAL || m->type == DM_ACTOR_COUNTRY ||
                     m->type == DM_ACTOR_ORGANIZATION || m->type == DM_ACTOR_GROUP);
    }
}

static void
test_ministry_of (void)
{
  g_autoptr(Recognized) rec = recognize ("The Ministry of Foreign Affairs said on Monday that the "
                                         "University of Damascus and the Department for Education would cooperate.");

  assert_actor (rec, "Ministry of Foreign Affairs", 0, "Ministry of Foreign Affairs", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "University of Damascus", 0, "University of Damascus", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "Department for Education", 0, "Department for Education", DM_ACTOR_ORGANIZATION);
  g_assert_false (names_actor (rec, "Foreign Affairs"));
}

/* an organisation found once by its context is the same organisation when named again
 * where nothing else tells it is one */
static void
test_organization_said_again (void)
{
  g_autoptr(Recognized) rec = recognize ("Localist group Civic Wave's Tom Lee was defeated, and resigned his "
                                         "leadership in Civic Wave.");
  g_autoptr(Recognized) unseen = recognize ("Tom Lee resigned his leadership in Civic Wave.");

  assert_actor (rec, "Civic Wave", 0, "Civic Wave", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "Civic Wave", 1, "Civic Wave", DM_ACTOR_ORGANIZATION);
  g_assert_false (names_actor (unseen, "Civic Wave"));
}

/* "Org" is short for "Organization" at the end of a name */
static void
test_org_abbreviation (void)
{
  g_autoptr(Recognized) rec = recognize ("Mary Jones joined the Youth Org when she was young.");

  assert_actor (rec, "Youth Org", 0, "Youth Org", DM_ACTOR_ORGANIZATION);
}

static void
test_given_name_links (void)
{
  g_autoptr(Recognized) one = recognize ("Karim Ahmad arrived in Cairo on Monday. Karim said the talks went well.");
  g_autoptr(Recognized) two = recognize ("Karim Ahmad met Karim Nasser on Monday. Karim said the talks went well.");

  assert_actor (one, "Karim", 0, "Karim Ahmad", DM_ACTOR_PERSON);
  /* two people share the name: the lone "Karim" is neither */
  g_assert_true (find (two, "Karim", 0) == NULL ||
                 (g_strcmp0 (find (two, "Karim", 0)->actor, "Karim Ahmad") != 0 &&
                  g_strcmp0 (find (two, "Karim", 0)->actor, "Karim Nasser") != 0));
}

/* a lone surname that also spells a capital is the person named before, except as a place */
static void
test_surname_over_capital (void)
{
  g_autoptr(Recognized) rec = recognize ("Anna Paris, a former volunteer, sued the company. "
                                         "In 2007, Paris left the ship. She later lived in Paris.");

  assert_actor (rec, "Paris", 0, "Anna Paris", DM_ACTOR_PERSON);
  g_assert_true (find (rec, "Paris", 1) == NULL || g_strcmp0 (find (rec, "Paris", 1)->actor, "Anna Paris") != 0);
}

/* "Jo Paris, an Australian woman": an unknown given name before a capital, with a person's
 * noun in apposition, is a woman, and her lone surname later is her; "police in Paris" and
 * "Lyon, a city" stay places */
static void
test_person_apposition_over_capital (void)
{
  g_autoptr(Recognized) rec = recognize ("Valeska Paris, an Australian woman and former member, sued the church. "
                                         "She said she was held for years. In 2009, Paris left the group.");
  g_autoptr(Recognized) student = recognize ("Tomek Lyon, a former student, has claimed he was beaten.");
  g_autoptr(Recognized) control = recognize ("French police in Paris said the suspect was armed.");

  assert_actor (rec, "Valeska Paris", 0, "Valeska Paris", DM_ACTOR_PERSON);
  assert_actor (rec, "She", 0, "Valeska Paris", DM_ACTOR_PERSON);
  assert_actor (rec, "Paris", 0, "Valeska Paris", DM_ACTOR_PERSON);
  assert_actor (student, "Tomek Lyon", 0, "Tomek Lyon", DM_ACTOR_PERSON);
  g_assert_true (find (control, "Paris", 0) == NULL || find (control, "Paris", 0)->type != DM_ACTOR_PERSON);
}

/* a lone surname before the full name (a headline, a lead) names the person introduced below */
static void
test_early_surname (void)
{
  g_autoptr(Recognized) rec = recognize ("Howard attacked Tony Blair over the plan.\n\n"
                                         "Michael Howard said on Monday that the plan was flawed.");

  assert_actor (rec, "Howard", 0, "Michael Howard", DM_ACTOR_PERSON);
}

/* a lone surname two people share stays with the one named more than once before the other
 * (the press names a relative in full), else it is the one named last; "Jr" ends a name but
 * is no surname */
static void
test_shared_surname_first (void)
{
  g_autoptr(Recognized) rec = recognize ("Jair Bolsonaro was convicted on Thursday. Bolsonaro denied wrongdoing. "
                                         "His son, Flavio Bolsonaro, criticised the court. Paulo Gonet had charged "
                                         "Bolsonaro in February. "
                                         "Ferdinand Marcos Jr met reporters. "
                                         "Marcos said nothing.");
  g_autoptr(Recognized) once = recognize ("Gyanesh Kumar rejected the claims. Nitish Kumar praised Narendra Modi. "
                                          "Tejashwi Yadav criticised Kumar.");
  g_autoptr(Recognized) leader = recognize ("Gavin Newsom sued the Trump administration. Donald Trump called him "
                                            "incompetent. Newsom said Trump should resign.");

  assert_actor (rec, "Bolsonaro", 1, "Jair Bolsonaro", DM_ACTOR_PERSON);
  assert_actor (rec, "Marcos", 0, "Ferdinand Marcos Jr", DM_ACTOR_PERSON);
  /* a bearer named only once gives the surname to the one named after */
  assert_actor (once, "Kumar", 0, "Nitish Kumar", DM_ACTOR_PERSON);
  /* a leader known first only by surname gives it to the full name met later */
  assert_actor (leader, "Trump", 0, "Donald Trump", DM_ACTOR_PERSON);
}

/* a portfolio before "Minister" belongs to the title: "Police" is no actor of its own */
static void
test_portfolio_titles (void)
{
  g_autoptr(Recognized) rec = recognize ("Police Minister Senzo Mchunu denied the claims. "
                                         "Treasurer Jim Chalmers praised the bank.");

  assert_actor (rec, "Senzo Mchunu", 0, "Senzo Mchunu", DM_ACTOR_OFFICIAL);
  g_assert_null (find (rec, "Police", 0));
  assert_actor (rec, "Jim Chalmers", 0, "Jim Chalmers", DM_ACTOR_OFFICIAL);
}

/* "the president" with a president by title and another by a descriptor: the one named last */
static void
test_definite_title_two_holders (void)
{
  g_autoptr(Recognized) rec = recognize ("President Bola Tinubu removed the subsidy. NLC president Joe Ajaero said "
                                         "Tinubu had failed. Atiku Abubakar blamed the president for the crisis.");
  g_autoptr(Recognized) one = recognize ("NLC president Joe Ajaero spoke on Monday. Atiku Abubakar praised the "
                                         "president for his courage.");

  assert_actor (rec, "president", 0, "Bola Tinubu", DM_ACTOR_OFFICIAL);
  assert_actor (one, "president", 0, "Joe Ajaero", DM_ACTOR_OFFICIAL);
}

/* a title word right after a given name is a surname ("Amit Shah", "Stephen King"); before a
 * name it is still a title */
static void
test_title_word_as_surname (void)
{
  g_autoptr(Recognized) rec = recognize ("Home Minister Amit Shah accused the opposition of lying. "
                                         "King Charles met Stephen King in London.");

  assert_actor (rec, "Amit Shah", 0, "Amit Shah", DM_ACTOR_OFFICIAL);
  assert_actor (rec, "Stephen King", 0, "Stephen King", DM_ACTOR_PERSON);
  assert_actor (rec, "Charles", 0, "Charles", DM_ACTOR_OFFICIAL);
}

/* "the coalition" with none named is the military coalition the lexicon knows only in a story
 * of war; in politics it is the governing parties, no one the lexicon knows */
static void
test_coalition_of_war_only (void)
{
  g_autoptr(Recognized) war = recognize ("Islamic State fighters attacked Mosul. The coalition said it struck them.");
  g_autoptr(Recognized) politics = recognize ("Frank Werneke accused the coalition of making workers pay.");

  assert_actor (war, "coalition", 0, "Global Coalition against Daesh", DM_ACTOR_ORGANIZATION);
  g_assert_null (find (politics, "coalition", 0));
}

/* "the party" fits every party named, by its name's head word or by the kind the lexicon
 * gives it: the one named last */
static void
test_party_by_kind (void)
{
  g_autoptr(Recognized) rec = recognize ("The SPD rejected the plan on Monday. The agency classified the AfD as "
                                         "extremist. The party sued the agency.");

  assert_actor (rec, "party", 0, "Alternative for Germany", DM_ACTOR_ORGANIZATION);
}

/* "the government" with no government named, in a story of one country, is that country's;
 * "the regional government" is another, and two countries leave it to no one */
static void
test_government_of_the_only_country (void)
{
  g_autoptr(Recognized) one = recognize ("Nigeria's unions began a strike. The NLC accused the government of "
                                         "ignoring workers.");
  g_autoptr(Recognized) regional = recognize ("Nigeria's unions began a strike. They accused the regional "
                                              "government of ignoring workers.");
  g_autoptr(Recognized) two = recognize ("Nigeria's unions met Ghana's unions. They accused the government of "
                                         "ignoring workers.");

  assert_actor (one, "government", 0, "Nigeria (government)", DM_ACTOR_ORGANIZATION);
  g_assert_true (find (regional, "government", 0) == NULL ||
                 g_strcmp0 (find (regional, "government", 0)->actor, "Nigeria (government)") != 0);
  g_assert_null (find (two, "government", 0));
}

/* enlisted ranks are titles: "Spc." does not end the sentence, and the surname alone is the
 * soldier named in full before */
static void
test_enlisted_ranks (void)
{
  g_autoptr(Recognized) rec = recognize ("Spc. Dana R. Whitfield, of Austin, Texas, died on Monday. "
                                         "Whitfield was assigned to the 2nd Battalion. "
                                         "Petty Officer Omar Quinlan was wounded.");
  const DmRMention *m;

  assert_actor (rec, "Dana R. Whitfield", 0, "Dana R. Whitfield", DM_ACTOR_OFFICIAL);
  m = find (rec, "Dana R. Whitfield", 0);
  g_assert_cmpstr (m->role, ==, "Specialist");
  assert_actor (rec, "Whitfield", 0, "Dana R. Whitfield", DM_ACTOR_OFFICIAL);
  assert_actor (rec, "Omar Quinlan", 0, "Omar Quinlan", DM_ACTOR_OFFICIAL);
}

/* "allies", "soldiers", "companies" are groups of their own; "army troops" and "the Delta
 * Freedom Foundation partners" are the body or organisation named just before them */
static void
test_collectives (void)
{
  g_autoptr(Recognized) rec = recognize ("Soldiers thanked their allies. Companies were told to stop. "
                                         "Beirut refused to deploy army troops. "
                                         "The Delta Freedom Foundation partners met.");

  assert_actor (rec, "Soldiers", 0, "soldiers", DM_ACTOR_GROUP);
  assert_actor (rec, "allies", 0, "allies", DM_ACTOR_GROUP);
  assert_actor (rec, "Companies", 0, "companies", DM_ACTOR_GROUP);
  g_assert_null (find (rec, "troops", 0));
  g_assert_null (find (rec, "partners", 0));
  assert_actor (rec, "Delta Freedom Foundation", 0, "Delta Freedom Foundation", DM_ACTOR_ORGANIZATION);
}

/* "asylum seekers" is the lexicon's "asylum-seekers"; a team is a group */
static void
test_compound_collectives (void)
{
  g_autoptr(Recognized) rec = recognize ("Fishermen rescued 700 asylum seekers. The team was denied visas.");

  assert_actor (rec, "asylum seekers", 0, "asylum-seekers", DM_ACTOR_GROUP);
  assert_actor (rec, "team", 0, "team", DM_ACTOR_GROUP);
}

/* "the church", "the Church" after "the Church of the Open Sky" are that church; a magazine
 * is an organisation; "police" alone are a group */
static void
test_church_magazine_police (void)
{
  g_autoptr(Recognized) rec = recognize ("Kara Lind joined the Church of the Open Sky in 2001. "
                                         "She later left the church. The Church denied her claims. "
                                         "Police arrested her brother. The Bellport Magazine reported it. "
                                         "The magazine apologised.");

  assert_actor (rec, "Church of the Open Sky", 0, "Church of the Open Sky", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "church", 0, "Church of the Open Sky", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "Church", 0, "Church of the Open Sky", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "Police", 0, "police", DM_ACTOR_GROUP);
  assert_actor (rec, "Bellport Magazine", 0, "Bellport Magazine", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "magazine", 0, "Bellport Magazine", DM_ACTOR_ORGANIZATION);
}

/* "Respect, the party backed by X": an apposition to an unknown name describes that name,
 * not the party named before; after a known name it is still that name's */
static void
test_apposition_to_unknown_name (void)
{
  g_autoptr(Recognized) rec = recognize ("The Conservatives came third. "
                                         "Respect, the party backed by George Galloway, came fourth.");
  g_autoptr(Recognized) joined = recognize ("The Conservatives came third, and Respect, the party "
                                            "backed by George Galloway, came fourth.");
  g_autoptr(Recognized) known = recognize ("The Conservatives came third. "
                                           "On Monday, the party chose a new leader. "
                                           "However, the party said it would go on.");

  g_assert_null (find (rec, "party", 0));
  g_assert_null (find (joined, "party", 0));
  assert_actor (known, "party", 0, "Conservative Party", DM_ACTOR_ORGANIZATION);
  assert_actor (known, "party", 1, "Conservative Party", DM_ACTOR_ORGANIZATION);
}

/* "Karimov’s brutal regime" is the leader's government acting, with the leader named inside */
static void
test_possessive_regime (void)
{
  g_autoptr(Recognized) rec = recognize ("The town was shelled again by Karimov’s brutal regime on Monday.");
  gboolean leader = FALSE;

  assert_actor (rec, "Karimov’s brutal regime", 0, "Karimov regime", DM_ACTOR_ORGANIZATION);
  for (guint k = 0; k < rec->r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (rec->r, k);

      leader |= m->nested && m->type == DM_ACTOR_PERSON && g_strcmp0 (m->actor, "Karimov") == 0;
    }
  g_assert_true (leader);
}

/* "the government and people of Norway": the government is Norway's too */
static void
test_coordinated_bodies (void)
{
  g_autoptr(Recognized) rec = recognize ("Denmark stands with the government and people of Norway.");

  assert_actor (rec, "government", 0, "Norway (government)", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "people of Norway", 0, "Norway (people)", DM_ACTOR_GROUP);
}

/* "Minister for Africa James Duddridge": the portfolio is the title's, not the name's */
static void
test_title_with_portfolio (void)
{
  g_autoptr(Recognized) rec = recognize ("Minister for Africa James Duddridge said the vote was fair.");

  assert_official (rec, "James Duddridge", "Minister for Africa", NULL);
}

/* "North and South Korea": both countries */
static void
test_coordinated_country (void)
{
  g_autoptr(Recognized) rec = recognize ("Talks stalled after North and South Korea traded fire.");

  assert_actor (rec, "North", 0, "North Korea", DM_ACTOR_COUNTRY);
  assert_actor (rec, "South Korea", 0, "South Korea", DM_ACTOR_COUNTRY);
}

static void
test_apposition (void)
{
  g_autoptr(Recognized) rec = recognize ("Michael Howard, the Tory leader, said the plan was flawed.");

  assert_official (rec, "Michael Howard", "Leader", "Conservative Party");
}

/* a title before the name does not hide the apposition after it, and "we" in the official's
 * statement is the organisation the apposition names */
static void
test_apposition_after_title (void)
{
  g_autoptr(Recognized) rec = recognize ("Gen. Joseph Votel, commander of U.S. Central Command, released a statement.\n\n"
                                         "We mourn the loss of a soldier. Lt. Gen. Paul Funk, commander, U.S. Central "
                                         "Command, said the work goes on.");

  assert_official (rec, "Joseph Votel", "Commander", "CENTCOM");
  assert_actor (rec, "We", 0, "CENTCOM", DM_ACTOR_ORGANIZATION);
  assert_official (rec, "Paul Funk", NULL, "CENTCOM");
}

/* "president of the Kyiv think tank …": a city after "the" says which body of its kind is
 * meant, not whose official the person is; "mayor of Kyiv" is the city's country's */
static void
test_apposition_city_of_body (void)
{
  g_autoptr(Recognized) rec = recognize ("Olena Marchuk, president of the Kyiv think tank Dnipro Forum, said the "
                                         "claims were strong. Ivan Petrenko, mayor of Kyiv, agreed.");

  assert_official (rec, "Olena Marchuk", "President", NULL);
  assert_official (rec, "Ivan Petrenko", NULL, "Ukraine");
}

/* an office named before (or without) its holder is an actor, merged with the one holder the
 * article names; "a … minister" is no one in particular */
static void
test_unnamed_office (void)
{
  g_autoptr(Recognized) rec = recognize ("The Foreign Secretary met the Iraqi foreign minister in London. "
                                         "A Foreign Office minister attended.\n\n"
                                         "The Foreign Secretary, Karim Ahmad, said the talks went well.");
  g_autoptr(Recognized) alone = recognize ("The Prime Minister visited Baghdad. The Prime Minister left.");

  assert_actor (rec, "Foreign Secretary", 0, "Karim Ahmad", DM_ACTOR_OFFICIAL);
  assert_actor (rec, "Foreign Secretary", 1, "Karim Ahmad", DM_ACTOR_OFFICIAL);
  assert_actor (rec, "Karim Ahmad", 0, "Karim Ahmad", DM_ACTOR_OFFICIAL);
  assert_actor (rec, "foreign minister", 0, "Iraq (Foreign Minister)", DM_ACTOR_OFFICIAL);
  assert_official (rec, "foreign minister", "Foreign Minister", "Iraq");
  g_assert_null (find (rec, "minister", 0));
  assert_actor (alone, "Prime Minister", 0, "Prime Minister", DM_ACTOR_OFFICIAL);
  assert_actor (alone, "Prime Minister", 1, "Prime Minister", DM_ACTOR_OFFICIAL);
}

/* "the group", "this terrorist organisation", "the regime", "the country": the last actor of
 * that kind; not when another word follows that the noun only modifies, nor "that every …" */
static void
test_definite_bodies (void)
{
  g_autoptr(Recognized) rec = recognize ("Hezbollah fired rockets at Israel. The group said this terrorist organisation "
                                         "would go on. The Assad regime bombed Aleppo. Turkey protested, and the regime "
                                         "denied it. Iraq held elections, and the country voted. The WHO recommends that "
                                         "every country iodise salt. The group leaders met.");

  assert_actor (rec, "group", 0, "Hezbollah", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "terrorist organisation", 0, "Hezbollah", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "regime", 0, "Assad regime", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "country", 0, "Iraq", DM_ACTOR_COUNTRY);
  g_assert_null (find (rec, "every country", 0));
  g_assert_null (find (rec, "country", 1));
  g_assert_null (find (rec, "group", 1));
}

/* plural nouns for the parties, leaders, officials and forces of a story are group actors,
 * and stay the body of a country when one comes before them */
static void
test_collective_kinds_of_people (void)
{
  g_autoptr(Recognized) rec = recognize ("The envoy urged all parties to respect the truce, and the two leaders met. "
                                         "The perpetrators fled before ground forces arrived. Heritage experts, "
                                         "religious minorities and local communities were consulted. Ministers "
                                         "and officials spoke. Iraqi officials agreed.");

  assert_actor (rec, "parties", 0, "parties", DM_ACTOR_GROUP);
  assert_actor (rec, "leaders", 0, "leaders", DM_ACTOR_GROUP);
  assert_actor (rec, "perpetrators", 0, "perpetrators", DM_ACTOR_GROUP);
  assert_actor (rec, "forces", 0, "forces", DM_ACTOR_GROUP);
  assert_actor (rec, "experts", 0, "experts", DM_ACTOR_GROUP);
  assert_actor (rec, "minorities", 0, "minorities", DM_ACTOR_GROUP);
  assert_actor (rec, "communities", 0, "communities", DM_ACTOR_GROUP);
  assert_actor (rec, "Ministers", 0, "ministers", DM_ACTOR_GROUP);
  assert_actor (rec, "officials", 0, "officials", DM_ACTOR_GROUP);
  g_assert_null (find (rec, "officials", 1));
  g_assert_true (names_actor (rec, "Iraq"));
}

/* weapons, vessels and truces look like names but are no actors */
static void
test_things_are_no_actors (void)
{
  g_autoptr(Recognized) rec = recognize ("Rebels destroyed a VBIED and two IEDs. The USS Nitze and HMS Daring sailed "
                                         "on. The Cessation of Hostilities held.");

  assert_actor (rec, "Rebels", 0, "rebels", DM_ACTOR_GROUP);
  for (guint k = 0; k < rec->r->mentions->len; k++)
    g_assert_cmpstr (dm_recognition_mention (rec->r, k)->actor, ==, "rebels");
}

/* "the Assad regime" anywhere in the article makes "Assad" alone a person, before it too */
static void
test_leader_of_a_regime (void)
{
  g_autoptr(Recognized) rec = recognize ("Thousands died at the hands of Assad. The Assad regime denies it. "
                                         "Maduro spoke in Caracas, and the Maduro administration said so.");

  assert_actor (rec, "Assad", 0, "Assad", DM_ACTOR_PERSON);
  assert_actor (rec, "Assad regime", 0, "Assad regime", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "Maduro", 0, "Maduro", DM_ACTOR_PERSON);
}

/* "the Assad regime" the gazetteer knows still names its leader, inside the regime's mention */
static void
test_known_regime_names_its_leader (void)
{
  g_autoptr(Recognized) rec = recognize ("Aid workers accused the Assad regime of blocking the convoy.");
  const DmRMention *regime = find (rec, "Assad regime", 0);
  gboolean leader = FALSE;

  g_assert_nonnull (regime);
  for (guint k = 0; k < rec->r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (rec->r, k);

      if (m->nested && m->first == regime->first && m->last == regime->first)
        {
          g_assert_cmpstr (m->actor, ==, "Assad");
          g_assert_cmpint (m->type, ==, DM_ACTOR_PERSON);
          leader = TRUE;
        }
    }
  g_assert_true (leader);
}

/* numbered military units keep their number: two wings are two actors */
static void
test_military_units (void)
{
  g_autoptr(Recognized) rec = recognize ("The 158th Fighter Wing flew, and the 2nd Battalion and the U.S. 5th Fleet "
                                         "deployed.");

  assert_actor (rec, "158th Fighter Wing", 0, "158th Fighter Wing", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "2nd Battalion", 0, "2nd Battalion", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "U.S. 5th Fleet", 0, "U.S. 5th Fleet", DM_ACTOR_ORGANIZATION);
  g_assert_cmpstr (find (rec, "U.S. 5th Fleet", 0)->affiliation, ==, "United States");
}

static void
test_national_groups (void)
{
  g_autoptr(Recognized) rec = recognize ("Tory MPs rejected the offer. The US-led coalition struck again. "
                                         "Syrian refugees crossed the border.");
  const DmRMention *coalition = find (rec, "US-led coalition", 0);
  const DmRMention *refugees = find (rec, "Syrian refugees", 0);

  assert_actor (rec, "Tory MPs", 0, "Conservative Party", DM_ACTOR_ORGANIZATION);
  g_assert_nonnull (coalition);
  g_assert_cmpint (coalition->type, ==, DM_ACTOR_ORGANIZATION);
  g_assert_cmpstr (coalition->affiliation, ==, "United States");
  g_assert_nonnull (refugees);
  g_assert_cmpint (refugees->type, ==, DM_ACTOR_GROUP);
  g_assert_cmpstr (refugees->affiliation, ==, "Syria");
}

static void
test_peoples (void)
{
  g_autoptr(Recognized) rec = recognize ("Syrians fled the fighting. The people of Iraq voted, and the Iraqi people "
                                         "celebrated. The Swiss mediated. Journalists said gunmen fired on children. "
                                         "Many people left.");

  assert_actor (rec, "Syrians", 0, "Syria (people)", DM_ACTOR_GROUP);
  assert_actor (rec, "people of Iraq", 0, "Iraq (people)", DM_ACTOR_GROUP);
  assert_actor (rec, "Iraqi people", 0, "Iraq (people)", DM_ACTOR_GROUP);
  /* an adjective that ends in "s" is still the country */
  assert_actor (rec, "Swiss", 0, "Switzerland", DM_ACTOR_COUNTRY);
  assert_actor (rec, "Journalists", 0, "journalists", DM_ACTOR_GROUP);
  assert_actor (rec, "gunmen", 0, "gunmen", DM_ACTOR_GROUP);
  assert_actor (rec, "children", 0, "children", DM_ACTOR_GROUP);
  /* "people" without a country names no one */
  g_assert_null (find (rec, "people", 1));
  /* soldiers are what an army deploys, not an actor of their own */
  {
    g_autoptr(Recognized) troops = recognize ("Lebanon rejected a UN appeal for deploying army troops.");

    g_assert_null (find (troops, "troops", 0));
  }
}

static void
test_media (void)
{
  g_autoptr(Recognized) rec = recognize ("Karim Ahmad told the BBC that Human Rights Watch had been right. "
                                         "In an interview with The Times, he repeated it to Reuters.");

  g_assert_true (find (rec, "BBC", 0)->media);
  g_assert_true (find (rec, "The Times", 0)->media);
  g_assert_true (find (rec, "Reuters", 0)->media);
  g_assert_false (find (rec, "Human Rights Watch", 0)->media);
  g_assert_false (find (rec, "Karim Ahmad", 0)->media);
}

static void
test_election_is_no_official (void)
{
  g_autoptr(Recognized) rec = recognize ("Election 2005: Howard attacks Blair\n\n"
                                         "Election officials counted the votes, and the Election Commission said turnout was high.");

  for (guint k = 0; k < rec->r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (rec->r, k);

      if (m->type == DM_ACTOR_PERSON || m->type == DM_ACTOR_OFFICIAL)
        g_assert_false (g_str_has_prefix (m->actor, "Election"));
    }
}

/* A run of capitalised words that names an organisation and then the person who speaks for
 * it is two actors, split where the person's given name starts. */
static void
test_organisation_then_person (void)
{
  g_autoptr(Recognized) council = recognize ("The Council on Rural Affairs Maria Lopez criticised the plan.");
  g_autoptr(Recognized) university = recognize ("University of Leeds Amneh Haddad welcomed the ruling on Friday.");

  assert_actor (council, "Council on Rural Affairs", 0, "Council on Rural Affairs", DM_ACTOR_ORGANIZATION);
  assert_actor (council, "Maria Lopez", 0, "Maria Lopez", DM_ACTOR_PERSON);
  assert_actor (university, "University of Leeds", 0, "University of Leeds", DM_ACTOR_ORGANIZATION);
  assert_actor (university, "Amneh Haddad", 0, "Amneh Haddad", DM_ACTOR_PERSON);
}

/* "the group X", "the weekly magazine X", "its youth wing the X": a short name after a noun
 * for its kind is an organisation, and is that organisation later in the article too. */
static void
test_name_after_its_kind (void)
{
  g_autoptr(Recognized) rec = recognize ("The hacker group Nightfall attacked the ministry's website. "
                                         "The weekly magazine Zeitpunkt criticised the minister. "
                                         "She joined the movement the Green Wave in 2009. "
                                         "Members of the Green Wave marched on Sunday.");
  g_autoptr(Recognized) known = recognize ("The group Hamas fired rockets, and the party Jeremy Corbyn leads objected. "
                                           "The school Ahmed attends was closed. Later the party Corbyn built split.");
  g_autoptr(Recognized) two = recognize ("The court fined the religious schools San Marco and Assunta in Pisa. "
                                         "Posts on the critics' site Operation Greenleaf mocked the ruling.");
  /* set off by commas, or read as a person's name by the entity recognizer, still the kind's */
  g_autoptr(Recognized) apposed = recognize ("Brazil's steel association, Aco Brasil, urged the president to act. "
                                             "The ministry fined the bank Credito Sul last week.");

  assert_actor (rec, "Nightfall", 0, "Nightfall", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "Zeitpunkt", 0, "Zeitpunkt", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "Green Wave", 0, "Green Wave", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "Green Wave", 1, "Green Wave", DM_ACTOR_ORGANIZATION);
  /* after a plural, each coordinated name is one of them */
  assert_actor (two, "San Marco", 0, "San Marco", DM_ACTOR_ORGANIZATION);
  assert_actor (two, "Assunta", 0, "Assunta", DM_ACTOR_ORGANIZATION);
  assert_actor (two, "Operation Greenleaf", 0, "Operation Greenleaf", DM_ACTOR_ORGANIZATION);
  assert_actor (apposed, "Aco Brasil", 0, "Aco Brasil", DM_ACTOR_ORGANIZATION);
  assert_actor (apposed, "Credito Sul", 0, "Credito Sul", DM_ACTOR_ORGANIZATION);
  /* a gazetteer name keeps its entry; a person after the noun is no organisation */
  g_assert_true (names_actor (known, "Hamas"));
  g_assert_false (names_actor (known, "Ahmed"));
  for (guint k = 0; k < known->r->mentions->len; k++)
    g_assert_false (dm_recognition_mention (known->r, k)->type == DM_ACTOR_ORGANIZATION &&
                    strstr (dm_recognition_mention (known->r, k)->actor, "Corbyn") != NULL);
}

/* Two names sharing one plural head are two organisations, each with the head. */
static void
test_coordinated_heads (void)
{
  g_autoptr(Recognized) rec = recognize ("On Monday the Defence and Foreign Ministries issued a joint statement.");

  assert_actor (rec, "Defence", 0, "Defence Ministry", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "Foreign Ministries", 0, "Foreign Ministry", DM_ACTOR_ORGANIZATION);
}

/* A demonym before a court, prosecutors or parliament: that country's institution. */
static void
test_state_institutions (void)
{
  g_autoptr(Recognized) rec = recognize ("A Turkish court jailed the journalist, and Portuguese prosecutors charged the banker.");

  assert_actor (rec, "Turkish court", 0, "Turkey (court)", DM_ACTOR_ORGANIZATION);
  g_assert_cmpstr (find (rec, "Turkish court", 0)->affiliation, ==, "Turkey");
  assert_actor (rec, "Portuguese prosecutors", 0, "Portugal (prosecutors)", DM_ACTOR_ORGANIZATION);
}

/* "… Court of Cassation", "Board of Inquiry": "of" and capitalised words after an
 * organisation's head are still its name, but a country there keeps a mention of its own. */
static void
test_head_of_name (void)
{
  g_autoptr(Recognized) rec = recognize ("The Romanian High Court of Cassation fined the company. "
                                         "The Federal Council of Austria met in Vienna.");

  assert_actor (rec, "Romanian High Court of Cassation", 0, "Romanian High Court of Cassation", DM_ACTOR_ORGANIZATION);
  g_assert_nonnull (find (rec, "Austria", 0));
}

/* after an organisation's head word, "for" and "on" phrases of capitalised words (with "of",
 * "and" and commas inside) are still its name; a day after "on" or a country is not */
static void
test_head_with_purpose (void)
{
  g_autoptr(Recognized) rec = recognize ("The Lagos Initiative for Personal Rights criticised the plan. "
                                         "The Kenyan National Commission on Human Rights opened an inquiry. "
                                         "The Halden Ministry for Political, Legal and Security Affairs "
                                         "defended it. The Arbitration Centre for Settlement of Investment "
                                         "Disputes heard the claim. The Lagos Commission on Monday met the "
                                         "Relief Committee for Kenya.");

  assert_actor (rec, "Lagos Initiative for Personal Rights", 0, "Lagos Initiative for Personal Rights",
                DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "Kenyan National Commission on Human Rights", 0, "Kenyan National Commission on Human Rights",
                DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "Halden Ministry for Political, Legal and Security Affairs", 0,
                "Halden Ministry for Political, Legal and Security Affairs", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "Arbitration Centre for Settlement of Investment Disputes", 0,
                "Arbitration Centre for Settlement of Investment Disputes", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "Lagos Commission", 0, "Lagos Commission", DM_ACTOR_ORGANIZATION);
  g_assert_false (names_actor (rec, "Human Rights"));
  g_assert_nonnull (find (rec, "Kenya", 0));
}

/* "Wong Kwok-wai" after "Raymond Wong" is another person, not a lone surname of the first. */
static void
test_family_first_names (void)
{
  g_autoptr(Recognized) rec = recognize ("Raymond Wong won the seat in the east. "
                                         "Later Wong Kwok-wai lost the seat in the west.");

  assert_actor (rec, "Raymond Wong", 0, "Raymond Wong", DM_ACTOR_PERSON);
  assert_actor (rec, "Wong Kwok-wai", 0, "Wong Kwok-wai", DM_ACTOR_PERSON);
}

/* A name the model took for a place is a person when an apposition says what they do for an
 * organisation. */
static void
test_person_working_for (void)
{
  g_autoptr(Recognized) rec = recognize ("Lama Fakih, a researcher at Human Rights Watch, said the attack was illegal.");

  assert_actor (rec, "Lama Fakih", 0, "Lama Fakih", DM_ACTOR_PERSON);
}

/* An officer's service before the rank is an organisation, not a name; a name after
 * "Operation" or "Exercise" names that, not a person. */
static void
test_service_and_operation_names (void)
{
  g_autoptr(Recognized) rec = recognize ("Pentagon press secretary Navy Capt. Hugh Barton said the raid succeeded. "
                                         "The jets flew as part of Operation Silent Harbour, the allied campaign.");

  assert_actor (rec, "Navy", 0, "Navy", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "Hugh Barton", 0, "Hugh Barton", DM_ACTOR_OFFICIAL);
  g_assert_false (names_actor (rec, "Silent Harbour"));
}

/* A ship is no actor, whoever it is named after, and its hull number is no organisation. */
static void
test_ships_are_no_actors (void)
{
  g_autoptr(Recognized) rec = recognize ("The frigate sailed with the carrier FS Jean Moulin and USS Harbin (DDG 91) in the Gulf.");

  g_assert_cmpuint (rec->r->mentions->len, ==, 0);
}

/* Offices named by their head's title, a place's own government, an unknown name before
 * "party", and two people sharing one family name are all actors. */
static void
test_offices_parties_and_couples (void)
{
  g_autoptr(Recognized) rec = recognize ("A detective for the Fresno County Sheriff's office questioned him. "
                                         "On Monday the Umbria regional government rejected the plan, and the K7X party objected. "
                                         "Later Peter and Ruth Lindqvist were charged.");

  assert_actor (rec, "Fresno County Sheriff's office", 0, "Fresno County Sheriff's office", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "Umbria regional government", 0, "Umbria regional government", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "K7X", 0, "K7X", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "Peter", 0, "Peter Lindqvist", DM_ACTOR_PERSON);
  assert_actor (rec, "Ruth Lindqvist", 0, "Ruth Lindqvist", DM_ACTOR_PERSON);
}

/* "Iraqi and Turkish forces": both countries' forces, not Iraq itself and Turkey's forces. */
static void
test_coordinated_national_bodies (void)
{
  g_autoptr(Recognized) rec = recognize ("Iraqi and Turkish forces attacked the town, and American and British officials met.");

  assert_actor (rec, "Iraqi", 0, "Iraq (armed forces)", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "Turkish forces", 0, "Turkey (armed forces)", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "American", 0, "United States (government)", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "British officials", 0, "United Kingdom (government)", DM_ACTOR_ORGANIZATION);
}

/* "the South" after North and South Korea were named is South Korea; written small, "the
 * north" is North Korea only where both halves are named, and never "the north of" something */
static void
test_elliptic_country (void)
{
  g_autoptr(Recognized) rec = recognize ("North Korea fired shells at South Korea. The South retaliated, firing into the north.");
  g_autoptr(Recognized) alone = recognize ("The South retaliated, firing into the north.");
  g_autoptr(Recognized) one_half = recognize ("South Korea held drills. Floods hit the north.");
  g_autoptr(Recognized) region = recognize ("North Korea fired shells at South Korea. Floods hit the north of the country and the south side.");

  assert_actor (rec, "South", 0, "South Korea", DM_ACTOR_COUNTRY);
  assert_actor (rec, "north", 0, "North Korea", DM_ACTOR_COUNTRY);
  g_assert_cmpuint (alone->r->mentions->len, ==, 0);
  g_assert_null (find (one_half, "north", 0));
  g_assert_null (find (region, "north", 0));
  assert_actor (region, "south side", 0, "South Korea", DM_ACTOR_COUNTRY);
}

/* "Shadow Home Secretary X" speaks for the opposition: her role is the shadow office. */
static void
test_shadow_titles (void)
{
  g_autoptr(Recognized) rec = recognize ("Shadow Home Secretary Anna Pryce criticised the Home Office.");

  assert_actor (rec, "Anna Pryce", 0, "Anna Pryce", DM_ACTOR_OFFICIAL);
  g_assert_cmpstr (find (rec, "Anna Pryce", 0)->role, ==, "Shadow Home Secretary");
}

/* "the nurse", "the teacher": the person the article described so, before the name
 * ("Texas nurse Maria Lopez") or in an apposition ("Jan Novak, a retired teacher from
 * Brno"); two people so described leave it unresolved, and "the teacher union" is another */
static void
test_person_descriptor (void)
{
  g_autoptr(Recognized) before = recognize ("Texas nurse Maria Lopez won an award on Monday. "
                                            "Officials praised the nurse for her work.");
  g_autoptr(Recognized) apposition = recognize ("Karim Ahmad, a retired teacher from Leeds, sued the council. "
                                                "A judge questioned the teacher on Tuesday.");
  g_autoptr(Recognized) two = recognize ("Texas nurse Maria Lopez met Ohio nurse Karim Ahmad on Monday. "
                                         "Officials praised the nurse for her work.");
  g_autoptr(Recognized) union_ = recognize ("Karim Ahmad, a retired teacher from Leeds, sued the council. "
                                            "A judge questioned the teacher union on Tuesday.");

  assert_actor (before, "nurse", 0, "Maria Lopez", DM_ACTOR_PERSON);
  assert_actor (apposition, "teacher", 0, "Karim Ahmad", DM_ACTOR_PERSON);
  g_assert_null (find (two, "nurse", 0));
  g_assert_null (find (union_, "teacher", 0));
}

/* "the department", "the church", "the team": the organisation or named group whose name
 * that word heads; "the charity": the one organisation named just before, none when two were */
static void
test_organization_descriptor (void)
{
  g_autoptr(Recognized) head = recognize ("The Springfield Fire Department opened an inquiry on Monday. "
                                          "Critics said the department had acted too slowly.");
  g_autoptr(Recognized) of = recognize ("Karim Ahmad left the Church of Zoroaster in 2010. "
                                        "He later sued the church in Texas.");
  g_autoptr(Recognized) charity = recognize ("Oxfam sent food to the region on Monday. "
                                             "Officials thanked the charity for its help.");
  g_autoptr(Recognized) team = recognize ("The Afghan team arrived in Washington on Monday. "
                                          "Officials welcomed the team at the airport.");
  g_autoptr(Recognized) two = recognize ("Oxfam and Save the Children sent food to the region on Monday. "
                                         "Officials thanked the charity for its help.");

  assert_actor (head, "department", 0, "Springfield Fire Department", DM_ACTOR_ORGANIZATION);
  assert_actor (of, "church", 0, "Church of Zoroaster", DM_ACTOR_ORGANIZATION);
  assert_actor (charity, "charity", 0, "Oxfam", DM_ACTOR_ORGANIZATION);
  assert_actor (team, "team", 0, "Afghanistan (team)", DM_ACTOR_GROUP);
  g_assert_null (find (two, "charity", 0));
}

/* "the South" after "South Korea": a capitalised word alone that begins the name of the one
 * country named before that has it; with "South Africa" named as well, no one */
static void
test_name_word (void)
{
  g_autoptr(Recognized) rec = recognize ("North Korea fired shells at South Korea on Monday. "
                                         "The South returned fire within an hour.");
  g_autoptr(Recognized) two = recognize ("North Korea fired shells at South Korea, and South Africa protested. "
                                         "The South returned fire within an hour.");

  assert_actor (rec, "South", 0, "South Korea", DM_ACTOR_COUNTRY);
  g_assert_null (find (two, "South", 0));
}

/* "the man": the one person of that gender named just before; a woman named as well does
 * not stop it, a second man or someone of no known gender does */
static void
test_gendered_noun (void)
{
  g_autoptr(Recognized) rec = recognize ("Police questioned Karim Ahmad and Maria Lopez on Monday. "
                                         "The man was released on Tuesday.");
  g_autoptr(Recognized) two = recognize ("Police questioned Karim Ahmad and Omar Haddad on Monday. "
                                         "The man was released on Tuesday.");

  assert_actor (rec, "man", 0, "Karim Ahmad", DM_ACTOR_PERSON);
  g_assert_null (find (two, "man", 0));
}

/* Armed movements of past conflicts are named by their own names, acronyms and the usual
 * English ones, with the state they fight in or for. */
static void
test_armed_movements (void)
{
  g_autoptr(Recognized) rec = recognize ("The Tamil Tigers said the MILF and the KLA had sent "
                                         "envoys, while the Lord's Resistance Army stayed away.");

  assert_actor (rec, "Tamil Tigers", 0, "Liberation Tigers of Tamil Eelam", DM_ACTOR_ORGANIZATION);
  g_assert_cmpstr (find (rec, "Tamil Tigers", 0)->affiliation, ==, "Sri Lanka");
  assert_actor (rec, "MILF", 0, "Moro Islamic Liberation Front", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "KLA", 0, "Kosovo Liberation Army", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "Lord's Resistance Army", 0, "Lord's Resistance Army", DM_ACTOR_ORGANIZATION);
}

/* "the authorities" are a government as "the government" is: the one named before, else in
 * a story of one country that country's; two countries leave them to no one */
static void
test_the_authorities (void)
{
  g_autoptr(Recognized) named = recognize ("The Syrian government shelled Aleppo. The authorities accused "
                                           "Human Rights Watch of lying.");
  g_autoptr(Recognized) one = recognize ("Police in Kenya arrested protesters. The authorities accused Amnesty "
                                         "International of lying.");
  g_autoptr(Recognized) two = recognize ("Kenya and Uganda closed their border. The authorities accused Amnesty "
                                         "International of lying.");
  g_autoptr(Recognized) governments = recognize ("The Malian junta met the Nigerien junta. The authorities accused "
                                                 "Amnesty International of lying.");

  assert_actor (named, "authorities", 0, "Syria (government)", DM_ACTOR_ORGANIZATION);
  assert_actor (one, "authorities", 0, "Kenya (government)", DM_ACTOR_ORGANIZATION);
  g_assert_null (find (two, "authorities", 0));
  g_assert_null (find (governments, "authorities", 0));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dramatis/recognizer/names-from-the-model", test_names_from_the_model);
  g_test_add_func ("/dramatis/recognizer/region-ending-in-country", test_region_ending_in_country);
  g_test_add_func ("/dramatis/recognizer/no-link-to-a-non-actor", test_no_link_to_a_non_actor);
  g_test_add_func ("/dramatis/recognizer/ministry-of", test_ministry_of);
  g_test_add_func ("/dramatis/recognizer/apposition-city-of-body", test_apposition_city_of_body);
  g_test_add_func ("/dramatis/recognizer/head-with-purpose", test_head_with_purpose);
  g_test_add_func ("/dramatis/recognizer/collective-kinds-of-people", test_collective_kinds_of_people);
  g_test_add_func ("/dramatis/recognizer/enlisted-ranks", test_enlisted_ranks);
  g_test_add_func ("/dramatis/recognizer/collectives", test_collectives);
  g_test_add_func ("/dramatis/recognizer/coordinated-bodies", test_coordinated_bodies);
  g_test_add_func ("/dramatis/recognizer/possessive-regime", test_possessive_regime);
  g_test_add_func ("/dramatis/recognizer/compound-collectives", test_compound_collectives);
  g_test_add_func ("/dramatis/recognizer/church-magazine-police", test_church_magazine_police);
  g_test_add_func ("/dramatis/recognizer/given-name-links", test_given_name_links);
  g_test_add_func ("/dramatis/recognizer/surname-over-capital", test_surname_over_capital);
  g_test_add_func ("/dramatis/recognizer/title-with-portfolio", test_title_with_portfolio);
  g_test_add_func ("/dramatis/recognizer/coordinated-country", test_coordinated_country);
  g_test_add_func ("/dramatis/recognizer/early-surname", test_early_surname);
  g_test_add_func ("/dramatis/recognizer/shared-surname-first", test_shared_surname_first);
  g_test_add_func ("/dramatis/recognizer/portfolio-titles", test_portfolio_titles);
  g_test_add_func ("/dramatis/recognizer/government-of-the-only-country", test_government_of_the_only_country);
  g_test_add_func ("/dramatis/recognizer/the-authorities", test_the_authorities);
  g_test_add_func ("/dramatis/recognizer/party-by-kind", test_party_by_kind);
  g_test_add_func ("/dramatis/recognizer/coalition-of-war-only", test_coalition_of_war_only);
  g_test_add_func ("/dramatis/recognizer/title-word-as-surname", test_title_word_as_surname);
  g_test_add_func ("/dramatis/recognizer/definite-title-two-holders", test_definite_title_two_holders);
  g_test_add_func ("/dramatis/recognizer/person-apposition-over-capital", test_person_apposition_over_capital);
  g_test_add_func ("/dramatis/recognizer/armed-movements", test_armed_movements);
  g_test_add_func ("/dramatis/recognizer/apposition", test_apposition);
  g_test_add_func ("/dramatis/recognizer/apposition-after-title", test_apposition_after_title);
  g_test_add_func ("/dramatis/recognizer/unnamed-office", test_unnamed_office);
  g_test_add_func ("/dramatis/recognizer/definite-bodies", test_definite_bodies);
  g_test_add_func ("/dramatis/recognizer/things-are-no-actors", test_things_are_no_actors);
  g_test_add_func ("/dramatis/recognizer/leader-of-a-regime", test_leader_of_a_regime);
  g_test_add_func ("/dramatis/recognizer/known-regime-names-its-leader", test_known_regime_names_its_leader);
  g_test_add_func ("/dramatis/recognizer/military-units", test_military_units);
  g_test_add_func ("/dramatis/recognizer/national-groups", test_national_groups);
  g_test_add_func ("/dramatis/recognizer/peoples", test_peoples);
  g_test_add_func ("/dramatis/recognizer/media", test_media);
  g_test_add_func ("/dramatis/recognizer/election-is-no-official", test_election_is_no_official);
  g_test_add_func ("/dramatis/recognizer/organisation-then-person", test_organisation_then_person);
  g_test_add_func ("/dramatis/recognizer/name-after-its-kind", test_name_after_its_kind);
  g_test_add_func ("/dramatis/recognizer/coordinated-heads", test_coordinated_heads);
  g_test_add_func ("/dramatis/recognizer/state-institutions", test_state_institutions);
  g_test_add_func ("/dramatis/recognizer/head-of-name", test_head_of_name);
  g_test_add_func ("/dramatis/recognizer/family-first-names", test_family_first_names);
  g_test_add_func ("/dramatis/recognizer/person-working-for", test_person_working_for);

  g_test_add_func ("/dramatis/recognizer/service-and-operation-names", test_service_and_operation_names);
  g_test_add_func ("/dramatis/recognizer/offices-parties-and-couples", test_offices_parties_and_couples);
  g_test_add_func ("/dramatis/recognizer/shadow-titles", test_shadow_titles);
  g_test_add_func ("/dramatis/recognizer/ships-are-no-actors", test_ships_are_no_actors);
  g_test_add_func ("/dramatis/recognizer/coordinated-national-bodies", test_coordinated_national_bodies);
  g_test_add_func ("/dramatis/recognizer/elliptic-country", test_elliptic_country);

  g_test_add_func ("/dramatis/recognizer/person-descriptor", test_person_descriptor);
  g_test_add_func ("/dramatis/recognizer/organization-descriptor", test_organization_descriptor);
  g_test_add_func ("/dramatis/recognizer/name-word", test_name_word);
  g_test_add_func ("/dramatis/recognizer/organization-said-again", test_organization_said_again);
  g_test_add_func ("/dramatis/recognizer/org-abbreviation", test_org_abbreviation);
  g_test_add_func ("/dramatis/recognizer/gendered-noun", test_gendered_noun);
  g_test_add_func ("/dramatis/recognizer/apposition-to-unknown-name", test_apposition_to_unknown_name);
  return g_test_run ();
}
