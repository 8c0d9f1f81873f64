/* The packet dispatcher: one packet in, its reply out. Resume packets
 * (c, s, C, S, vCont) hand over to gdb_resume (stub.c), which runs the
 * machine and answers with the stop reply. Unknown packets get the empty
 * reply, as the protocol asks; malformed ones get "E01". */
#include "gdb.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool starts(const char *s, const char *prefix)
{
    return !strncmp(s, prefix, strlen(prefix));
}

/* A thread id: -1 (all), 0 (any) or a hart number + 1. A "pPID.TID" form
 * (multiprocess, which we do not advertise) is accepted too. */
static bool parse_thread(const char **p, long *tid)
{
    const char *s = *p;
    if (*s == 'p') {
        s++;
        while (*s && *s != '.')
            s++;
        if (*s != '.')
            return false;
        s++;
    }
    if (s[0] == '-' && s[1] == '1') {
        *tid = -1;
        *p = s + 2;
        return true;
    }
    uint64_t v;
    if (!rsp_parse_hex(&s, &v) || v > 0xfffff)
        return false;
    *tid = (long)v;
    *p = s;
    return true;
}

/* Thread id -> hart index: a hart's thread, or a process's while it is
 * on a hart (procs.c); false for an unknown or switched-out one. */
static bool thread_hart(gdb_t *g, long tid, unsigned *hart)
{
    int pid, h;
    if (tid <= 0)
        return false;
    if ((unsigned long)tid > g->m->nharts) {
        if (!gdb_proc_thread(g, tid, &pid, &h) || h < 0)
            return false;
        *hart = (unsigned)h;
        return true;
    }
    *hart = (unsigned)(tid - 1);
    return true;
}

static void cmd_H(gdb_t *g, const char *arg)
{
    char op = *arg++;
    long tid;
    unsigned hart = 0;
    int pid = 0;
    if ((op != 'g' && op != 'c') || !parse_thread(&arg, &tid) || *arg) {
        gdb_reply(g, "E01");
        return;
    }
    if (tid <= 0)                      /* any / all: the thread that last stopped */
        hart = g->last_hart;
    else if (!thread_hart(g, tid, &hart) && !(op == 'g' && gdb_proc_tid(g, tid, &pid))) {
        gdb_reply(g, "E01");
        return;
    }
    if (op == 'g') {
        g->g_hart = hart;
        g->g_proc = pid;               /* a process: its saved registers, memory via hart 0 */
    } else {
        g->c_hart = hart;
    }
    gdb_reply(g, "OK");
}

static void cmd_T(gdb_t *g, const char *arg)
{
    long tid;
    unsigned hart;
    int pid;
    bool ok = parse_thread(&arg, &tid) && !*arg && (thread_hart(g, tid, &hart) ||
                                                    gdb_proc_tid(g, tid, &pid));
    gdb_reply(g, ok ? "OK" : "E01");
}

static void thread_list(gdb_t *g, bool first)
{
    if (first)
        g->list_pos = 0;
    if (g->list_pos >= g->m->nharts) {
        gdb_reply(g, "l");
        return;
    }
    rsp_buf_clear(&g->out);
    rsp_buf_str(&g->out, "m");
    for (unsigned i = g->list_pos; i < g->m->nharts; i++)
        rsp_buf_printf(&g->out, i == g->list_pos ? "%x" : ",%x", i + 1);
    if (g->list_pos == 0)
        gdb_proc_list(g, &g->out);
    g->list_pos = g->m->nharts;
    gdb_reply_out(g);
}

