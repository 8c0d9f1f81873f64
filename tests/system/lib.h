/* Tiny support library for the system-test guests: UART output (polled),
 * printf, the finisher, CSR and MMIO access, QEMU virt addresses. */
#ifndef SYSTEST_LIB_H
#define SYSTEST_LIB_H
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UART       0x10000000UL
#define PLIC       0x0c000000UL
#define CLINT      0x02000000UL
#define VIRTIO0    0x10001000UL
#define FINISHER   0x100000UL
#define XLEN       __riscv_xlen

#define MIP_SSIP (1UL << 1)
#define MIP_MSIP (1UL << 3)
#define MIP_SEIP (1UL << 9)
#define MIP_MEIP (1UL << 11)
#define MSTATUS_SIE (1UL << 1)
#define MSTATUS_MIE (1UL << 3)
#define MSTATUS_MPP (3UL << 11)

#define csrr(csr) ({ unsigned long _v; asm volatile("csrr %0, " #csr : "=r"(_v)); _v; })
#define csrw(csr, v) asm volatile("csrw " #csr ", %0" : : "r"((unsigned long)(v)) : "memory")
#define csrs(csr, v) asm volatile("csrs " #csr ", %0" : : "r"((unsigned long)(v)) : "memory")
#define csrc(csr, v) asm volatile("csrc " #csr ", %0" : : "r"((unsigned long)(v)) : "memory")

static inline uint8_t rd8(uintptr_t a) { return *(volatile uint8_t *)a; }
static inline void wr8(uintptr_t a, uint8_t v) { *(volatile uint8_t *)a = v; }
static inline uint16_t rd16(uintptr_t a) { return *(volatile uint16_t *)a; }
static inline void wr16(uintptr_t a, uint16_t v) { *(volatile uint16_t *)a = v; }
static inline uint32_t rd32(uintptr_t a) { return *(volatile uint32_t *)a; }
static inline void wr32(uintptr_t a, uint32_t v) { *(volatile uint32_t *)a = v; }

/* PLIC (QEMU virt contexts: 2*hart = M, 2*hart+1 = S) */
#define PLIC_PRIO(i)        (PLIC + 4 * (i))
#define PLIC_PENDING(w)     (PLIC + 0x1000 + 4 * (w))
#define PLIC_ENABLE(c, w)   (PLIC + 0x2000 + 0x80 * (c) + 4 * (w))
#define PLIC_THRESHOLD(c)   (PLIC + 0x200000 + 0x1000 * (c))
#define PLIC_CLAIM(c)       (PLIC + 0x200004 + 0x1000 * (c))

/* UART registers */
enum { UART_RBR = 0, UART_THR = 0, UART_IER = 1, UART_IIR = 2, UART_FCR = 2,
       UART_LCR = 3, UART_MCR = 4, UART_LSR = 5, UART_MSR = 6, UART_SCR = 7 };

void putch(char c);
void puts_(const char *s);
int printf(const char *fmt, ...);
void exit(int code) __attribute__((noreturn));
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
uint64_t mtime(void);
void set_mtimecmp(unsigned hart, uint64_t v);
#endif
