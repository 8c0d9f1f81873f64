/* The monitor's internal interface: one mon_t per session, shared by the
 * REPL (monitor.c), the commands (cmds.c), run control (control.c),
 * breakpoints (break.c) and expression watchpoints (watch.c). */
#ifndef RVSCOPE_MONITOR_MON_H
#define RVSCOPE_MONITOR_MON_H
#include "../session.h"
#include "../debug/debugger.h"
#include "expr.h"
#include <stdarg.h>
#include <stdio.h>

#define WATCH_MAX_READS 16   /* bytes ranges a precise watch follows; more: any store */

typedef struct mbreak {
    int      num, dbg_id;
    uint64_t addr;
    char    *loc;            /* as the user wrote it */
    char    *file;           /* FILE:LINE breakpoints: the file and the */
    int      line;           /* line it resolved to (0: not by line) */
    char     scope[96];      /* " space a priv u", "" = everywhere */
    char    *cond_text;      /* NULL: unconditional */
    expr_t  *cond;
    uint64_t hits;
} mbreak_t;

typedef struct mcatch {
    int      num, dbg_id;
    char     text[48];       /* as the user wrote it: "syscall 4" */
    bool     phys;           /* a physical watchpoint (dbg_wp), not a dbg_catch */
    uint64_t hits;           /* physical watchpoints count here */
} mcatch_t;

typedef struct wread {
    uint64_t pa;
    unsigned size;
    int      dbg_id;         /* emulator-side write watchpoint, or -1 */
} wread_t;

typedef struct mwatch {
    int      num;
    char    *text;
    expr_t  *e;
    unsigned hart;           /* whose registers and translation it reads */
    bool     mem, reg;       /* seed 001 classes: dereference, register */
    uint64_t gprs;           /* GPRs it reads (bit i = x_i) */
    bool     every;          /* reads $pc, $priv or a CSR: every instruction */
    /* current value; ok = false: the last evaluation failed (err says why) */
    bool     ok;
    uint64_t val;
    char     err[128];
    /* the bytes the last evaluation read (physical), for the precise policy */
    unsigned nreads;
    bool     reads_all;      /* more than WATCH_MAX_READS: any store counts */
    wread_t  reads[WATCH_MAX_READS];
    /* a change found by the last run, for the report */
    bool     changed, old_ok;
    uint64_t old_val;
    char     old_err[128];
    uint64_t chg_pc;
    unsigned chg_hart;
    uint64_t hits;
} mwatch_t;

/* What the precise policy looks at on one hart: the union of its watches. */
typedef struct watch_summary {
    uint64_t gprs;
    bool     every;
} watch_summary_t;

/* What an expression of a watch on one hart reads through (one per hart,
 * so an expr_env_t can point at it for as long as the watch lives). */
typedef struct env_ctx {
    struct mon *M;
    unsigned hart;
} env_ctx_t;

typedef struct mdisplay {
    int num;
    char fmt;
    char text[200];
} mdisplay_t;

