/* Sockets, standard input/output, and the break-in poller (transport.h).
 *
 * The poller is a second thread that only ever blocks in poll() and, when
 * GDB sends 0x03 (or goes away, or a new GDB connects while none is
 * attached), raises a flag. It touches nothing else of the machine: the
 * run loop's device poll hook reads the flag once per round (stub.c), so
 * the interpreter pays nothing, no system call and no check per
 * instruction, and a break-in takes effect within one round (a few
 * thousand instructions per hart, microseconds). */
#define _GNU_SOURCE
#include "transport.h"
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <arpa/inet.h>

static bool listen_unix(const char *path, gdb_listener_t *l, char *err, size_t errlen)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    if (!*path || strlen(path) >= sizeof sa.sun_path) {
        snprintf(err, errlen, "bad --gdb unix:%s: the socket path must be 1..%zu characters",
                 path, sizeof sa.sun_path - 1);
        return false;
    }
    strcpy(sa.sun_path, path);
    struct stat st;
    if (stat(path, &st) == 0 && S_ISSOCK(st.st_mode))
        unlink(path);                 /* a stale socket of an earlier run */
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(fd, 1) < 0) {
        snprintf(err, errlen, "cannot listen on unix:%s: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return false;
    }
    l->fd = fd;
    l->unix_path = strdup(path);
    snprintf(l->desc, sizeof l->desc, "unix:%s", path);
    return true;
}

static bool listen_tcp(const char *addr, gdb_listener_t *l, char *err, size_t errlen)
{
    char host[128] = "127.0.0.1";
    const char *port = addr;
    const char *colon = strrchr(addr, ':');
    if (colon) {
        size_t n = (size_t)(colon - addr);
        const char *h = addr;
        if (n >= 2 && h[0] == '[' && h[n - 1] == ']')   /* [::1]:1234 */
            h++, n -= 2;
        if (n >= sizeof host) {
            snprintf(err, errlen, "bad --gdb '%s': host name too long", addr);
            return false;
        }
        if (n) {
            memcpy(host, h, n);
            host[n] = 0;
        }
        port = colon + 1;
    }
    char *end;
    long pn = strtol(port, &end, 10);
    if (!*port || *end || pn < 0 || pn > 65535) {
        snprintf(err, errlen, "bad --gdb '%s': expected [HOST:]PORT with PORT 0..65535, "
                 "unix:PATH or stdio", addr);
        return false;
    }
    struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
                              .ai_flags = AI_PASSIVE | AI_NUMERICSERV }, *res;
    int rc = getaddrinfo(host, port, &hints, &res);
    if (rc) {
        snprintf(err, errlen, "bad --gdb host '%s': %s", host, gai_strerror(rc));
        return false;
    }
    int fd = -1, saved = 0;
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
        if (fd < 0)
            continue;
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && listen(fd, 1) == 0)
            break;
        saved = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) {
        snprintf(err, errlen, "cannot listen for GDB on %s:%s: %s", host, port,
                 strerror(saved ? saved : EADDRNOTAVAIL));
        return false;
    }
    /* Name the real port (PORT 0 asks the kernel for a free one). */
    struct sockaddr_storage ss;
    socklen_t sl = sizeof ss;
    char hbuf[NI_MAXHOST] = "?", pbuf[NI_MAXSERV] = "?";
    if (getsockname(fd, (struct sockaddr *)&ss, &sl) == 0)
        getnameinfo((struct sockaddr *)&ss, sl, hbuf, sizeof hbuf, pbuf, sizeof pbuf,
                    NI_NUMERICHOST | NI_NUMERICSERV);
    snprintf(l->desc, sizeof l->desc, strchr(hbuf, ':') ? "[%s]:%s" : "%s:%s", hbuf, pbuf);
    l->fd = fd;
    return true;
}

bool gdb_listen(const char *addr, gdb_listener_t *l, char *err, size_t errlen)
{
    memset(l, 0, sizeof *l);
    l->fd = -1;
    if (!strcmp(addr, "stdio") || !strcmp(addr, "-")) {
        l->stdio = true;
        snprintf(l->desc, sizeof l->desc, "stdio");
        return true;
    }
    if (!strncmp(addr, "unix:", 5))
        return listen_unix(addr + 5, l, err, errlen);
    if (!strncmp(addr, "tcp:", 4))
        addr += 4;
    return listen_tcp(addr, l, err, errlen);
}

void gdb_listener_close(gdb_listener_t *l)
{
    if (l->fd >= 0)
        close(l->fd);
    l->fd = -1;
    if (l->unix_path) {
        unlink(l->unix_path);
        free(l->unix_path);
        l->unix_path = NULL;
    }
}

