/* sh — the shell: reads a line, splits it at spaces, runs the program of
 * that name with the words as arguments and waits for it. A trailing '&'
 * runs it in the background. Built in: wait (for every background job),
 * halt [code] (power off). */
#include "user.h"

#define MAXWORDS 16

static int split(char *line, char **argv)
{
  int n = 0;
  char *p = line;
  for (;;) {
    while (*p == ' ' || *p == '\t' || *p == '\n')
      *p++ = 0;
    if (*p == 0 || n == MAXWORDS - 1)
      break;
    argv[n++] = p;
    while (*p && *p != ' ' && *p != '\t' && *p != '\n')
      p++;
  }
  argv[n] = 0;
  return n;
}

static void run(char **argv, int background)
{
  int pid = spawn(argv[0], argv, 0);
  if (pid < 0) {
    printf("sh: %s: no such program\n", argv[0]);
    return;
  }
  if (background) {
    printf("[%d]\n", pid);
    return;
  }
  int status;
  while (wait(pid, &status) != pid)
    ;
  if (status != 0)
    printf("sh: %s (pid %d) exited with status %d\n", argv[0], pid, status);
}

int main(void)
{
  char line[128], *argv[MAXWORDS];
  for (;;) {
    printf("$ ");
    gets(line, sizeof line);
    if (line[0] == 0) {            /* end of input: nothing more will come */
      sleep(1000000);
      continue;
    }
    int argc = split(line, argv);
    if (argc == 0 || argv[0][0] == '#')
      continue;
    int background = strcmp(argv[argc - 1], "&") == 0;
    if (background)
      argv[--argc] = 0;
    if (argc == 0)
      continue;
    if (strcmp(argv[0], "halt") == 0)
      halt(argc > 1 ? atoi(argv[1]) : 0);
    if (strcmp(argv[0], "wait") == 0) {
      int st, pid;
      while ((pid = wait(-1, &st)) > 0)
        printf("[%d] done, status %d\n", pid, st);
      continue;
    }
    run(argv, background);
  }
}
