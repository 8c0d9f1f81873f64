/* kill PID... — ask the kernel to end processes. */
#include "user.h"

int main(int argc, char **argv)
{
  int bad = 0;
  for (int i = 1; i < argc; i++)
    if (kill(atoi(argv[i])) < 0) {
      printf("kill: %s: no such process\n", argv[i]);
      bad = 1;
    }
  return bad;
}
