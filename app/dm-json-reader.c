/* dm-json-reader.c — a small strict JSON reader for one line of JSON Lines
 *
 * A recursive-descent parser over a byte range. Strings are checked as UTF-8 while they are
 * read; escapes are decoded, surrogate pairs joined. The depth limit keeps a hostile line
 * ("[[[[…") from exhausting the stack.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-json-reader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "dm-json-reader.h"

#define MAX_DEPTH 64

/* Objects with more members than this check their keys for duplicates through a hash set. */
#define LINEAR_KEY_CHECK 16

G_DEFINE_QUARK (dm-json-error-quark, dm_json_error)

typedef struct {
  const char *start;
  const char *p;
  const char *end;
  GError    **error;
} Reader;

static DmJsonValue *read_value (Reader *reader,
                                guint   depth);

static gboolean
fail (Reader     *reader,
      const char *what)
{
  /* Columns count bytes from 1, as editors and `cut -b` do. @what is marked N_() by the
   * callers and looked up here, on the failure path only. */
  what = _(what);
  if (reader->p >= reader->end)
    /* Translators: %s is what the reader expected there, such as "a closing quote" */
    g_set_error (reader->error, DM_JSON_ERROR, DM_JSON_ERROR_SYNTAX,
                 _("not JSON: the line ends where %s was expected"), what);
  else
    /* Translators: %zu is a column, %s what the reader expected there ("a digit") */
    g_set_error (reader->error, DM_JSON_ERROR, DM_JSON_ERROR_SYNTAX,
                 _("not JSON: column %zu: expected %s"),
                 (size_t) (reader->p - reader->start) + 1, what);
  return FALSE;
}

static void
skip_space (Reader *reader)
{
  while (reader->p < reader->end &&
         (*reader->p == ' ' || *reader->p == '\t' || *reader->p == '\n' || *reader->p == '\r'))
    reader->p++;
}

static gboolean
accept (Reader *reader,
        char    c)
{
  skip_space (reader);
  if (reader->p < reader->end && *reader->p == c)
    {
      reader->p++;
      return TRUE;
    }
  return FALSE;
}

static DmJsonValue *
value_new (DmJsonType type)
{
  DmJsonValue *value = g_new0 (DmJsonValue, 1);

  value->type = type;
  return value;
}

static void
member_free (DmJsonMember *member)
{
  g_free (member->key);
  dm_json_value_free (member->value);
  g_free (member);
}

void
dm_json_value_free (DmJsonValue *value)
{
  if (value == NULL)
    return;
  switch (value->type)
    {
    case DM_JSON_STRING:
      g_free (value->string);
      break;
    case DM_JSON_ARRAY:
      g_ptr_array_unref (value->items);
      break;
    case DM_JSON_OBJECT:
      g_ptr_array_unref (value->members);
      break;
    case DM_JSON_NULL:
    case DM_JSON_BOOLEAN:
    case DM_JSON_NUMBER:
    default:
      break;
    }
  g_free (value);
}

static gboolean
read_hex4 (Reader   *reader,
           gunichar *out)
{
  *out = 0;
  for (guint i = 0; i < 4; i++)
    {
      int digit = reader->p < reader->end ? g_ascii_xdigit_value (*reader->p) : -1;

      if (digit < 0)
        return fail (reader, N_("four hexadecimal digits after \\u"));
      *out = (*out << 4) | (gunichar) digit;
      reader->p++;
    }
  return TRUE;
}

/* After "\u": one code point, a surrogate pair joined; lone surrogates and U+0000 refused. */
static gboolean
read_unicode_escape (Reader   *reader,
                     gunichar *out)
{
  gunichar low;

  if (!read_hex4 (reader, out))
    return FALSE;
  if (*out >= 0xDC00 && *out <= 0xDFFF)
    return fail (reader, N_("a high surrogate before this low one"));
  if (*out >= 0xD800 && *out <= 0xDBFF)
    {
      if (reader->end - reader->p < 2 || reader->p[0] != '\\' || reader->p[1] != 'u')
        return fail (reader, N_("a low surrogate after a high one"));
      reader->p += 2;
      if (!read_hex4 (reader, &low))
        return FALSE;
      if (low < 0xDC00 || low > 0xDFFF)
        return fail (reader, N_("a low surrogate after a high one"));
      *out = 0x10000 + ((*out - 0xD800) << 10) + (low - 0xDC00);
    }
  if (*out == 0)
    return fail (reader, N_("no \\u0000 (text cannot hold NUL characters)"));
  return TRUE;
}

