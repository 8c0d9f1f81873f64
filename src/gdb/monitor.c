/* qRcmd: GDB's `monitor CMD` runs the monitor's command CMD (src/monitor/)
 * on the same machine and sends its output back as "O" packets (hex
 * text), then "OK". The monitor refuses the commands that would run the
 * guest or end the session behind GDB's back (c, si, q).
 *
 * `monitor info b` and `monitor info w` also list what GDB itself has set:
 * its breakpoints and watchpoints are emulator-side entries too, and this
 * is where a user sees them as the emulator holds them. */
#include "gdb.h"
#include "../elf/image.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* src/monitor/monitor.c */
void monitor_command(session_t *s, const char *line, FILE *out, unsigned hart);

static void list_points(gdb_t *g, FILE *out, bool watch)
{
    static const char *const kinds[] = { "sw breakpoint", "hw breakpoint", "write watch",
                                         "read watch", "access watch" };
    int n = 0;
    for (unsigned i = 0; i < g->npts; i++) {
        const gdb_point_t *p = &g->pts[i];
        if ((p->type >= Z_WRITE) != watch)
            continue;
        if (!n++)
            fprintf(out, "GDB's %s, held by the emulator:\n  %-14s %-20s%s\n",
                    watch ? "watchpoints" : "breakpoints", "Type", "Address", watch ? "Length" : "");
        fprintf(out, "  %-14s 0x%-18" PRIx64, kinds[p->type], p->addr);
        if (watch)
            fprintf(out, "%" PRIu64, p->len);
        uint64_t off;
        const char *sym = g->s->syms ? symset_at(g->s->syms, p->addr, &off) : NULL;
        if (sym)
            fprintf(out, off ? " <%s+%" PRIu64 ">" : " <%s>", sym, off);
        fputc('\n', out);
    }
}

/* "info b", "info breakpoints", "info w", ... -> 'b' or 'w'; else 0. */
static char info_kind(const char *line)
{
    char what[32];
    if (sscanf(line, " info %31s", what) != 1)
        return 0;
    if (!strcmp(what, "b") || !strcmp(what, "breakpoints"))
        return 'b';
    if (!strcmp(what, "w") || !strcmp(what, "watchpoints"))
        return 'w';
    return 0;
}

void gdb_cmd_qRcmd(gdb_t *g, const char *hex)
{
    size_t n = strlen(hex);
    if (n % 2) {
        gdb_reply(g, "E01");
        return;
    }
    char *line = malloc(n / 2 + 1);
    if (!line || !rsp_unhex(hex, n / 2, (uint8_t *)line) || memchr(line, 0, n / 2)) {
        free(line);
        gdb_reply(g, "E01");
        return;
    }
    line[n / 2] = 0;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out) {
        free(line);
        gdb_reply(g, "E0c");
        return;
    }
    monitor_command(g->s, line, out, g->g_hart);
    char k = info_kind(line);
    if (k)
        list_points(g, out, k == 'w');
    fclose(out);
    gdb_console(g, text, len);
    free(text);
    free(line);
    gdb_reply(g, "OK");
}
