/* remote_bitbang over TCP (rbb.h). The socket is read without blocking
 * between rounds of the run loop, so harts keep running while OpenOCD
 * talks to the Debug Module; jtag_serve blocks in rbb_service only when no
 * hart runs. */
#include "rbb.h"
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct rbb {
    jtag_t *jtag;
    int     listen_fd, conn_fd;
    char    desc[160];
};

size_t rbb_process(jtag_t *j, const uint8_t *in, size_t n, uint8_t *out, bool *quit)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = in[i];
        if (c >= '0' && c <= '7') {
            unsigned v = c - '0';
            jtag_set_pins(j, v & 4, v & 2, v & 1);
        } else if (c == 'R') {
            out[o++] = jtag_tdo(j) ? '1' : '0';
        } else if (c >= 'r' && c <= 'u') {
            /* r/s: TRST released; t/u: TRST asserted (SRST, the other
             * bit, is not wired: OpenOCD resets harts through ndmreset). */
            if (c == 't' || c == 'u')
                jtag_reset(j);
        } else if (c == 'Q') {
            *quit = true;
            return o;
        }
        /* B/b (the LED) and anything else: nothing to do. */
    }
    return o;
}

static void drop_conn(rbb_t *r)
{
    if (r->conn_fd >= 0)
        close(r->conn_fd);
    r->conn_fd = -1;
}

static bool write_all(int fd, const uint8_t *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w, n -= (size_t)w;
    }
    return true;
}

int rbb_fd(const rbb_t *r)
{
    return r->conn_fd >= 0 ? r->conn_fd : r->listen_fd;
}

void rbb_service(rbb_t *r, int wait_ms)
{
    struct pollfd pf = { .fd = rbb_fd(r), .events = POLLIN };
    if (poll(&pf, 1, wait_ms) <= 0)
        return;
    if (r->conn_fd < 0) {
        int fd = accept(r->listen_fd, NULL, NULL);
        if (fd < 0)
            return;
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, 1 /* TCP_NODELAY */, &one, sizeof one);
        r->conn_fd = fd;
        return;
    }
    uint8_t in[8192], out[8192];
    for (;;) {
        ssize_t n = recv(r->conn_fd, in, sizeof in, MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n <= 0) {                 /* OpenOCD went away */
            drop_conn(r);
            return;
        }
        bool quit = false;
        size_t o = rbb_process(r->jtag, in, (size_t)n, out, &quit);
        if ((o && !write_all(r->conn_fd, out, o)) || quit) {
            drop_conn(r);
            return;
        }
        if ((size_t)n < sizeof in)
            return;
    }
}

rbb_t *rbb_listen(const char *addr, jtag_t *j, char *err, size_t errlen)
{
    char host[128] = "127.0.0.1";
    const char *port = addr, *colon = strrchr(addr, ':');
    if (colon) {
        size_t n = (size_t)(colon - addr);
        if (n >= sizeof host) {
            snprintf(err, errlen, "bad --jtag '%s': host name too long", addr);
            return NULL;
        }
        if (n)
            snprintf(host, sizeof host, "%.*s", (int)n, addr);
        port = colon + 1;
    }
    char *end;
    long pn = strtol(port, &end, 10);
    if (!*port || *end || pn < 0 || pn > 65535) {
        snprintf(err, errlen, "bad --jtag '%s': expected [HOST:]PORT with PORT 0..65535", addr);
        return NULL;
    }
    struct addrinfo hints = { .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE | AI_NUMERICSERV }, *res;
    int rc = getaddrinfo(host, port, &hints, &res);
    if (rc) {
        snprintf(err, errlen, "bad --jtag host '%s': %s", host, gai_strerror(rc));
        return NULL;
    }
    int fd = -1, saved = EADDRNOTAVAIL;
    for (struct addrinfo *ai = res; ai && fd < 0; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
        if (fd < 0)
            continue;
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 || listen(fd, 1) < 0) {
            saved = errno;
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(res);
    if (fd < 0) {
        snprintf(err, errlen, "cannot listen for JTAG (--jtag) on %s:%s: %s", host, port, strerror(saved));
        return NULL;
    }
    rbb_t *r = calloc(1, sizeof *r);
    if (!r)
        abort();
    r->jtag = j;
    r->listen_fd = fd;
    r->conn_fd = -1;
    struct sockaddr_storage ss;
    socklen_t sl = sizeof ss;
    char hb[NI_MAXHOST] = "?", pb[NI_MAXSERV] = "?";
    if (getsockname(fd, (struct sockaddr *)&ss, &sl) == 0)
        getnameinfo((struct sockaddr *)&ss, sl, hb, sizeof hb, pb, sizeof pb, NI_NUMERICHOST | NI_NUMERICSERV);
    snprintf(r->desc, sizeof r->desc, "%s:%s", hb, pb);
    return r;
}

const char *rbb_address(const rbb_t *r)
{
    return r->desc;
}

void rbb_close(rbb_t *r)
{
    if (!r)
        return;
    drop_conn(r);
    close(r->listen_fd);
    free(r);
}
