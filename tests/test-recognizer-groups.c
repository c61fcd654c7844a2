/* test-recognizer-groups.c — actors named by a common noun: the person or the group a
 * definite noun phrase goes on about ("the boy", "the girls"), groups named by a noun phrase
 * of their own, and what a noun phrase before a name says of its person
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "recognizer-test-common.h"

/* "the boy" after a paragraph of several men: the one person the sentence before was about;
 * two people there leave it to no one */
static void
test_gendered_noun_goes_on (void)
{
  g_autoptr(Recognized) rec = recognize ("Karim Ahmad met Omar Haddad in Leeds on Monday. "
                                         "Police later questioned the student Yusuf Adeyemi. "
                                         "Pictures of the boy wearing handcuffs spread online.");
  g_autoptr(Recognized) two = recognize ("Karim Ahmad met Omar Haddad in Leeds on Monday. "
                                         "Police later questioned Yusuf Adeyemi and Ali Hassan. "
                                         "Pictures of the boy wearing handcuffs spread online.");
  g_autoptr(Recognized) woman = recognize ("Karim Ahmad met Omar Haddad in Leeds on Monday. "
                                           "Police later questioned Maria Lopez. "
                                           "Pictures of the boy wearing handcuffs spread online.");

  assert_actor (rec, "boy", 0, "Yusuf Adeyemi", DM_ACTOR_PERSON);
  g_assert_null (find (two, "boy", 0));
  g_assert_null (find (woman, "boy", 0));
}

/* "the girls", "the players", "these girls" after "the Kenyan team": the people of the one
 * group named before; with a second group named, no one */
static void
test_people_of_a_group (void)
{
  g_autoptr(Recognized) rec = recognize ("The Kenyan team arrived in Boston on Friday. "
                                         "Governor Maria Lopez thanked the girls for their courage.");
  g_autoptr(Recognized) players = recognize ("The Kenyan team arrived in Boston on Friday. "
                                             "Karim Ahmad met the players on Saturday.");
  g_autoptr(Recognized) two = recognize ("The Kenyan team and the Peruvian team arrived in Boston on Friday. "
                                         "Governor Maria Lopez thanked the girls for their courage.");
  g_autoptr(Recognized) these = recognize ("The Kenyan team arrived in Boston on Friday. "
                                           "These girls have worked hard, Karim Ahmad said.");

  assert_actor (rec, "girls", 0, "Kenya (team)", DM_ACTOR_GROUP);
  assert_actor (players, "players", 0, "Kenya (team)", DM_ACTOR_GROUP);
  g_assert_null (find (two, "girls", 0));
  assert_actor (these, "girls", 0, "Kenya (team)", DM_ACTOR_GROUP);
}

/* "the governments of South East Asia", "the leaders of the region": one group, named as
 * written; of a country the lexicon knows, or of an organisation ("the Legislative Council"),
 * it is not a group of its own, and "the migrants" after such a group are still the migrants */
static void
test_bodies_of_a_region (void)
{
  g_autoptr(Recognized) rec = recognize ("Maria Lopez urged the governments of South East Asia to protect the migrants. "
                                         "The leaders of the region met on Friday.");
  g_autoptr(Recognized) country = recognize ("Maria Lopez urged the leaders of Malaysia to act.");
  g_autoptr(Recognized) body = recognize ("Maria Lopez met members of the Legislative Council on Monday.");

  assert_actor (rec, "governments of South East Asia", 0, "governments of South East Asia", DM_ACTOR_GROUP);
  assert_actor (rec, "leaders of the region", 0, "leaders of the region", DM_ACTOR_GROUP);
  assert_actor (rec, "migrants", 0, "migrants", DM_ACTOR_GROUP);
  g_assert_false (names_actor (country, "leaders of Malaysia"));
  g_assert_false (names_actor (body, "members of the Legislative Council"));
}

/* "worshippers of the old gods" are a group of their own, not a country their phrase holds;
 * "former members of" an organisation the article named are a group affiliated with it */
static void
test_followers_and_former_members (void)
{
  g_autoptr(Recognized) rec = recognize ("Karim Ahmad left the Church of Zoroaster in 2010. "
                                         "Ahmad contacted former members of the Church of Zoroaster, who helped him. "
                                         "A court in Athens ruled that worshippers of the ancient Greek religion may gather.");
  const DmRMention *former = find (rec, "former members of the Church of Zoroaster", 0);

  g_assert_nonnull (former);
  g_assert_cmpint (former->type, ==, DM_ACTOR_GROUP);
  g_assert_cmpstr (former->affiliation, ==, "Church of Zoroaster");
  assert_actor (rec, "worshippers of the ancient Greek religion", 0, "worshippers of the ancient Greek religion",
                DM_ACTOR_GROUP);
  g_assert_false (names_actor (rec, "Greece"));
}

