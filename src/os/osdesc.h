/* An OS description (docs/osdesc.md): a small text file per kernel saying
 * where its process table is and how to read a process (pid, name, state,
 * page table, saved registers) in terms of the kernel's DWARF names, its
 * system call names and where each program's ELF is. rvscope resolves the
 * names against the kernel ELF once (src/dwarf/, the DWARF module the monitor uses) and then reads the
 * guest's memory, so a kernel is described by data, not code. */
#ifndef RVSCOPE_OS_OSDESC_H
#define RVSCOPE_OS_OSDESC_H
#include "../machine.h"

#define OS_MAX_REGS    32
#define OS_MAX_SYSCALL 512
#define OS_MAX_ALIAS   4

typedef struct osdesc {
    char     path[512];
    /* resolved against the kernel's DWARF */
    bool     has_kpt;
    uint64_t kpt_addr;                      /* global holding the root table's PA */
    uint64_t table, nproc, stride;          /* process table: address, entries, entry size */
    uint64_t off_pid, off_name, off_state, off_pt, off_ctx;
    uint64_t size_pid, size_name, size_state;
    char     state_enum[64];
    const struct dtype *state_type;         /* enum state_enum, looked up once (or NULL) */
    int64_t  free_state;                    /* a free slot's state */
    int64_t  running_state;                 /* on a hart now (its registers are the hart's); -1 none */
    bool     has_ctx;
    bool     has_cpu;                       /* cpu-table: which process each hart runs */
    uint64_t cpu_table, ncpu, cpu_stride, off_cpu_proc;
    int      nregs;
    unsigned reg_num[OS_MAX_REGS];          /* x-register number */
    uint64_t reg_off[OS_MAX_REGS];          /* offset in the process entry */
    char    *syscall[OS_MAX_SYSCALL];
    char     program[512];                  /* "build/os/user/%s.elf" */
    char     kernel[512];                   /* the kernel ELF (for aliases) */
    /* `alias SYMBOL VA [SIZE]`: the kernel's bytes at SYMBOL's link address
     * also run at VA (a trampoline page mapped in every space) */
    struct os_alias {
        char     sym[64];
        uint64_t link, va, size;
    } alias[OS_MAX_ALIAS];
    unsigned naliases;
    /* page-table root -> process-table slot, last seen (checked before use):
     * following spaces (procs.c) ask at satp writes without a table scan */
    uint64_t hint_root[8];
    unsigned hint_slot[8], hint_next;
    struct dinfo *dw;                       /* the kernel's DWARF, kept for enum names */
} osdesc_t;

/* Parse FILE and resolve it against kernel_elf's DWARF; NULL with err. */
osdesc_t *osdesc_load(const char *file, const char *kernel_elf, int xlen, char *err, size_t n);
void osdesc_free(osdesc_t *d);
/* System call number <-> name (-1 / NULL when not described). */
int osdesc_syscall_nr(const osdesc_t *d, const char *name);
const char *osdesc_syscall_name(const osdesc_t *d, uint64_t nr);

/* The alias whose run addresses [va, va + size) hold addr, or NULL. */
const struct os_alias *osdesc_alias_at(const osdesc_t *d, uint64_t addr);

/* A process as read from the guest now. */
typedef struct os_proc {
    unsigned slot;
    int      pid;
    char     name[32];
    int64_t  state;
    char     state_name[32];
    uint64_t satp;                          /* 0: no page table */
    uint64_t regs[32];                      /* saved x registers (context) */
    uint32_t have_regs;                     /* bit i: regs[i] known */
    int      hart;                          /* the hart running it now, or -1 */
} os_proc_t;

/* The live processes (state != free), at most max; reads kernel memory
 * through the `kernel` space if named, else physical (VA = PA). */
unsigned osdesc_procs(osdesc_t *d, machine_t *m, os_proc_t *out, unsigned max);
bool osdesc_proc_by_pid(osdesc_t *d, machine_t *m, int pid, os_proc_t *p);
/* The process hart k runs now (cpu-table, else the one whose page table
 * the hart uses outside M mode); false when none. */
bool osdesc_proc_on_hart(osdesc_t *d, machine_t *m, unsigned k, os_proc_t *p);
/* The live process whose page table is satp's (same root). */
bool osdesc_proc_by_satp(osdesc_t *d, machine_t *m, uint64_t satp, os_proc_t *p);
/* The kernel's satp from its page-table global (false: not set yet). */
bool osdesc_kernel_satp(osdesc_t *d, machine_t *m, uint64_t *satp);
/* Names for spaces: "kernel", "pidN", a program name (its first process). */
void osdesc_attach_spaces(osdesc_t *d, machine_t *m);

#endif
