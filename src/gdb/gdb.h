/* The GDB stub's state and the interfaces between its files:
 *   packet.c     framing, checksums, hex/binary encodings (rsp.h)
 *   transport.c  sockets, stdio, the break-in poller (transport.h)
 *   tdesc.c      the target description XML
 *   regs.c       registers by GDB number, g/G/p/P
 *   memory.c     m/M/X through the selected hart's translation
 *   points.c     Z/z: GDB's breakpoints and watchpoints, kept emulator-side
 *   commands.c   the packet dispatcher
 *   monitor.c    qRcmd ("monitor CMD")
 *   nonstop.c    non-stop mode: per-thread resume and stop, notifications
 *   stub.c       gdb_main: connections, run control, stop replies */
#ifndef RVSCOPE_GDB_GDB_H
#define RVSCOPE_GDB_GDB_H
#include "rsp.h"
#include "transport.h"
#include "../session.h"
#include "../debug/debugger.h"

/* What the dispatcher wants done after a packet. */
enum gdb_action {
    GA_NONE,         /* keep reading packets */
    GA_DETACH,       /* D: GDB let go of the machine */
    GA_DISCONNECT,   /* the connection ended without D */
    GA_KILL,         /* k / vKill */
    GA_EXIT,         /* the guest exited (W was sent); status in g->exit_status */
};

/* Z/z types (GDB manual, "Packets"). */
enum { Z_SW = 0, Z_HW = 1, Z_WRITE = 2, Z_READ = 3, Z_ACCESS = 4 };

typedef struct gdb_point {
    int type;            /* Z_* */
    uint64_t addr, len;  /* len: watch length, or breakpoint kind */
    int id;              /* dbg_bp_insert / dbg_wp_insert id */
} gdb_point_t;

/* A resume request (c, s, C, S, vCont) in all-stop mode. */
typedef struct gdb_resume {
    bool step;
    unsigned hart;       /* the hart to step */
    int sig;             /* signal to deliver, 0 = none */
    uint32_t cont;       /* a continue: the harts that run (scheduler locking: one) */
} gdb_resume_t;

/* A parsed vCont: its actions in order. */
typedef struct gdb_vcont_action {
    char op;             /* 'c', 's' or 't' (C and S as c and s, with sig) */
    int hart;            /* -1: every thread */
    int sig;
} gdb_vcont_action_t;
typedef struct gdb_vcont {
    unsigned n;
    gdb_vcont_action_t a[MAX_HARTS + 2];
} gdb_vcont_t;

#define GDB_NS_QUEUE (MAX_HARTS + 1)

typedef struct gdb {
    session_t   *s;
    machine_t   *m;
    gdb_conn_t  *conn;            /* NULL in the fuzz harness */
    rsp_framer_t fr;
    rsp_buf_t    out, frame, last_sent, tx;
    bool         noack;           /* QStartNoAckMode accepted */
    bool         gdb_swbreak, gdb_hwbreak;   /* GDB understands these stop reasons */

    unsigned     g_hart, c_hart;  /* Hg / Hc selections (hart index) */
    int          g_proc;          /* Hg on a process thread (procs.c): its pid, else 0 */
    unsigned     list_pos;        /* qsThreadInfo */

    gdb_point_t *pts;
    unsigned     npts, cappts;

    char        *xml;             /* target description, built on first use */
    size_t       xml_len;

    /* Non-stop mode (nonstop.c): stops not yet taken by GDB, the first
     * of which went out as a notification when ns_outstanding. */
    bool         non_stop;
    char         ns_queue[GDB_NS_QUEUE][160];
    unsigned     ns_len;
    bool         ns_outstanding;

    /* The last stop, as '?' reports it, and what resuming must know. */
    char         stop_reply[160];
    char         stop_msg[400];   /* console text for the last stop, "" if none */
    enum dbg_stop_kind last_kind;
    unsigned     last_hart;
    uint64_t     last_pc;
    /* GDB steps once more after a watchpoint because RISC-V triggers fire
     * before the access; ours fire after it, so that step is answered
     * without executing (see docs/gdb.md). */
    bool         swallow_step;
    unsigned     swallow_hart;
    uint64_t     swallow_pc;

    dbg_client_t client;          /* GDB's subscription to the debugger (owns ebreak) */
    volatile int break_req;       /* set by the poller thread: stop at the round's end */
    int          exit_status;     /* for GA_EXIT / GA_KILL */
    uint64_t     max_run;         /* fuzz harness: instructions per resume, 0 = no cap */
    /* Output: the connection, or the fuzz harness's sink. */
    bool       (*send)(void *ctx, const void *p, size_t n);
    void        *send_ctx;
} gdb_t;

