/* The run loop under --jtag. Harts run as without a debugger; between
 * rounds the JTAG device's poll hook reads what OpenOCD sent (without
 * blocking) and answers it, so the Debug Module sees running harts as
 * real hardware would. When no hart runs (all halted, or every hart
 * waits for an interrupt that cannot come), the loop blocks on the socket
 * until a DMI access lets one run again. A debug-mode entry (halt request,
 * ebreak, step, trigger) is a stop of the machine's run, never of rvscope.
 *
 * With --gdb the GDB stub owns the run loop instead (src/gdb/stub.c): the
 * poll hook is the same, and the stub serves the socket through
 * jtag_server_fd/jtag_server_service whenever it waits. */
#include "serve.h"
#include "dm.h"
#include "rbb.h"
#include "../debug/debug.h"
#include <stdio.h>
#include <stdlib.h>

struct jtag_server {
    machine_t *m;
    dm_t   *dm;
    jtag_t *jtag;
    rbb_t  *rbb;
};

static bool jtag_poll(void *opaque)
{
    rbb_service(opaque, 0);
    return false;                 /* raises no interrupts */
}

jtag_server_t *jtag_server_open(machine_t *m, const char *addr, bool halted)
{
    char err[256];
    jtag_server_t *js = calloc(1, sizeof *js);
    if (!js)
        abort();
    js->m = m;
    js->dm = dm_new(m, halted);
    js->jtag = jtag_new(js->dm);
    js->rbb = rbb_listen(addr, js->jtag, err, sizeof err);
    if (!js->rbb) {
        fprintf(stderr, "rvscope: %s\n", err);
        jtag_server_close(js);
        return NULL;
    }
    fprintf(stderr, "rvscope: JTAG (OpenOCD remote_bitbang) listening on %s\n", rbb_address(js->rbb));
    machine_add_device(m, &(device_t){ .name = "jtag", .opaque = js->rbb, .poll = jtag_poll });
    return js;
}

int jtag_server_fd(void *js)
{
    return rbb_fd(((jtag_server_t *)js)->rbb);
}

bool jtag_server_service(void *opaque)
{
    jtag_server_t *js = opaque;
    machine_t *m = js->m;
    rbb_service(js->rbb, 0);
    /* The front end holds the machine still while it waits (GDB has it
     * stopped): a hart OpenOCD resumed with dcsr.step takes its one
     * instruction now, alone, as GDB's stepi would, so OpenOCD's step
     * ends in debug mode as on hardware; a plain resume waits for GDB's
     * continue. */
    for (unsigned i = 0; i < m->nharts; i++) {
        hart_t *h = m->harts[i];
        if (h->run_state == RUN_RUNNING && h->dbg->step_pending)
            machine_step(m, i, 1, true);   /* dcsr.stepie decides on interrupts */
    }
    return dm_take_kick(js->dm);
}

void jtag_server_close(jtag_server_t *js)
{
    if (!js)
        return;
    rbb_close(js->rbb);
    jtag_free(js->jtag);
    dm_free(js->dm);
    free(js);
}

int jtag_run(machine_t *m, const char *addr, bool halted)
{
    jtag_server_t *js = jtag_server_open(m, addr, halted);
    if (!js)
        return -1;
    int why;
    for (;;) {
        if (machine_any_running(m)) {
            why = machine_run(m);
            if (why == STOP_EXIT || why == STOP_LIMIT || why == STOP_INTERRUPT)
                break;
            if (why == STOP_STUCK) {
                /* Say so once, and keep the hart still for the debugger. */
                dbg_stop_t s = dbg_stop_of(m, why);
                char text[320];
                dbg_stop_describe(m, &s, text, sizeof text);
                fprintf(stderr, "rvscope: %s\n", text);
                dbg_halt_hart(m, s.hart);
            }
            dbg_stop_clear(m);
            if (why != STOP_DEADLOCK && machine_any_running(m))
                continue;
        }
        /* Nothing can run: wait for OpenOCD to change that. */
        while (!dm_take_kick(js->dm))
            rbb_service(js->rbb, -1);
    }
    fflush(stderr);
    jtag_server_close(js);
    return why;
}
