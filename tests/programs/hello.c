/* hello.c — the smallest guest: putch, putstr, printf, heap, and main's
 * return value becoming the exit status (0: the finisher's "pass").
 * Prints the XLEN, so it has one expected file per XLEN. */
#include <am.h>
#include <klib.h>
#include <klib-macros.h>

int main(void) {
  putch('H');
  putch('i');
  putch('\n');
  putstr("putstr works\n");
  printf("Hello, %s! %d + %d = %d\n", "rvscope", 2, 3, 2 + 3);
  printf("xlen = %d, sizeof(long) = %d, sizeof(void *) = %d\n",
         __riscv_xlen, (int)sizeof(long), (int)sizeof(void *));
  /* linker.ld: the heap runs from the end of the stack to the end of RAM. */
  uintptr_t size = (uintptr_t)heap.end - (uintptr_t)heap.start;
  printf("heap ends at %p, at least 100 MiB: %s\n", heap.end,
         size >= (100u << 20) ? "yes" : "no");
  return 0;
}
