/* Address spaces (SPEC §4, issue 13): a page table, known by its satp
 * (mode, ASID, root PPN), with a name the user or an OS description gives
 * it ("kernel", "init", "a"). Breakpoints and catchpoints scoped to a
 * space compare the root PPN of the hart's satp with the space's (ASIDs
 * are reused by kernels that have none, rvos and xv6 among them, so the
 * root is the identity). The debugger's own memory accesses (monitor x,
 * disas, watch expressions; GDB m/M/X) go through a space chosen with
 * `space use NAME`, by default the hart's current one, falling back to the
 * `kernel` space for an address the current one does not map, so a kernel
 * variable reads while the hart is stopped in user mode. */
#ifndef RVSCOPE_DEBUG_SPACES_H
#define RVSCOPE_DEBUG_SPACES_H
#include "debugger.h"

#define SPACE_NAME_MAX 32

typedef struct dbg_space {
    int      id;                    /* 1, 2, ... in the order they were bound */
    char     name[SPACE_NAME_MAX];
    uint64_t satp;                  /* following: the page table it resolved to last (0: none now) */
    bool     follow;                /* named by the OS description after a process (pidN) or
                                     * a program: membership is asked of it at each check */
} dbg_space_t;

/* satp's fields for this XLEN. */
uint64_t space_root_ppn(unsigned xlen, uint64_t satp);
uint64_t space_asid(unsigned xlen, uint64_t satp);

/* Bind NAME to satp (rebinding replaces); false: a bad name (letters,
 * digits, '_', '-', '.', at most SPACE_NAME_MAX - 1) or a satp with no
 * paging. */
bool dbg_space_bind(machine_t *m, const char *name, uint64_t satp);
bool dbg_space_unbind(machine_t *m, const char *name);
const dbg_space_t *dbg_space_find(machine_t *m, const char *name);
/* NAME if it is bound now, without asking the OS description (NULL). */
const dbg_space_t *dbg_space_bound(machine_t *m, const char *name);
/* The i-th bound space (0-based), NULL past the end. */
const dbg_space_t *dbg_space_at(machine_t *m, unsigned i);
/* The space whose root is satp's, or NULL. */
const dbg_space_t *dbg_space_of(machine_t *m, uint64_t satp);
/* "kernel", "a", or "satp 0x..." / "physical" when unnamed. */
const char *dbg_space_label(machine_t *m, uint64_t satp, char *buf, size_t n);

/* An OS description (src/os/) names spaces the user did not: a name not
 * bound yet is asked of resolve (and bound to what it gives), an unnamed
 * satp's label of name. */
typedef bool (*space_resolve_fn)(void *ctx, machine_t *m, const char *name, uint64_t *satp);
typedef bool (*space_name_fn)(void *ctx, machine_t *m, uint64_t satp, char *buf, size_t n);
void dbg_space_set_resolver(machine_t *m, space_resolve_fn resolve, space_name_fn name, void *ctx);
/* Names that follow processes rather than one page table: member says
 * whether satp's page table is NAME's now (1), is not (0), or NAME is not
 * such a name (-1: bind it to one satp). A process's exec gives it a new
 * page table: a space "pid3" keeps meaning pid 3, a space "cat" every
 * process running cat. Asked only where a scope is checked (the pc at a
 * breakpoint, a satp write while such scopes exist), never per instruction. */
typedef int (*space_member_fn)(void *ctx, machine_t *m, const char *name, uint64_t satp);
void dbg_space_set_member(machine_t *m, space_member_fn member);
/* Is satp's page table in space id now (a following space asks the OS)? */
bool dbg_space_contains(machine_t *m, int id, uint64_t satp);
/* The scope of breakpoints in space sp (its root, or sp itself when it
 * follows processes), at any privilege. */
bp_scope_t dbg_space_scope(machine_t *m, const dbg_space_t *sp);
/* Does hart h run in space sp now (paging on, same root)? */
bool dbg_space_is_current(const hart_t *h, const dbg_space_t *sp);

/* The space debugger accesses go through (`space use`): NULL = current. */
bool dbg_space_use(machine_t *m, const char *name);
const dbg_space_t *dbg_space_used(machine_t *m);
/* The satp a debugger access from hart h goes through first: the used
 * space's, else the hart's (none in M mode). */
uint64_t dbg_space_access_satp(hart_t *h);
/* va -> pa as the debugger reads memory for hart h (above); *via: the satp
 * it went through (may be NULL). No permission checks, no A/D updates. */
bool dbg_space_v2p(hart_t *h, uint64_t va, uint64_t *pa, uint64_t *via);

#endif
