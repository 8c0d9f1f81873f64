/* The guest's processes as an OS description says to read them, and the
 * address-space names they give (kernel, pidN, program names). */
#include "osdesc.h"
#include "../dwarf/dwarf.h"
#include "../debug/spaces.h"
#include "../core/mmu.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Kernel memory: through the kernel's space once it is known (named by
 * the user or from kernel-pagetable), else physical (kernels that map
 * themselves at VA = PA: rvos, xv6). */

/* The name of the state enum's constant whose value is v. */
static bool enumerator_name(const osdesc_t *d, int64_t v, char *name, size_t n)
{
    const dtype_t *t = d->state_type;
    for (unsigned i = 0; t && t->kind == DT_ENUM && i < t->nenums; i++)
        if (t->enums[i].value == v) {
            snprintf(name, n, "%s", t->enums[i].name);
            return true;
        }
    return false;
}

static bool kread(osdesc_t *d, machine_t *m, uint64_t va, void *buf, size_t len)
{
    uint64_t satp = 0, pa = va;
    (void)d;
    const dbg_space_t *k = dbg_space_find(m, "kernel");
    if (k)
        satp = k->satp;
    uint8_t *b = buf;
    for (size_t i = 0; i < len;) {
        uint64_t a = va + i;
        size_t chunk = PAGE_SIZE - (a & (PAGE_SIZE - 1));
        if (chunk > len - i)
            chunk = len - i;
        if (satp && !mmu_debug_translate(m->harts[0], satp, a, &pa))
            return false;
        if (!satp)
            pa = a;
        if (!machine_phys_read(m, pa, b + i, chunk))
            return false;
        i += chunk;
    }
    return true;
}

static uint64_t le(const uint8_t *b, uint64_t size)
{
    uint64_t v = 0;
    for (uint64_t i = size > 8 ? 8 : size; i-- > 0;)
        v = v << 8 | b[i];
    return v;
}

static uint64_t satp_of_root(unsigned xlen, uint64_t pa)
{
    return xlen == 32 ? (1ull << 31) | (pa >> 12) : (8ull << 60) | (pa >> 12);
}

bool osdesc_kernel_satp(osdesc_t *d, machine_t *m, uint64_t *satp)
{
    uint8_t b[8] = {0};
    if (!d->has_kpt || !machine_phys_read(m, d->kpt_addr, b, m->xlen / 8))
        return false;
    uint64_t pa = le(b, m->xlen / 8);
    if (!pa)
        return false;
    *satp = satp_of_root(m->xlen, pa);
    return true;
}

static uint64_t read_word(osdesc_t *d, machine_t *m, uint64_t va)
{
    uint8_t b[8] = {0};
    return kread(d, m, va, b, m->xlen / 8) ? le(b, m->xlen / 8) : 0;
}

/* The hart running the process in table slot `slot` now, or -1: the one
 * whose cpu entry points at it (cpu-table; the index is the hart id, as
 * xv6's and rvos's cpuid() = tp = mhartid), else the one using its page
 * table outside M mode (right only while it is in U mode on kernels that
 * switch to a kernel page table on a trap). */
static int hart_of(osdesc_t *d, machine_t *m, unsigned slot, uint64_t satp)
{
    for (unsigned k = 0; k < m->nharts; k++) {
        hart_t *h = m->harts[k];
        if (d->has_cpu) {
            if (h->hartid < d->ncpu &&
                read_word(d, m, d->cpu_table + h->hartid * d->cpu_stride + d->off_cpu_proc) ==
                    d->table + slot * d->stride)
                return (int)k;
        } else if (satp && h->priv != PRIV_M &&
                   space_root_ppn(h->xlen, h->satp) == space_root_ppn(h->xlen, satp)) {
            return (int)k;
        }
    }
    return -1;
}

static bool read_proc(osdesc_t *d, machine_t *m, unsigned slot, os_proc_t *p)
{
    uint8_t small[2048];            /* struct proc fits: no malloc per read */
    uint8_t *e = d->stride <= sizeof small ? small : malloc(d->stride);
    if (!e)
        abort();
    bool ok = kread(d, m, d->table + slot * d->stride, e, d->stride);
    if (ok) {
        memset(p, 0, sizeof *p);
        p->slot = slot;
        p->state = (int64_t)le(e + d->off_state, d->size_state);
        p->pid = (int)le(e + d->off_pid, d->size_pid);
        size_t nn = d->size_name < sizeof p->name - 1 ? d->size_name : sizeof p->name - 1;
        memcpy(p->name, e + d->off_name, nn);
        p->name[nn] = 0;
        if (!*d->state_enum || !enumerator_name(d, p->state, p->state_name, sizeof p->state_name))
            snprintf(p->state_name, sizeof p->state_name, "%lld", (long long)p->state);
        uint64_t pt = le(e + d->off_pt, m->xlen / 8);
        p->satp = pt ? satp_of_root(m->xlen, pt) : 0;
        for (int i = 0; i < d->nregs; i++) {
            p->regs[d->reg_num[i]] = le(e + d->reg_off[i], m->xlen / 8);
            p->have_regs |= 1u << d->reg_num[i];
        }
        p->hart = -1;
    }
    if (e != small)
        free(e);
    return ok;
}

/* read_proc and, for a live process, the hart running it (a few more
 * reads: only where a caller shows or needs it). */
static bool read_live(osdesc_t *d, machine_t *m, unsigned slot, os_proc_t *p)
{
    if (!read_proc(d, m, slot, p) || p->state == d->free_state)
        return false;
    p->hart = hart_of(d, m, slot, p->satp);
    return true;
}