/* stub.c */
gdb_t *gdb_new(session_t *s);
void   gdb_free(gdb_t *g);
/* A new GDB: fresh protocol state; the machine stays as it is. */
void   gdb_session_begin(gdb_t *g);
/* GDB is gone: its breakpoints and watchpoints go too. */
void   gdb_session_end(gdb_t *g);
/* One byte from GDB; returns what the caller must do. */
enum gdb_action gdb_input(gdb_t *g, uint8_t c);
/* Send a reply packet (payload) / the reply built in g->out. */
void   gdb_send_packet(gdb_t *g, const char *p, size_t n);
void   gdb_reply(gdb_t *g, const char *s);
void   gdb_reply_out(gdb_t *g);
/* Console output for GDB ("O" packets, only while a command runs). */
void   gdb_console(gdb_t *g, const char *text, size_t n);
/* Run the machine for a resume request and send the stop reply. */
enum gdb_action gdb_resume(gdb_t *g, const gdb_resume_t *r);
hart_t *gdb_hart(gdb_t *g, unsigned i);
/* Let hart i run at the next run (dbg_resume_hart), unless a Debug Module
 * (--jtag) holds it in debug mode: that is OpenOCD's to resume. */
void   gdb_resume_hart(gdb_t *g, unsigned i);
/* The stop reply (g->stop_reply, g->stop_msg) for a stop of the machine;
 * step_hart: the hart a step ran, or -1. GA_EXIT when the guest is done. */
enum gdb_action gdb_describe_stop(gdb_t *g, int why, int step_hart);
/* A notification packet ("%Stop:..."). */
void   gdb_send_notification(gdb_t *g, const char *p);

/* nonstop.c */
void gdb_ns_enable(gdb_t *g, bool on);
void gdb_ns_vstopped(gdb_t *g);
void gdb_ns_status(gdb_t *g);
enum gdb_action gdb_ns_vcont(gdb_t *g, const gdb_vcont_t *v);
/* The machine stopped while running in non-stop mode: queue and notify. */
enum gdb_action gdb_ns_stop(gdb_t *g, int why);

/* commands.c */
enum gdb_action gdb_dispatch(gdb_t *g, char *pkt, size_t len);

/* tdesc.c: the target XML for the harts of m (all have the same XLEN). */
char *gdb_target_xml(machine_t *m, size_t *len);

/* regs.c */
unsigned gdb_reg_bytes(const hart_t *h);
unsigned gdb_flen_bytes(const hart_t *h);   /* FP register size: 8 (D), 4 (F), 0 */
bool gdb_reg_read(hart_t *h, unsigned regnum, uint64_t *val);
bool gdb_reg_write(hart_t *h, unsigned regnum, uint64_t val);
void gdb_cmd_g(gdb_t *g);
void gdb_cmd_G(gdb_t *g, const char *arg);
void gdb_cmd_p(gdb_t *g, const char *arg);
void gdb_cmd_P(gdb_t *g, const char *arg);

/* memory.c: through hart h's current translation; returns bytes done. */
size_t gdb_mem_read(hart_t *h, uint64_t va, void *buf, size_t len);
size_t gdb_mem_write(hart_t *h, uint64_t va, const void *buf, size_t len);
void gdb_cmd_m(gdb_t *g, const char *arg);
void gdb_cmd_M(gdb_t *g, const char *arg);
void gdb_cmd_X(gdb_t *g, char *arg, size_t len);

/* points.c */
void gdb_cmd_Z(gdb_t *g, const char *arg, bool insert);
void gdb_points_clear(gdb_t *g);
const gdb_point_t *gdb_point_by_id(const gdb_t *g, int id);

/* monitor.c */
void gdb_cmd_qRcmd(gdb_t *g, const char *hex);
/* src/monitor/monitor.c: what the monitor's watches saw change (the
 * report a DS_HOOK stop of its client owes the user), as text. */
void monitor_stop_report(session_t *s, char *buf, size_t n);
/* ... and whether a stop is one of its own the user does not see. */
bool monitor_stop_silent(session_t *s, int why);
/* `monitor set stepie on`: GDB's stepi may take a pending interrupt. */
bool monitor_stepie(session_t *s);
/* A stop at one of the monitor's breakpoints or physical watchpoints (set
 * through `monitor b`, `monitor watch phys`): its report as text; false
 * when the stop is not one of them. */
bool monitor_stop_text(session_t *s, const dbg_stop_t *si, char *buf, size_t n);

#define GDB_REG_PC    32
#define GDB_REG_F0    33      /* f0..f31 = 33..64 */
#define GDB_REG_CSR0  65
#define GDB_REG_PRIV  4161

/* processes as threads (procs.c, with --osdesc) */
#define GDB_PROC_TID  1000       /* thread id of process PID: GDB_PROC_TID + PID */
/* A process thread: its pid and the hart running it (-1: switched out). */
bool gdb_proc_thread(gdb_t *g, long tid, int *pid, int *hart);
/* A process thread whose process is switched out (its registers are saved ones). */
bool gdb_proc_tid(gdb_t *g, long tid, int *pid);
/* The thread a stop on HART is reported as: the process on it, else the hart. */
long gdb_thread_id(gdb_t *g, unsigned hart);
void gdb_proc_list(gdb_t *g, rsp_buf_t *out);
bool gdb_proc_extra(gdb_t *g, int pid, char *text, size_t n);
/* A saved register of a process not on a hart; false: unknown. */
bool gdb_proc_reg(gdb_t *g, int pid, unsigned regnum, uint64_t *val);

#endif
