/* dm-import-feed.c — RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one article per item
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-import-feed"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include <libxml/parser.h>

#include "dm-import-private.h"

/* No network, no entity substitution (XML_PARSE_NOENT), no external DTD or entities
 * (XML_PARSE_DTDLOAD), no lifted limits (XML_PARSE_HUGE): a feed is untrusted input and a
 * "billion laughs" must stay a few kilobytes. The bytes are UTF-8, checked before, whatever
 * the XML declaration says. */
#define FEED_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
                      XML_PARSE_IGNORE_ENC | XML_PARSE_NOCDATA)

#define MAX_DEPTH 256

typedef enum {
  FEED_RSS,
  FEED_RDF,
  FEED_ATOM,
} FeedKind;

static gboolean
is_element (xmlNode    *node,
            const char *local_name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         strcmp ((const char *) node->name, local_name) == 0;
}

static xmlNode *
first_child (xmlNode    *node,
             const char *local_name)
{
  if (node == NULL)
    return NULL;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, local_name))
      return child;
  return NULL;
}

static const char *
attr (xmlNode    *node,
      const char *name)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (strcmp ((const char *) a->name, name) == 0)
      return a->children != NULL && a->children->content != NULL
             ? (const char *) a->children->content : "";
  return NULL;
}

/* The character data under @node. Entity references are left out, never followed: their
 * content is whatever a hostile DTD declared. */
static void
append_xml_text (GString *out,
                 xmlNode *node,
                 guint    depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (child->content != NULL)
            g_string_append (out, (const char *) child->content);
        }
      else if (child->type == XML_ELEMENT_NODE && depth < MAX_DEPTH)
        append_xml_text (out, child, depth + 1);
    }
}

static char *
xml_text (xmlNode *node)
{
  GString *out;

  if (node == NULL)
    return NULL;
  out = g_string_new (NULL);
  append_xml_text (out, node, 0);
  return g_string_free (out, FALSE);
}

