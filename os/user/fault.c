/* fault KIND — do something a user program may not, to show that only it
 * dies: null (load from address 0), kernel (store to the kernel's memory),
 * illegal (an illegal instruction), ebreak. */
#include "user.h"

int main(int argc, char **argv)
{
  const char *k = argc > 1 ? argv[1] : "null";
  printf("fault: %s\n", k);
  if (strcmp(k, "null") == 0)
    return *(volatile int *)0;
  if (strcmp(k, "kernel") == 0)
    *(volatile int *)0x80200000UL = 1;
  else if (strcmp(k, "illegal") == 0)
    asm volatile(".word 0");
  else if (strcmp(k, "ebreak") == 0)
    asm volatile("ebreak");
  printf("fault: still alive\n");
  return 0;
}
