/* OpenOCD's remote_bitbang protocol over TCP (--jtag [HOST:]PORT): one
 * byte per command, TCK/TMS/TDI writes, TDO reads, resets. One OpenOCD at
 * a time; when it goes, the next may connect. */
#ifndef RVSCOPE_RBB_H
#define RVSCOPE_RBB_H
#include "jtag.h"
#include <stddef.h>

typedef struct rbb rbb_t;

/* Listen on addr, "[HOST:]PORT" (default host 127.0.0.1; PORT 0 picks a
 * free one). NULL with a message in err. */
rbb_t *rbb_listen(const char *addr, jtag_t *j, char *err, size_t errlen);
void rbb_close(rbb_t *r);
/* "127.0.0.1:9824": where it listens. */
const char *rbb_address(const rbb_t *r);
/* Accept a connection and act on the bytes waiting; with wait_ms != 0
 * first wait up to wait_ms (-1: for ever) for something to happen. */
void rbb_service(rbb_t *r, int wait_ms);
/* The descriptor rbb_service waits on now: the connection, or the
 * listening socket while no OpenOCD is connected. */
int rbb_fd(const rbb_t *r);
/* Act on a buffer of protocol bytes; the replies (to 'R') go to out,
 * which has room for n bytes. Returns the number of reply bytes; *quit is
 * set on 'Q'. (The fuzz test drives this directly.) */
size_t rbb_process(jtag_t *j, const uint8_t *in, size_t n, uint8_t *out, bool *quit);

#endif
