/* intmath.c — integer arithmetic the M extension and libgcc provide:
 * 32-bit mul/div/rem with C's truncating semantics, RISC-V's defined
 * results for division by zero and overflow (via inline asm, since C
 * leaves them undefined), high-half products, 64-bit multiply/divide
 * (libgcc's __udivdi3 & co. on RV32), shifts, sign extension and
 * compares.  Inputs are volatile so the compiler cannot fold them. */
#include <am.h>
#include <klib.h>
#include <stdint.h>
#include <limits.h>

static volatile int      vi[] = { 123456, 654321, -7, 2, INT32_MIN, -1, 0, 100 };
static volatile unsigned vu[] = { 0xffffffffu, 3, 0x80000000u };
static volatile int64_t  vl[] = { 0x123456789LL, 0x987654321LL, -9000000000000000000LL, 7 };
static volatile uint64_t vul[] = { 0x123456789abcdef0ULL, 12345, 0xffffffffffffffffULL };
static volatile int vshift = 40;

/* 32-bit RISC-V division (div/rem on RV32, divw/remw on RV64). */
#if __riscv_xlen == 64
#define DIV32 "divw"
#define DIVU32 "divuw"
#define REM32 "remw"
#define REMU32 "remuw"
#else
#define DIV32 "div"
#define DIVU32 "divu"
#define REM32 "rem"
#define REMU32 "remu"
#endif
#define RVOP(op, a, b) ({ long r_; asm volatile(op " %0, %1, %2" : "=r"(r_) : "r"((long)(a)), "r"((long)(b))); (int)r_; })

static unsigned gcd(unsigned a, unsigned b) { while (b) { unsigned t = a % b; a = b; b = t; } return a; }

static uint64_t modpow(uint64_t b, uint64_t e, uint64_t m) {
  uint64_t r = 1;
  b %= m;
  while (e) {
    if (e & 1) r = r * b % m;   /* m < 2^32, so products fit in 64 bits */
    b = b * b % m;
    e >>= 1;
  }
  return r;
}

static unsigned isqrt(uint64_t n) {
  uint64_t x = 0, bit = 1ULL << 62;
  while (bit > n) bit >>= 2;
  while (bit) {
    if (n >= x + bit) { n -= x + bit; x = (x >> 1) + bit; }
    else x >>= 1;
    bit >>= 2;
  }
  return (unsigned)x;
}

int main(void) {
  printf("mul32: %d (0x%x)\n", vi[0] * vi[1], (unsigned)vi[0] * (unsigned)vi[1]);
  printf("div32: %d %d %d %d\n", vi[2] / vi[3], vi[2] % vi[3], -vi[2] / -vi[3], -vi[2] % -vi[3]);
  printf("divu32: %u %u\n", vu[0] / vu[1], vu[0] % 7u);
  printf("div by zero: %d %d %u %u\n", RVOP(DIV32, vi[0], vi[6]), RVOP(REM32, vi[0], vi[6]),
         (unsigned)RVOP(DIVU32, vi[0], vi[6]), (unsigned)RVOP(REMU32, vi[0], vi[6]));
  printf("overflow: %d %d\n", RVOP(DIV32, vi[4], vi[5]), RVOP(REM32, vi[4], vi[5]));
  printf("mulh: %d %u %d\n", (int)(((int64_t)vi[2] * vi[1]) >> 32),
         (unsigned)(((uint64_t)vu[0] * vu[0]) >> 32), (int)(((int64_t)vi[4] * vi[4]) >> 32));

  printf("mul64: 0x%llx\n", (unsigned long long)(vl[0] * vl[1]));
  printf("div64: %llu %llu\n", (unsigned long long)(vul[0] / vul[1]), (unsigned long long)(vul[0] % vul[1]));
  printf("sdiv64: %lld %lld\n", (long long)(vl[2] / vl[3]), (long long)(vl[2] % vl[3]));
  printf("max64 / 10: %llu\n", (unsigned long long)(vul[2] / 10));

  printf("shift32: %d %u %d %u\n", vi[2] >> 1, vu[2] >> 31, (int)vu[2] >> 31, vu[0] << 28);
  printf("shift64: 0x%llx 0x%llx %lld\n", (unsigned long long)(vul[0] << vshift),
         (unsigned long long)(vul[0] >> vshift), (long long)(vl[2] >> vshift));

  volatile unsigned bytes = 0x8000ff80u;
  printf("sext: %d %d %d %d\n", (int)(int8_t)bytes, (int)(uint8_t)bytes,
         (int)(int16_t)(bytes >> 16), (int)(uint16_t)(bytes >> 16));
  printf("compare: %d %d %d\n", vi[5] < vi[3], (unsigned)vi[5] < (unsigned)vi[3], vi[4] < vi[6]);
  printf("wrap: %u %d\n", vu[0] + 2u, (int)(vu[2] - 1u));

  printf("gcd(1071, 462) = %u\n", gcd(vi[7] * 10 + 71, 462));
  printf("3^1000 mod 1000000007 = %llu\n", (unsigned long long)modpow(3, 1000, 1000000007));
  printf("isqrt(10^18) = %u, isqrt(2^63) = %u\n", isqrt(1000000000000000000ULL), isqrt(1ULL << 63));
  return 0;
}
