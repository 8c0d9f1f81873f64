/* RSP framing and encodings (see rsp.h). A packet is "$payload#cs" with cs
 * the payload's byte sum mod 256 in two hex digits; a raw 0x03 outside a
 * packet is GDB's interrupt; '+' and '-' acknowledge packets. */
#include "rsp.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { FR_IDLE, FR_DATA, FR_CSUM1, FR_CSUM2 };

void rsp_framer_reset(rsp_framer_t *f)
{
    f->state = FR_IDLE;
    f->len = 0;
    f->overflow = f->bad = false;
    f->sum = f->csum = 0;
    f->buf[0] = 0;
}

enum rsp_event rsp_feed(rsp_framer_t *f, uint8_t c)
{
    switch (f->state) {
    case FR_IDLE:
        if (c == '$') {
            f->state = FR_DATA;
            f->len = 0;
            f->sum = 0;
            f->overflow = false;
            return RSP_NONE;
        }
        if (c == 0x03)
            return RSP_INTERRUPT;
        if (c == '+')
            return RSP_ACK;
        if (c == '-')
            return RSP_NAK;
        return RSP_NONE;             /* line noise between packets */
    case FR_DATA:
        if (c == '#') {
            f->state = FR_CSUM1;
            return RSP_NONE;
        }
        if (c == '$') {              /* never raw inside a packet: resync */
            f->len = 0;
            f->sum = 0;
            f->overflow = false;
            return RSP_NONE;
        }
        f->sum += c;
        if (f->len < RSP_MAX_PACKET)
            f->buf[f->len++] = (char)c;
        else
            f->overflow = true;
        return RSP_NONE;
    case FR_CSUM1: {
        int v = rsp_hexval(c);
        f->csum = v < 0 ? 0 : (uint8_t)(v << 4);
        f->bad = v < 0;
        f->state = FR_CSUM2;
        return RSP_NONE;
    }
    default: {
        int v = rsp_hexval(c);
        f->state = FR_IDLE;
        f->buf[f->len] = 0;
        if (f->overflow) {
            f->len = 0;
            f->buf[0] = 0;
            return RSP_OVERSIZED;
        }
        if (f->bad || v < 0 || (uint8_t)(f->csum | v) != f->sum)
            return RSP_BAD_CSUM;
        return RSP_PACKET;
    }
    }
}

void rsp_buf_clear(rsp_buf_t *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = 0;
}

void rsp_buf_free(rsp_buf_t *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

static void reserve(rsp_buf_t *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d)
        abort();
    b->data = d;
    b->cap = cap;
}

void rsp_buf_add(rsp_buf_t *b, const void *data, size_t n)
{
    reserve(b, n);
    memcpy(b->data + b->len, data, n);
    b->len += n;
    b->data[b->len] = 0;
}

void rsp_buf_str(rsp_buf_t *b, const char *s)
{
    rsp_buf_add(b, s, strlen(s));
}

void rsp_buf_printf(rsp_buf_t *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static const char hexdig[] = "0123456789abcdef";

void rsp_buf_hex(rsp_buf_t *b, const void *data, size_t n)
{
    const uint8_t *p = data;
    reserve(b, 2 * n);
    for (size_t i = 0; i < n; i++) {
        b->data[b->len++] = hexdig[p[i] >> 4];
        b->data[b->len++] = hexdig[p[i] & 15];
    }
    b->data[b->len] = 0;
}

void rsp_buf_binary(rsp_buf_t *b, const void *data, size_t n)
{
    const uint8_t *p = data;
    reserve(b, 2 * n);
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        if (c == '#' || c == '$' || c == '}' || c == '*') {
            b->data[b->len++] = '}';
            c ^= 0x20;
        }
        b->data[b->len++] = (char)c;
    }
    b->data[b->len] = 0;
}

void rsp_buf_le(rsp_buf_t *b, uint64_t v, unsigned n)
{
    uint8_t bytes[8];
    for (unsigned i = 0; i < n && i < 8; i++)
        bytes[i] = (uint8_t)(v >> (8 * i));
    rsp_buf_hex(b, bytes, n < 8 ? n : 8);
}

void rsp_frame(rsp_buf_t *out, const char *p, size_t n)
{
    uint8_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += (uint8_t)p[i];
    rsp_buf_clear(out);
    reserve(out, n + 4);
    out->data[out->len++] = '$';
    memcpy(out->data + out->len, p, n);
    out->len += n;
    out->data[out->len++] = '#';
    out->data[out->len++] = hexdig[sum >> 4];
    out->data[out->len++] = hexdig[sum & 15];
    out->data[out->len] = 0;
}

int rsp_hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool rsp_unhex(const char *s, size_t n, uint8_t *out)
{
    for (size_t i = 0; i < n; i++) {
        int hi = rsp_hexval((unsigned char)s[2 * i]);
        int lo = hi < 0 ? -1 : rsp_hexval((unsigned char)s[2 * i + 1]);
        if (lo < 0)
            return false;
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    return true;
}

bool rsp_parse_hex(const char **p, uint64_t *v)
{
    const char *s = *p;
    uint64_t x = 0;
    int n = 0;
    while (rsp_hexval((unsigned char)*s) >= 0) {
        if (x >> 60)
            return false;            /* would not fit in 64 bits */
        x = x << 4 | (uint64_t)rsp_hexval((unsigned char)*s++);
        n++;
    }
    if (!n)
        return false;
    *p = s;
    *v = x;
    return true;
}

size_t rsp_unescape(char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '}') {
            if (++i >= n)
                return (size_t)-1;
            s[o++] = (char)(s[i] ^ 0x20);
        } else {
            s[o++] = s[i];
        }
    }
    return o;
}
