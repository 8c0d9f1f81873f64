/* ps — list the processes. */
#include "user.h"

int main(void)
{
  static const char *states[] = {"unused", "used", "sleep", "runble", "run", "zombie"};
  struct procinfo pi[32];
  int n = ps(pi, 32);
  printf("  PID  PPID STATE  NAME\n");
  for (int i = 0; i < n; i++)
    printf("%5d %5d %6s %s\n", pi[i].pid, pi[i].ppid, states[pi[i].state], pi[i].name);
  return 0;
}
