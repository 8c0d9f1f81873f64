/* libFuzzer harness for the GDB stub's packet framing and dispatcher
 * (src/gdb/): bytes go in exactly as they would from a socket, replies go
 * nowhere, on a fresh two-hart machine for every input.
 *
 * First byte of an input:
 *   even  the rest is a raw byte stream (framing, checksums, acks, 0x03)
 *   odd   the rest is a list of packet payloads separated by '\n', each
 *         framed with a correct checksum, so the dispatcher sees them all
 * Bit 1 of it turns no-ack mode on first, bit 2 selects RV32.
 * Resumes run at most 2000 instructions, so guest code the input writes
 * with M/X cannot loop forever.
 *
 * tests/gdb/run.sh replays the saved corpus (tests/gdb/fuzz_corpus);
 *   make fuzz-rsp [FUZZ_SECONDS=seconds]   searches for new inputs and adds
 * those reaching new code to it (tests/fuzz.mk).  */
#include "gdb/gdb.h"
#include "debug/debug.h"
#include "dev/clint.h"
#include "dev/finisher.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool discard(void *ctx, const void *p, size_t n)
{
    (void)ctx; (void)p; (void)n;
    return true;
}

/* A fresh machine and session per input, so every input replays alone.
 * machine_free does not free the debug table or the devices, and the
 * monitor keeps a context per session, so sessions are never freed (their
 * addresses stay unique) and leak checking is off (-detect_leaks=0). */
static gdb_t *fresh(int xlen)
{
    machine_t *m = machine_new(xlen, 2, 1u << 20);
    if (!m)
        abort();
    clint_new(m);
    finisher_new(m);
    static FILE *null;
    if (!null)
        null = fopen("/dev/null", "w");
    m->out = null;
    session_t *s = calloc(1, sizeof *s);
    if (!s)
        abort();
    *s = (session_t){ .m = m, .gdb_addr = "stdio", .gdb_wait = true };
    gdb_t *g = gdb_new(s);
    g->send = discard;
    g->max_run = 2000;
    return g;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t mode = data[0];
    gdb_t *g = fresh(mode & 4 ? 32 : 64);
    machine_t *m = g->m;
    gdb_session_begin(g);
    if (mode & 2)
        g->noack = true;
    data++, size--;
    enum gdb_action a = GA_NONE;
    if (!(mode & 1)) {
        for (size_t i = 0; i < size && a == GA_NONE; i++)
            a = gdb_input(g, data[i]);
    } else {
        rsp_buf_t frame = {0};
        size_t start = 0;
        for (size_t i = 0; i <= size && a == GA_NONE; i++) {
            if (i < size && data[i] != '\n')
                continue;
            rsp_frame(&frame, (const char *)data + start, i - start);
            for (size_t j = 0; j < frame.len && a == GA_NONE; j++)
                a = gdb_input(g, (uint8_t)frame.data[j]);
            start = i + 1;
        }
        rsp_buf_free(&frame);
    }
    gdb_session_end(g);
    gdb_free(g);
    machine_free(m);
    return 0;
}
