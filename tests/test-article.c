/* test-article.c — importers: plain text, HTML, feeds, format recognition and file errors
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "dm-import-private.h"
#include "dm-import.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "article", name, NULL);
}

static GPtrArray *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  GPtrArray *articles;

  articles = dm_import_load_path (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (articles);
  return articles;
}

static GPtrArray *
load_string (const char  *data,
             gssize       len,
             GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (len < 0)
    len = strlen (data);
  bytes = g_bytes_new (data, len);
  return dm_import_load_bytes ("test", bytes, error);
}

static DmArticle *
article_at (GPtrArray *articles,
            guint      i)
{
  g_assert_cmpuint (i, <, articles->len);
  return g_ptr_array_index (articles, i);
}

/* Asserts that @data is refused with @code and a message containing @fragment */
static void
assert_refused (const char *data,
                gssize      len,
                int         code,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = load_string (data, len, &error);

  g_assert_null (articles);
  g_assert_error (error, DM_IMPORT_ERROR, code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
}

/* A temporary folder, removed with what is in it by the caller through rm_tree() */
static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("dm-test-article-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
rm_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        rm_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *data,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_path_refused (const char *path,
                     int         code,
                     const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = dm_import_load_path (path, &error);

  g_assert_null (articles);
  g_assert_error (error, DM_IMPORT_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* Plain text */

static void
test_text_exact (void)
{
  /* A byte-order mark, leading blanks, \r\n, a tab, trailing blank lines: all kept */
  static const char data[] = "\xEF\xBB\xBF  Gaza talks resume\r\n\r\nEgypt hosted the talks.\tQatar m\xC3\xA9" "diated.\r\n\n\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = load_string (data, sizeof data - 1, &error);
  DmArticle *article;
  const char *egypt;

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  article = article_at (articles, 0);
  g_assert_cmpstr (article->id, ==, "test");
  g_assert_cmpint (article->format, ==, DM_ARTICLE_FORMAT_TEXT);
  g_assert_cmpuint (article->text_len, ==, sizeof data - 1);
  g_assert_cmpmem (article->text, article->text_len, data, sizeof data - 1);
  /* Code points: é is one, the BOM is one */
  g_assert_cmpuint (article->length, ==, g_utf8_strlen (data, -1));
  g_assert_cmpuint (article->length, ==, sizeof data - 1 - 2 - 1);
  egypt = strstr (article->text, "Egypt");
  g_assert_cmpint (g_utf8_pointer_to_offset (article->text, egypt), ==, 1 + 2 + 17 + 4);
  g_assert_cmpstr (article->title, ==, "Gaza talks resume");
  g_assert_null (article->date);
  g_assert_null (article->source);
  g_assert_null (article->url);
}

static void
test_text_headline (void)
{
  static const struct {
    const char *text;
    const char *title;
  } cases[] = {
    { "NATO allies meet in Brussels\n\nThe ministers met on Monday.\n", "NATO allies meet in Brussels" },
    /* followed directly by a new sentence */
    { "Will Iran return to talks?\nDiplomats are not sure.\n", "Will Iran return to talks?" },
    { "\n\n  Trump, Xi to meet in Seoul  \r\n\r\nThey will meet.", "Trump, Xi to meet in Seoul" },
    /* one paragraph, with or without a final newline */
    { "NATO allies meet in Brussels and agree on spending\n", NULL },
    { "NATO allies meet in Brussels", NULL },
    /* the first line is a sentence */
    { "The ministers met on Monday.\n\nThey agreed.\n", NULL },
    { "He said: \"We will act.\"\n\nThey agreed.\n", NULL },
    /* a paragraph wrapped in the middle of a sentence */
    { "The foreign ministers of the Group of Seven met on Tuesday in Rome to\ndiscuss sanctions.\n", NULL },
    { "Officials said,\n\nthe talks went on.\n", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = load_string (cases[i].text, -1, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (article_at (articles, 0)->title, ==, cases[i].title);
    }

  /* Too long for a headline */
  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autoptr(GPtrArray) articles = NULL;

    for (guint i = 0; i < 21; i++)
      g_string_append (text, "Ministers ");   /* 210 characters, no period */
    g_string_append (text, "\n\nBody text.\n");
    articles = load_string (text->str, text->len, NULL);
    g_assert_null (article_at (articles, 0)->title);
  }
}

static void
test_text_stdin (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = write_temp (dir, "stdin.txt", "Stdin headline\n\nFrom a pipe.\r\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  int saved = dup (STDIN_FILENO);
  int fd = open (path, O_RDONLY);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (dup2 (fd, STDIN_FILENO), ==, STDIN_FILENO);
  close (fd);
  articles = dm_import_load_path ("-", &error);
  dup2 (saved, STDIN_FILENO);
  close (saved);

  g_assert_no_error (error);
  g_assert_cmpstr (article_at (articles, 0)->id, ==, "-");
  g_assert_cmpstr (article_at (articles, 0)->text, ==, "Stdin headline\n\nFrom a pipe.\r\n");
  g_assert_cmpstr (article_at (articles, 0)->title, ==, "Stdin headline");
  rm_tree (dir);
}

/* HTML */

static void
test_html_body (void)
{
  g_autoptr(GPtrArray) articles = load_fixture ("page.html");
  DmArticle *article = article_at (articles, 0);
  static const char * const junk[] = {
    "JUNK", "tracking", "font-family", "Copyright", "We use cookies", "Business",
    "The Harbour Ledger", "By A. Writer", "Related reading",
  };

  g_assert_cmpuint (articles->len, ==, 1);
  g_assert_cmpint (article->format, ==, DM_ARTICLE_FORMAT_HTML);
  g_assert_true (g_str_has_prefix (article->text,
                 "Foreign ministers of Turkey and Ukraine agreed on Wednesday to reopen a grain "
                 "corridor across the Black Sea, officials said.\n\n"
                 "The Turkish Foreign Minister met his Ukrainian counterpart in Ankara & both "
                 "urged the United Nations to monitor the route.\n\n"
                 "Inspections\n\n"
                 "Inspectors from the UN will check ships in Istanbul, the statement said.\n\n"
                 "“We will keep the sea open,” the minister said.\n\n"));
  g_assert_nonnull (strstr (article->text, "First point of the deal\n\nSecond point of the deal"));
  for (guint i = 0; i < G_N_ELEMENTS (junk); i++)
    if (strstr (article->text, junk[i]) != NULL)
      g_error ("“%s” in the text:\n%s", junk[i], article->text);
  g_assert_cmpuint (article->length, ==, g_utf8_strlen (article->text, -1));
  g_assert_cmpuint (article->text_len, ==, strlen (article->text));
}

static void
test_html_metadata (void)
{
  g_autoptr(GPtrArray) articles = load_fixture ("page.html");
  DmArticle *article = article_at (articles, 0);

  g_assert_cmpstr (article->title, ==, "Ministers agree on a grain corridor after talks in Ankara");
  g_assert_cmpstr (article->date, ==, "2026-04-02");   /* article:published_time before JSON-LD */
  g_assert_cmpstr (article->source, ==, "The Harbour Ledger");
  g_assert_cmpstr (article->url, ==, "https://www.harbour-ledger.example/world/grain-corridor");
}

static DmArticle *
html_article (const char *head,
              const char *body)
{
  g_autofree char *page = g_strdup_printf ("<!DOCTYPE html><html><head>%s</head><body>%s"
                                           "<p>Spain recalled its ambassador to Algeria on Friday.</p>"
                                           "</body></html>", head, body);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = load_string (page, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  return dm_article_copy (article_at (articles, 0));
}

static void
test_html_title (void)
{
  g_autoptr(DmArticle) a = NULL;
  g_autoptr(DmArticle) b = NULL;
  g_autoptr(DmArticle) c = NULL;
  g_autoptr(DmArticle) d = NULL;
  g_autoptr(DmArticle) e = NULL;

  a = html_article ("<meta property=\"og:title\" content=\"  OG   title \"><title>Doc title</title>", "<h1>H1</h1>");
  g_assert_cmpstr (a->title, ==, "OG title");

  /* the " | Site" suffix goes when it is the site's name, and only then */
  b = html_article ("<meta property=\"og:site_name\" content=\"Daily Planet\"><title>Spain recalls envoy | Daily Planet</title>", "<h1>H1</h1>");
  g_assert_cmpstr (b->title, ==, "Spain recalls envoy");
  c = html_article ("<meta property=\"og:site_name\" content=\"Daily Planet\"><title>Spain recalls envoy - Daily Planet</title>", "");
  g_assert_cmpstr (c->title, ==, "Spain recalls envoy");
  d = html_article ("<title>Spain - Algeria relations</title>", "");
  g_assert_cmpstr (d->title, ==, "Spain - Algeria relations");

  e = html_article ("", "<h1>Spain  recalls\n envoy</h1>");
  g_assert_cmpstr (e->title, ==, "Spain recalls envoy");
}

static void
test_html_date (void)
{
  static const struct {
    const char *head;
    const char *body;
    const char *date;
  } cases[] = {
    { "<meta property=\"article:published_time\" content=\"2026-05-06T10:00:00Z\">", "", "2026-05-06" },
    { "<meta name=\"date\" content=\"2026-05-07\">", "", "2026-05-07" },
    { "<meta name=\"pubdate\" content=\"20260508\">", "", "2026-05-08" },
    { "<meta name=\"DC.date\" content=\"9 May 2026\">", "", "2026-05-09" },
    { "", "<time datetime=\"2026-05-10T09:00\">10 May</time>", "2026-05-10" },
    { "", "<time datetime=\"2026-01-01\">1 Jan</time><time pubdate datetime=\"2026-05-11\">11 May</time>", "2026-05-11" },
    { "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"dateModified\":\"2026-06-01\", \"datePublished\" :  \"2026-05-12T08:00:00+09:00\"}</script>", "", "2026-05-12" },
    { "<meta name=\"date\" content=\"soon\">", "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DmArticle) article = html_article (cases[i].head, cases[i].body);

      g_assert_cmpstr (article->date, ==, cases[i].date);
    }
}

static void
test_html_source (void)
{
  g_autoptr(DmArticle) a = html_article ("<meta property=\"og:url\" content=\"https://www.Example.ORG/a/b?c\">", "");
  g_autoptr(DmArticle) b = html_article ("<link rel=\"canonical\" href=\"https://news.example.net/x\">", "");
  g_autoptr(DmArticle) c = html_article ("<meta property=\"og:site_name\" content=\"Site Name\"><link rel=\"canonical\" href=\"https://news.example.net/x\">", "");
  g_autoptr(DmArticle) d = html_article ("", "");

  g_assert_cmpstr (a->source, ==, "example.org");
  g_assert_cmpstr (a->url, ==, "https://www.Example.ORG/a/b?c");
  g_assert_cmpstr (b->source, ==, "news.example.net");
  g_assert_cmpstr (b->url, ==, "https://news.example.net/x");
  g_assert_cmpstr (c->source, ==, "Site Name");
  g_assert_null (d->source);
  g_assert_null (d->url);
  g_assert_null (d->date);
  g_assert_null (d->title);
}

static void
test_html_readability (void)
{
  /* No <article> or <main>: the block with the most paragraph text wins over a link list and
   * a teaser <article> */
  static const char page[] =
    "<html><body>"
    "<div class=\"top\"><ul><li><a href=\"/a\">Home</a></li><li><a href=\"/b\">World</a></li></ul></div>"
    "<article class=\"teaser\"><p>TEASER: a short teaser for another story.</p></article>"
    "<div class=\"story\">"
    "<p>India and Pakistan agreed on Thursday to restore a ceasefire along the border.</p>"
    "<p>The United States welcomed the agreement and urged both sides to hold talks.</p>"
    "<p>China said it supported the efforts of the two neighbours to keep the peace.</p>"
    "</div>"
    "<div id=\"disqus_thread\"><p>COMMENTS: first! this paragraph is long enough to count.</p></div>"
    "</body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = load_string (page, -1, &error);
  DmArticle *article;

  g_assert_no_error (error);
  article = article_at (articles, 0);
  g_assert_cmpstr (article->text, ==,
                   "India and Pakistan agreed on Thursday to restore a ceasefire along the border.\n\n"
                   "The United States welcomed the agreement and urged both sides to hold talks.\n\n"
                   "China said it supported the efforts of the two neighbours to keep the peace.");
}

static void
test_html_junk_classes (void)
{
  /* A wrapper whose class names a sidebar still holds the story; "commentary" is an article,
   * "head-line" is no advertisement; hidden blocks and ARIA landmarks go */
  static const char page[] =
    "<html><body><div class=\"layout has-sidebar\">"
    "<main><div class=\"commentary-body\"><p class=\"head-line\">Canada joined the coalition on Monday.</p>"
    "<div hidden><p>HIDDEN-JUNK text that is hidden from readers of the page.</p></div>"
    "<div role=\"complementary\"><p>ROLE-JUNK text in a complementary landmark.</p></div>"
    "<div class=\"top_ads\">ADS-JUNK</div>"
    "<p>Mexico welcomed the decision of the Canadian government.</p></div></main>"
    "<div class=\"sidebar\"><p>SIDEBAR-JUNK: most read stories of the week on this site.</p></div>"
    "</div></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = load_string (page, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (article_at (articles, 0)->text, ==,
                   "Canada joined the coalition on Monday.\n\n"
                   "Mexico welcomed the decision of the Canadian government.");
}

typedef struct
{
  char *html;
  char *feed;
} ThreadPaths;

static gpointer
load_in_thread (gpointer data)
{
  ThreadPaths *paths = data;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GPtrArray) page = dm_import_load_path (paths->html, NULL);
      g_autoptr(GPtrArray) feed = dm_import_load_path (paths->feed, NULL);

      if (page == NULL || feed == NULL || feed->len != 3 ||
          strstr (article_at (page, 0)->text, "JUNK") != NULL)
        return GINT_TO_POINTER (FALSE);
    }
  return GINT_TO_POINTER (TRUE);
}

static void
test_threads (void)
{
  /* The CLI and the desktop importer load files on several threads at once */
  ThreadPaths paths = { fixture_path ("page.html"), fixture_path ("rss2.xml") };
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("load", load_in_thread, &paths);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
  g_free (paths.html);
  g_free (paths.feed);
}

static void
test_html_spacing (void)
{
  static const char page[] =
    "<!doctype html><p>Macron&nbsp;and <b>Merz</b> <i>met</i>\n\t in   Paris &mdash; "
    "&quot;twice&quot;&#33;<br>New line<span>joined</span></p>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = load_string (page, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (article_at (articles, 0)->text, ==,
                   "Macron and Merz met in Paris — \"twice\"!\n\nNew linejoined");
}

static void
test_html_in_txt (void)
{
  g_autoptr(GPtrArray) articles = load_fixture ("html-in.txt");
  DmArticle *article = article_at (articles, 0);

  g_assert_cmpint (article->format, ==, DM_ARTICLE_FORMAT_HTML);
  g_assert_cmpstr (article->title, ==, "Saved page");
  g_assert_cmpstr (article->text, ==,
                   "Iran rejected the proposal from the European Union on Monday, the ministry said.\n\n"
                   "The IAEA urged both sides to resume talks in Vienna next week.");
}

static void
test_html_no_text (void)
{
  assert_refused ("<html><head><title>T</title><script>x()</script></head><body><nav>Home</nav></body></html>",
                  -1, DM_IMPORT_ERROR_EMPTY, "no article text");
}

/* Feeds */

static void
test_feed_rss2 (void)
{
  g_autofree char *path = fixture_path ("rss2.xml");
  g_autoptr(GPtrArray) articles = load_fixture ("rss2.xml");
  DmArticle *a, *b, *c;

  g_assert_cmpuint (articles->len, ==, 3);
  a = article_at (articles, 0);
  b = article_at (articles, 1);
  c = article_at (articles, 2);
  for (guint i = 0; i < 3; i++)
    {
      DmArticle *article = article_at (articles, i);

      g_assert_cmpstr (article->id, ==, path);
      g_assert_cmpstr (article->source, ==, "Wire Desk Headlines");
      g_assert_cmpint (article->format, ==, DM_ARTICLE_FORMAT_FEED);
      g_assert_cmpuint (article->length, ==, g_utf8_strlen (article->text, -1));
    }

  g_assert_cmpstr (a->title, ==, "Japan and India sign maritime pact");
  g_assert_cmpstr (a->url, ==, "https://wire.example/japan-india");
  g_assert_cmpstr (a->date, ==, "2026-02-03");
  g_assert_cmpstr (a->text, ==, "Japan signed a maritime pact with India.\n\nSecond paragraph.");

  /* content:encoded wins over description; scripts go */
  g_assert_cmpstr (b->title, ==, "Brazil hosts climate talks");
  g_assert_cmpstr (b->date, ==, "2026-02-04");
  g_assert_cmpstr (b->text, ==, "Brazil hosted talks & urged rich nations to pay.");

  /* no text: the title is the text; the permalink guid is the link; dc:date */
  g_assert_cmpstr (c->title, ==, "Germany & France issue joint statement");
  g_assert_cmpstr (c->text, ==, "Germany & France issue joint statement");
  g_assert_cmpstr (c->url, ==, "https://wire.example/de-fr");
  g_assert_cmpstr (c->date, ==, "2026-02-05");
}

static void
test_feed_atom (void)
{
  g_autoptr(GPtrArray) articles = load_fixture ("atom.xml");
  DmArticle *a, *b, *c;

  g_assert_cmpuint (articles->len, ==, 3);
  a = article_at (articles, 0);
  b = article_at (articles, 1);
  c = article_at (articles, 2);

  g_assert_cmpstr (a->source, ==, "Example Atom Desk");
  g_assert_cmpstr (a->title, ==, "Kenya welcomes AU envoy");
  g_assert_cmpstr (a->url, ==, "https://atom.example/kenya");
  g_assert_cmpstr (a->date, ==, "2026-03-09");   /* published, as written, before updated */
  g_assert_cmpstr (a->text, ==, "Kenya welcomed the African Union envoy.\n\nTalks follow.");

  g_assert_cmpstr (b->url, ==, "https://atom.example/chile");
  g_assert_cmpstr (b->date, ==, "2026-03-08");
  g_assert_cmpstr (b->text, ==, "Chile renewed an accord with Peru.");

  g_assert_null (c->url);
  g_assert_cmpstr (c->text, ==, "Norway backed the plan.\n\nMore.");
}

static void
test_feed_rdf (void)
{
  g_autoptr(GPtrArray) articles = load_fixture ("rdf.xml");

  g_assert_cmpuint (articles->len, ==, 2);
  g_assert_cmpstr (article_at (articles, 0)->source, ==, "RDF Bulletin");
  g_assert_cmpstr (article_at (articles, 0)->title, ==, "Egypt mediates Gaza talks");
  g_assert_cmpstr (article_at (articles, 0)->date, ==, "2026-01-20");
  g_assert_cmpstr (article_at (articles, 0)->url, ==, "https://rdf.example/1");
  g_assert_cmpstr (article_at (articles, 1)->text, ==, "Poland bought an air defence system.");
  g_assert_cmpstr (article_at (articles, 1)->date, ==, "2026-01-21");
}

static void
test_feed_entity_bomb (void)
{
  g_autofree char *path = fixture_path ("bomb.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  /* Either refused or read without the entities: never a billion "lol"s */
  articles = dm_import_load_path (path, &error);
  if (articles != NULL)
    {
      for (guint i = 0; i < articles->len; i++)
        {
          DmArticle *article = article_at (articles, i);

          g_assert_cmpuint (article->text_len, <, 1024);
          g_assert_null (strstr (article->text, "lol"));
          g_assert_cmpuint (strlen (article->source), <, 1024);
        }
    }
  else
    g_assert_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE);
}

static void
test_feed_external_entity (void)
{
  g_autoptr(GPtrArray) articles = load_fixture ("xxe.xml");
  DmArticle *article = article_at (articles, 0);

  g_assert_cmpuint (articles->len, ==, 1);
  g_assert_null (strstr (article->text, "root"));
  g_assert_null (strstr (article->source, "root"));
  g_assert_cmpstr (article->text, ==, "before after");
  g_assert_cmpstr (article->source, ==, "External");
}

static void
test_feed_errors (void)
{
  g_autofree char *path = fixture_path ("empty-feed.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = dm_import_load_path (path, &error);

  g_assert_null (articles);
  g_assert_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "an RSS feed with no items");

  assert_refused ("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>",
                  -1, DM_IMPORT_ERROR_PARSE, "an Atom feed with no entries");
  assert_refused ("<?xml version=\"1.0\"?>\n<rss>\n<channel>\n<title>A</titel>\n</channel></rss>\n",
                  -1, DM_IMPORT_ERROR_PARSE, "line 4: not well-formed XML");
  assert_refused ("<?xml version=\"1.0\"?><rss><channel><item><link>x</link></item></channel></rss>",
                  -1, DM_IMPORT_ERROR_EMPTY, "neither a title nor any text");
  assert_refused ("<?xml version=\"1.0\"?><catalog><book>x</book></catalog>",
                  -1, DM_IMPORT_ERROR_PARSE, "not an RSS or Atom feed");
}

static void
test_feed_recover (void)
{
  /* a stray ampersand after a good item: the items are taken */
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles =
    load_string ("<?xml version=\"1.0\"?><rss><channel><title>T</title>"
                 "<item><title>Good item</title><description>Good text.</description></item>"
                 "<item><title>AT&T deal</title></item></channel></rss>", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, >=, 1);
  g_assert_cmpstr (article_at (articles, 0)->text, ==, "Good text.");
  g_clear_pointer (&articles, g_ptr_array_unref);

  /* cut off in the middle: what came before is taken */
  articles = load_string ("<?xml version=\"1.0\"?>\n<rss>\n<channel>\n<item><title>Cut off</title></channel>\n",
                          -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  g_assert_cmpstr (article_at (articles, 0)->text, ==, "Cut off");
}

/* Format recognition */

static void
test_sniff (void)
{
  static const struct {
    const char *data;
    DmArticleFormat format;
  } cases[] = {
    { "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", DM_ARTICLE_FORMAT_FEED },
    { "\xEF\xBB\xBF<?xml version='1.0'?><!-- c --><?xml-stylesheet href='a'?><feed xmlns='x'>", DM_ARTICLE_FORMAT_FEED },
    { "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">", DM_ARTICLE_FORMAT_FEED },
    { "<?xml version=\"1.0\"?><!DOCTYPE rss [ <!ENTITY a \"<b>\"> ]><rss>", DM_ARTICLE_FORMAT_FEED },
    { "  <!DOCTYPE html><html>", DM_ARTICLE_FORMAT_HTML },
    { "<!-- saved -->\n<HTML><BODY>", DM_ARTICLE_FORMAT_HTML },
    { "<?xml version=\"1.0\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\"><html>", DM_ARTICLE_FORMAT_HTML },
    { "<p>Fragment</p>", DM_ARTICLE_FORMAT_HTML },
    { "<div class=x>", DM_ARTICLE_FORMAT_HTML },
    { "Plain text <html> later", DM_ARTICLE_FORMAT_TEXT },
    { "<Reuters> said", DM_ARTICLE_FORMAT_TEXT },
    { "<!-- unclosed", DM_ARTICLE_FORMAT_TEXT },
    { "", DM_ARTICLE_FORMAT_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (dm_import_sniff_format (cases[i].data, strlen (cases[i].data)), ==, cases[i].format);
}

/* Content errors */

static void
test_error_empty (void)
{
  assert_refused ("", 0, DM_IMPORT_ERROR_EMPTY, "the file is empty");
  assert_refused (" \n\t\r\n  \xC2\xA0\xEF\xBB\xBF\n", -1, DM_IMPORT_ERROR_EMPTY, "only white space");
}

/* A literal that may hold NUL bytes, with its length */
#define BYTES(s) s, sizeof (s) - 1

static void
test_error_binary (void)
{
  static const struct {
    const char *data;
    gsize len;
    const char *message;
  } cases[] = {
    { BYTES ("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), "this is a PDF document, not text: convert it to text first" },
    { BYTES ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), "this is a PNG image, not text" },
    { BYTES ("\xFF\xD8\xFF\xE0\0\x10JFIF"), "this is a JPEG image, not text" },
    { BYTES ("GIF89a\x01\0\x01\0"), "this is a GIF image, not text" },
    { BYTES ("PK\x03\x04\x14\0\0\0\0\0[Content_Types].xml word/document.xml"), "this is a Word document (DOCX), not text: convert it to text first" },
    { BYTES ("PK\x03\x04\x14\0\0\0\0\0data.csv"), "this is a ZIP archive, not text: unpack it first" },
    { BYTES ("\x7F" "ELF\x02\x01\x01\0"), "this is a program (ELF executable), not text" },
    { BYTES ("\x1F\x8B\x08\0\0\0\0\0"), "this is gzip-compressed data, not text: decompress it first" },
    { BYTES ("Text with a\0NUL byte in it"), "this is binary data (it holds NUL bytes), not text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = load_string (cases[i].data, cases[i].len, &error);

      g_assert_null (articles);
      g_assert_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_BINARY);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_error_utf8 (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 1; i < 12; i++)
    g_string_append_printf (text, "Line %02u of the article.\n", i);   /* 11 lines of 24 bytes */
  g_string_append (text, "Caf\xC3\xA9 M\xFCnchen");   /* line 12: é is fine, then Latin-1 ü */

  assert_refused (text->str, text->len, DM_IMPORT_ERROR_ENCODING,
                  "not valid UTF-8 at byte 271 (line 12, column 7)");

  /* a UTF-8 file with one broken sequence keeps its error (Windows-1252 would read "Ã(") */
  assert_refused ("A bad \xC3\x28 byte.\n", -1, DM_IMPORT_ERROR_ENCODING,
                  "not valid UTF-8 at byte 6 (line 1, column 7)");
  /* a sequence cut off at the end */
  assert_refused ("Abc \xE2\x80", -1, DM_IMPORT_ERROR_ENCODING, "at byte 4 (line 1, column 5)");
}

static void
test_encoding_utf16 (void)
{
  static const char text[] = "Kyiv talks\r\n\r\nUkraine and Poland agreed. Z\xC3\xBCrich.\n";
  static const struct {
    const char *charset;
    const char *bom;
    gsize bom_len;
  } cases[] = {
    { "UTF-16LE", "\xFF\xFE", 2 },
    { "UTF-16BE", "\xFE\xFF", 2 },
    { "UTF-32LE", "\xFF\xFE\0\0", 4 },
    { "UTF-32BE", "\0\0\xFE\xFF", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = NULL;
      g_autoptr(GByteArray) data = g_byte_array_new ();
      g_autofree char *converted = NULL;
      gsize len;

      converted = g_convert (text, -1, cases[i].charset, "UTF-8", NULL, &len, &error);
      g_assert_no_error (error);
      g_byte_array_append (data, (const guint8 *) cases[i].bom, cases[i].bom_len);
      g_byte_array_append (data, (const guint8 *) converted, len);

      articles = load_string ((const char *) data->data, data->len, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (article_at (articles, 0)->text, ==, text);
      g_assert_cmpstr (article_at (articles, 0)->title, ==, "Kyiv talks");

      /* without the mark (UTF-16 only: its NUL pattern is told apart) */
      if (cases[i].bom_len == 2)
        assert_refused (converted, len, DM_IMPORT_ERROR_ENCODING,
                        "looks like UTF-16 without a byte-order mark: save it as UTF-8");
    }

  /* an odd number of bytes after a UTF-16 mark */
  assert_refused ("\xFF\xFE" "A\0B", 5, DM_IMPORT_ERROR_ENCODING, "UTF-16");
}

/* File errors */

static void
test_path_errors (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.txt", NULL);
  g_autofree char *under_file = NULL;
  g_autofree char *good = write_temp (dir, "good.txt", "Fine.\n", -1);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink (missing, dangling), ==, 0);
  under_file = g_build_filename (good, "x.txt", NULL);

  assert_path_refused (dir, DM_IMPORT_ERROR_NOT_REGULAR, "is a directory");
  assert_path_refused (fifo, DM_IMPORT_ERROR_NOT_REGULAR, "not a regular file (a FIFO, socket or device)");
  assert_path_refused (missing, DM_IMPORT_ERROR_NOT_FOUND, "no such file");
  assert_path_refused (dangling, DM_IMPORT_ERROR_NOT_REGULAR, "a broken symbolic link (what it points to does not exist)");
  assert_path_refused (under_file, DM_IMPORT_ERROR_NOT_FOUND, "no such file (a part of the path is a file, not a folder)");

  {
    g_autofree char *empty = write_temp (dir, "empty.txt", "", 0);

    assert_path_refused (empty, DM_IMPORT_ERROR_EMPTY, "the file is empty");
  }
  rm_tree (dir);
}

static void
test_path_unreadable (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = write_temp (dir, "secret.txt", "Secret text.\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  g_assert_cmpint (g_chmod (path, 0000), ==, 0);
  articles = dm_import_load_path (path, &error);
  if (geteuid () == 0)
    {
      /* root reads anything */
      g_assert_no_error (error);
      g_assert_cmpstr (article_at (articles, 0)->text, ==, "Secret text.\n");
      g_test_message ("running as root: the permission check cannot be exercised");
    }
  else
    {
      g_assert_null (articles);
      g_assert_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_UNREADABLE);
      g_assert_nonnull (strstr (error->message, "permission denied"));
    }
  g_chmod (path, 0600);
  rm_tree (dir);
}

static void
test_path_too_large (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.txt", NULL);
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  /* a sparse file: 200 MB long, no disk space taken, never read */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 200 * 1024 * 1024), ==, 0);
  close (fd);
  assert_path_refused (path, DM_IMPORT_ERROR_TOO_LARGE, "the file is 200 MB; the limit is 64 MB");

  fd = open (path, O_WRONLY | O_TRUNC);
  g_assert_cmpint (ftruncate (fd, (off_t) DM_IMPORT_MAX_BYTES + 1), ==, 0);
  close (fd);
  assert_path_refused (path, DM_IMPORT_ERROR_TOO_LARGE, "the file is 64.1 MB; the limit is 64 MB");
  rm_tree (dir);
}

static void
test_path_not_utf8 (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = write_temp (dir, "r\xE9sum\xE9.txt", "Latin-1 name\n\nThe text.\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = dm_import_load_path (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (article_at (articles, 0)->id, ==, path);
  g_assert_cmpstr (article_at (articles, 0)->title, ==, "Latin-1 name");
  rm_tree (dir);
}

/* Helpers */

static void
test_dates (void)
{
  static const struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "2026-03-14", "2026-03-14" },
    { "2026-03-14T09:00:00Z", "2026-03-14" },
    { "2026-03-14T23:30:00-05:00", "2026-03-14" },
    { "2026/3/4", "2026-03-04" },
    { "20260314", "2026-03-14" },
    { "Sat, 14 Mar 2026 09:00:00 GMT", "2026-03-14" },
    { "14 Mar 26 09:00 +0000", "2026-03-14" },
    { "Tue, 3 Feb 2026 09:30:00 +0100", "2026-02-03" },
    { "March 14, 2026", "2026-03-14" },
    { "14 September 2026", "2026-09-14" },
    { "2026-02-30", NULL },
    { "31 Apr 2026", NULL },
    { "03/14/2026", NULL },
    { "yesterday", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = dm_import_normalize_date (cases[i].in);

      g_assert_cmpstr (date, ==, cases[i].out);
    }
  g_assert_null (dm_import_normalize_date (NULL));
}

static void
test_samples (void)
{
  const char *srcdir = g_getenv ("DRAMATIS_SOURCE_DIR");
  g_autofree char *dir = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint n_files = 0;

  if (srcdir == NULL)
    {
      g_test_skip ("DRAMATIS_SOURCE_DIR is not set");
      return;
    }
  dir = g_build_filename (srcdir, "data", "samples", NULL);
  d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);

  /* Every sample imports, with a title and a 2026 date where the format has them */
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = NULL;

      if (g_str_has_suffix (name, ".md"))
        continue;
      articles = dm_import_load_path (path, &error);
      g_assert_no_error (error);
      n_files++;
      for (guint i = 0; i < articles->len; i++)
        {
          DmArticle *article = article_at (articles, i);

          g_assert_nonnull (article->title);
          g_assert_cmpuint (article->length, >, 100);
          if (article->format != DM_ARTICLE_FORMAT_TEXT)
            g_assert_true (g_str_has_prefix (article->date, "2026-"));
        }
    }
  g_assert_cmpuint (n_files, >=, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dramatis/article/text/exact", test_text_exact);
  g_test_add_func ("/dramatis/article/text/headline", test_text_headline);
  g_test_add_func ("/dramatis/article/text/stdin", test_text_stdin);
  g_test_add_func ("/dramatis/article/html/body", test_html_body);
  g_test_add_func ("/dramatis/article/html/metadata", test_html_metadata);
  g_test_add_func ("/dramatis/article/html/title", test_html_title);
  g_test_add_func ("/dramatis/article/html/date", test_html_date);
  g_test_add_func ("/dramatis/article/html/source", test_html_source);
  g_test_add_func ("/dramatis/article/html/readability", test_html_readability);
  g_test_add_func ("/dramatis/article/html/spacing", test_html_spacing);
  g_test_add_func ("/dramatis/article/html/junk-classes", test_html_junk_classes);
  g_test_add_func ("/dramatis/article/threads", test_threads);
  g_test_add_func ("/dramatis/article/html/in-txt", test_html_in_txt);
  g_test_add_func ("/dramatis/article/html/no-text", test_html_no_text);
  g_test_add_func ("/dramatis/article/feed/rss2", test_feed_rss2);
  g_test_add_func ("/dramatis/article/feed/atom", test_feed_atom);
  g_test_add_func ("/dramatis/article/feed/rdf", test_feed_rdf);
  g_test_add_func ("/dramatis/article/feed/entity-bomb", test_feed_entity_bomb);
  g_test_add_func ("/dramatis/article/feed/external-entity", test_feed_external_entity);
  g_test_add_func ("/dramatis/article/feed/errors", test_feed_errors);
  g_test_add_func ("/dramatis/article/feed/recover", test_feed_recover);
  g_test_add_func ("/dramatis/article/sniff", test_sniff);
  g_test_add_func ("/dramatis/article/error/empty", test_error_empty);
  g_test_add_func ("/dramatis/article/error/binary", test_error_binary);
  g_test_add_func ("/dramatis/article/error/utf8", test_error_utf8);
  g_test_add_func ("/dramatis/article/encoding/utf16", test_encoding_utf16);
  g_test_add_func ("/dramatis/article/path/errors", test_path_errors);
  g_test_add_func ("/dramatis/article/path/unreadable", test_path_unreadable);
  g_test_add_func ("/dramatis/article/path/too-large", test_path_too_large);
  g_test_add_func ("/dramatis/article/path/not-utf8", test_path_not_utf8);
  g_test_add_func ("/dramatis/article/dates", test_dates);
  g_test_add_func ("/dramatis/article/samples", test_samples);

  return g_test_run ();
}
