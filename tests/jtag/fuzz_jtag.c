/* libFuzzer harness for the JTAG TAP, the DTM and the Debug Module
 * (src/dm/), on a fresh machine per input whose harts loop in RAM.
 *
 * First byte of an input: bit 0 RV32, bit 1 two harts, bit 2 selects how
 * the rest is read:
 *   0  remote_bitbang bytes, exactly as OpenOCD would send them (random TAP
 *      sequences, resets, reads); a 'Z' runs the machine for a while
 *   1  DMI operations of 5 bytes each: op/address (bit 7: write), then the
 *      32-bit value; address 0x7f runs the machine for a while
 * Every run is capped (insn_limit), so the guest cannot loop for ever.
 *
 * After the input, rvscope must still be debuggable through JTAG: from
 * Test-Logic-Reset, IDCODE reads back; after dmireset and a DM reset
 * (dmactive 0 then 1), a halt request halts hart 0, an abstract command
 * reads a0 as the hart holds it, and a resume request resumes it. Anything
 * else aborts (a finding).
 *
 * tests/jtag/run.sh replays the saved corpus (tests/jtag/fuzz_corpus);
 *   make fuzz-jtag [FUZZ_SECONDS=seconds]  searches for new inputs. */
#include "dm/rbb.h"
#include "dev/clint.h"
#include "dev/finisher.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static machine_t *m;
static dm_t *dm;
static jtag_t *jt;

static void run_a_while(void)
{
    m->insn_limit = m->insns_total + 3000;
    machine_run(m);
    m->insn_limit = 0;
}

/* ---- a JTAG master, as OpenOCD's bitbang driver does it ---- */

static uint8_t out[1 << 16];
static size_t nout;

static void clock(bool tms, bool tdi)
{
    uint8_t b[3] = { (uint8_t)('0' + (tms << 1 | tdi)), 'R', (uint8_t)('4' + (tms << 1 | tdi)) };
    bool quit = false;
    nout += rbb_process(jt, b, 3, out + nout, &quit);
    if (nout > sizeof out - 8)
        nout = 0;
}

/* From Run-Test/Idle: shift len bits of v into IR (ir) or DR; back to
 * Run-Test/Idle. Returns what was shifted out. */
static uint64_t scan(bool ir, uint64_t v, unsigned len)
{
    clock(1, 0);                          /* Select-DR */
    if (ir)
        clock(1, 0);                      /* Select-IR */
    clock(0, 0);                          /* Capture */
    clock(0, 0);                          /* Shift */
    uint64_t r = 0;
    for (unsigned i = 0; i < len; i++) {
        size_t at = nout;
        clock(i == len - 1, (v >> i) & 1);    /* the last bit moves to Exit1 */
        r |= (uint64_t)(out[at] == '1') << i;
    }
    clock(1, 0);                          /* Update */
    clock(0, 0);                          /* Run-Test/Idle */
    return r;
}

static void tap_reset(void)
{
    for (int i = 0; i < 6; i++)
        clock(1, 0);
    clock(0, 0);
}

static void dmi(unsigned op, unsigned addr, uint32_t data)
{
    scan(true, 0x11, 5);
    scan(false, (uint64_t)addr << 34 | (uint64_t)data << 2 | op, 41);
}

static uint32_t dmi_read(unsigned addr)
{
    dmi(1, addr, 0);
    scan(true, 0x11, 5);
    uint64_t r = scan(false, 0, 41);      /* a nop collects the result */
    if ((r & 3) != 0) {
        fprintf(stderr, "fuzz_jtag: DMI read of 0x%x failed (op %u)\n", addr, (unsigned)(r & 3));
        abort();
    }
    return (uint32_t)(r >> 2);
}

static void expect(bool ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_jtag: not debuggable after the input: %s\n", what);
        abort();
    }
}

static void still_debuggable(void)
{
    nout = 0;
    bool quit = false;
    rbb_process(jt, (const uint8_t *)"r0", 2, out, &quit);   /* TRST released, TCK low */
    tap_reset();
    scan(true, 0x01, 5);
    expect(scan(false, 0, 32) == JTAG_IDCODE, "IDCODE");
    scan(true, 0x10, 5);
    scan(false, 3u << 16, 32);                       /* dmireset, dmihardreset */
    dmi(2, 0x10, 0);                                 /* dmactive = 0: DM reset */
    dmi(2, 0x10, 1);
    dmi(2, 0x10, 1u << 31 | 1);                      /* haltreq, hart 0 */
    expect((dmi_read(0x11) & (1u << 9)) != 0, "hart 0 halts (dmstatus.allhalted)");
    dmi(2, 0x10, 1);
    uint32_t a0 = (uint32_t)m->harts[0]->x[10];
    dmi(2, 0x17, 2u << 20 | 1u << 17 | 0x100a);      /* read a0, 32 bits */
    expect(((dmi_read(0x16) >> 8) & 7) == 0, "an abstract command works (cmderr 0)");
    expect(dmi_read(0x04) == a0, "data0 holds a0");
    dmi(2, 0x10, 1u << 30 | 1);                      /* resumereq */
    uint32_t st = dmi_read(0x11);
    expect((st & (1u << 17)) && (st & (1u << 11)), "hart 0 resumes (allresumeack, allrunning)");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static FILE *null;
    if (!null)
        null = fopen("/dev/null", "w");
    m = machine_new(data[0] & 1 ? 32 : 64, data[0] & 2 ? 2 : 1, 1u << 20);
    if (!m)
        abort();
    clint_new(m);
    finisher_new(m);
    m->out = null;
    /* Each hart: addi t0, t0, 1; j .-4 */
    static const uint32_t loop[] = { 0x00128293, 0xffdff06f };
    machine_phys_write(m, RAM_BASE, loop, sizeof loop);
    dm = dm_new(m, false);
    jt = jtag_new(dm);
    const uint8_t *p = data + 1, *end = data + size;
    if (!(data[0] & 4)) {
        while (p < end) {
            const uint8_t *z = memchr(p, 'Z', (size_t)(end - p));
            const uint8_t *stop = z ? z : end;
            bool quit = false;
            uint8_t reply[4096];
            while (p < stop) {
                size_t n = (size_t)(stop - p) < sizeof reply ? (size_t)(stop - p) : sizeof reply;
                rbb_process(jt, p, n, reply, &quit);
                p += n;
            }
            if (z) {
                run_a_while();
                p = z + 1;
            }
        }
    } else {
        for (; end - p >= 5; p += 5) {
            unsigned addr = p[0] & 0x7f;
            uint32_t v = p[1] | (uint32_t)p[2] << 8 | (uint32_t)p[3] << 16 | (uint32_t)p[4] << 24;
            if (addr == 0x7f)
                run_a_while();
            else if (p[0] & 0x80)
                dm_write(dm, addr, v);
            else
                dm_read(dm, addr);
        }
    }
    still_debuggable();
    jtag_free(jt);
    dm_free(dm);
    machine_free(m);
    return 0;
}