static char *
nonempty_or_free (char *text)
{
  if (text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Markup (escaped or in CDATA, as RSS carries it) to plain text with paragraph breaks */
static char *
html_text (xmlNode *node)
{
  g_autofree char *markup = xml_text (node);

  if (markup == NULL)
    return NULL;
  return nonempty_or_free (dm_import_html_fragment_text (markup, strlen (markup)));
}

/* One line: titles and feed names */
static char *
line_text (char *text)
{
  char *line;

  if (text == NULL)
    return NULL;
  line = dm_import_collapse_space (text);
  g_free (text);
  return nonempty_or_free (line);
}

/* An Atom text construct: type "text" (the default), "html" or "xhtml" */
static char *
atom_text (xmlNode *node)
{
  const char *type;
  g_autofree char *plain = NULL;

  if (node == NULL || attr (node, "src") != NULL)   /* content elsewhere */
    return NULL;

  type = attr (node, "type");
  if (type == NULL || strcmp (type, "text") == 0 || strcmp (type, "text/plain") == 0)
    {
      plain = xml_text (node);
      return nonempty_or_free (dm_import_plain_text (plain));
    }
  if (strcmp (type, "xhtml") == 0 || strcmp (type, "application/xhtml+xml") == 0)
    return nonempty_or_free (dm_import_html_node_text (node));
  return html_text (node);
}

static char *
item_date (xmlNode    *item,
           const char *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *value = xml_text (first_child (item, names[i]));
      char *date = dm_import_normalize_date (value);

      if (date != NULL)
        return date;
    }
  return NULL;
}

static DmArticle *
read_rss_item (const char *id,
               xmlNode    *item)
{
  static const char * const date_names[] = { "pubDate", "date", "published", "updated", NULL };
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *link = NULL;
  DmArticle *article;

  title = xml_text (first_child (item, "title"));
  if (title != NULL && strchr (title, '<') != NULL)
    {
      char *stripped = dm_import_html_fragment_text (title, strlen (title));

      g_free (title);
      title = stripped;
    }
  title = line_text (g_steal_pointer (&title));

  text = html_text (first_child (item, "encoded"));   /* content:encoded */
  if (text == NULL)
    text = html_text (first_child (item, "description"));
  if (text == NULL && title == NULL)
    return NULL;

  link = line_text (xml_text (first_child (item, "link")));
  if (link == NULL)
    {
      xmlNode *guid = first_child (item, "guid");
      const char *permalink = guid != NULL ? attr (guid, "isPermaLink") : NULL;

      if (guid != NULL && g_strcmp0 (permalink, "false") != 0)
        {
          link = line_text (xml_text (guid));
          if (link != NULL && !g_str_has_prefix (link, "http"))
            g_clear_pointer (&link, g_free);
        }
    }

  article = dm_article_new (id, text != NULL ? text : title, -1);
  article->title = g_steal_pointer (&title);
  article->url = g_steal_pointer (&link);
  article->date = item_date (item, date_names);
  return article;
}

static DmArticle *
read_atom_entry (const char *id,
                 xmlNode    *entry)
{
  static const char * const date_names[] = { "published", "updated", "issued", "modified", NULL };
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  DmArticle *article;
  const char *link = NULL;

  title = line_text (atom_text (first_child (entry, "title")));
  text = atom_text (first_child (entry, "content"));
  if (text == NULL)
    text = atom_text (first_child (entry, "summary"));
  if (text == NULL && title == NULL)
    return NULL;

  for (xmlNode *child = entry->children; child != NULL; child = child->next)
    if (is_element (child, "link"))
      {
        const char *rel = attr (child, "rel");

        if ((rel == NULL || strcmp (rel, "alternate") == 0) && attr (child, "href") != NULL)
          {
            link = attr (child, "href");
            break;
          }
      }

  article = dm_article_new (id, text != NULL ? text : title, -1);
  article->title = g_steal_pointer (&title);
  article->url = link != NULL && link[0] != '\0' ? g_strstrip (g_strdup (link)) : NULL;
  article->date = item_date (entry, date_names);
  return article;
}

static xmlDocPtr
parse (const char  *data,
       gsize        len,
       int          options,
       char       **message)
{
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    return NULL;
  doc = xmlCtxtReadMemory (ctxt, data, len, NULL, "UTF-8", options);
  if (doc == NULL && message != NULL)
    {
      const xmlError *err = &ctxt->lastError;
      g_autofree char *what = g_strdup (err->message != NULL ? err->message : _("unknown error"));

      g_strstrip (what);
      *message = g_strdup_printf (_("line %d: not well-formed XML: %s"), err->line, what);
    }
  xmlFreeParserCtxt (ctxt);
  return doc;
}

static GPtrArray *
read_feed (const char  *id,
           xmlDocPtr    doc,
           GError     **error)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_article_free);
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *channel = NULL;
  xmlNode *items_parent = NULL;
  g_autofree char *source = NULL;
  const char *item_name;
  FeedKind kind;
  guint n_items = 0;

  if (is_element (root, "rss"))
    {
      kind = FEED_RSS;
      channel = first_child (root, "channel");
      items_parent = channel != NULL ? channel : root;
      item_name = "item";
      source = line_text (xml_text (first_child (channel, "title")));
    }
  else if (is_element (root, "RDF"))
    {
      kind = FEED_RDF;
      channel = first_child (root, "channel");
      items_parent = root;
      item_name = "item";
      source = line_text (xml_text (first_child (channel, "title")));
    }
  else if (is_element (root, "feed"))
    {
      kind = FEED_ATOM;
      items_parent = root;
      item_name = "entry";
      source = line_text (atom_text (first_child (root, "title")));
    }
  else
    {
      g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE,
                   _("not an RSS or Atom feed (the document is <%s>)"),
                   root != NULL ? (const char *) root->name : _("empty"));
      return NULL;
    }

  for (xmlNode *child = items_parent->children; child != NULL; child = child->next)
    {
      DmArticle *article;

      if (!is_element (child, item_name))
        continue;
      n_items++;
      article = kind == FEED_ATOM ? read_atom_entry (id, child) : read_rss_item (id, child);
      if (article == NULL)
        continue;
      article->format = DM_ARTICLE_FORMAT_FEED;
      article->source = g_strdup (source);
      g_ptr_array_add (articles, article);
    }

  if (n_items == 0)
    {
      g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE,
                           kind == FEED_ATOM ? _("an Atom feed with no entries")
                                             : _("an RSS feed with no items"));
      return NULL;
    }
  if (articles->len == 0)
    {
      g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_EMPTY,
                   kind == FEED_ATOM
                   ? g_dngettext (GETTEXT_PACKAGE, "the feed's %u entry holds neither a title nor any text",
                                  "the feed's %u entries hold neither a title nor any text", n_items)
                   : g_dngettext (GETTEXT_PACKAGE, "the feed's %u item holds neither a title nor any text",
                                  "the feed's %u items hold neither a title nor any text", n_items),
                   n_items);
      return NULL;
    }
  return g_steal_pointer (&articles);
}

GPtrArray *
dm_import_feed (const char  *id,
                const char  *data,
                gsize        len,
                GError     **error)
{
  g_autofree char *message = NULL;
  GPtrArray *articles;
  xmlDocPtr doc;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len > G_MAXINT)
    {
      g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_TOO_LARGE,
                           _("the feed is too large to parse"));
      return NULL;
    }

  dm_import_init_libxml ();

  doc = parse (data, len, FEED_OPTIONS, &message);
  if (doc == NULL)
    {
      /* Feeds in the wild have stray ampersands and cut-off ends: take what can be read,
       * and report the first error when that is nothing */
      doc = parse (data, len, FEED_OPTIONS | XML_PARSE_RECOVER, NULL);
      if (doc != NULL && xmlDocGetRootElement (doc) != NULL)
        {
          articles = read_feed (id, doc, NULL);
          xmlFreeDoc (doc);
          if (articles != NULL)
            {
              g_debug ("%s: %s (recovered %u items)", id, message, articles->len);
              return articles;
            }
        }
      else if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE, message);
      return NULL;
    }

  articles = read_feed (id, doc, error);
  xmlFreeDoc (doc);
  return articles;
}
