/* console.c — the console: output to the UART, input as lines.
 *
 * Input bytes arrive by interrupt into buf[]. A reader gets at most one
 * line per read. Echo is deferred: a byte is echoed only while someone is
 * reading and only up to the end of the line being read. Typed-ahead lines
 * (a script piped into the emulator, which arrives all at once) therefore
 * show up after the shell's prompt, just as if they had been typed then.
 * When buf[] is full the UART's receive interrupt is switched off, so
 * input waits in the UART instead of being lost. */
#include "defs.h"
#include "proc.h"

#define INPUT_BUF 128
#define BACKSPACE 0x100

static struct {
  struct spinlock lock;
  char buf[INPUT_BUF];
  uint32 r;         /* next byte to read */
  uint32 w;         /* end of the complete lines */
  uint32 e;         /* end of what has been typed */
  uint32 x;         /* next byte to echo */
  int readers;
} cons;

void uart_rx_pause(int pause);

/* A newline goes out as '\n' alone: rvscope and QEMU both leave the host
 * terminal's output processing on, which makes it "\r\n" on the screen,
 * and piped output stays plain text. (A real serial terminal would want
 * the '\r' from us.) */
void consputc(int c)
{
  if (c == BACKSPACE) {
    uartputc_sync('\b');
    uartputc_sync(' ');
    uartputc_sync('\b');
    return;
  }
  uartputc_sync(c);
}

void consoleinit(void)
{
  initlock(&cons.lock, "cons");
  uartinit();
}

/* Echo what the current reader's line has so far; cons.lock held. */
static void echo_pending(void)
{
  if (cons.x < cons.r)
    cons.x = cons.r;
  while (cons.readers > 0 && cons.x < cons.e) {
    if (cons.x > cons.r && cons.buf[(cons.x - 1) % INPUT_BUF] == '\n')
      break;        /* this line is complete; the next waits for its reader */
    consputc(cons.buf[cons.x++ % INPUT_BUF]);
  }
}

/* 1 if the UART may deliver another byte. */
int console_has_room(void) { return cons.e - cons.r < INPUT_BUF; }

void consoleintr(int c)
{
  acquire(&cons.lock);
  if (c == '\b' || c == 0x7f) {
    if (cons.e != cons.w) {
      cons.e--;
      if (cons.x > cons.e) {
        cons.x = cons.e;
        consputc(BACKSPACE);
      }
    }
  } else if (c != 0 && cons.e - cons.r < INPUT_BUF) {
    c = c == '\r' ? '\n' : c;
    cons.buf[cons.e++ % INPUT_BUF] = (char)c;
    if (c == '\n' || cons.e - cons.r == INPUT_BUF) {
      cons.w = cons.e;
      wakeup(&cons.r);
    }
  }
  echo_pending();
  if (cons.e - cons.r >= INPUT_BUF)
    uart_rx_pause(1);
  release(&cons.lock);
}

/* One line (or n bytes of it) to user address dst. */
int consoleread(uint64 dst, int n)
{
  int got = 0;
  acquire(&cons.lock);
  cons.readers++;
  while (got < n) {
    while (cons.r == cons.w) {
      echo_pending();
      if (killed(myproc())) {
        cons.readers--;
        release(&cons.lock);
        return -1;
      }
      sleep(&cons.r, &cons.lock);
    }
    echo_pending();
    char c = cons.buf[cons.r++ % INPUT_BUF];
    if (copyout(myproc()->pagetable, dst + got, &c, 1) < 0)
      break;
    got++;
    if (c == '\n')
      break;
  }
  cons.readers--;
  uart_rx_pause(0);      /* there is room again */
  release(&cons.lock);
  return got;
}

/* Each chunk of up to 256 bytes goes out whole (under printf's lock), so
 * a line written with one write() is not split by another hart's. */
int consolewrite(uint64 src, int n)
{
  char buf[256];
  int done = 0;
  while (done < n) {
    int k = n - done < (int)sizeof buf ? n - done : (int)sizeof buf;
    if (copyin(myproc()->pagetable, buf, src + done, k) < 0)
      break;
    printf_lock(1);
    for (int i = 0; i < k; i++)
      consputc(buf[i]);
    printf_lock(0);
    done += k;
  }
  return done;
}
