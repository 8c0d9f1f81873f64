/* Symbol lookups over several images (symset.h). */
#include "symset.h"

bool symset_add_window(symset_t *s, const image_t *img, uint64_t bias, uint64_t lo, uint64_t hi)
{
    if (!img || s->n == SYMSET_MAX)
        return false;
    for (unsigned i = 0; i < s->n; i++)
        if (s->img[i] == img && s->bias[i] == bias && s->lo[i] == lo && s->hi[i] == hi)
            return true;
    s->img[s->n] = img;
    s->bias[s->n] = bias;
    s->lo[s->n] = lo;
    s->hi[s->n++] = hi;
    return true;
}

bool symset_add(symset_t *s, const image_t *img, uint64_t bias)
{
    return symset_add_window(s, img, bias, 0, UINT64_MAX);
}

/* Does entry i cover addr (an address after its bias)? */
static bool covers(const symset_t *s, unsigned i, uint64_t addr)
{
    return addr >= s->lo[i] && addr < s->hi[i];
}

const char *symset_at(const symset_t *s, uint64_t addr, uint64_t *offset)
{
    const char *best = NULL;
    uint64_t best_off = 0;
    for (unsigned i = 0; i < s->n; i++) {
        uint64_t off;
        if (!covers(s, i, addr))
            continue;
        const char *name = image_sym_at(s->img[i], addr - s->bias[i], &off);
        if (name && (!best || off < best_off)) {
            best = name;
            best_off = off;
        }
    }
    if (best && offset)
        *offset = best_off;
    return best;
}

bool symset_lookup(const symset_t *s, const char *name, uint64_t *addr)
{
    for (unsigned i = 0; i < s->n; i++)
        if (image_sym_lookup(s->img[i], name, addr)) {
            if (covers(s, i, *addr + s->bias[i])) {
                *addr += s->bias[i];
                return true;
            }
        }
    return false;
}

bool symset_line_at(const symset_t *s, uint64_t addr, const char **file, int *line)
{
    for (unsigned i = 0; i < s->n; i++)
        if (covers(s, i, addr) && image_line_at(s->img[i], addr - s->bias[i], file, line))
            return true;
    return false;
}

bool symset_resolve_line(const symset_t *s, const char *file, int line, uint64_t *addr,
                         int *actual_line)
{
    for (unsigned i = 0; i < s->n; i++)
        if (image_resolve_line(s->img[i], file, line, addr, actual_line) &&
            covers(s, i, *addr + s->bias[i])) {
            *addr += s->bias[i];
            return true;
        }
    return false;
}

bool symset_has_lines(const symset_t *s)
{
    for (unsigned i = 0; i < s->n; i++)
        if (image_has_lines(s->img[i]))
            return true;
    return false;
}
