/* assert_fail.c — klib's assert: a passing assert prints nothing, a
 * failing one prints file:line and the condition and halts with 1.
 * expected exit status: 1 */
#include <am.h>
#include <klib.h>

int main(void) {
  volatile int two = 2;
  assert(two + 2 == 4);
  printf("first assert passed\n");
  assert(two + 2 == 5);
  printf("not reached\n");
  return 0;
}
