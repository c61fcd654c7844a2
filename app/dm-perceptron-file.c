/* dm-perceptron-file.c — model files: checked on load, used in place, written and pruned
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format 3 (all integers little-endian):
 *   "DMMODEL\0"  u32 version (3)
 *   u32 n + kind bytes
 *   u32 n_classes, then per class: u32 n + name bytes
 *   u32 n + extra bytes
 *   zero bytes up to a multiple of 8
 *   u64 n_homes, u64 n_slots, u64 n_entries, u64 n_rows, u64 row_len
 *   n_slots × (u64 key, u32 first, u32 count)     the feature table, ready to probe
 *   n_entries × (u16 class, u16 0, f32 weight)    a feature's weights: count from first
 *   n_rows × row_len × f32                        a feature's weights as a full row, for
 *                                                 a slot with count 0 (row first)
 *   u64 checksum of the 64-bit words before it (dm_model_word_checksum ())
 * A feature with weights for DM_DENSE_MIN classes or more has a row: row_len is the number
 * of classes rounded up to a multiple of 8, the weights past the classes are zero, and a
 * row holds at least one weight that is not zero. Adding a row a vector at a time gives
 * every class the same sum as adding its entries one by one (x + 0 is x).
 * The table is the one the engine probes: loading checks the checksum and that every slot,
 * entry and row stays in bounds (one pass over the words, no allocation), then scores
 * straight from the file's bytes, which for the shipped models are the engine's own
 * read-only data.
 *
 * Format 2 (read, and rewritten as format 3 by `dramatis-train convert`): format 3 without
 * rows, so without n_rows and row_len.
 * Every later format keeps the magic, the version word and the trailing word checksum, so a
 * damaged version number reads as damage, not as a newer format.
 *
 * Format 1 (read, and rewritten as format 2 by `dramatis-train convert`): the header as
 * above without the padding, then u32 n_features and per feature u64 key, u16 n_entries,
 * n_entries × (u16 class, f32 weight), then a byte-wise FNV-1a of every byte before it.
 */

#define G_LOG_DOMAIN "dm-perceptron"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "dm-perceptron-private.h"

#define FNV_OFFSET  G_GUINT64_CONSTANT (0xcbf29ce484222325)
#define FNV_PRIME   G_GUINT64_CONSTANT (0x100000001b3)
#define WORD_PRIME  G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)

/* Slots per feature at least: probes stay short (half the slots empty). */
#define SLOTS_PER_FEATURE 2

G_DEFINE_QUARK (dm-model-error-quark, dm_model_error)

gboolean
dm_model_corrupt (GError    **error,
                  const char *what)
{
  g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_CORRUPT,
               _("the model file is damaged or truncated (%s)"), what);
  return FALSE;
}

static guint64
fnv_bytes (const guchar *p,
           gsize         len)
{
  guint64 h = FNV_OFFSET;

  for (gsize i = 0; i < len; i++)
    h = (h ^ p[i]) * FNV_PRIME;
  return h;
}

static inline guint64
load_u64 (const guchar *p)
{
  guint64 v;

  memcpy (&v, p, 8);
  return GUINT64_FROM_LE (v);
}

static inline guint64
finalise (guint64 h)
{
  h ^= h >> 30; h *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  h ^= h >> 27; h *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return h ^ (h >> 31);
}

/* Four interleaved multiply-xor chains over 64-bit words: about a word per cycle where a
 * byte-wise hash takes four cycles a byte, and still any changed word changes the sum. */
guint64
dm_model_word_checksum (const guchar *p,
                        gsize         n_words)
{
  guint64 lane[4] = { FNV_OFFSET, FNV_OFFSET + 1, FNV_OFFSET + 2, FNV_OFFSET + 3 };
  gsize i = 0;

  for (; i + 4 <= n_words; i += 4)
    for (guint k = 0; k < 4; k++)
      lane[k] = (lane[k] ^ load_u64 (p + 8 * (i + k))) * WORD_PRIME;
  for (; i < n_words; i++)
    lane[0] = (lane[0] ^ load_u64 (p + 8 * i)) * WORD_PRIME;
  return finalise (finalise (finalise (finalise (lane[0]) ^ lane[1]) ^ lane[2]) ^ lane[3]) ^ n_words;
}

