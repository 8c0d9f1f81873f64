/* GDB Remote Serial Protocol framing: packets, checksums, hex and binary
 * encodings. No I/O and no machine here, so the fuzz harness can feed it
 * anything. Facts from the GDB manual, "Remote Protocol / Overview". */
#ifndef RVSCOPE_GDB_RSP_H
#define RVSCOPE_GDB_RSP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What we advertise as PacketSize (the longest packet GDB may send us,
 * and the longest reply we build), and the longest packet we accept
 * before calling it oversized. */
#define RSP_PACKET_SIZE 0x4000
#define RSP_MAX_PACKET  (RSP_PACKET_SIZE * 4)

/* Incoming bytes -> events, one byte at a time. */
enum rsp_event {
    RSP_NONE,        /* byte consumed, nothing complete yet */
    RSP_PACKET,      /* f->buf[0..f->len) is a packet's payload, NUL-terminated */
    RSP_BAD_CSUM,    /* a framed packet whose checksum is wrong */
    RSP_OVERSIZED,   /* a framed packet longer than RSP_MAX_PACKET (dropped) */
    RSP_INTERRUPT,   /* a 0x03 byte outside any packet: GDB's break-in */
    RSP_ACK,         /* '+' */
    RSP_NAK,         /* '-': resend the last packet */
};

typedef struct rsp_framer {
    int      state;
    size_t   len;
    bool     overflow, bad;
    uint8_t  sum, csum;
    char     buf[RSP_MAX_PACKET + 1];
} rsp_framer_t;

void rsp_framer_reset(rsp_framer_t *f);
enum rsp_event rsp_feed(rsp_framer_t *f, uint8_t c);

/* A growable output buffer for a reply's payload. */
typedef struct rsp_buf {
    char  *data;
    size_t len, cap;
} rsp_buf_t;

void rsp_buf_clear(rsp_buf_t *b);
void rsp_buf_free(rsp_buf_t *b);
void rsp_buf_add(rsp_buf_t *b, const void *data, size_t n);
void rsp_buf_str(rsp_buf_t *b, const char *s);
void rsp_buf_printf(rsp_buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Bytes as two lowercase hex digits each. */
void rsp_buf_hex(rsp_buf_t *b, const void *data, size_t n);
/* Bytes with '#', '$', '}' and '*' escaped as '}' + (c ^ 0x20). */
void rsp_buf_binary(rsp_buf_t *b, const void *data, size_t n);
/* A value as n little-endian bytes (registers). */
void rsp_buf_le(rsp_buf_t *b, uint64_t v, unsigned n);

/* "$payload#cs" for payload p[0..n) into out (cleared first). */
void rsp_frame(rsp_buf_t *out, const char *p, size_t n);

int  rsp_hexval(int c);                 /* -1 if not a hex digit */
/* 2n hex digits -> n bytes; false on a bad digit. */
bool rsp_unhex(const char *s, size_t n, uint8_t *out);
/* Leading hex number (1..16 digits) at *p; advances *p. False when there is
 * no digit or the number does not fit in 64 bits. */
bool rsp_parse_hex(const char **p, uint64_t *v);
/* Undo binary escaping of n bytes in place; returns the decoded length, or
 * (size_t)-1 when the data ends inside an escape. */
size_t rsp_unescape(char *s, size_t n);

#endif
