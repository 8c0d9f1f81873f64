/* Host terminal for the guest console (see console.h). */
#define _GNU_SOURCE
#include "console.h"
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define ESCAPE_CHAR 0x01   /* Ctrl-A */

static struct {
    bool enabled;        /* stdin feeds the guest */
    bool eof;
    bool tty;            /* stdin is a terminal */
    bool raw;            /* ... and it is in raw mode now */
    bool escape;         /* Ctrl-A seen, command byte next */
    bool hooks;          /* atexit and signal handlers installed */
    void (*monitor)(void *);   /* Ctrl-A c: ask for the monitor */
    void *monitor_ctx;
    struct termios saved;
} con;

static const int restore_signals[] = {
    SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2,
    SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS, SIGXCPU, SIGXFSZ,
};

void console_restore(void)
{
    if (con.raw) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &con.saved);   /* async-signal-safe */
        con.raw = false;
    }
}

/* A signal that would end rvscope: terminal first, then the signal's
 * default action (the handler was reset on entry). */
static void on_fatal_signal(int sig)
{
    console_restore();
    raise(sig);
}

static void install_hooks(void)
{
    if (con.hooks)
        return;
    con.hooks = true;
    atexit(console_restore);
    for (size_t i = 0; i < sizeof restore_signals / sizeof restore_signals[0]; i++) {
        struct sigaction old, sa;
        /* Leave signals alone that someone else (monitor, GDB stub) handles
         * or that were ignored when rvscope started. */
        if (sigaction(restore_signals[i], NULL, &old) || old.sa_handler != SIG_DFL ||
            (old.sa_flags & SA_SIGINFO))
            continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_fatal_signal;
        sa.sa_flags = SA_RESETHAND | SA_NODEFER;
        sigemptyset(&sa.sa_mask);
        sigaction(restore_signals[i], &sa, NULL);
    }
}

void console_init(bool enable)
{
    memset(&con, 0, sizeof con);
    con.enabled = enable;
    con.tty = enable && isatty(STDIN_FILENO);
    /* Raw at once, as QEMU: waiting for the guest to read input left Ctrl-A
     * x dead for a guest that only prints, and gave a guest polling for a
     * character a cooked, doubly echoed first line. */
    console_activate();
}

void console_on_monitor(void (*fn)(void *ctx), void *ctx)
{
    con.monitor = fn;
    con.monitor_ctx = ctx;
}

bool console_open(void)
{
    return con.enabled && !con.eof;
}

bool console_interactive(void)
{
    return con.raw;
}

void console_activate(void)
{
    if (!con.tty || con.raw || con.eof)
        return;
    /* A background job must not touch the terminal (SIGTTOU). */
    if (tcgetpgrp(STDIN_FILENO) != getpgrp() || tcgetattr(STDIN_FILENO, &con.saved))
        return;
    install_hooks();
    struct termios t = con.saved;
    /* As QEMU's stdio character device: raw input, no echo, no signals from
     * keys, 8 bits; output processing stays (\n still starts a new line). */
    t.c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
    t.c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    t.c_cflag = (t.c_cflag & ~(tcflag_t)(CSIZE | PARENB)) | CS8;
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
        con.raw = true;
}

static void escape_help(void)
{
    fprintf(stderr, "\r\nC-a h    print this help\r\n"
                    "C-a x    exit rvscope\r\n"
                    "%s"
                    "C-a C-a  send C-a to the guest\r\n",
            con.monitor ? "C-a c    stop the guest and open the monitor ('c' there resumes)\r\n" : "");
}

/* Ctrl-A commands: only on a terminal in raw mode. Returns true if the
 * byte goes to the guest. */
static bool filter(uint8_t c)
{
    if (!con.raw)
        return true;
    if (con.escape) {
        con.escape = false;
        switch (c) {
        case ESCAPE_CHAR:
            return true;
        case 'x': case 'X':
            console_restore();
            fflush(stdout);
            fprintf(stderr, "\nrvscope: terminated (Ctrl-A x)\n");
            exit(0);          /* atexit handlers flush the disk image */
        case 'h': case 'H': case '?':
            escape_help();
            return false;
        case 'c': case 'C':
            if (con.monitor)
                con.monitor(con.monitor_ctx);
            return false;
        default:
            return false;     /* unknown commands are dropped, as QEMU */
        }
    }
    if (c == ESCAPE_CHAR) {
        con.escape = true;
        return false;
    }
    return true;
}

bool console_wait(int timeout_ms)
{
    if (!console_open())
        return false;
    struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
    return poll(&pfd, 1, timeout_ms) > 0;
}

size_t console_read(uint8_t *buf, size_t max)
{
    if (!console_open() || max == 0)
        return 0;
    struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
    if (poll(&pfd, 1, 0) <= 0)
        return 0;
    ssize_t n = read(STDIN_FILENO, buf, max);   /* poll said it does not block */
    if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
        con.eof = true;
        return 0;
    }
    if (n < 0)
        return 0;
    size_t out = 0;
    for (ssize_t i = 0; i < n; i++)
        if (filter(buf[i]))
            buf[out++] = buf[i];
    return out;
}
