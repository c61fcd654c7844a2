/* dm-article-item.c — one article of the corpus as a list-model item, with its
 * include-in-graph switch
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-article-item"

#include "config.h"

#include "dm-article-item.h"

struct _DmArticleItem
{
  GObject   parent_instance;
  gint64    id;
  char     *title;
  char     *source;
  char     *date;
  guint     n_relations;
  gboolean  included;
};

enum {
  PROP_0,
  PROP_INCLUDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DmArticleItem, dm_article_item, G_TYPE_OBJECT)

static void
dm_article_item_finalize (GObject *object)
{
  DmArticleItem *self = (DmArticleItem *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (dm_article_item_parent_class)->finalize (object);
}

static void
dm_article_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DmArticleItem *self = DM_ARTICLE_ITEM (object);

  switch (prop_id)
    {
    case PROP_INCLUDED:
      g_value_set_boolean (value, self->included);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_article_item_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DmArticleItem *self = DM_ARTICLE_ITEM (object);

  switch (prop_id)
    {
    case PROP_INCLUDED:
      dm_article_item_set_included (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_article_item_class_init (DmArticleItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dm_article_item_finalize;
  object_class->get_property = dm_article_item_get_property;
  object_class->set_property = dm_article_item_set_property;

  properties[PROP_INCLUDED] =
    g_param_spec_boolean ("included", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dm_article_item_init (DmArticleItem *self)
{
  self->included = TRUE;
}

DmArticleItem *
dm_article_item_new (const DmArticleInfo *info,
                     gboolean             included)
{
  DmArticleItem *self;

  g_return_val_if_fail (info != NULL, NULL);

  self = g_object_new (DM_TYPE_ARTICLE_ITEM, NULL);
  self->id = info->id;
  if (info->title != NULL && info->title[0] != 0)
    self->title = g_strdup (info->title);
  else if (info->origin != NULL)
    self->title = g_path_get_basename (info->origin);
  else
    self->title = g_strdup ("");
  self->source = g_strdup (info->source);
  self->date = g_strdup (info->date);
  self->n_relations = info->n_relations;
  self->included = !!included;

  return self;
}

gint64
dm_article_item_get_id (DmArticleItem *self)
{
  g_return_val_if_fail (DM_IS_ARTICLE_ITEM (self), 0);
  return self->id;
}

const char *
dm_article_item_get_title (DmArticleItem *self)
{
  g_return_val_if_fail (DM_IS_ARTICLE_ITEM (self), NULL);
  return self->title;
}

const char *
dm_article_item_get_source (DmArticleItem *self)
{
  g_return_val_if_fail (DM_IS_ARTICLE_ITEM (self), NULL);
  return self->source;
}

const char *
dm_article_item_get_date (DmArticleItem *self)
{
  g_return_val_if_fail (DM_IS_ARTICLE_ITEM (self), NULL);
  return self->date;
}

guint
dm_article_item_get_n_relations (DmArticleItem *self)
{
  g_return_val_if_fail (DM_IS_ARTICLE_ITEM (self), 0);
  return self->n_relations;
}

gboolean
dm_article_item_get_included (DmArticleItem *self)
{
  g_return_val_if_fail (DM_IS_ARTICLE_ITEM (self), FALSE);
  return self->included;
}

void
dm_article_item_set_included (DmArticleItem *self,
                              gboolean       included)
{
  g_return_if_fail (DM_IS_ARTICLE_ITEM (self));

  included = !!included;
  if (self->included != included)
    {
      self->included = included;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDED]);
    }
}