/* ---- reading ---- */

typedef struct {
  const guchar *start, *p, *end;
} Reader;

static gboolean
read_bytes (Reader *r,
            void   *out,
            gsize   len)
{
  if ((gsize) (r->end - r->p) < len)
    return FALSE;
  memcpy (out, r->p, len);
  r->p += len;
  return TRUE;
}

static gboolean
read_u32 (Reader  *r,
          guint32 *out)
{
  if (!read_bytes (r, out, 4))
    return FALSE;
  *out = GUINT32_FROM_LE (*out);
  return TRUE;
}

static gboolean
read_u64 (Reader  *r,
          guint64 *out)
{
  if (!read_bytes (r, out, 8))
    return FALSE;
  *out = GUINT64_FROM_LE (*out);
  return TRUE;
}

/* A length-prefixed string, at most @max bytes, without NULs. */
static char *
read_string (Reader *r,
             guint32 max)
{
  guint32 len;
  char *s;

  if (!read_u32 (r, &len) || len > max || (gsize) (r->end - r->p) < len)
    return NULL;
  if (memchr (r->p, '\0', len) != NULL)
    return NULL;
  s = g_strndup ((const char *) r->p, len);
  r->p += len;
  return s;
}

/* Kind, class names and the extra section (as offset and length into the file). */
typedef struct {
  char      *kind;
  GPtrArray *classes;
  gsize      extra_at, extra_len;
} Header;