typedef struct mon {
    session_t *s;
    machine_t *m;
    FILE      *out;
    unsigned   cur;          /* the hart commands look at */
    mbreak_t  *bps;
    unsigned   nbp, capbp;
    mwatch_t  *wps;          /* sorted by num */
    unsigned   nwp, capwp;
    int        next_num;     /* breakpoints and watchpoints share numbers (GDB) */
    bool       precise;      /* watch-policy */
    bool       watch_log;
    bool       step_show;
    bool       step_exec;    /* si shows what it executes (NEMU) */
    bool       ring_always;  /* itrace-ring during c too */
    bool       stepie;       /* si may take a pending interrupt (dcsr.stepie) */
    bool       stepping;
    bool       exited;
    int        exit_code;
    /* The status rvscope exits with if the session ends now: the CLI's
     * for the last stop (124 --max-insns, 125 deadlock, 126 stuck), 0 after
     * any other; the guest's own once it exited. */
    int        stop_status;
    bool       quit;
    bool       interactive;
    int        nchanged;
    watch_summary_t wsum[MAX_HARTS];   /* set by watch_needs_hook */
    bool       wsum_mem;               /* some watch reads memory */
    dbg_client_t client;               /* the monitor's subscription to the debugger */
    env_ctx_t  env_ctxs[MAX_HARTS];
    struct mon_programs *programs;     /* space_syms.c: programs' ELFs read so far */
    uint64_t sym_satp;                 /* while `b LOC space NAME` reads LOC: NAME's satp, else 0 */
    char sym_program[32];              /* set: symbols as in this program's space (b LOC space NAME) */
    mcatch_t   catches[32];
    unsigned   ncatch;
    /* source-level debugging (srcexpr.c, srccmds.c) */
    struct dinfo *dinfo;               /* the image's DWARF, opened at first use */
    bool       dinfo_tried;
    int        goal_bp, goal_bp2;      /* finish/next/until's own breakpoints (-1: none): */
    uint64_t   goal_sp;                /* stop there only once sp >= goal_sp */
    bool       goal_hit;
    bool       last_step_done;         /* the last si ran all its instructions */
    bool       escape;                 /* opened by Ctrl-A c: 'c' resumes the plain run */
    bool       resume;
    bool       src_busy;               /* inside next/step/finish/until: displays wait */
    mdisplay_t disp[16];
    unsigned   ndisp;
    int        disp_next;
} mon_t;

void mon_free(mon_t *M);

