/* Goldfish RTC at 0x0010_1000 (QEMU virt), PLIC source 11: nanoseconds
 * since the Unix epoch, so a Linux guest's clock is not 1970. */
#ifndef RVSCOPE_GOLDFISH_RTC_H
#define RVSCOPE_GOLDFISH_RTC_H
#include "../machine.h"
#define RTC_BASE 0x101000ull
#define RTC_SIZE 0x1000ull
#define RTC_IRQ  11
void goldfish_rtc_new(machine_t *m);
#endif