static void
header_clear (Header *h)
{
  g_clear_pointer (&h->kind, g_free);
  g_clear_pointer (&h->classes, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Header, header_clear)

/* The header after the version word. */
static gboolean
read_header (Reader  *r,
             Header  *h,
             GError **error)
{
  guint32 n_classes, len;

  h->classes = g_ptr_array_new_with_free_func (g_free);
  if ((h->kind = read_string (r, 64)) == NULL)
    return dm_model_corrupt (error, "kind");
  if (!read_u32 (r, &n_classes) || n_classes == 0 || n_classes > G_MAXUINT16)
    return dm_model_corrupt (error, "class count");
  for (guint32 i = 0; i < n_classes; i++)
    {
      char *name = read_string (r, 256);

      if (name == NULL)
        return dm_model_corrupt (error, "class name");
      g_ptr_array_add (h->classes, name);
    }
  if (!read_u32 (r, &len) || (gsize) (r->end - r->p) < len)
    return dm_model_corrupt (error, "extra section");
  h->extra_at = r->p - r->start;
  h->extra_len = len;
  r->p += len;
  return TRUE;
}

GBytes *
dm_model_upgrade_v1 (GBytes  *bytes,
                     GError **error)
{
  g_auto(Header) h = { 0 };
  g_autoptr(GBytes) extra = NULL;
  DmModelWriter *writer;
  guint32 n_features;
  gsize size;
  guint64 stored;
  Reader r;

  r.start = r.p = g_bytes_get_data (bytes, &size);
  r.end = r.p + size;
  if (size < 8 + 4 + 8)
    return dm_model_corrupt (error, "too short"), NULL;
  stored = load_u64 (r.end - 8);
  if (fnv_bytes (r.p, size - 8) != stored)
    return dm_model_corrupt (error, "checksum mismatch"), NULL;
  r.end -= 8;
  r.p += 8 + 4;   /* magic and version, checked by the caller */

  if (!read_header (&r, &h, error))
    return NULL;
  if (!read_u32 (&r, &n_features) || (guint64) n_features * 10 > (guint64) (r.end - r.p))
    return dm_model_corrupt (error, "feature count"), NULL;

  extra = g_bytes_new_from_bytes (bytes, h.extra_at, h.extra_len);
  writer = dm_model_writer_new (h.kind, h.classes, extra);
  for (guint32 f = 0; f < n_features; f++)
    {
      guint64 key;
      guint16 count;

      if (!read_u64 (&r, &key) || !read_bytes (&r, &count, 2))
        goto corrupt;
      count = GUINT16_FROM_LE (count);
      if (key == 0 || count == 0 || count > h.classes->len)
        goto corrupt;
      dm_model_writer_begin_feature (writer, key);
      for (guint16 e = 0; e < count; e++)
        {
          guint16 klass;
          guint32 bits;
          float weight;

          if (!read_bytes (&r, &klass, 2) || !read_u32 (&r, &bits))
            goto corrupt;
          klass = GUINT16_FROM_LE (klass);
          if (klass >= h.classes->len)
            goto corrupt;
          memcpy (&weight, &bits, 4);
          dm_model_writer_add_entry (writer, klass, weight);
        }
      dm_model_writer_end_feature (writer);
    }
  if (r.p != r.end)
    goto corrupt;
  return dm_model_writer_finish (writer, error);

corrupt:
  dm_model_writer_free (writer);
  return dm_model_corrupt (error, "weights"), NULL;
}

/* Every slot and entry in bounds, every key reachable from its home slot, a free slot
 * after every run: then probing and scoring cannot leave the table, whatever the file
 * holds. */
static gboolean
check_table (const DmPerceptronSlot  *slots,
             guint64                  n_homes,
             guint64                  n_slots,
             const DmPerceptronEntry *entries,
             guint64                  n_entries,
             const float             *rows,
             guint64                  n_rows,
             guint                    row_len,
             guint                    n_classes,
             guint                   *n_features,
             GError                 **error)
{
  guint64 run_start = 0;   /* the first slot after the last empty one */
  guint64 features = 0;

  if (n_homes == 0 || n_homes >= n_slots || slots[n_slots - 1].key != 0)
    return dm_model_corrupt (error, "table size");
  for (guint64 i = 0; i < n_slots; i++)
    {
      const DmPerceptronSlot *s = &slots[i];
      guint64 home;

      if (s->key == 0)
        {
          if (s->first != 0 || s->count != 0)
            return dm_model_corrupt (error, "empty slot");
          run_start = i + 1;
          continue;
        }
      home = dm_perceptron_home (s->key, n_homes);
      if (home > i || home < run_start)
        return dm_model_corrupt (error, "feature out of place");
      if (s->count == 0 ? s->first >= n_rows :
          s->count > n_classes || (guint64) s->first + s->count > n_entries)
        return dm_model_corrupt (error, "feature entry count");
      features++;
    }
  /* In file order, not through the slots: one pass through memory instead of a jump each. */
  for (guint64 i = 0; i < n_entries; i++)
    if (entries[i].klass >= n_classes || entries[i].zero != 0)
      return dm_model_corrupt (error, "class out of range");
  for (guint64 i = 0; i < n_rows; i++)
    {
      const float *row = rows + i * row_len;
      gboolean weighs = FALSE;

      for (guint c = 0; c < n_classes; c++)
        weighs |= row[c] != 0.0f;
      for (guint c = n_classes; c < row_len; c++)
        {
          guint32 bits;

          memcpy (&bits, &row[c], 4);
          if (bits != 0)
            return dm_model_corrupt (error, "weight past the classes");
        }
      /* else saving the model would drop the feature: it would not load again the same */
      if (!weighs)
        return dm_model_corrupt (error, "a row without weights");
    }
  if (features > G_MAXUINT)
    return dm_model_corrupt (error, "feature count");
  *n_features = features;
  return TRUE;
}

/* A format-2 or -3 file. @built_in: the bytes are compiled into this program
 * (dm_perceptron_load_built_in ()), so only the header and the table's dimensions are
 * checked, not every slot, entry and row. */
static DmPerceptron *
load_table (GBytes      *bytes,
            guint32      version,
            const char  *kind,
            gboolean     built_in,
            GError     **error)
{
  g_auto(Header) h = { 0 };
  g_autoptr(DmPerceptron) self = NULL;
  guint64 n_homes, n_slots, n_entries, n_rows = 0, row_len = 0, rest;
  const guchar *data;
  gsize size;
  Reader r;

  data = g_bytes_get_data (bytes, &size);
  r.start = r.p = data;
  r.end = data + size - 8;
  r.p += 8 + 4;
  if (!read_header (&r, &h, error))
    return NULL;
  if (kind != NULL && strcmp (h.kind, kind) != 0)
    {
      g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_FOREIGN,
                   _("a %s model where a %s model was expected"), h.kind, kind);
      return NULL;
    }
  for (; (r.p - r.start) % 8 != 0; r.p++)
    if (r.p == r.end || *r.p != 0)
      return dm_model_corrupt (error, "padding"), NULL;
  if (!read_u64 (&r, &n_homes) || !read_u64 (&r, &n_slots) || !read_u64 (&r, &n_entries) ||
      (version >= 3 && (!read_u64 (&r, &n_rows) || !read_u64 (&r, &row_len))))
    return dm_model_corrupt (error, "table size"), NULL;
  if (version >= 3 && row_len != dm_perceptron_row_len (h.classes->len))
    return dm_model_corrupt (error, "row length"), NULL;
  /* Each count bounded by what is left, so no product below overflows. */
  rest = r.end - r.p;
  if (n_slots > rest / sizeof (DmPerceptronSlot))
    return dm_model_corrupt (error, "table size"), NULL;
  rest -= n_slots * sizeof (DmPerceptronSlot);
  if (n_entries > rest / sizeof (DmPerceptronEntry) || n_entries > G_MAXUINT32)
    return dm_model_corrupt (error, "table size"), NULL;
  rest -= n_entries * sizeof (DmPerceptronEntry);
  if (row_len == 0 ? n_rows != 0 || rest != 0 :
      n_rows != rest / (row_len * sizeof (float)) || rest % (row_len * sizeof (float)) != 0 ||
      n_rows > G_MAXUINT32)
    return dm_model_corrupt (error, "table size"), NULL;

  self = g_new0 (DmPerceptron, 1);
  self->file = g_bytes_ref (bytes);
  self->slots = (const DmPerceptronSlot *) r.p;
  self->entries = (const DmPerceptronEntry *) (r.p + n_slots * sizeof (DmPerceptronSlot));
  self->n_homes = n_homes;
  self->rows = n_rows > 0 ? (const float *) (self->entries + n_entries) : NULL;
  self->row_len = row_len;
  if (built_in)
    {
      /* What probing relies on, checked in O(1); the slots are counted when asked for. */
      if (n_homes == 0 || n_homes >= n_slots || self->slots[n_slots - 1].key != 0)
        return dm_model_corrupt (error, "table size"), NULL;
      self->n_features = G_MAXUINT;
    }
  else if (!check_table (self->slots, n_homes, n_slots, self->entries, n_entries,
                         self->rows, n_rows, row_len, h.classes->len, &self->n_features, error))
    return NULL;
  self->kind = g_steal_pointer (&h.kind);
  self->classes = g_steal_pointer (&h.classes);
  self->extra = g_bytes_new_from_bytes (bytes, h.extra_at, h.extra_len);
  return g_steal_pointer (&self);
}