/* "arrested by police" after "the Springfield Police Department": that force; with a second
 * force named, or before a noun ("police officers"), the recognizer's own group */
static void
test_bare_police (void)
{
  g_autoptr(Recognized) rec = recognize ("The Springfield Police Department opened an inquiry. "
                                         "Karim Ahmad was arrested by police on Monday.");
  g_autoptr(Recognized) two = recognize ("The Springfield Police Department and the Shelbyville Police Service met. "
                                         "Karim Ahmad was arrested by police on Monday.");

  assert_actor (rec, "police", 0, "Springfield Police Department", DM_ACTOR_ORGANIZATION);
  assert_actor (two, "police", 0, "police", DM_ACTOR_GROUP);
}

/* "an Oxfam lawyer, Maria Lopez": the organisation before the noun is her affiliation, and a
 * title ("spokeswoman") makes her its official; "in Oxfam offices, Maria Lopez said" is no
 * such phrase */
static void
test_preposed_apposition (void)
{
  g_autoptr(Recognized) rec = recognize ("Karim Ahmad was put through to an Oxfam lawyer, Maria Lopez. "
                                         "An Oxfam spokeswoman, Jane Roe, said the talks had failed.");
  g_autoptr(Recognized) none = recognize ("In Oxfam offices, Maria Lopez said the talks had failed.");
  const DmRMention *lawyer = find (rec, "Maria Lopez", 0);
  const DmRMention *spokeswoman = find (rec, "Jane Roe", 0);

  g_assert_nonnull (lawyer);
  g_assert_cmpstr (lawyer->affiliation, ==, "Oxfam");
  g_assert_cmpint (lawyer->type, ==, DM_ACTOR_PERSON);
  g_assert_nonnull (spokeswoman);
  g_assert_cmpstr (spokeswoman->affiliation, ==, "Oxfam");
  g_assert_cmpint (spokeswoman->type, ==, DM_ACTOR_OFFICIAL);
  g_assert_cmpstr (spokeswoman->role, ==, "Spokeswoman");
  g_assert_null (find (none, "Maria Lopez", 0)->affiliation);
}

/* "the prosecutor, Mark Tedd" … "the prosecutor": a person's noun before the name across a
 * comma describes him; "In court, Mark Tedd said" does not make him "the court" */
static void
test_descriptor_before_a_comma (void)
{
  g_autoptr(Recognized) rec = recognize ("The prosecutor, Mark Tedd, said the couple had lied. "
                                         "The prosecutor later told the jury that Karim Ahmad had been warned.");
  g_autoptr(Recognized) court = recognize ("In court, Mark Tedd said the couple had lied. "
                                           "The court later heard that Karim Ahmad had been warned.");

  const DmRMention *the_court;

  assert_actor (rec, "prosecutor", 0, "Mark Tedd", DM_ACTOR_PERSON);
  the_court = find (court, "court", 1);
  g_assert_true (the_court == NULL || g_strcmp0 (the_court->actor, "Mark Tedd") != 0);
}

/* "told the court" in a report that named no court: the court, an actor; after "the Supreme
 * Court of Ruritania", that court. Prosecutors and investigators act too; a country's
 * ("Italian prosecutors") are its state's, as before */
static void
test_unnamed_court (void)
{
  g_autoptr(Recognized) rec = recognize ("Maria Lopez told the court she had been threatened.");
  g_autoptr(Recognized) named = recognize ("The Supreme Court of Ruritania heard the case on Monday. "
                                           "Maria Lopez told the court she had been threatened.");
  g_autoptr(Recognized) state = recognize ("Prosecutors accused Karim Ahmad of fraud, and investigators questioned him. "
                                           "Italian prosecutors later dropped the case.");

  assert_actor (rec, "court", 0, "court", DM_ACTOR_GROUP);
  assert_actor (named, "court", 0, "Supreme Court of Ruritania", DM_ACTOR_ORGANIZATION);
  assert_actor (state, "Prosecutors", 0, "prosecutors", DM_ACTOR_GROUP);
  assert_actor (state, "investigators", 0, "investigators", DM_ACTOR_GROUP);
  g_assert_null (find (state, "prosecutors", 0));
}

/* "the junta in Mali", "the Malian junta": that country's government, which a later "the
 * junta" goes on about; with the juntas of two countries named, which one is not told */
