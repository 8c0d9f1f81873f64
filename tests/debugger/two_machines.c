/* Two machines in one process: nothing mutable is process-wide (the block
 * compiler's code buffer, traces, the itrace ring, breakpoints, stop
 * records all hang off a machine), so two machines running different
 * guests, interleaved a slice at a time, each print exactly what they
 * print alone, exit with the same status, and a breakpoint armed in one
 * never stops the other.
 *
 * usage: two_machines GUEST_A.elf GUEST_B.elf   (prints PASS/FAIL lines) */
#include "machine.h"
#include "debug/debugger.h"
#include "dev/clint.h"
#include "dev/console.h"
#include "dev/finisher.h"
#include "dev/plic.h"
#include "dev/uart16550.h"
#include "elf/image.h"
#include "jit/jit.h"
#include "trace/trace.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct guest {
    machine_t *m;
    image_t *img;
    char *out;
    size_t outlen;
    FILE *outf;
    int status;             /* exit status, -1 while it runs */
} guest_t;

static bool load(void *ctx, uint64_t pa, const void *data, uint64_t filesz, uint64_t memsz,
                 char *err, size_t errlen)
{
    machine_t *m = ctx;
    if (!machine_is_ram(m, pa, memsz)) {
        snprintf(err, errlen, "segment outside RAM");
        return false;
    }
    return machine_phys_write(m, pa, data, filesz);
}

static bool guest_new(guest_t *g, const char *path)
{
    char err[256];
    memset(g, 0, sizeof *g);
    g->status = -1;
    if (!(g->img = image_open_elf(path, err, sizeof err))) {
        printf("FAIL two-machines/load: %s\n", err);
        return false;
    }
    g->m = machine_new(image_xlen(g->img), 1, 64ull << 20);
    clint_new(g->m);
    plic_new(g->m);
    uart_new(g->m);
    finisher_new(g->m);
    g->outf = open_memstream(&g->out, &g->outlen);
    g->m->out = g->outf;
    if (!image_load(g->img, load, g->m, err, sizeof err)) {
        printf("FAIL two-machines/load: %s: %s\n", path, err);
        return false;
    }
    g->m->harts[0]->pc = image_entry(g->img);
    return true;
}

static void guest_free(guest_t *g)
{
    machine_free(g->m);
    image_close(g->img);
    if (g->outf)
        fclose(g->outf);
    free(g->out);
}

/* Run up to n more instructions; true while the guest has not exited. */
static bool step(guest_t *g, uint64_t n)
{
    if (g->status >= 0)
        return false;
    g->m->insn_limit = g->m->insns_total + n;
    int why = machine_run(g->m);
    if (why == STOP_EXIT) {
        g->status = g->m->exit_code;
        fflush(g->outf);
        return false;
    }
    if (why != STOP_LIMIT) {
        g->status = 1000 + why;         /* an unexpected stop: fails below */
        return false;
    }
    return true;
}

static bool alone(const char *path, char **out, int *status)
{
    guest_t g;
    if (!guest_new(&g, path))
        return false;
    while (step(&g, 1u << 20))
        ;
    fflush(g.outf);
    *out = strdup(g.out ? g.out : "");
    *status = g.status;
    guest_free(&g);
    return true;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: two_machines A.elf B.elf\n");
        return 2;
    }
    console_init(false);
    char *ref[2];
    int ref_status[2];
    if (!alone(argv[1], &ref[0], &ref_status[0]) || !alone(argv[2], &ref[1], &ref_status[1]))
        return 1;
    if (!*ref[0] || !*ref[1]) {
        printf("FAIL two-machines/reference: a guest printed nothing alone\n");
        return 1;
    }
    guest_t g[2];
    if (!guest_new(&g[0], argv[1]) || !guest_new(&g[1], argv[2]))
        return 1;
    /* Machine A keeps an instruction ring (its traces are a debugger
     * client of A); B has none, and B has a breakpoint nobody reaches. */
    trace_of(g[0].m)->ring = true;
    trace_apply(g[0].m);
    dbg_bp_insert(g[1].m, 0x90000000ull, NULL, OWNER_MONITOR);
    /* Small slices, so the two compile and run code turn about. */
    bool a = true, b = true;
    unsigned turns = 0;
    while (a || b) {
        a = step(&g[0], 5000);
        b = step(&g[1], 7000);
        turns++;
    }
    int fails = 0;
    for (int i = 0; i < 2; i++) {
        fflush(g[i].outf);
        const char *got = g[i].out ? g[i].out : "";
        if (strcmp(got, ref[i]) || g[i].status != ref_status[i]) {
            printf("FAIL two-machines/%s: interleaved run printed %zu bytes, status %d; "
                   "alone %zu bytes, status %d\n", argv[1 + i], strlen(got), g[i].status,
                   strlen(ref[i]), ref_status[i]);
            fails++;
        }
    }
    jit_stats_t ja, jb;
    jit_get_stats(g[0].m, &ja);
    jit_get_stats(g[1].m, &jb);
    if (itrace_ring_count(g[0].m) == 0 || itrace_ring_count(g[1].m) != 0) {
        printf("FAIL two-machines/ring: A's ring holds %u, B's %u (B has no ring)\n",
               itrace_ring_count(g[0].m), itrace_ring_count(g[1].m));
        fails++;
    }
    /* A runs checked (its ring), so compiles nothing; B compiles. */
    if (ja.blocks != 0 || (jit_supported() && jb.blocks == 0)) {
        printf("FAIL two-machines/jit: blocks compiled A %llu (checked, expect 0), B %llu\n",
               ja.blocks, jb.blocks);
        fails++;
    }
    if (!fails)
        printf("PASS two-machines (%u turns; outputs %zu and %zu bytes, statuses %d and %d)\n",
               turns, strlen(ref[0]), strlen(ref[1]), ref_status[0], ref_status[1]);
    guest_free(&g[0]);
    guest_free(&g[1]);
    free(ref[0]);
    free(ref[1]);
    return fails != 0;
}