gdb_conn_t *gdb_accept(gdb_listener_t *l)
{
    gdb_conn_t *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->busy_fd = l->stdio ? -1 : l->fd;
    c->extra = l->extra;
    if (l->stdio) {
        c->in_fd = 0;
        c->out_fd = 1;
        return c;
    }
    /* Serve the extra service (OpenOCD) until a GDB knocks. */
    while (l->extra) {
        int xfd = l->extra->fd(l->extra->ctx);
        struct pollfd fds[2] = { { .fd = l->fd, .events = POLLIN }, { .fd = xfd, .events = POLLIN } };
        int rc = poll(fds, 2, -1);
        if (rc < 0 && errno != EINTR)
            break;
        if (rc > 0 && fds[1].revents)
            l->extra->service(l->extra->ctx);
        if (rc > 0 && fds[0].revents)
            break;
    }
    int fd;
    do
        fd = accept4(l->fd, NULL, NULL, SOCK_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        free(c);
        return NULL;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);  /* fails harmlessly on unix */
    c->in_fd = c->out_fd = fd;
    c->socket = true;
    return c;
}

void gdb_conn_close(gdb_conn_t *c)
{
    if (!c)
        return;
    if (c->socket)
        close(c->in_fd);
    free(c->rx);
    free(c);
}

/* Append input bytes (the poller keeps what is not a break-in). */
static void rx_append(gdb_conn_t *c, const uint8_t *p, size_t n)
{
    if (c->rx_pos == c->rx_len)
        c->rx_pos = c->rx_len = 0;
    if (c->rx_len + n > c->rx_cap) {
        if (c->rx_len + n > (1u << 20))
            return;                  /* GDB sends nothing while running: noise */
        size_t cap = c->rx_cap ? c->rx_cap : 4096;
        while (cap < c->rx_len + n)
            cap *= 2;
        uint8_t *r = realloc(c->rx, cap);
        if (!r)
            return;
        c->rx = r;
        c->rx_cap = cap;
    }
    memcpy(c->rx + c->rx_len, p, n);
    c->rx_len += n;
}

void gdb_reject_busy(int listen_fd)
{
    int fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (fd < 0)
        return;
    /* An error reply to whatever it sends first (qSupported); GDB shows the
     * text after "E.". */
    static const char msg[] = "E.rvscope: another GDB is attached; one at a time";
    unsigned sum = 0;
    for (const char *p = msg; *p; p++)
        sum += (unsigned char)*p;
    char pkt[128];
    int n = snprintf(pkt, sizeof pkt, "$%s#%02x", msg, sum & 0xff);
    if (send(fd, pkt, (size_t)n, MSG_NOSIGNAL) < 0) {
        /* nothing to do: it is closed below either way */
    }
    shutdown(fd, SHUT_WR);
    close(fd);
}

int gdb_conn_getc(gdb_conn_t *c)
{
    while (c->rx_pos == c->rx_len) {
        if (c->eof)
            return -1;
        if (c->busy_fd >= 0 || c->extra) {
            /* Wait for GDB's bytes, turning away other GDBs and serving
             * the extra service (OpenOCD) meanwhile. */
            struct pollfd fds[3] = { { .fd = c->in_fd, .events = POLLIN },
                                     { .fd = c->busy_fd, .events = POLLIN },
                                     { .fd = c->extra ? c->extra->fd(c->extra->ctx) : -1,
                                       .events = POLLIN } };
            int rc = poll(fds, 3, -1);
            if (rc < 0 && errno == EINTR)
                continue;
            if (rc > 0 && fds[2].revents) {
                bool woken = c->extra->service(c->extra->ctx);
                if (woken && c->wake_on_extra)
                    return GDB_CONN_WOKEN;
            }
            if (rc > 0 && fds[1].revents && !fds[0].revents)
                gdb_reject_busy(c->busy_fd);
            if (rc > 0 && !fds[0].revents)
                continue;
        }
        uint8_t buf[4096];
        ssize_t n = read(c->in_fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            c->eof = true;
            return -1;
        }
        rx_append(c, buf, (size_t)n);
    }
    return c->rx[c->rx_pos++];
}

bool gdb_conn_write(gdb_conn_t *c, const void *p, size_t n)
{
    const char *s = p;
    while (n) {
        ssize_t w = c->socket ? send(c->out_fd, s, n, MSG_NOSIGNAL) : write(c->out_fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            c->eof = true;
            return false;
        }
        s += w;
        n -= (size_t)w;
    }
    return true;
}

/* ---- the poller ---- */

struct gdb_poller {
    pthread_t    th;
    bool         any_byte;
    int          wake[2];        /* the main thread writes here to end it */
    int          note[2];        /* and the poller here when it raises the flag */
    gdb_conn_t  *c;
    int          listen_fd;
    volatile int *flag;
};

