/* matmul — 96x96 integer matrix multiply (ikj order), repeated. */
#define NAME "matmul"
#define DEFAULT_ITERS 200
#include "bench.h"

#define M 96
static int32_t A[M][M], B[M][M], C[M][M];

static uint32_t bench_run(uint32_t iters) {
  uint32_t s = 5, sum = 0;
  for (int i = 0; i < M; i++)
    for (int j = 0; j < M; j++) { A[i][j] = (int32_t)(lcg(&s) >> 20) - 2048; B[i][j] = (int32_t)(lcg(&s) >> 20) - 2048; }
  for (uint32_t it = 0; it < iters; it++) {
    for (int i = 0; i < M; i++) {
      for (int j = 0; j < M; j++) C[i][j] = 0;
      for (int k = 0; k < M; k++) {
        int32_t a = A[i][k];
        for (int j = 0; j < M; j++) C[i][j] += a * B[k][j];
      }
    }
    for (int i = 0; i < M; i++) { sum += (uint32_t)C[i][(i + it) % M]; A[i][it % M] ^= C[i][i] & 0xff; }
  }
  return sum;
}
