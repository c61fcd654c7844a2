/* dm-import-html.c — the body of an article in a web page, with its title, date and source
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-import-html"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include <libxml/HTMLparser.h>

#include "dm-dateline.h"
#include "dm-import-private.h"

/* Deeper than this no page is written by hand; the walks stop there rather than recurse
 * without bound on a hostile document. */
#define MAX_DEPTH 256

/* A paragraph shorter than this (in bytes, links left out) does not count toward a
 * container's score: captions, datelines, "Read more". */
#define MIN_PARAGRAPH_SCORE 20

/* Never network, never complain, recover from tag soup; white space is kept (no NOBLANKS) so
 * that "a <b>b</b> <i>c</i>" keeps its spaces. The bytes are UTF-8 (checked before) whatever
 * a <meta charset> says. */
#define HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
                      HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT)

static const char * const skipped_tags[] = {
  "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
  "iframe", "svg", "math", "button", "select", "textarea", "input", "label", "object",
  "embed", "canvas", "video", "audio", "map", "head", "title", "meta", "link", "dialog",
  "menu",
};

/* Looked for inside class and id values */
static const char * const junk_words[] = {
  "comment", "footer", "nav", "menu", "share", "social", "related", "advert", "cookie",
  "newsletter", "sidebar", "breadcrumb", "promo", "subscribe", "popup", "masthead",
  "sponsor", "outbrain", "taboola",
};

static const char * const junk_roles[] = {
  "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
  "dialog", "alertdialog",
};

static const char * const block_tags[] = {
  "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
  "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "caption",
  "figure", "figcaption", "address", "center", "details", "summary", "hr", "br", "body",
};

typedef struct
{
  /* Elements holding an <article>, <main> or articleBody: never dropped for their class
   * ("page has-sidebar" around the story) */
  GHashTable *keep;
} Scan;

