/* init — the first process: starts the shell, starts it again if it ever
 * exits, and reaps orphans (processes whose parent exited are its). */
#include "user.h"

int main(void)
{
  for (;;) {
    char *argv[] = {"sh", 0};
    int pid = spawn("sh", argv, 0);
    if (pid < 0) {
      printf("init: cannot start sh\n");
      halt(1);
    }
    while (wait(-1, 0) != pid)
      ;
  }
}