static void raise_flag(gdb_poller_t *p)
{
    __atomic_store_n(p->flag, 1, __ATOMIC_SEQ_CST);
    char b = 1;                  /* for gdb_poller_wait; a full pipe is as good */
    if (write(p->note[1], &b, 1) < 0) {
        /* nothing to do */
    }
}

bool gdb_poller_wait(gdb_poller_t *p, const gdb_extra_t *x)
{
    for (;;) {
        if (__atomic_load_n(p->flag, __ATOMIC_SEQ_CST))
            return true;
        struct pollfd fds[2] = { { .fd = p->note[0], .events = POLLIN },
                                 { .fd = x ? x->fd(x->ctx) : -1, .events = POLLIN } };
        int rc = poll(fds, 2, -1);
        if (rc < 0 && errno != EINTR)
            return true;         /* cannot wait: let GDB have the machine */
        if (rc > 0 && fds[0].revents) {
            char buf[64];
            if (read(p->note[0], buf, sizeof buf) < 0) {
                /* drained or not, the flag decides */
            }
        }
        if (rc > 0 && fds[1].revents) {
            x->service(x->ctx);
            return false;
        }
    }
}

static void *poller_main(void *arg)
{
    gdb_poller_t *p = arg;
    int fd = p->c ? p->c->in_fd : p->listen_fd;
    bool watch_fd = fd >= 0 && !(p->c && p->c->eof);
    int busy = p->c ? p->c->busy_fd : -1;
    for (;;) {
        /* fds[2]: while a GDB is attached, other GDBs are turned away here
         * too (the listener is in fds[1] only when none is). */
        struct pollfd fds[3] = { { .fd = p->wake[0], .events = POLLIN },
                                 { .fd = watch_fd ? fd : -1, .events = POLLIN },
                                 { .fd = busy, .events = POLLIN } };
        int rc = poll(fds, 3, -1);
        if (rc < 0 && errno != EINTR)
            break;
        if (fds[0].revents)
            break;
        if (rc > 0 && busy >= 0 && fds[2].revents)
            gdb_reject_busy(busy);
        if (!watch_fd || rc <= 0 || !fds[1].revents)
            continue;
        if (!p->c) {                  /* a GDB is knocking */
            raise_flag(p);
            watch_fd = false;
            continue;
        }
        uint8_t buf[4096];
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {                 /* GDB went away */
            p->c->eof = true;
            watch_fd = false;
            raise_flag(p);
            continue;
        }
        size_t keep = 0;
        for (ssize_t i = 0; i < n; i++) {
            if (buf[i] == 0x03)
                raise_flag(p);
            else
                buf[keep++] = buf[i];
        }
        if (keep)
            rx_append(p->c, buf, keep);
        if (keep && p->any_byte)
            raise_flag(p);
    }
    return NULL;
}

bool gdb_conn_pending(const gdb_conn_t *c)
{
    return c && c->rx_pos < c->rx_len;
}

bool gdb_conn_take_break(gdb_conn_t *c)
{
    if (!c)
        return false;
    bool found = false, in_packet = false;
    size_t keep = c->rx_pos;
    for (size_t i = c->rx_pos; i < c->rx_len; i++) {
        uint8_t b = c->rx[i];
        if (b == '$')
            in_packet = true;
        else if (b == '#')
            in_packet = false;      /* the two checksum digits are never 0x03 */
        if (b == 0x03 && !in_packet) {
            found = true;
            continue;
        }
        c->rx[keep++] = b;
    }
    c->rx_len = keep;
    return found;
}

gdb_poller_t *gdb_poller_start(gdb_conn_t *c, int listen_fd, volatile int *flag, bool any_byte)
{
    gdb_poller_t *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->any_byte = any_byte;
    p->c = c;
    p->listen_fd = listen_fd;
    p->flag = flag;
    if (pipe2(p->wake, O_CLOEXEC) < 0) {
        free(p);
        return NULL;
    }
    if (pipe2(p->note, O_CLOEXEC | O_NONBLOCK) < 0) {
        close(p->wake[0]);
        close(p->wake[1]);
        free(p);
        return NULL;
    }
    if (pthread_create(&p->th, NULL, poller_main, p) != 0) {
        close(p->wake[0]);
        close(p->wake[1]);
        close(p->note[0]);
        close(p->note[1]);
        free(p);
        return NULL;
    }
    return p;
}

void gdb_poller_stop(gdb_poller_t *p)
{
    if (!p)
        return;
    char b = 1;
    while (write(p->wake[1], &b, 1) < 0 && errno == EINTR)
        ;
    pthread_join(p->th, NULL);
    close(p->wake[0]);
    close(p->wake[1]);
    close(p->note[0]);
    close(p->note[1]);
    free(p);
}
