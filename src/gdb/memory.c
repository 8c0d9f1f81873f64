/* m/M/X: guest memory as the selected hart sees it now. Addresses are
 * virtual and go through an address space (translate, below) with no
 * permission checks and no A/D updates, as
 * a debugger's accesses should be; only RAM is reachable (device
 * registers have side effects on read). Writes go through
 * machine_phys_write, so decoded instructions they overwrite are dropped. */
#include "gdb.h"
#include "../debug/spaces.h"
#include <stdlib.h>
#include <string.h>

/* Through the space the debugger reads (src/debug/spaces.h): `monitor
 * space use NAME`, else the hart's current one with the kernel's as the
 * fallback, so a kernel variable reads while the hart is in user mode. */
static bool translate(hart_t *h, uint64_t va, uint64_t *pa)
{
    return dbg_space_v2p(h, va, pa, NULL);
}

/* Page by page; stops at the first byte that cannot be reached. */
static size_t access(hart_t *h, uint64_t va, void *buf, size_t len, bool write)
{
    size_t done = 0;
    while (done < len) {
        uint64_t a = va + done, pa;
        size_t chunk = PAGE_SIZE - (a & (PAGE_SIZE - 1));
        if (chunk > len - done)
            chunk = len - done;
        if (h->xlen == 32 && (uint32_t)a < (uint32_t)va)
            break;                         /* wrapped past 4 GiB */
        if (!translate(h, a, &pa))
            break;
        bool ok = write ? machine_phys_write(h->m, pa, (const uint8_t *)buf + done, chunk)
                        : machine_phys_read(h->m, pa, (uint8_t *)buf + done, chunk);
        if (!ok)
            break;
        done += chunk;
    }
    return done;
}

size_t gdb_mem_read(hart_t *h, uint64_t va, void *buf, size_t len)
{
    return access(h, va, buf, len, false);
}

size_t gdb_mem_write(hart_t *h, uint64_t va, const void *buf, size_t len)
{
    return access(h, va, (void *)buf, len, true);
}

/* "ADDR,LEN" then `stop` (':' for M and X, end of string for m). */
static bool parse_addr_len(const char **p, uint64_t *addr, uint64_t *len, char stop)
{
    if (!rsp_parse_hex(p, addr) || *(*p)++ != ',' || !rsp_parse_hex(p, len) || **p != stop)
        return false;
    if (stop)
        (*p)++;
    return true;
}

void gdb_cmd_m(gdb_t *g, const char *arg)
{
    uint64_t addr, len;
    if (!parse_addr_len(&arg, &addr, &len, 0)) {
        gdb_reply(g, "E01");
        return;
    }
    /* A reply holds at most PacketSize characters; GDB asks again for the rest. */
    if (len > (RSP_PACKET_SIZE - 16) / 2)
        len = (RSP_PACKET_SIZE - 16) / 2;
    uint8_t buf[RSP_PACKET_SIZE / 2];
    size_t n = gdb_mem_read(gdb_hart(g, g->g_hart), addr, buf, (size_t)len);
    if (n == 0 && len) {
        gdb_reply(g, "E14");              /* EFAULT, as gdbserver says it */
        return;
    }
    rsp_buf_clear(&g->out);
    rsp_buf_hex(&g->out, buf, n);
    gdb_reply_out(g);
}

void gdb_cmd_M(gdb_t *g, const char *arg)
{
    uint64_t addr, len;
    if (!parse_addr_len(&arg, &addr, &len, ':') || len > RSP_MAX_PACKET || strlen(arg) != 2 * len) {
        gdb_reply(g, "E01");
        return;
    }
    uint8_t *buf = malloc(len ? len : 1);
    if (!buf || !rsp_unhex(arg, (size_t)len, buf)) {
        free(buf);
        gdb_reply(g, "E01");
        return;
    }
    size_t n = gdb_mem_write(gdb_hart(g, g->g_hart), addr, buf, (size_t)len);
    free(buf);
    gdb_reply(g, n == len ? "OK" : "E14");
}

/* X carries binary data; arg is not NUL-safe, so its length comes along. */
void gdb_cmd_X(gdb_t *g, char *arg, size_t arglen)
{
    const char *p = arg;
    uint64_t addr, len;
    if (!parse_addr_len(&p, &addr, &len, ':')) {
        gdb_reply(g, "E01");
        return;
    }
    char *data = arg + (p - arg);
    size_t n = rsp_unescape(data, arglen - (size_t)(p - arg));
    if (n == (size_t)-1 || n != len) {
        gdb_reply(g, "E01");
        return;
    }
    if (len == 0) {                        /* GDB's probe for X support */
        gdb_reply(g, "OK");
        return;
    }
    size_t done = gdb_mem_write(gdb_hart(g, g->g_hart), addr, data, (size_t)len);
    gdb_reply(g, done == len ? "OK" : "E14");
}