static gboolean
name_in (const char         *name,
         const char * const *list,
         gsize               n_list)
{
  for (gsize i = 0; i < n_list; i++)
    if (strcmp (name, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_name (xmlNode    *node,
          const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

/* The value of attribute @name of @node, pointing into the tree; "" for an empty one, NULL
 * when there is none. */
static const char *
attr (xmlNode    *node,
      const char *name)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (g_ascii_strcasecmp ((const char *) a->name, name) == 0)
      {
        if (a->children != NULL && a->children->content != NULL)
          return (const char *) a->children->content;
        return "";
      }
  return NULL;
}

static gboolean
attr_contains_word (xmlNode    *node,
                    const char *name,
                    const char *word)
{
  const char *value = attr (node, name);
  gsize n = strlen (word);

  if (value == NULL)
    return FALSE;
  for (const char *p = value; (p = strstr (p, word)) != NULL; p += n)
    if ((p == value || g_ascii_isspace (p[-1])) && (p[n] == '\0' || g_ascii_isspace (p[n])))
      return TRUE;
  return FALSE;
}

static gboolean
is_article_body (xmlNode *node)
{
  return attr_contains_word (node, "itemprop", "articleBody");
}

static gboolean
value_is_junk (const char *value)
{
  char lower[256];
  gsize n = 0;
  const char *word;

  for (; value[n] != '\0' && n < sizeof lower - 1; n++)
    lower[n] = g_ascii_tolower (value[n]);
  lower[n] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (junk_words); i++)
    {
      const char *hit = strstr (lower, junk_words[i]);

      /* "commentary" is an article, "comments" are not */
      if (hit != NULL && !(i == 0 && g_str_has_prefix (hit + 7, "ary")))
        return TRUE;
    }

  /* "ad", "ads", "ad-slot", "top_ads" as whole words, not "head-line" or "load" */
  for (word = lower; *word != '\0';)
    {
      const char *stop = word;

      while (g_ascii_isalnum (*stop))
        stop++;
      if ((stop - word == 2 && strncmp (word, "ad", 2) == 0) ||
          (stop - word == 3 && strncmp (word, "ads", 3) == 0))
        return TRUE;
      word = *stop != '\0' ? stop + 1 : stop;
    }
  return FALSE;
}

static gboolean
is_junk (const Scan *scan,
         xmlNode    *node)
{
  const char *name = (const char *) node->name;
  const char *value;

  if (name_in (name, skipped_tags, G_N_ELEMENTS (skipped_tags)))
    return TRUE;
  if (node->properties == NULL)
    return FALSE;

  if (attr (node, "hidden") != NULL)
    return TRUE;
  if ((value = attr (node, "aria-hidden")) != NULL && g_ascii_strcasecmp (value, "true") == 0)
    return TRUE;
  if ((value = attr (node, "role")) != NULL &&
      name_in (value, junk_roles, G_N_ELEMENTS (junk_roles)))
    return TRUE;

  if (strcmp (name, "body") == 0 || strcmp (name, "html") == 0 ||
      strcmp (name, "article") == 0 || strcmp (name, "main") == 0 || is_article_body (node))
    return FALSE;
  if (scan != NULL && scan->keep != NULL && g_hash_table_contains (scan->keep, node))
    return FALSE;

  if ((value = attr (node, "class")) != NULL && value_is_junk (value))
    return TRUE;
  if ((value = attr (node, "id")) != NULL && value_is_junk (value))
    return TRUE;
  return FALSE;
}

/* Text building: blocks separated by "\n\n", white space collapsed inside a block */

typedef struct
{
  GString  *out;
  GString  *para;
  gboolean  pending_space;
} TextBuilder;

static void
builder_flush (TextBuilder *tb)
{
  if (tb->para->len == 0)
    return;
  if (tb->out->len > 0)
    g_string_append (tb->out, "\n\n");
  g_string_append_len (tb->out, tb->para->str, tb->para->len);
  g_string_truncate (tb->para, 0);
  tb->pending_space = FALSE;
}

static void
builder_append (TextBuilder *tb,
                const char  *text)
{
  const guchar *p = (const guchar *) text;

  while (*p != '\0')
    {
      const guchar *run;

      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')
        {
          tb->pending_space = tb->para->len > 0;
          p++;
          continue;
        }
      if (p[0] == 0xC2 && p[1] == 0xA0)   /* no-break space, from &nbsp; */
        {
          tb->pending_space = tb->para->len > 0;
          p += 2;
          continue;
        }
      if (tb->pending_space)
        g_string_append_c (tb->para, ' ');
      tb->pending_space = FALSE;

      for (run = p; *run != '\0' && *run > ' ' && !(run[0] == 0xC2 && run[1] == 0xA0); run++)
        ;
      g_string_append_len (tb->para, (const char *) p, run - p);
      p = run;
    }
}

static void
builder_walk (TextBuilder *tb,
              const Scan  *scan,
              xmlNode     *node,
              guint        depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      gboolean block;

      switch ((int) child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (child->content != NULL)
            builder_append (tb, (const char *) child->content);
          break;

        case XML_ELEMENT_NODE:
          if (is_junk (scan, child) || depth >= MAX_DEPTH)
            break;
          block = name_in ((const char *) child->name, block_tags, G_N_ELEMENTS (block_tags));
          if (block)
            builder_flush (tb);
          builder_walk (tb, scan, child, depth + 1);
          if (block)
            builder_flush (tb);
          break;

        default:
          /* Comments, processing instructions, and entity references (in XHTML from a
           * feed: never expanded) */
          break;
        }
    }
}

static char *
node_text (const Scan *scan,
           xmlNode    *node)
{
  TextBuilder tb = { g_string_new (NULL), g_string_new (NULL), FALSE };

  builder_walk (&tb, scan, node, 0);
  builder_flush (&tb);
  g_string_free (tb.para, TRUE);
  return g_string_free (tb.out, FALSE);
}

void
dm_import_init_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

char *
dm_import_html_node_text (xmlNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return node_text (NULL, node);
}

char *
dm_import_html_fragment_text (const char *html,
                              gsize       len)
{
  htmlDocPtr doc;
  xmlNode *root;
  char *text;

  g_return_val_if_fail (html != NULL, NULL);

  if (len == 0 || len > G_MAXINT)
    return g_strdup ("");

  dm_import_init_libxml ();
  doc = htmlReadMemory (html, len, NULL, "UTF-8", HTML_OPTIONS);
  if (doc == NULL)
    return g_strdup ("");
  root = xmlDocGetRootElement (doc);
  text = root != NULL ? node_text (NULL, root) : g_strdup ("");
  xmlFreeDoc (doc);
  return text;
}

char *
dm_import_uri_host (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *host;

  if (uri == NULL || uri[0] == '\0')
    return NULL;
  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL || (host = g_uri_get_host (parsed)) == NULL || host[0] == '\0')
    return NULL;
  if (g_ascii_strncasecmp (host, "www.", 4) == 0)
    host += 4;
  return g_ascii_strdown (host, -1);
}