unsigned osdesc_procs(osdesc_t *d, machine_t *m, os_proc_t *out, unsigned max)
{
    unsigned n = 0;
    for (unsigned i = 0; i < d->nproc && n < max; i++)
        if (read_live(d, m, i, &out[n]))
            n++;
    return n;
}

bool osdesc_proc_by_pid(osdesc_t *d, machine_t *m, int pid, os_proc_t *p)
{
    for (unsigned i = 0; i < d->nproc; i++)
        if (read_proc(d, m, i, p) && p->state != d->free_state && p->pid == pid) {
            p->hart = hart_of(d, m, i, p->satp);
            return true;
        }
    return false;
}

bool osdesc_proc_on_hart(osdesc_t *d, machine_t *m, unsigned k, os_proc_t *p)
{
    for (unsigned i = 0; i < d->nproc; i++)
        if (read_live(d, m, i, p) && p->hart == (int)k)
            return true;
    return false;
}

bool osdesc_proc_by_satp(osdesc_t *d, machine_t *m, uint64_t satp, os_proc_t *p)
{
    uint64_t root = space_root_ppn(m->xlen, satp);
    for (unsigned i = 0; i < d->nproc; i++)
        if (read_proc(d, m, i, p) && p->state != d->free_state && p->satp &&
            space_root_ppn(m->xlen, p->satp) == root)
            return true;
    return false;
}

/* The live process whose page table is satp's: a hinted slot first (one
 * entry read), the table otherwise; never for the kernel's own table. */
static bool proc_of_root(osdesc_t *d, machine_t *m, uint64_t satp, os_proc_t *p)
{
    uint64_t root = space_root_ppn(m->xlen, satp), k;
    if (osdesc_kernel_satp(d, m, &k) && space_root_ppn(m->xlen, k) == root)
        return false;
    for (unsigned i = 0; i < 8; i++)
        if (d->hint_root[i] == root && read_proc(d, m, d->hint_slot[i], p) &&
            p->state != d->free_state && p->satp && space_root_ppn(m->xlen, p->satp) == root)
            return true;
    if (!osdesc_proc_by_satp(d, m, satp, p))
        return false;
    d->hint_root[d->hint_next] = root;
    d->hint_slot[d->hint_next] = p->slot;
    d->hint_next = (d->hint_next + 1) % 8;
    return true;
}

static bool pid_name(const char *name, long *pid)
{
    char *e;
    if (strncmp(name, "pid", 3) || !name[3] || name[3] < '0' || name[3] > '9')
        return false;
    *pid = strtol(name + 3, &e, 10);
    return !*e;
}

/* Following spaces (spaces.h): "pidN" is process N whatever page table
 * its exec gives it, a program's name every process running it (named so
 * now, or whose ELF the `program` pattern finds). satp 0: is NAME one? */
static int member(void *ctx, machine_t *m, const char *name, uint64_t satp)
{
    osdesc_t *d = ctx;
    long pid;
    os_proc_t p;
    if (!strcmp(name, "kernel"))
        return -1;
    if (satp)
        return proc_of_root(d, m, satp, &p) &&
               (pid_name(name, &pid) ? p.pid == pid : !strcmp(p.name, name));
    if (pid_name(name, &pid))
        return 0;
    for (unsigned i = 0; i < d->nproc; i++)
        if (read_proc(d, m, i, &p) && p.state != d->free_state && !strcmp(p.name, name))
            return 0;
    if (*d->program && !strchr(name, '/')) {
        char path[600];
        snprintf(path, sizeof path, d->program, name);
        if (access(path, R_OK) == 0)
            return 0;
    }
    return -1;
}

static bool resolve(void *ctx, machine_t *m, const char *name, uint64_t *satp)
{
    osdesc_t *d = ctx;
    if (!strcmp(name, "kernel"))
        return osdesc_kernel_satp(d, m, satp);
    os_proc_t p;
    if (!strncmp(name, "pid", 3) && name[3]) {
        char *e;
        long pid = strtol(name + 3, &e, 10);
        if (*e || !osdesc_proc_by_pid(d, m, (int)pid, &p) || !p.satp)
            return false;
        *satp = p.satp;
        return true;
    }
    for (unsigned i = 0; i < d->nproc; i++)     /* a program: its first live process */
        if (read_proc(d, m, i, &p) && p.state != d->free_state && p.satp && !strcmp(p.name, name)) {
            *satp = p.satp;
            return true;
        }
    return false;
}

static bool name_of(void *ctx, machine_t *m, uint64_t satp, char *buf, size_t n)
{
    osdesc_t *d = ctx;
    uint64_t root = space_root_ppn(m->xlen, satp), k;
    if (osdesc_kernel_satp(d, m, &k) && space_root_ppn(m->xlen, k) == root) {
        snprintf(buf, n, "kernel");
        return true;
    }
    os_proc_t p;
    if (!osdesc_proc_by_satp(d, m, satp, &p))
        return false;
    snprintf(buf, n, "pid%d (%s)", p.pid, p.name);
    return true;
}

static const char *syscall_name(void *ctx, uint64_t nr)
{
    return osdesc_syscall_name(ctx, nr);
}

void osdesc_attach_spaces(osdesc_t *d, machine_t *m)
{
    dbg_space_set_resolver(m, resolve, name_of, d);
    dbg_set_syscall_names(m, syscall_name, d);
    dbg_space_set_member(m, member);
}