/* After the opening quote. */
static char *
read_string_body (Reader *reader)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (;;)
    {
      const char *run = reader->p;

      /* Plain ASCII runs are copied whole. */
      while (reader->p < reader->end && (guchar) *reader->p >= 0x20 && (guchar) *reader->p < 0x80 &&
             *reader->p != '"' && *reader->p != '\\')
        reader->p++;
      g_string_append_len (out, run, reader->p - run);

      if (reader->p >= reader->end)
        {
          fail (reader, N_("a closing quote"));
          return NULL;
        }

      if (*reader->p == '"')
        {
          reader->p++;
          return g_string_free (g_steal_pointer (&out), FALSE);
        }

      if ((guchar) *reader->p < 0x20)
        {
          fail (reader, N_("no control character inside a string (escape it)"));
          return NULL;
        }

      if ((guchar) *reader->p >= 0x80)
        {
          gunichar c = g_utf8_get_char_validated (reader->p, reader->end - reader->p);
          const char *next;

          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              fail (reader, N_("valid UTF-8"));
              return NULL;
            }
          next = g_utf8_next_char (reader->p);
          g_string_append_len (out, reader->p, next - reader->p);
          reader->p = next;
          continue;
        }

      /* A backslash */
      reader->p++;
      if (reader->p >= reader->end)
        {
          fail (reader, N_("an escape after \\"));
          return NULL;
        }
      switch (*reader->p++)
        {
        case '"':  g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/':  g_string_append_c (out, '/'); break;
        case 'b':  g_string_append_c (out, '\b'); break;
        case 'f':  g_string_append_c (out, '\f'); break;
        case 'n':  g_string_append_c (out, '\n'); break;
        case 'r':  g_string_append_c (out, '\r'); break;
        case 't':  g_string_append_c (out, '\t'); break;
        case 'u':
          {
            gunichar c;

            if (!read_unicode_escape (reader, &c))
              return NULL;
            g_string_append_unichar (out, c);
          }
          break;
        default:
          reader->p--;
          fail (reader, N_("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u"));
          return NULL;
        }
    }
}

static gboolean
skip_digits (Reader *reader)
{
  const char *first = reader->p;

  while (reader->p < reader->end && g_ascii_isdigit (*reader->p))
    reader->p++;
  return reader->p > first;
}

/* The grammar is checked here; the value is then converted by g_ascii_strtod(). */
static DmJsonValue *
read_number (Reader *reader)
{
  const char *first = reader->p;
  g_autofree char *text = NULL;
  DmJsonValue *value;

  if (reader->p < reader->end && *reader->p == '-')
    reader->p++;
  if (reader->p < reader->end && *reader->p == '0')
    reader->p++;
  else if (!skip_digits (reader))
    {
      fail (reader, N_("a digit"));
      return NULL;
    }
  if (reader->p < reader->end && *reader->p == '.')
    {
      reader->p++;
      if (!skip_digits (reader))
        {
          fail (reader, N_("a digit after the decimal point"));
          return NULL;
        }
    }
  if (reader->p < reader->end && (*reader->p == 'e' || *reader->p == 'E'))
    {
      reader->p++;
      if (reader->p < reader->end && (*reader->p == '+' || *reader->p == '-'))
        reader->p++;
      if (!skip_digits (reader))
        {
          fail (reader, N_("a digit in the exponent"));
          return NULL;
        }
    }

  text = g_strndup (first, reader->p - first);
  value = value_new (DM_JSON_NUMBER);
  value->number = g_ascii_strtod (text, NULL);
  return value;
}