/* Metadata */

typedef struct
{
  GHashTable *meta;        /* lower-case property/name/itemprop → content (into the tree) */
  xmlNode    *title;       /* first <title> */
  xmlNode    *h1;          /* first <h1> */
  const char *time;        /* datetime of the first <time>, a published one preferred */
  gboolean    time_is_published;
  const char *canonical;   /* <link rel="canonical" href> */
  char       *ld_date;     /* "datePublished" of JSON-LD */
} Meta;

/* Finds "datePublished": "…" in JSON-LD text with a plain scan */
static char *
scan_ld_json_date (const char *json)
{
  const char *p = json;

  while ((p = strstr (p, "\"datePublished\"")) != NULL)
    {
      const char *start, *stop;

      p += strlen ("\"datePublished\"");
      while (g_ascii_isspace (*p))
        p++;
      if (*p != ':')
        continue;
      p++;
      while (g_ascii_isspace (*p))
        p++;
      if (*p != '"')
        continue;
      start = ++p;
      stop = strchr (start, '"');
      if (stop == NULL || stop - start > 64)
        continue;
      {
        g_autofree char *value = g_strndup (start, stop - start);
        char *date = dm_import_normalize_date (value);

        if (date != NULL)
          return date;
      }
    }
  return NULL;
}

static void
collect_meta (Meta    *meta,
              xmlNode *node,
              guint    depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const char *name;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      name = (const char *) child->name;

      if (strcmp (name, "meta") == 0)
        {
          const char *key = attr (child, "property");
          const char *content = attr (child, "content");

          if (key == NULL)
            key = attr (child, "name");
          if (key == NULL)
            key = attr (child, "itemprop");
          if (key != NULL && content != NULL && content[0] != '\0')
            {
              char *lower = g_ascii_strdown (key, -1);

              if (!g_hash_table_contains (meta->meta, lower))
                g_hash_table_insert (meta->meta, lower, (gpointer) content);
              else
                g_free (lower);
            }
        }
      else if (strcmp (name, "title") == 0)
        {
          if (meta->title == NULL)
            meta->title = child;
        }
      else if (strcmp (name, "h1") == 0)
        {
          if (meta->h1 == NULL)
            meta->h1 = child;
        }
      else if (strcmp (name, "time") == 0)
        {
          const char *datetime = attr (child, "datetime");
          gboolean published = attr (child, "pubdate") != NULL ||
                               attr_contains_word (child, "itemprop", "datePublished");

          if (datetime != NULL && datetime[0] != '\0' &&
              (meta->time == NULL || (published && !meta->time_is_published)))
            {
              meta->time = datetime;
              meta->time_is_published = published;
            }
        }
      else if (strcmp (name, "link") == 0)
        {
          if (meta->canonical == NULL && attr_contains_word (child, "rel", "canonical"))
            meta->canonical = attr (child, "href");
        }
      else if (strcmp (name, "script") == 0)
        {
          const char *type = attr (child, "type");

          if (meta->ld_date == NULL && type != NULL &&
              g_ascii_strcasecmp (type, "application/ld+json") == 0)
            {
              xmlChar *json = xmlNodeGetContent (child);

              if (json != NULL)
                meta->ld_date = scan_ld_json_date ((const char *) json);
              xmlFree (json);
            }
          continue;
        }

      if (depth < MAX_DEPTH)
        collect_meta (meta, child, depth + 1);
    }
}

static const char *
meta_get (Meta       *meta,
          const char *key)
{
  const char *value = g_hash_table_lookup (meta->meta, key);

  return value != NULL && value[0] != '\0' ? value : NULL;
}