/* A model of kind @kind, or of any kind when @kind is NULL. */
static DmPerceptron *
load (GBytes      *bytes,
      const char  *kind,
      gboolean     built_in,
      GError     **error)
{
  g_autoptr(GBytes) upgraded = NULL;
  g_autoptr(GBytes) aligned = NULL;
  const guchar *data;
  guint32 version;
  gsize size;

  data = g_bytes_get_data (bytes, &size);
  if (size < 8 || memcmp (data, DM_MODEL_MAGIC, 8) != 0)
    {
      g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_FOREIGN,
                   _("not a Dramatis model file"));
      return NULL;
    }
  if (size < 8 + 4 + 8)
    return dm_model_corrupt (error, "too short"), NULL;
  memcpy (&version, data + 8, 4);
  version = GUINT32_FROM_LE (version);

  if (version == 1)
    {
      if ((upgraded = dm_model_upgrade_v1 (bytes, error)) == NULL)
        return NULL;
      return load (upgraded, kind, FALSE, error);
    }
  if (size % 8 != 0 ||
      (!built_in && dm_model_word_checksum (data, size / 8 - 1) != load_u64 (data + size - 8)))
    return dm_model_corrupt (error, "checksum mismatch"), NULL;
  if (version != 2 && version != DM_MODEL_VERSION)
    {
      g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_VERSION,
                   _("model format %u; this Dramatis reads formats 1 to %u"),
                   version, DM_MODEL_VERSION);
      return NULL;
    }
