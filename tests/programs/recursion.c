/* recursion.c — deep and branching recursion: the call/return path, the
 * stack and callee-saved registers.  noinline keeps GCC from turning the
 * recursion into loops. */
#include <am.h>
#include <klib.h>

#define NOINLINE __attribute__((noinline))

static NOINLINE int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static long calls;
static NOINLINE int ack(int m, int n) {
  calls++;
  if (m == 0) return n + 1;
  if (n == 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}

static int moves;
static NOINLINE void hanoi(int n, char from, char to, char via, int print) {
  if (n == 0) return;
  hanoi(n - 1, from, via, to, print);
  moves++;
  if (print) printf("  move %d: %c->%c\n", n, from, to);
  hanoi(n - 1, via, to, from, print);
}

static NOINLINE void permute(char *s, int l, int r) {
  if (l == r) { printf(" %s", s); return; }
  for (int i = l; i <= r; i++) {
    char t = s[l]; s[l] = s[i]; s[i] = t;
    permute(s, l + 1, r);
    t = s[l]; s[l] = s[i]; s[i] = t;
  }
}

static int cols[16];
static NOINLINE int queens(int row, int n) {
  if (row == n) return 1;
  int count = 0;
  for (int c = 0; c < n; c++) {
    int ok = 1;
    for (int r = 0; r < row && ok; r++)
      if (cols[r] == c || cols[r] - c == row - r || c - cols[r] == row - r) ok = 0;
    if (ok) { cols[row] = c; count += queens(row + 1, n); }
  }
  return count;
}

/* Uses a frame of 256 bytes per level: 200 levels need ~50 KiB of stack. */
static NOINLINE unsigned deep(int n) {
  volatile unsigned char pad[240];
  for (int i = 0; i < 240; i++) pad[i] = (unsigned char)(n + i);
  if (n == 0) return pad[7];
  return deep(n - 1) + pad[n % 240];
}

int main(void) {
  printf("fib(20) = %d, fib(25) = %d\n", fib(20), fib(25));
  int a = ack(2, 3);
  printf("ack(2,3) = %d (%ld calls)\n", a, calls);
  calls = 0;
  a = ack(3, 5);
  printf("ack(3,5) = %d (%ld calls)\n", a, calls);
  printf("hanoi(3):\n");
  hanoi(3, 'A', 'C', 'B', 1);
  moves = 0;
  hanoi(16, 'A', 'C', 'B', 0);
  printf("hanoi(16) = %d moves\n", moves);
  char s[] = "abc";
  printf("permutations:");
  permute(s, 0, 2);
  printf("\n");
  printf("queens: 6 -> %d, 8 -> %d\n", queens(0, 6), queens(0, 8));
  printf("deep(200) = %u\n", deep(200));
  return 0;
}