static char *
element_text (xmlNode *node)
{
  xmlChar *content;
  char *text;

  if (node == NULL)
    return NULL;
  content = xmlNodeGetContent (node);
  text = dm_import_collapse_space (content != NULL ? (const char *) content : "");
  xmlFree (content);
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* "Germany urges calm | The Daily Planet" → "Germany urges calm" when the site is called
 * "The Daily Planet" */
static void
strip_site_name (char       *title,
                 const char *site)
{
  static const char * const separators[] = { " | ", " - ", " – ", " — ", " :: ", " · ", " : " };
  gsize title_len, site_len;

  if (title == NULL || site == NULL || site[0] == '\0')
    return;
  title_len = strlen (title);
  site_len = strlen (site);

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      gsize sep_len = strlen (separators[i]);
      char *tail;

      if (title_len <= site_len + sep_len)
        continue;
      tail = title + title_len - site_len - sep_len;
      if (strncmp (tail, separators[i], sep_len) == 0 &&
          g_ascii_strcasecmp (tail + sep_len, site) == 0)
        {
          *tail = '\0';
          return;
        }
    }
}

static char *
find_date (Meta *meta)
{
  static const char * const keys[] = {
    "article:published_time", "date", "pubdate", "dc.date", "dc.date.issued",
    "dcterms.date", "dcterms.issued", "datepublished", "publish-date", "article.published",
  };
  char *date;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if ((date = dm_import_normalize_date (meta_get (meta, keys[i]))) != NULL)
      return date;
  if ((date = dm_import_normalize_date (meta->time)) != NULL)
    return date;
  return g_strdup (meta->ld_date);
}

/* Choosing the body */

typedef struct
{
  Scan        scan;
  GPtrArray  *articles;
  GPtrArray  *bodies;
  GPtrArray  *mains;
  GHashTable *scores;      /* xmlNode → paragraph text of its children (+ half of grandchildren) */
} Candidates;

/* Bytes of text under @node, without links and junk */
static gsize
count_text (const Scan *scan,
            xmlNode    *node,
            guint       depth)
{
  gsize n = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          for (const char *p = (const char *) child->content; p != NULL && *p != '\0'; p++)
            n += !g_ascii_isspace (*p);
        }
      else if (child->type == XML_ELEMENT_NODE && depth < MAX_DEPTH &&
               !has_name (child, "a") && !is_junk (scan, child))
        n += count_text (scan, child, depth + 1);
    }
  return n;
}

static void
add_score (GHashTable *scores,
           xmlNode    *node,
           gsize       score)
{
  gsize old;

  if (node == NULL || node->type != XML_ELEMENT_NODE || score == 0)
    return;
  old = GPOINTER_TO_SIZE (g_hash_table_lookup (scores, node));
  g_hash_table_insert (scores, node, GSIZE_TO_POINTER (old + score));
}

/* Marks the ancestors of <article>, <main> and articleBody elements */
static void
mark_keep (GHashTable *keep,
           xmlNode    *node,
           guint       depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (has_name (child, "article") || has_name (child, "main") || is_article_body (child))
        for (xmlNode *up = child->parent;
             up != NULL && up->type == XML_ELEMENT_NODE && !g_hash_table_contains (keep, up);
             up = up->parent)
          g_hash_table_add (keep, up);
      if (depth < MAX_DEPTH)
        mark_keep (keep, child, depth + 1);
    }
}

static void
collect_candidates (Candidates *c,
                    xmlNode    *node,
                    guint       depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const char *role;

      if (child->type != XML_ELEMENT_NODE || is_junk (&c->scan, child))
        continue;

      if (has_name (child, "article"))
        g_ptr_array_add (c->articles, child);
      if (is_article_body (child))
        g_ptr_array_add (c->bodies, child);
      if (has_name (child, "main") ||
          ((role = attr (child, "role")) != NULL && strcmp (role, "main") == 0))
        g_ptr_array_add (c->mains, child);

      if (has_name (child, "p"))
        {
          gsize score = count_text (&c->scan, child, depth + 1);

          if (score >= MIN_PARAGRAPH_SCORE)
            {
              add_score (c->scores, child->parent, score);
              if (child->parent != NULL)
                add_score (c->scores, child->parent->parent, score / 2);
            }
        }
      else if (depth < MAX_DEPTH)
        collect_candidates (c, child, depth + 1);
    }
}

static xmlNode *
largest (const Scan *scan,
         GPtrArray  *nodes,
         gsize      *size)
{
  xmlNode *best = NULL;

  *size = 0;
  for (guint i = 0; i < nodes->len; i++)
    {
      gsize n = count_text (scan, nodes->pdata[i], 0);

      if (n > *size)
        {
          *size = n;
          best = nodes->pdata[i];
        }
    }
  return best;
}

static xmlNode *
find_body_element (xmlNode *root)
{
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (has_name (child, "body"))
      return child;
  return root;
}