#if G_BYTE_ORDER != G_LITTLE_ENDIAN
  g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_VERSION,
               _("this Dramatis reads model files only on little-endian processors"));
  return NULL;
#endif
  /* The table is read in place: it needs the alignment of its 64-bit keys. Resources and
   * mapped files have it; a copy gives it to anything else. */
  if ((guintptr) data % 8 != 0)
    {
      aligned = g_bytes_new (data, size);
      bytes = aligned;
    }
  return load_table (bytes, version, kind, built_in, error);
}

DmPerceptron *
dm_perceptron_load (GBytes      *bytes,
                    const char  *kind,
                    GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  return load (bytes, kind, FALSE, error);
}

DmPerceptron *
dm_perceptron_load_built_in (GBytes      *bytes,
                             const char  *kind,
                             GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  return load (bytes, kind, TRUE, error);
}

GBytes *
dm_perceptron_convert (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(DmPerceptron) model = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if ((model = load (bytes, NULL, FALSE, error)) == NULL)
    return NULL;
  /* Written again even from the current format: in the current layout of the weights. */
  return dm_perceptron_save (model, 0.0f);
}

/* ---- writing ---- */

struct _DmModelWriter
{
  GByteArray *header;
  GArray     *keys;      /* guint64 */
  GArray     *firsts;    /* guint32, into entries */
  GArray     *counts;    /* guint32 */
  GArray     *entries;   /* DmPerceptronEntry */
  guint       n_classes;
};

static void
put_u32 (GByteArray *out,
         guint32     v)
{
  v = GUINT32_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &v, 4);
}

static void
put_u64 (GByteArray *out,
         guint64     v)
{
  v = GUINT64_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &v, 8);
}

static void
put_string (GByteArray *out,
            const char *s)
{
  put_u32 (out, strlen (s));
  g_byte_array_append (out, (const guint8 *) s, strlen (s));
}

DmModelWriter *
dm_model_writer_new (const char *kind,
                     GPtrArray  *classes,
                     GBytes     *extra)
{
  DmModelWriter *self = g_new0 (DmModelWriter, 1);
  gsize extra_len = 0;
  const guint8 *extra_data = extra != NULL ? g_bytes_get_data (extra, &extra_len) : NULL;

  self->header = g_byte_array_new ();
  self->keys = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->firsts = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->counts = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->entries = g_array_new (FALSE, FALSE, sizeof (DmPerceptronEntry));
  self->n_classes = classes->len;

  g_byte_array_append (self->header, (const guint8 *) DM_MODEL_MAGIC, 8);
  put_u32 (self->header, DM_MODEL_VERSION);
  put_string (self->header, kind);
  put_u32 (self->header, classes->len);
  for (guint i = 0; i < classes->len; i++)
    put_string (self->header, g_ptr_array_index (classes, i));
  put_u32 (self->header, extra_len);
  if (extra_len > 0)
    g_byte_array_append (self->header, extra_data, extra_len);
  while (self->header->len % 8 != 0)
    g_byte_array_append (self->header, (const guint8 *) "", 1);
  return self;
}

void
dm_model_writer_begin_feature (DmModelWriter *self,
                               guint64        key)
{
  guint32 first = self->entries->len;

  g_return_if_fail (key != 0);
  g_array_append_val (self->keys, key);
  g_array_append_val (self->firsts, first);
}

void
dm_model_writer_add_entry (DmModelWriter *self,
                           guint16        klass,
                           float          weight)
{
  DmPerceptronEntry e = { GUINT16_TO_LE (klass), 0, 0.0f };
  guint32 bits;

  memcpy (&bits, &weight, 4);
  bits = GUINT32_TO_LE (bits);
  memcpy (&e.weight, &bits, 4);
  g_array_append_val (self->entries, e);
}