static gboolean
read_literal (Reader     *reader,
              const char *literal)
{
  gsize len = strlen (literal);

  if ((gsize) (reader->end - reader->p) < len || memcmp (reader->p, literal, len) != 0)
    return fail (reader, N_("a value"));
  reader->p += len;
  return TRUE;
}

static gboolean
has_key (GPtrArray  *members,
         GHashTable *keys,
         const char *key)
{
  if (keys != NULL)
    return !g_hash_table_add (keys, (gpointer) key);

  for (guint i = 0; i < members->len; i++)
    {
      const DmJsonMember *member = g_ptr_array_index (members, i);

      if (strcmp (member->key, key) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The closing bracket of an object or array after its last member: @container, or NULL. */
static DmJsonValue *
close_container (Reader       *reader,
                 DmJsonValue **container,
                 char          close,
                 const char   *expected)
{
  if (!accept (reader, close))
    {
      fail (reader, expected);
      return NULL;
    }
  return g_steal_pointer (container);
}

/* After "{". */
static DmJsonValue *
read_object (Reader *reader,
             guint   depth)
{
  g_autoptr(DmJsonValue) object = value_new (DM_JSON_OBJECT);
  g_autoptr(GHashTable) keys = NULL;

  object->members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  if (accept (reader, '}'))
    return g_steal_pointer (&object);

  do
    {
      DmJsonMember *member;
      const char *key_start;
      char *key;

      skip_space (reader);
      key_start = reader->p;
      if (!accept (reader, '"'))
        {
          fail (reader, N_("a key in quotes"));
          return NULL;
        }
      if (!(key = read_string_body (reader)))
        return NULL;

      if (keys == NULL && object->members->len == LINEAR_KEY_CHECK)
        {
          keys = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint i = 0; i < object->members->len; i++)
            g_hash_table_add (keys, ((DmJsonMember *) g_ptr_array_index (object->members, i))->key);
        }
      if (has_key (object->members, keys, key))
        {
          reader->p = key_start;
          g_free (key);
          fail (reader, N_("each key once in an object"));
          return NULL;
        }

      member = g_new0 (DmJsonMember, 1);
      member->key = key;
      g_ptr_array_add (object->members, member);

      if (!accept (reader, ':'))
        {
          fail (reader, N_("':'"));
          return NULL;
        }
      if (!(member->value = read_value (reader, depth + 1)))
        return NULL;
    }
  while (accept (reader, ','));

  return close_container (reader, &object, '}', N_("',' or '}'"));
}

/* After "[". */
static DmJsonValue *
read_array (Reader *reader,
            guint   depth)
{
  g_autoptr(DmJsonValue) array = value_new (DM_JSON_ARRAY);

  array->items = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_json_value_free);
  if (accept (reader, ']'))
    return g_steal_pointer (&array);

  do
    {
      DmJsonValue *item = read_value (reader, depth + 1);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (array->items, item);
    }
  while (accept (reader, ','));

  return close_container (reader, &array, ']', N_("',' or ']'"));
}

static DmJsonValue *
read_value (Reader *reader,
            guint   depth)
{
  DmJsonValue *value;

  if (depth >= MAX_DEPTH)
    {
      fail (reader, N_("at most 64 nested arrays and objects"));
      return NULL;
    }

  skip_space (reader);
  if (reader->p >= reader->end)
    {
      fail (reader, N_("a value"));
      return NULL;
    }

  switch (*reader->p)
    {
    case '{':
      reader->p++;
      return read_object (reader, depth);
    case '[':
      reader->p++;
      return read_array (reader, depth);
    case '"':
      {
        char *string;

        reader->p++;
        if (!(string = read_string_body (reader)))
          return NULL;
        value = value_new (DM_JSON_STRING);
        value->string = string;
        return value;
      }
    case 't':
    case 'f':
      {
        gboolean truth = *reader->p == 't';

        if (!read_literal (reader, truth ? "true" : "false"))
          return NULL;
        value = value_new (DM_JSON_BOOLEAN);
        value->boolean = truth;
        return value;
      }
    case 'n':
      if (!read_literal (reader, "null"))
        return NULL;
      return value_new (DM_JSON_NULL);
    default:
      if (*reader->p == '-' || g_ascii_isdigit (*reader->p))
        return read_number (reader);
      fail (reader, N_("a value"));
      return NULL;
    }
}

DmJsonValue *
dm_json_parse (const char  *data,
               gsize        len,
               GError     **error)
{
  g_autoptr(DmJsonValue) value = NULL;
  Reader reader = { data, data, data + len, error };

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(value = read_value (&reader, 0)))
    return NULL;
  skip_space (&reader);
  if (reader.p < reader.end)
    {
      fail (&reader, N_("the end of the line after one value"));
      return NULL;
    }
  return g_steal_pointer (&value);
}