static void thread_extra(gdb_t *g, const char *arg)
{
    long tid;
    unsigned hart;
    char text[96];
    int pid;
    int on;
    if (parse_thread(&arg, &tid) && !*arg && gdb_proc_thread(g, tid, &pid, &on) &&
        gdb_proc_extra(g, pid, text, sizeof text)) {
        rsp_buf_clear(&g->out);
        rsp_buf_hex(&g->out, text, strlen(text));
        gdb_reply_out(g);
        return;
    }
    if (*arg || !thread_hart(g, tid, &hart)) {
        gdb_reply(g, "E01");
        return;
    }
    hart_t *h = gdb_hart(g, hart);
    /* In all-stop mode every hart is stopped while GDB looks. */
    const char *state = h->run_state == RUN_DEBUG ? "halted in debug mode"
                      : g->non_stop && h->run_state == RUN_RUNNING ? "running"
                      : h->wfi ? "halted in wfi" : "halted";
    snprintf(text, sizeof text, "hart %u, %c-mode, %s", h->hartid, "USHM"[h->priv & 3], state);
    rsp_buf_clear(&g->out);
    rsp_buf_hex(&g->out, text, strlen(text));
    gdb_reply_out(g);
}

static void supported(gdb_t *g, const char *features)
{
    /* GDB lists what it understands: "swbreak+;hwbreak+;..." */
    g->gdb_swbreak = strstr(features, "swbreak+") != NULL;
    g->gdb_hwbreak = strstr(features, "hwbreak+") != NULL;
    rsp_buf_clear(&g->out);
    rsp_buf_printf(&g->out, "PacketSize=%x;qXfer:features:read+;qXfer:exec-file:read+;"
                   "vContSupported+;QStartNoAckMode+;QNonStop+", RSP_PACKET_SIZE);
    if (g->gdb_swbreak)
        rsp_buf_str(&g->out, ";swbreak+");
    if (g->gdb_hwbreak)
        rsp_buf_str(&g->out, ";hwbreak+");
    gdb_reply_out(g);
}

/* A qXfer reply: the part of obj[0..len) at OFFSET,LENGTH (arg). */
static void xfer_reply(gdb_t *g, const char *arg, const char *obj, size_t objlen)
{
    uint64_t off, len;
    if (!rsp_parse_hex(&arg, &off) || *arg++ != ',' || !rsp_parse_hex(&arg, &len) || *arg) {
        gdb_reply(g, "E01");
        return;
    }
    /* Escaping can double the data: keep the reply within PacketSize. */
    if (len > RSP_PACKET_SIZE / 2 - 8)
        len = RSP_PACKET_SIZE / 2 - 8;
    if (off >= objlen) {
        gdb_reply(g, "l");
        return;
    }
    size_t n = objlen - off < len ? (size_t)(objlen - off) : (size_t)len;
    rsp_buf_clear(&g->out);
    rsp_buf_str(&g->out, off + n >= objlen ? "l" : "m");
    rsp_buf_binary(&g->out, obj + off, n);
    gdb_reply_out(g);
}

/* qXfer:features:read:ANNEX:OFFSET,LENGTH */
static void xfer_features(gdb_t *g, const char *arg)
{
    const char *colon = strchr(arg, ':');
    if (!colon) {
        gdb_reply(g, "E01");
        return;
    }
    if ((size_t)(colon - arg) != strlen("target.xml") || strncmp(arg, "target.xml", 10)) {
        gdb_reply(g, "E00");               /* no such annex */
        return;
    }
    if (!g->xml)
        g->xml = gdb_target_xml(g->m, &g->xml_len);
    xfer_reply(g, colon + 1, g->xml, g->xml_len);
}

/* qXfer:exec-file:read:ANNEX:OFFSET,LENGTH: the image's absolute path, so
 * a GDB started without a file loads the guest's symbols by itself. */
static void xfer_exec_file(gdb_t *g, const char *arg)
{
    const char *colon = strchr(arg, ':');
    if (!colon || !g->s->image_path) {
        gdb_reply(g, "E01");
        return;
    }
    char *path = realpath(g->s->image_path, NULL);
    const char *p = path ? path : g->s->image_path;
    xfer_reply(g, colon + 1, p, strlen(p));
    free(path);
}

