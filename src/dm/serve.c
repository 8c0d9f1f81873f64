/* The run loop under --jtag. Harts run as without a debugger; between
 * rounds the JTAG device's poll hook reads what OpenOCD sent (without
 * blocking) and answers it, so the Debug Module sees running harts as
 * real hardware would. When no hart runs (all halted, or every hart
 * waits for an interrupt that cannot come), the loop blocks on the socket
 * until a DMI access lets one run again. A debug-mode entry (halt request,
 * ebreak, step, trigger) is a stop of the machine's run, never of rvscope. */
#include "serve.h"
#include "dm.h"
#include "rbb.h"
#include "../debug/debugger.h"
#include <stdio.h>

static bool jtag_poll(void *opaque)
{
    rbb_service(opaque, 0);
    return false;                 /* raises no interrupts */
}

int jtag_run(machine_t *m, const char *addr, bool halted)
{
    char err[256];
    dm_t *dm = dm_new(m, halted);
    jtag_t *j = jtag_new(dm);
    rbb_t *r = rbb_listen(addr, j, err, sizeof err);
    if (!r) {
        fprintf(stderr, "rvscope: %s\n", err);
        jtag_free(j);
        dm_free(dm);
        return -1;
    }
    fprintf(stderr, "rvscope: JTAG (OpenOCD remote_bitbang) listening on %s\n", rbb_address(r));
    machine_add_device(m, &(device_t){ .name = "jtag", .opaque = r, .poll = jtag_poll });
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
        while (!dm_take_kick(dm))
            rbb_service(r, -1);
    }
    fflush(stderr);
    rbb_close(r);
    jtag_free(j);
    dm_free(dm);
    return why;
}
