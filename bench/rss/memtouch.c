/* memtouch — writes one word in every 4 KiB page of the heap (all RAM from
 * the end of .bss to the end of the 128 MiB guest), then reads them back:
 * every guest page is resident, for `make bench`'s peak-RSS figure. */
#include <am.h>
#include <klib.h>
#include <stdint.h>

int main(void) {
  uintptr_t sum = 0, n = 0;
  for (uintptr_t p = (uintptr_t)heap.start; p + sizeof(uintptr_t) <= (uintptr_t)heap.end; p += 4096, n++)
    *(volatile uintptr_t *)p = p;
  for (uintptr_t p = (uintptr_t)heap.start; p + sizeof(uintptr_t) <= (uintptr_t)heap.end; p += 4096)
    sum += *(volatile uintptr_t *)p == p;
  printf("memtouch: %lu of %lu pages\n", (unsigned long)sum, (unsigned long)n);
  return sum == n ? 0 : 1;
}