void
dm_model_writer_end_feature (DmModelWriter *self)
{
  guint32 first = g_array_index (self->firsts, guint32, self->firsts->len - 1);
  guint32 count = self->entries->len - first;

  if (count == 0)
    {
      g_array_set_size (self->keys, self->keys->len - 1);
      g_array_set_size (self->firsts, self->firsts->len - 1);
      return;
    }
  g_array_append_val (self->counts, count);
}

/* Each key into the first free slot from its home; the table grows past the homes when a
 * run reaches the end, and always ends with a free slot. */
static GArray *
build_table (DmModelWriter *self,
             guint64        n_homes,
             GError       **error)
{
  GArray *slots = g_array_sized_new (FALSE, TRUE, sizeof (DmPerceptronSlot), n_homes + 16);

  g_array_set_size (slots, n_homes + 1);
  for (guint f = 0; f < self->keys->len; f++)
    {
      guint64 key = g_array_index (self->keys, guint64, f);
      guint32 first = g_array_index (self->firsts, guint32, f);
      guint32 count = g_array_index (self->counts, guint32, f);
      guint64 i;

      for (i = dm_perceptron_home (key, n_homes);
           g_array_index (slots, DmPerceptronSlot, i).key != 0; i++)
        if (g_array_index (slots, DmPerceptronSlot, i).key == GUINT64_TO_LE (key))
          {
            g_array_unref (slots);
            return dm_model_corrupt (error, "feature listed twice"), NULL;
          }
      g_array_index (slots, DmPerceptronSlot, i) = (DmPerceptronSlot) {
        GUINT64_TO_LE (key), GUINT32_TO_LE (first), GUINT32_TO_LE (count)
      };
      if (i + 1 == slots->len)
        g_array_set_size (slots, slots->len + 1);
    }
  return slots;
}

void
dm_model_writer_free (DmModelWriter *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->header, g_byte_array_unref);
  g_clear_pointer (&self->keys, g_array_unref);
  g_clear_pointer (&self->firsts, g_array_unref);
  g_clear_pointer (&self->counts, g_array_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_free (self);
}

static int
compare_runs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  DmModelWriter *self = user_data;
  guint fa = *(const guint *) a, fb = *(const guint *) b;
  guint32 ca = g_array_index (self->counts, guint32, fa);
  guint32 cb = g_array_index (self->counts, guint32, fb);
  guint64 ka = g_array_index (self->keys, guint64, fa);
  guint64 kb = g_array_index (self->keys, guint64, fb);

  if (ca != cb)
    return ca > cb ? -1 : 1;
  return ka < kb ? -1 : ka > kb;
}

/* Whether the run of @count entries at @e becomes a full row: long enough, and with a
 * weight that is not zero (a row of zeros would read as no weights at all). */
static gboolean
wants_row (const DmPerceptronEntry *e,
           guint32                  count)
{
  if (count < DM_DENSE_MIN)
    return FALSE;
  for (guint32 k = 0; k < count; k++)
    if (e[k].weight != 0.0f)
      return TRUE;
  return FALSE;
}

/* The runs of weights, longest first (ties by key, so that the layout depends only on the
 * weights): a feature with weights for many classes is most often one of the few that
 * every word or transition has (a tag, a tag pair, a relation label), and packed together
 * these hot runs share cache lines and pages instead of lying scattered over the whole
 * model. The longest become full rows (@rows, row_len floats each; their count is set to
 * 0 and their first to the row). Scoring the same features gives the same sums: only where
 * the weights lie changes. */