static void
test_junta_of_a_country (void)
{
  g_autoptr(Recognized) in = recognize ("Algeria urged the junta in Mali to hold elections. The junta later "
                                        "expelled the French ambassador.");
  g_autoptr(Recognized) demonym = recognize ("The Malian junta expelled the French ambassador. The junta later "
                                             "attacked rebels.");
  g_autoptr(Recognized) authorities = recognize ("The authorities in Iraq arrested a journalist.");
  g_autoptr(Recognized) troops = recognize ("Paris withdrew the troops in Mali.");
  g_autoptr(Recognized) two = recognize ("Algeria urged the junta in Mali and the junta in Niger to hold "
                                         "elections. The junta later expelled the French ambassador.");

  assert_actor (in, "junta in Mali", 0, "Mali (government)", DM_ACTOR_ORGANIZATION);
  assert_actor (in, "junta", 0, "Mali (government)", DM_ACTOR_ORGANIZATION);
  assert_actor (demonym, "Malian junta", 0, "Mali (government)", DM_ACTOR_ORGANIZATION);
  assert_actor (demonym, "junta", 0, "Mali (government)", DM_ACTOR_ORGANIZATION);
  assert_actor (authorities, "authorities in Iraq", 0, "Iraq (government)", DM_ACTOR_ORGANIZATION);
  g_assert_false (names_actor (troops, "Mali (armed forces)"));
  assert_actor (two, "junta in Mali", 0, "Mali (government)", DM_ACTOR_ORGANIZATION);
  assert_actor (two, "junta in Niger", 0, "Niger (government)", DM_ACTOR_ORGANIZATION);
  g_assert_null (find (two, "junta", 0));
}

/* "Mali's junta", "Syria's armed forces": the country's government or forces, as after its
 * demonym, so that a later "the junta" has it as a candidate; the country's other things
 * ("Iran's nuclear programme", "China's foreign ministry") name the country itself */
static void
test_possessive_national_body (void)
{
  g_autoptr(Recognized) junta = recognize ("Burkina Faso's junta expelled the French ambassador. The junta "
                                           "later banned a newspaper.");
  g_autoptr(Recognized) military = recognize ("Mali's military government and the Malian military government "
                                              "met.");
  g_autoptr(Recognized) army = recognize ("Syria's armed forces and Russia's troops attacked rebels, and "
                                          "Russian armed forces shelled a town.");
  g_autoptr(Recognized) two = recognize ("Iran's government and Iraq's government signed a pact. The government "
                                         "later denied it.");
  g_autoptr(Recognized) other = recognize ("Iran's nuclear programme and China's foreign ministry worried "
                                           "Russia's people.");

  assert_actor (junta, "Burkina Faso's junta", 0, "Burkina Faso (government)", DM_ACTOR_ORGANIZATION);
  assert_actor (junta, "junta", 0, "Burkina Faso (government)", DM_ACTOR_ORGANIZATION);
  assert_actor (military, "Mali's military government", 0, "Mali (government)", DM_ACTOR_ORGANIZATION);
  assert_actor (military, "Malian military government", 0, "Mali (government)", DM_ACTOR_ORGANIZATION);
  assert_actor (army, "Syria's armed forces", 0, "Syria (armed forces)", DM_ACTOR_ORGANIZATION);
  assert_actor (army, "Russia's troops", 0, "Russia (armed forces)", DM_ACTOR_ORGANIZATION);
  assert_actor (army, "Russian armed forces", 0, "Russia (armed forces)", DM_ACTOR_ORGANIZATION);
  assert_actor (two, "Iran's government", 0, "Iran (government)", DM_ACTOR_ORGANIZATION);
  assert_actor (two, "Iraq's government", 0, "Iraq (government)", DM_ACTOR_ORGANIZATION);
  g_assert_null (find (two, "government", 0));
  assert_actor (other, "Iran", 0, "Iran", DM_ACTOR_COUNTRY);
  assert_actor (other, "China", 0, "China", DM_ACTOR_COUNTRY);
  assert_actor (other, "Russia", 0, "Russia", DM_ACTOR_COUNTRY);
  g_assert_false (names_actor (other, "Iran (government)"));
  g_assert_false (names_actor (other, "China (government)"));
  g_assert_false (names_actor (other, "Russia (people)"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dramatis/recognizer-groups/gendered-noun-goes-on", test_gendered_noun_goes_on);
  g_test_add_func ("/dramatis/recognizer-groups/people-of-a-group", test_people_of_a_group);
  g_test_add_func ("/dramatis/recognizer-groups/bodies-of-a-region", test_bodies_of_a_region);
  g_test_add_func ("/dramatis/recognizer-groups/followers-and-former-members", test_followers_and_former_members);
  g_test_add_func ("/dramatis/recognizer-groups/bare-police", test_bare_police);
  g_test_add_func ("/dramatis/recognizer-groups/preposed-apposition", test_preposed_apposition);
  g_test_add_func ("/dramatis/recognizer-groups/descriptor-before-a-comma", test_descriptor_before_a_comma);
  g_test_add_func ("/dramatis/recognizer-groups/unnamed-court", test_unnamed_court);
  g_test_add_func ("/dramatis/recognizer-groups/junta-of-a-country", test_junta_of_a_country);
  g_test_add_func ("/dramatis/recognizer-groups/possessive-national-body", test_possessive_national_body);
  return g_test_run ();
}