static void query(gdb_t *g, const char *q)
{
    if (starts(q, "qSupported"))
        supported(g, q);
    else if (starts(q, "qXfer:features:read:"))
        xfer_features(g, q + strlen("qXfer:features:read:"));
    else if (starts(q, "qXfer:exec-file:read:"))
        xfer_exec_file(g, q + strlen("qXfer:exec-file:read:"));
    else if (!strcmp(q, "qfThreadInfo"))
        thread_list(g, true);
    else if (!strcmp(q, "qsThreadInfo"))
        thread_list(g, false);
    else if (!strcmp(q, "qC")) {
        rsp_buf_clear(&g->out);
        rsp_buf_printf(&g->out, "QC%lx", g->g_proc ? GDB_PROC_TID + g->g_proc : gdb_thread_id(g, g->g_hart));
        gdb_reply_out(g);
    } else if (!strcmp(q, "qAttached") || starts(q, "qAttached:"))
        gdb_reply(g, "1");                 /* quitting GDB detaches, not kills */
    else if (starts(q, "qThreadExtraInfo,"))
        thread_extra(g, q + strlen("qThreadExtraInfo,"));
    else if (starts(q, "qRcmd,"))
        gdb_cmd_qRcmd(g, q + strlen("qRcmd,"));
    else if (starts(q, "qSymbol:"))
        gdb_reply(g, "OK");                /* no symbols wanted */
    else
        gdb_reply(g, "");
}

/* Signal number after C/S, then optional ";ADDR". */
static bool parse_sig_addr(gdb_t *g, const char *arg, bool has_sig, gdb_resume_t *r)
{
    uint64_t v;
    if (has_sig) {
        if (!rsp_parse_hex(&arg, &v) || v > 0xff)
            return false;
        r->sig = (int)v;
        if (*arg == ';')
            arg++;
        else if (*arg)
            return false;
    }
    if (*arg) {                            /* resume at ADDR */
        if (!rsp_parse_hex(&arg, &v) || *arg)
            return false;
        hart_t *h = gdb_hart(g, r->hart);
        h->pc = h->xlen == 32 ? (uint32_t)v : v;
    }
    return true;
}

static enum gdb_action resume_simple(gdb_t *g, const char *pkt)
{
    char c = pkt[0];
    gdb_resume_t r = { .step = c == 's' || c == 'S', .hart = g->c_hart, .sig = 0,
                       .cont = ~0u };
    if (!parse_sig_addr(g, pkt + 1, c == 'C' || c == 'S', &r)) {
        gdb_reply(g, "E01");
        return GA_NONE;
    }
    return gdb_resume(g, &r);
}

/* vCont;ACTION[:TID]... into its actions; false when malformed. An
 * action GDB may send that we do not offer (r) makes *unsupported true. */
static bool parse_vcont(gdb_t *g, const char *p, gdb_vcont_t *v, bool *unsupported)
{
    v->n = 0;
    *unsupported = false;
    while (*p == ';') {
        p++;
        char a = *p++;
        uint64_t sig = 0;
        if (a == 'C' || a == 'S') {
            if (!rsp_parse_hex(&p, &sig) || sig > 0xff)
                return false;
        } else if (a != 'c' && a != 's' && a != 't') {
            *unsupported = true;
            return true;
        }
        long tid = -1;
        if (*p == ':' && (p++, !parse_thread(&p, &tid)))
            return false;
        if (*p && *p != ';')
            return false;
        unsigned hart = 0;
        if (tid > 0 && !thread_hart(g, tid, &hart))
            return false;
        if (v->n == sizeof v->a / sizeof v->a[0])
            return false;
        v->a[v->n++] = (gdb_vcont_action_t){ .op = (char)(a == 'C' ? 'c' : a == 'S' ? 's' : a),
                                             .hart = tid > 0 ? (int)hart : -1, .sig = (int)sig };
    }
    return !*p && v->n;
}

/* vCont in all-stop mode: a step action for some thread makes this a step
 * of that hart (the others hold still); otherwise the harts the continue
 * actions name run (every hart for "c", one for "c:N": GDB's scheduler
 * locking) and the rest hold still. */