static GArray *
order_runs (DmModelWriter *self)
{
  guint n = self->keys->len;
  guint row_len = dm_perceptron_row_len (self->n_classes);
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  GArray *entries = g_array_sized_new (FALSE, FALSE, sizeof (DmPerceptronEntry), self->entries->len);
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (float));

  for (guint f = 0; f < n; f++)
    order[f] = f;
  g_qsort_with_data (order, n, sizeof (guint), compare_runs, self);
  for (guint k = 0; k < n; k++)
    {
      guint f = order[k];
      guint32 *first = &g_array_index (self->firsts, guint32, f);
      guint32 *count = &g_array_index (self->counts, guint32, f);
      const DmPerceptronEntry *run = &g_array_index (self->entries, DmPerceptronEntry, *first);

      if (wants_row (run, *count))
        {
          guint row = rows->len / row_len;

          g_array_set_size (rows, rows->len + row_len);
          /* a zero weight (or -0) stays +0 in the row: the same sums, and a row saved
           * again gives the same file */
          for (guint32 e = 0; e < *count; e++)
            if (run[e].weight != 0.0f)
              g_array_index (rows, float, row * row_len + GUINT16_FROM_LE (run[e].klass)) = run[e].weight;
          *first = row;
          *count = 0;
        }
      else
        {
          guint32 at = entries->len;

          g_array_append_vals (entries, run, *count);
          *first = at;
        }
    }
  g_array_unref (self->entries);
  self->entries = entries;
  return rows;
}

GBytes *
dm_model_writer_finish (DmModelWriter  *self,
                        GError        **error)
{
  guint64 n_homes = MAX (8, (guint64) self->keys->len * SLOTS_PER_FEATURE);
  guint row_len = dm_perceptron_row_len (self->n_classes);
  g_autoptr(GArray) slots = NULL;
  g_autoptr(GArray) rows = NULL;
  GByteArray *out;

  rows = order_runs (self);
  slots = build_table (self, n_homes, error);

  if (slots == NULL)
    {
      dm_model_writer_free (self);
      return NULL;
    }
  out = g_steal_pointer (&self->header);
  put_u64 (out, n_homes);
  put_u64 (out, slots->len);
  put_u64 (out, self->entries->len);
  put_u64 (out, rows->len / row_len);
  put_u64 (out, row_len);
  g_byte_array_append (out, (const guint8 *) slots->data, slots->len * sizeof (DmPerceptronSlot));
  g_byte_array_append (out, (const guint8 *) self->entries->data,
                       self->entries->len * sizeof (DmPerceptronEntry));
  /* floats as they are: the engine reads only little-endian files, on little-endian hosts */
  g_byte_array_append (out, (const guint8 *) rows->data, rows->len * sizeof (float));
  put_u64 (out, dm_model_word_checksum (out->data, out->len / 8));
  dm_model_writer_free (self);
  return g_byte_array_free_to_bytes (out);
}

GBytes *
dm_perceptron_save (const DmPerceptron *self,
                    float               min_weight)
{
  /* Keys of a loaded model are distinct, so writing cannot fail. */
  return dm_perceptron_save_rekeyed (self, self->extra, min_weight, NULL, NULL, NULL);
}

GBytes *
dm_perceptron_save_rekeyed (const DmPerceptron  *self,
                            GBytes              *extra,
                            float                min_weight,
                            guint64            (*new_key) (guint64  key,
                                                           gpointer data),
                            gpointer             data,
                            GError             **error)
{
  DmModelWriter *writer = dm_model_writer_new (self->kind, self->classes, extra);
  const DmPerceptronSlot *s;

  /* Slots in table order up to the final empty one. */
  for (s = self->slots; s < self->slots + self->n_homes || s->key != 0; s++)
    {
      if (s->key == 0)
        continue;
      dm_model_writer_begin_feature (writer, new_key != NULL ? new_key (s->key, data) : s->key);
      /* a row gives back the entries that are not zero, in class order */
      for (guint c = 0; s->count == 0 && c < self->classes->len; c++)
        {
          float w = self->rows[(gsize) s->first * self->row_len + c];

          if (w != 0.0f && ABS (w) >= min_weight)
            dm_model_writer_add_entry (writer, c, w);
        }
      for (guint32 k = 0; k < s->count; k++)
        {
          const DmPerceptronEntry *e = &self->entries[s->first + k];

          if (ABS (e->weight) >= min_weight)
            dm_model_writer_add_entry (writer, e->klass, e->weight);
        }
      dm_model_writer_end_feature (writer);
    }
  return dm_model_writer_finish (writer, error);
}