/* <article>, then articleBody, then <main>, then the element with the most paragraph text;
 * each of the first three only when it holds at least half as much text as that element
 * has in paragraphs (a page with teaser <article>s around a story in <div>s). */
static char *
extract_body (xmlNode *root)
{
  Candidates c = { { NULL }, NULL, NULL, NULL, NULL };
  GHashTableIter iter;
  gpointer key, value;
  xmlNode *best = NULL;
  gsize best_score = 0;
  GPtrArray *lists[3];
  char *text = NULL;

  c.scan.keep = g_hash_table_new (NULL, NULL);
  c.articles = g_ptr_array_new ();
  c.bodies = g_ptr_array_new ();
  c.mains = g_ptr_array_new ();
  c.scores = g_hash_table_new (NULL, NULL);

  mark_keep (c.scan.keep, root, 0);
  collect_candidates (&c, root, 0);

  g_hash_table_iter_init (&iter, c.scores);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_SIZE (value) > best_score)
      {
        best_score = GPOINTER_TO_SIZE (value);
        best = key;
      }

  lists[0] = c.articles;
  lists[1] = c.bodies;
  lists[2] = c.mains;
  for (guint i = 0; i < G_N_ELEMENTS (lists) && text == NULL; i++)
    {
      gsize size;
      xmlNode *node = largest (&c.scan, lists[i], &size);

      if (node != NULL && size > 0 && size >= best_score / 2)
        text = node_text (&c.scan, node);
      if (text != NULL && text[0] == '\0')
        g_clear_pointer (&text, g_free);
    }

  if (text == NULL && best != NULL)
    text = node_text (&c.scan, best);
  if (text == NULL || text[0] == '\0')
    {
      g_free (text);
      text = node_text (&c.scan, find_body_element (root));
    }

  g_hash_table_unref (c.scan.keep);
  g_ptr_array_unref (c.articles);
  g_ptr_array_unref (c.bodies);
  g_ptr_array_unref (c.mains);
  g_hash_table_unref (c.scores);
  return text;
}

GPtrArray *
dm_import_html (const char  *id,
                const char  *data,
                gsize        len,
                GError     **error)
{
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *text = NULL;
  Meta meta = { NULL };
  htmlDocPtr doc;
  xmlNode *root;
  DmArticle *article;
  const char *site, *url;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dm_import_init_libxml ();
  if (len > G_MAXINT ||
      (doc = htmlReadMemory (data, len, NULL, "UTF-8", HTML_OPTIONS)) == NULL)
    {
      g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE,
                           _("not an HTML page that can be read"));
      return NULL;
    }
  if ((root = xmlDocGetRootElement (doc)) == NULL)
    {
      xmlFreeDoc (doc);
      g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_EMPTY,
                           _("the page holds no text"));
      return NULL;
    }

  text = extract_body (root);
  if (text[0] == '\0')
    {
      xmlFreeDoc (doc);
      g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_EMPTY,
                           _("the page holds no article text"));
      return NULL;
    }

  article = dm_article_new (id, text, -1);
  article->format = DM_ARTICLE_FORMAT_HTML;

  meta.meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  collect_meta (&meta, (xmlNode *) doc, 0);

  site = meta_get (&meta, "og:site_name");
  if (site == NULL)
    site = meta_get (&meta, "application-name");
  url = meta_get (&meta, "og:url");
  if (url == NULL && meta.canonical != NULL && meta.canonical[0] != '\0')
    url = meta.canonical;

  if (meta_get (&meta, "og:title") != NULL)
    article->title = dm_import_collapse_space (meta_get (&meta, "og:title"));
  if (article->title == NULL || article->title[0] == '\0')
    {
      g_free (article->title);
      article->title = element_text (meta.title);
      strip_site_name (article->title, site);
    }
  if (article->title == NULL)
    article->title = element_text (meta.h1);

  article->date = find_date (&meta);
  if (article->date == NULL)
    article->date = dm_dateline_find (article->text, article->text_len);
  article->url = g_strdup (url);
  article->source = site != NULL ? dm_import_collapse_space (site) : dm_import_uri_host (url);

  g_hash_table_unref (meta.meta);
  g_free (meta.ld_date);
  xmlFreeDoc (doc);

  articles = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_article_free);
  g_ptr_array_add (articles, article);
  return g_steal_pointer (&articles);
}
