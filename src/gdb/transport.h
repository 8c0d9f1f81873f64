/* Where GDB's bytes come from: a TCP or Unix socket, or standard input and
 * output (`target remote | rvscope --gdb stdio prog`), and the poller that
 * watches for a break-in while the machine runs. */
#ifndef RVSCOPE_GDB_TRANSPORT_H
#define RVSCOPE_GDB_TRANSPORT_H
#include "../machine.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Another service that must go on whenever the stub waits (--jtag's
 * OpenOCD, src/dm/serve.c): fd() is the descriptor to watch now (-1:
 * none), service() acts on it without blocking and returns true when the
 * machine may have something to run again (a hart was resumed). */
typedef struct gdb_extra {
    int  (*fd)(void *ctx);
    bool (*service)(void *ctx);
    void *ctx;
} gdb_extra_t;

typedef struct gdb_conn {
    int      in_fd, out_fd;
    bool     socket;
    uint8_t *rx;                 /* read but not yet consumed */
    size_t   rx_pos, rx_len, rx_cap;
    bool     eof;                /* GDB went away */
    int      busy_fd;            /* the listener: another GDB there is told
                                  * "busy" and closed (-1: none) */
    const gdb_extra_t *extra;    /* served while waiting for GDB's bytes */
    bool     wake_on_extra;      /* getc returns GDB_CONN_WOKEN when the
                                  * extra service says a hart may run */
} gdb_conn_t;

typedef struct gdb_listener {
    int   fd;                    /* -1 for stdio */
    bool  stdio;
    char *unix_path;             /* to unlink at the end */
    char  desc[160];             /* "127.0.0.1:1234", "unix:/tmp/s" */
    const gdb_extra_t *extra;    /* served while waiting for a GDB; its
                                  * connections serve it too */
} gdb_listener_t;

/* addr: "[HOST:]PORT" (default host 127.0.0.1, PORT 0 picks a free one),
 * "unix:PATH" or "stdio". False with a message in err. */
bool gdb_listen(const char *addr, gdb_listener_t *l, char *err, size_t errlen);
void gdb_listener_close(gdb_listener_t *l);
/* Waits for GDB (stdio: the one connection there is). NULL on error. */
gdb_conn_t *gdb_accept(gdb_listener_t *l);
void gdb_conn_close(gdb_conn_t *c);
/* Next byte from GDB (blocking, serving c->extra meanwhile), or -1 once
 * the connection has ended, or GDB_CONN_WOKEN (only with wake_on_extra). */
#define GDB_CONN_WOKEN (-2)
int  gdb_conn_getc(gdb_conn_t *c);
bool gdb_conn_write(gdb_conn_t *c, const void *p, size_t n);

/* While the machine runs, a thread watches the connection (or, when no
 * GDB is attached, the listening socket). A 0x03 byte (any byte when
 * any_byte: non-stop mode), the end of the connection or a new connection
 * set *flag; the stub's device poll hook
 * turns that into a stop at the end of the current round (stub.c). Other
 * bytes are kept for the packet reader. */
typedef struct gdb_poller gdb_poller_t;
gdb_poller_t *gdb_poller_start(gdb_conn_t *c, int listen_fd, volatile int *flag, bool any_byte);
/* Bytes already read and not yet consumed. */
bool gdb_conn_pending(const gdb_conn_t *c);
/* Removes the break-in bytes (0x03 outside a packet) from what is read and
 * not yet consumed; true if there was one. All-stop: a 0x03 that came in
 * the same read as the vCont;c before it must stop that run. */
bool gdb_conn_take_break(gdb_conn_t *c);
/* A second GDB knocking while one is attached: accept it, tell it the stub
 * is busy, close it. */
void gdb_reject_busy(int listen_fd);
/* While the machine cannot run (every hart is held by another debugger):
 * block until the poller raises its flag (true) or x's descriptor is
 * readable, then serve it (false: look again whether a hart runs). */
bool gdb_poller_wait(gdb_poller_t *p, const gdb_extra_t *x);
/* Stops and frees the poller. */
void gdb_poller_stop(gdb_poller_t *p);

#endif
