/* string_mem.c — klib's mem* and str* functions, including overlapping
 * memmove both ways, unsigned comparison of bytes >= 0x80, strncpy's
 * padding / missing terminator, and a struct copy the compiler may turn
 * into a memcpy call. */
#include <am.h>
#include <klib.h>

static int sign(int x) { return x < 0 ? -1 : x > 0 ? 1 : 0; }

static void dump(const char *what, const char *p, int n) {
  printf("%s:", what);
  for (int i = 0; i < n; i++) printf(" %02x", (unsigned char)p[i]);
  printf("\n");
}

struct big { int a[16]; char tag[8]; };

int main(void) {
  char buf[32];
  char *r = memset(buf, 'a', 5);
  buf[5] = '\0';
  printf("memset: [%s] returns dst: %s\n", buf, r == buf ? "yes" : "no");

  memcpy(buf, "hello world", 12);
  printf("memcpy: [%s]\n", buf);
  memmove(buf + 2, buf, 5);          /* overlap, dst above src */
  printf("memmove up: [%s]\n", buf);
  memmove(buf, buf + 2, 5);          /* overlap, dst below src */
  printf("memmove down: [%s]\n", buf);

  printf("memcmp: %d %d %d %d\n", sign(memcmp("abc", "abd", 3)), sign(memcmp("abd", "abc", 3)),
         sign(memcmp("abc", "abd", 2)), sign(memcmp("\x80", "\x01", 1)));

  printf("strlen: %d %d\n", (int)strlen(""), (int)strlen("hello"));
  strcpy(buf, "foo");
  strcat(buf, "bar");
  strcat(buf, "");
  printf("strcpy+strcat: [%s] len %d\n", buf, (int)strlen(buf));

  memset(buf, 'x', 8);
  buf[8] = '\0';
  strncpy(buf, "ab", 5);
  dump("strncpy pad", buf, 8);
  memset(buf, 'x', 8);
  strncpy(buf, "abcdef", 3);
  dump("strncpy cut", buf, 8);

  printf("strcmp: %d %d %d %d %d %d\n", sign(strcmp("abc", "abc")), sign(strcmp("abc", "abd")),
         sign(strcmp("abd", "abc")), sign(strcmp("ab", "abc")), sign(strcmp("abc", "ab")),
         sign(strcmp("\xff", "a")));
  printf("strncmp: %d %d %d %d\n", sign(strncmp("abcdef", "abcxyz", 3)),
         sign(strncmp("abcdef", "abcxyz", 4)), sign(strncmp("ab", "ab", 10)),
         sign(strncmp("x", "y", 0)));

  /* A larger block: fill, copy, checksum. */
  static unsigned char src[1000], dst[1000];
  for (int i = 0; i < 1000; i++) src[i] = (unsigned char)(i * 7 + 3);
  memset(dst, 0, sizeof dst);
  memcpy(dst + 1, src, 999);         /* odd offset */
  unsigned sum = 0;
  for (int i = 0; i < 1000; i++) sum += dst[i] * (unsigned)(i + 1);
  printf("block copy checksum: %u, equal after shift: %d\n", sum, memcmp(dst + 1, src, 999) == 0);

  struct big s1, s2;
  for (int i = 0; i < 16; i++) s1.a[i] = i * i;
  strcpy(s1.tag, "struct");
  s2 = s1;
  printf("struct copy: a[15]=%d tag=%s same=%d\n", s2.a[15], s2.tag, memcmp(&s1, &s2, sizeof s1) == 0);
  return 0;
}
