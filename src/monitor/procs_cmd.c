/* `info procs` and `info space`: the guest's processes as its OS
 * description reads them (--osdesc, src/os/), and where the current hart
 * is (mode, space, process, the ELF of its program) — what the GDB
 * extension in tools/gdb/ asks at each stop to load the right symbols. */
#include "mon.h"
#include "../debug/spaces.h"
#include "../os/osdesc.h"
#include "../core/mmu.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_PROCS 256

bool info_procs(mon_t *M)
{
    osdesc_t *d = M->s->os;
    if (!d) {
        mon_printf(M, "No OS description: start rvscope with --osdesc FILE (os/rvos.osdesc).\n");
        return false;
    }
    os_proc_t *p = malloc(MAX_PROCS * sizeof *p);
    if (!p)
        abort();
    unsigned n = osdesc_procs(d, M->m, p, MAX_PROCS);
    mon_printf(M, "  PID  Name             State      satp                Hart\n");
    for (unsigned i = 0; i < n; i++) {
        char hart[16] = "-";
        if (p[i].hart >= 0)
            snprintf(hart, sizeof hart, "%d", p[i].hart);
        mon_printf(M, "%5d  %-16s %-10s 0x%016" PRIx64 "  %s\n", p[i].pid, p[i].name, p[i].state_name,
                   p[i].satp, hart);
    }
    free(p);
    return true;
}

/* One line a program can parse: "mode U space pid3 (spin) pid 3 name spin
 * elf build/os/user/spin.elf" (pid/name/elf only for a process's space),
 * and while the pc is in an OS description's alias (the trampoline)
 * "alias VA SIZE OFFSET KERNEL": the kernel ELF's symbols + OFFSET
 * describe [VA, VA + SIZE) (GDB: add-symbol-file KERNEL -o OFFSET). */
bool info_space(mon_t *M)
{
    hart_t *h = mon_hart(M);
    char sp[64];
    uint64_t satp = h->priv == PRIV_M ? 0 : h->satp;
    mon_printf(M, "mode %c space %s", "USHM"[h->priv & 3], dbg_space_label(M->m, satp, sp, sizeof sp));
    osdesc_t *d = M->s->os;
    os_proc_t p;
    if (d && mmu_satp_paged(h->xlen, satp) && osdesc_proc_by_satp(d, M->m, satp, &p)) {
        mon_printf(M, " pid %d name %s", p.pid, p.name);
        if (*d->program) {
            char elf[600];
            snprintf(elf, sizeof elf, d->program, p.name);
            if (access(elf, R_OK) == 0)     /* xv6's initcode has none */
                mon_printf(M, " elf %s", elf);
        }
    }
    const struct os_alias *a = mmu_satp_paged(h->xlen, satp) ? osdesc_alias_at(d, h->pc) : NULL;
    if (a)
        mon_printf(M, " alias 0x%" PRIx64 " 0x%" PRIx64 " 0x%" PRIx64 " %s", a->va, a->size,
                   a->va - a->link, d->kernel);
    mon_printf(M, "\n");
    return true;
}
