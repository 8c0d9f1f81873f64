/* sort — quicksort (recursive, median of three, insertion sort below 16)
 * of 32 Ki pseudo-random ints, repeated; each result is verified. */
#define NAME "sort"
#define DEFAULT_ITERS 225
#include "bench.h"

#define N (32 * 1024)
static int32_t arr[N];

static void insertion(int32_t *a, int n) {
  for (int i = 1; i < n; i++) {
    int32_t v = a[i]; int j = i - 1;
    while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
    a[j + 1] = v;
  }
}

static NOINLINE void qsort_(int32_t *a, int n) {
  while (n > 16) {
    int32_t x = a[0], y = a[n / 2], z = a[n - 1];
    int32_t p = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
    int i = 0, j = n - 1;
    for (;;) {
      while (a[i] < p) i++;
      while (a[j] > p) j--;
      if (i >= j) break;
      int32_t t = a[i]; a[i] = a[j]; a[j] = t; i++; j--;
    }
    if (j + 1 < n - j - 1) { qsort_(a, j + 1); a += j + 1; n -= j + 1; }
    else { qsort_(a + j + 1, n - j - 1); n = j + 1; }
  }
  insertion(a, n);
}

static uint32_t bench_run(uint32_t iters) {
  uint32_t s = 7, sum = 0;
  for (uint32_t it = 0; it < iters; it++) {
    for (int i = 0; i < N; i++) arr[i] = (int32_t)lcg(&s);
    qsort_(arr, N);
    for (int i = 1; i < N; i++)
      if (arr[i - 1] > arr[i]) return 0xbad;
    sum += (uint32_t)arr[it % N] ^ (uint32_t)arr[N / 2];
  }
  return sum;
}
