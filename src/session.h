/* What the front ends (monitor, GDB stub) get from the command line. */
#ifndef RVSCOPE_SESSION_H
#define RVSCOPE_SESSION_H
#include "machine.h"
#include "elf/image.h"
#include "elf/symset.h"

typedef struct session {
    machine_t  *m;
    image_t    *img;           /* the guest ELF; NULL for --raw or --bios/--kernel */
    const symset_t *syms;      /* symbols and lines: the image, firmware, kernel, --symbols */
    const char *image_path;
    /* monitor */
    const char *script;        /* -x FILE: commands to run first */
    /* GDB stub */
    const char *gdb_addr;      /* "[HOST:]PORT", "unix:PATH" or "stdio" */
    bool gdb_wait;             /* wait for GDB before the first instruction */
    bool gdb_once;             /* exit when GDB disconnects */
    /* --jtag with --gdb: debug mode belongs to the Debug Module (OpenOCD),
     * whose socket the stub serves while it waits (src/dm/serve.c). */
    bool debug_module;
    const struct gdb_extra *gdb_extra;
    struct mon *mon;           /* the monitor GDB's `monitor` commands use */
    struct osdesc *os;         /* --osdesc FILE: the guest kernel's processes (src/os/) */
    /* --symbols FILE@SPACE: symbols used only while a hart runs in SPACE
     * (a name `space` binds, or the OS description's kernel/pidN/program) */
    struct space_symbols {
        image_t    *img;
        const char *space;
    } space_syms[SYMSET_MAX];
    unsigned nspace_syms;
} session_t;

/* src/monitor/monitor.c: the REPL; returns rvscope's exit status. */
int monitor_main(session_t *s);
/* src/monitor/monitor.c: Ctrl-A c in a plain run, or a stop for the
 * monitor's breakpoint there; -1 = resume the run, else the exit status. */
int monitor_escape(session_t *s, int why);
/* src/gdb/stub.c: serve GDB; returns rvscope's exit status. */
int gdb_main(session_t *s);

#endif