/* Typed access */

const DmJsonValue *
dm_json_object_get (const DmJsonValue *object,
                    const char        *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  if (object == NULL || object->type != DM_JSON_OBJECT)
    return NULL;
  for (guint i = 0; i < object->members->len; i++)
    {
      const DmJsonMember *member = g_ptr_array_index (object->members, i);

      if (strcmp (member->key, key) == 0)
        return member->value;
    }
  return NULL;
}

static gboolean
type_error (const char  *key,
            const char  *expected,
            GError     **error)
{
  /* Translators: the first %s is a JSON key, the second what its value must be ("a string") */
  g_set_error (error, DM_JSON_ERROR, DM_JSON_ERROR_TYPE, _("“%s” must be %s"), key, _(expected));
  return FALSE;
}

gboolean
dm_json_object_get_string (const DmJsonValue  *object,
                           const char         *key,
                           gboolean            required,
                           const char        **out,
                           GError            **error)
{
  const DmJsonValue *value = dm_json_object_get (object, key);

  *out = NULL;
  if (value != NULL && value->type == DM_JSON_STRING)
    {
      *out = value->string;
      return TRUE;
    }
  if (required)
    return type_error (key, N_("a string"), error);
  if (value != NULL && value->type != DM_JSON_NULL)
    return type_error (key, N_("a string or null"), error);
  return TRUE;
}

static gboolean
is_uint (const DmJsonValue *value)
{
  return value != NULL && value->type == DM_JSON_NUMBER && value->number >= 0 &&
         value->number <= G_MAXUINT && floor (value->number) == value->number;
}

gboolean
dm_json_object_get_uint (const DmJsonValue  *object,
                         const char         *key,
                         guint              *out,
                         GError            **error)
{
  const DmJsonValue *value = dm_json_object_get (object, key);

  if (!is_uint (value))
    return type_error (key, N_("a whole number"), error);
  *out = (guint) value->number;
  return TRUE;
}

gboolean
dm_json_object_get_boolean (const DmJsonValue  *object,
                            const char         *key,
                            gboolean           *out,
                            GError            **error)
{
  const DmJsonValue *value = dm_json_object_get (object, key);

  if (value == NULL || value->type != DM_JSON_BOOLEAN)
    return type_error (key, N_("true or false"), error);
  *out = value->boolean;
  return TRUE;
}

gboolean
dm_json_object_get_pair (const DmJsonValue  *object,
                         const char         *key,
                         guint              *first,
                         guint              *second,
                         GError            **error)
{
  const DmJsonValue *value = dm_json_object_get (object, key);

  if (value == NULL || value->type != DM_JSON_ARRAY || value->items->len != 2 ||
      !is_uint (g_ptr_array_index (value->items, 0)) ||
      !is_uint (g_ptr_array_index (value->items, 1)))
    return type_error (key, N_("a pair of whole numbers [start, end]"), error);
  *first = (guint) ((DmJsonValue *) g_ptr_array_index (value->items, 0))->number;
  *second = (guint) ((DmJsonValue *) g_ptr_array_index (value->items, 1))->number;
  if (*first > *second)
    return type_error (key, N_("a pair [start, end] with start ≤ end"), error);
  return TRUE;
}
