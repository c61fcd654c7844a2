/* dm-json-reader.h — a small strict JSON reader for one line of JSON Lines
 *
 * GLib has no JSON parser. What Dramatis reads is one object a line (articles fed to
 * `dramatis-cli extract --stdin-jsonl`, extraction output read back by `import --jsonl`), so
 * this reads one value into a small tree: strict RFC 8259 (no comments, no trailing commas,
 * no lone surrogates, no duplicate keys), valid UTF-8 only, nested at most 64 deep.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DM_JSON_ERROR (dm_json_error_quark ())

typedef enum {
  DM_JSON_ERROR_SYNTAX,     /* not JSON: the message says where ("column 12: expected ':'") */
  DM_JSON_ERROR_TYPE,       /* JSON, but not what was asked for (dm_json_object_get_*) */
} DmJsonError;

typedef enum {
  DM_JSON_NULL,
  DM_JSON_BOOLEAN,
  DM_JSON_NUMBER,
  DM_JSON_STRING,
  DM_JSON_ARRAY,
  DM_JSON_OBJECT,
} DmJsonType;

typedef struct _DmJsonValue DmJsonValue;

typedef struct {
  char        *key;
  DmJsonValue *value;
} DmJsonMember;

struct _DmJsonValue
{
  DmJsonType type;
  union {
    gboolean   boolean;
    double     number;
    char      *string;    /* UTF-8; a \u0000 escape is refused, so it is a C string */
    GPtrArray *items;     /* DM_JSON_ARRAY: DmJsonValue */
    GPtrArray *members;   /* DM_JSON_OBJECT: DmJsonMember, in document order */
  };
};

GQuark             dm_json_error_quark (void);

/* Exactly one JSON value in @data (white space around it allowed), or NULL with @error. */
DmJsonValue       *dm_json_parse       (const char        *data,
                                        gsize              len,
                                        GError           **error);
void               dm_json_value_free  (DmJsonValue       *value);

/* The member @key of @object, NULL when it has none (or @object is not an object). */
const DmJsonValue *dm_json_object_get  (const DmJsonValue *object,
                                        const char        *key);

/* Typed members. A missing member or null gives NULL/FALSE-with-no-error for the optional
 * string; every other mismatch is a DM_JSON_ERROR_TYPE naming @key. */
gboolean           dm_json_object_get_string   (const DmJsonValue  *object,
                                                const char         *key,
                                                gboolean            required,
                                                const char        **out,
                                                GError            **error);
/* A whole number between 0 and G_MAXUINT. */
gboolean           dm_json_object_get_uint     (const DmJsonValue  *object,
                                                const char         *key,
                                                guint              *out,
                                                GError            **error);
gboolean           dm_json_object_get_boolean  (const DmJsonValue  *object,
                                                const char         *key,
                                                gboolean           *out,
                                                GError            **error);
/* A pair [start, end] of whole numbers, start ≤ end. */
gboolean           dm_json_object_get_pair     (const DmJsonValue  *object,
                                                const char         *key,
                                                guint              *first,
                                                guint              *second,
                                                GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmJsonValue, dm_json_value_free)

G_END_DECLS