static enum gdb_action vcont(gdb_t *g, const char *p)
{
    gdb_vcont_t v;
    bool unsupported;
    if (!parse_vcont(g, p, &v, &unsupported)) {
        gdb_reply(g, "E01");
        return GA_NONE;
    }
    if (unsupported) {
        gdb_reply(g, "");
        return GA_NONE;
    }
    if (g->non_stop)
        return gdb_ns_vcont(g, &v);
    gdb_resume_t r = { .step = false, .hart = g->last_hart, .sig = 0, .cont = 0 };
    bool have_step = false;
    for (unsigned k = 0; k < v.n; k++) {
        const gdb_vcont_action_t *a = &v.a[k];
        if (a->op == 's' && !have_step) {   /* the leftmost step wins */
            have_step = true;
            r.hart = a->hart >= 0 ? (unsigned)a->hart : g->c_hart;
            r.sig = a->sig;
        } else if (a->op == 'c') {
            if (!r.cont && !have_step)
                r.sig = a->sig;
            r.cont |= a->hart >= 0 ? 1u << a->hart : ~0u;
        }
    }
    if (!have_step && !r.cont) {           /* only t: nothing runs in all-stop */
        gdb_reply(g, "E01");
        return GA_NONE;
    }
    r.step = have_step;
    return gdb_resume(g, &r);
}

enum gdb_action gdb_dispatch(gdb_t *g, char *pkt, size_t len)
{
    switch (pkt[0]) {
    case '?':
        if (g->non_stop)
            gdb_ns_status(g);
        else
            gdb_reply(g, g->stop_reply);
        return GA_NONE;
    case 'g': gdb_cmd_g(g); return GA_NONE;
    case 'G': gdb_cmd_G(g, pkt + 1); return GA_NONE;
    case 'p': gdb_cmd_p(g, pkt + 1); return GA_NONE;
    case 'P': gdb_cmd_P(g, pkt + 1); return GA_NONE;
    case 'm': gdb_cmd_m(g, pkt + 1); return GA_NONE;
    case 'M': gdb_cmd_M(g, pkt + 1); return GA_NONE;
    case 'X': gdb_cmd_X(g, pkt + 1, len - 1); return GA_NONE;
    case 'Z': gdb_cmd_Z(g, pkt + 1, true); return GA_NONE;
    case 'z': gdb_cmd_Z(g, pkt + 1, false); return GA_NONE;
    case 'H': cmd_H(g, pkt + 1); return GA_NONE;
    case 'T': cmd_T(g, pkt + 1); return GA_NONE;
    case 'c': case 'C': case 's': case 'S':
        return resume_simple(g, pkt);
    case 'k':
        return GA_KILL;                    /* no reply: GDB does not wait for one */
    case 'D':
        gdb_reply(g, "OK");
        return GA_DETACH;
    case 'q':
        query(g, pkt);
        return GA_NONE;
    case 'Q':
        if (!strcmp(pkt, "QStartNoAckMode")) {
            gdb_reply(g, "OK");            /* still acknowledged; then no more acks */
            g->noack = true;
        } else if (!strcmp(pkt, "QNonStop:1") || !strcmp(pkt, "QNonStop:0")) {
            gdb_ns_enable(g, pkt[9] == '1');
            gdb_reply(g, "OK");
        } else {
            gdb_reply(g, "");
        }
        return GA_NONE;
    case 'v':
        if (!strcmp(pkt, "vCont?")) {
            gdb_reply(g, "vCont;c;C;s;S;t");
            return GA_NONE;
        }
        if (!strcmp(pkt, "vStopped")) {
            if (g->non_stop)
                gdb_ns_vstopped(g);
            else
                gdb_reply(g, "");
            return GA_NONE;
        }
        if (starts(pkt, "vCont;"))
            return vcont(g, pkt + 5);
        if (starts(pkt, "vKill")) {
            gdb_reply(g, "OK");
            return GA_KILL;
        }
        gdb_reply(g, "");                  /* vMustReplyEmpty and all the rest */
        return GA_NONE;
    default:
        gdb_reply(g, "");
        return GA_NONE;
    }
}