/* output */
void mon_printf(mon_t *M, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void mon_usage(mon_t *M, const char *cmd);
char *mon_skip_ws(char *p);
/* Cuts the first word off *p and returns it ("" at the end). */
char *mon_next_word(char **p);

/* the machine as the monitor sees it */
hart_t *mon_hart(mon_t *M);
expr_env_t mon_env(mon_t *M, unsigned hart);
bool mon_v2p(hart_t *h, uint64_t va, uint64_t *pa);
bool mon_read_virt(hart_t *h, uint64_t va, void *buf, unsigned len);
/* "Cannot access memory at address VA: not mapped in space NAME." */
void mon_access_error(mon_t *M, hart_t *h, uint64_t va);
/* "<sym+off>" or "" */
const char *mon_sym(mon_t *M, uint64_t addr, char *buf, size_t n);
/* "0x80000010 <main+4>:  00a12023  sw\ta0,0(sp)" */
void mon_fmt_insn(mon_t *M, hart_t *h, uint64_t pc, char *buf, size_t n);
/* n instructions from addr, "=>" marking the pc (disas, x/i); false when
 * memory cannot be read */
bool mon_disas(mon_t *M, hart_t *h, uint64_t addr, uint64_t n);
/* "=> " + mon_fmt_insn of the current pc */
void mon_show_location(mon_t *M, hart_t *h);
/* parse + evaluate, printing the error with a caret; false on error */
bool mon_eval(mon_t *M, const char *text, uint64_t *val);
/* Print an expression error: the text, a caret under the column, the message
 * (however long the text: a fixed buffer once cut the message off). */
void mon_expr_error(mon_t *M, const char *text, const expr_error_t *err);
/* value as "0x... (decimal)" */
void mon_fmt_value(mon_t *M, uint64_t v, char *buf, size_t n);

/* re-arm hooks and emulator-side watchpoints after any change */
void mon_rearm(mon_t *M);

/* run control (control.c) */
void mon_continue(mon_t *M);
/* report a stop that happened outside the monitor's own run (Ctrl-A c's) */
void mon_report(mon_t *M, int why);
void mon_step(mon_t *M, uint64_t n);
void mon_signals_init(mon_t *M);
/* A stop of the monitor's own that the user does not see (a breakpoint
 * whose condition is false, a store that left a watched value as it
 * was): true = resume at once. */
bool mon_stop_silent(mon_t *M, int why);

/* breakpoints (break.c) */
void break_cmd(mon_t *M, char *args);
/* a location as b takes it (*ADDR, FILE:LINE, FUNC, EXPR) -> address */
bool break_resolve(mon_t *M, const char *loc, uint64_t *addr);
/* source file and line of pc (a FILE:LINE breakpoint's own line at its address) */
bool break_where(mon_t *M, const mbreak_t *b, uint64_t pc, const char **file, int *line);
bool break_delete(mon_t *M, int num);
void break_list(mon_t *M);
mbreak_t *break_by_dbg_id(mon_t *M, int dbg_id);
/* the machine stopped at breakpoint b: false = condition false, go on */
bool break_hit(mon_t *M, mbreak_t *b);
void break_free_all(mon_t *M);

/* watchpoints (watch.c) */
void watch_cmd(mon_t *M, char *args);
bool watch_delete(mon_t *M, int num);
void watch_list(mon_t *M, bool header);
bool watch_needs_hook(mon_t *M);
void watch_sync_dbg(mon_t *M, bool hook);
void watch_begin_run(mon_t *M);
/* an emulator-side watchpoint stopped the machine: re-evaluate what the
 * store overlapped; true if dbg_id was one of the monitor's */
bool watch_on_dbg_stop(mon_t *M, const dbg_stop_t *si);
bool watch_insn_hook(void *ctx, hart_t *h, bool wrote, uint64_t saddr, unsigned slen, unsigned rd);
void watch_report_changes(mon_t *M);
void watch_free_all(mon_t *M);
void watch_evaluate(mon_t *M, mwatch_t *w);
bool cmd_trigger(mon_t *M, char *args);   /* trigger_cmd.c */
void trigger_harts_summary(mon_t *M);

/* address spaces (space_cmd.c) */
bool space_cmd(mon_t *M, char *args);
/* "LOC space NAME priv u hart N": the scope words at the end of loc, cut
 * off; text gets them as written. False (message printed): a bad one. */
bool space_parse_scope(mon_t *M, char *loc, bp_scope_t *scope, char *text, size_t n);
/* The stop line's " (U-mode, space a)" when spaces are named, else "". */
const char *space_stop_suffix(mon_t *M, hart_t *h, char *buf, size_t n);

/* The symbols for hart h: its space's files and process's program first
 * (space_syms.c); M->sym_satp, while set, stands for h's space. */
const symset_t *mon_syms(mon_t *M, hart_t *h);
void mon_syms_free(mon_t *M);
/* While a breakpoint's location is read: the symbols of the program that
 * space sp runs (b main space cat, from the kernel); NULL: the hart's. */
struct dbg_space;
void mon_syms_for_space(mon_t *M, const struct dbg_space *sp);

/* info procs, info space (procs_cmd.c) */
bool info_procs(mon_t *M);
bool info_space(mon_t *M);

/* catchpoints (catch.c) */
bool catch_cmd(mon_t *M, char *args);
bool catch_phys_watch(mon_t *M, char *args);
/* A physical watchpoint of the monitor stopped the machine: say so
 * (M->out) and show where; false if it was not one. */
bool catch_report_phys(mon_t *M, const dbg_stop_t *si);
bool catch_delete(mon_t *M, int num);
void catch_free_all(mon_t *M);
void catch_list(mon_t *M);
const mcatch_t *catch_by_dbg_id(mon_t *M, int dbg_id);

/* GDB's `monitor CMD` (bound by name from src/gdb/monitor.c), on GDB's
 * selected hart */
void monitor_command(session_t *s, const char *line, FILE *out, unsigned hart);

/* the info command (info.c); info mem (pagemap.c) */
bool info_mem(mon_t *M, char *args);
bool cmd_info(mon_t *M, char *args);

/* commands (cmds.c): runs one line; false if the command failed */
bool mon_exec(mon_t *M, char *line);
void mon_print_help(mon_t *M, const char *cmd);
/* the i-th command's name, NULL past the last (completion) */
const char *mon_command_name(size_t i);
/* tab completion for readline (complete.c) */
void mon_completion_init(mon_t *M);

#endif
