/* ISA strings (unprivileged spec, "ISA Extension Naming Conventions"):
 * rv32/rv64, single letters in canonical order (g = imafd plus Zicsr and
 * Zifencei), then multi-letter extensions separated by underscores. */
#include "isa.h"
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Multi-letter extensions: the ones with table lines of their own, then
 * the ones rvscope always has (accepted, nothing to switch). */
static const struct { const char *name; int ext; } multi[] = {
    {"zba", EXT_ZBA}, {"zbb", EXT_ZBB}, {"zbs", EXT_ZBS}, {"zicond", EXT_ZICOND},
    {"zicsr", -1}, {"zifencei", -1}, {"zicntr", -1}, {"sstc", -1},
};

static uint32_t with_pairs(uint32_t isa)
{
    if ((isa & (1u << EXT_C)) && (isa & (1u << EXT_F))) isa |= 1u << EXT_CF;
    if ((isa & (1u << EXT_C)) && (isa & (1u << EXT_D))) isa |= 1u << EXT_CD;
    return isa;
}

bool isa_parse(const char *s, int *xlen, uint32_t *isa, char *err, size_t errlen)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", s);
    for (char *p = buf; *p; p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
    if (strncmp(buf, "rv32", 4) && strncmp(buf, "rv64", 4)) {
        snprintf(err, errlen, "'%s' does not start with rv32 or rv64", s);
        return false;
    }
    *xlen = buf[2] == '3' ? 32 : 64;
    const char *p = buf + 4;
    uint32_t set = 0;
    if (!*p) {                      /* plain rv32/rv64: everything */
        *isa = ISA_ALL;
        return true;
    }
    for (; *p && *p != '_'; p++) {
        switch (*p) {
        case 'i': set |= 1u << EXT_I; break;
        case 'g': set |= 1u << EXT_I | 1u << EXT_M | 1u << EXT_A | 1u << EXT_F | 1u << EXT_D; break;
        case 'm': set |= 1u << EXT_M; break;
        case 'a': set |= 1u << EXT_A; break;
        case 'f': set |= 1u << EXT_F; break;
        case 'd': set |= 1u << EXT_D; break;
        case 'c': set |= 1u << EXT_C; break;
        case 'e':
            snprintf(err, errlen, "'%s': rvscope has no RV%dE (16-register) hart", s, *xlen);
            return false;
        default:
            snprintf(err, errlen, "'%s': rvscope does not implement the '%c' extension "
                     "(it has i, m, a, f, d, c, zba, zbb, zbs, zicond)", s, *p);
            return false;
        }
    }
    if (!(set & (1u << EXT_I))) {
        snprintf(err, errlen, "'%s': the base ISA letter (i or g) must come first", s);
        return false;
    }
    if ((set & (1u << EXT_D)) && !(set & (1u << EXT_F))) {
        snprintf(err, errlen, "'%s': D needs F", s);
        return false;
    }
    while (*p == '_') {
        const char *q = ++p;
        while (*p && *p != '_') p++;
        size_t n = (size_t)(p - q);
        size_t i;
        for (i = 0; i < sizeof multi / sizeof multi[0]; i++)
            if (strlen(multi[i].name) == n && !strncmp(q, multi[i].name, n))
                break;
        if (i == sizeof multi / sizeof multi[0]) {
            snprintf(err, errlen, "'%s': rvscope does not implement the '%.*s' extension "
                     "(multi-letter ones it has: zba, zbb, zbs, zicond, zicsr, zifencei, zicntr, sstc)",
                     s, (int)n, q);
            return false;
        }
        if (multi[i].ext >= 0)
            set |= 1u << multi[i].ext;
    }
    if (*p) {
        snprintf(err, errlen, "'%s': unexpected '%s'", s, p);
        return false;
    }
    *isa = with_pairs(set);
    return true;
}

uint64_t isa_misa_bits(uint32_t isa)
{
    static const char letter[EXT_COUNT] = { [EXT_I] = 'I', [EXT_M] = 'M', [EXT_A] = 'A',
                                            [EXT_C] = 'C', [EXT_F] = 'F', [EXT_D] = 'D' };
    uint64_t bits = 1u << ('S' - 'A') | 1u << ('U' - 'A');
    for (int e = 0; e < EXT_COUNT; e++)
        if (letter[e] && (isa & (1u << e)))
            bits |= 1u << (letter[e] - 'A');
    return bits;
}

void isa_string(int xlen, uint32_t isa, char *buf, size_t len)
{
    size_t n = (size_t)snprintf(buf, len, "rv%d", xlen);
    static const struct { char c; int ext; } order[] = {
        {'i', EXT_I}, {'m', EXT_M}, {'a', EXT_A}, {'f', EXT_F}, {'d', EXT_D}, {'c', EXT_C},
    };
    for (size_t i = 0; i < sizeof order / sizeof order[0] && n + 1 < len; i++)
        if (isa & (1u << order[i].ext))
            buf[n++] = order[i].c, buf[n] = 0;
    /* Multi-letter ones: Z extensions by category (Zi before Zb would be
     * the spec's order: the letter after Z in IMAFDQLCBKJTPVH order). */
    n += (size_t)snprintf(buf + n, n < len ? len - n : 0, "_zicntr%s_zicsr_zifencei",
                          isa & (1u << EXT_ZICOND) ? "_zicond" : "");
    for (int e = EXT_ZBA; e <= EXT_ZBS && n < len; e++)
        if (isa & (1u << e))
            n += (size_t)snprintf(buf + n, len - n, "_%s", multi[e - EXT_ZBA].name);
    if (n < len)
        snprintf(buf + n, len - n, "_sstc");
}
