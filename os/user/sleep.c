/* sleep TICKS — wait that many timer ticks (10 ms each). */
#include "user.h"

int main(int argc, char **argv)
{
  sleep(argc > 1 ? atoi(argv[1]) : 10);
  return 0;
}
