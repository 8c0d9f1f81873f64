/* Guest memory access from the hart: a TLB hit is one add away from host
 * memory; everything else (misses, MMIO, watched or code pages, faults)
 * goes through mem.c. */
#ifndef RVSCOPE_MEM_H
#define RVSCOPE_MEM_H
#include "hart.h"
#include <string.h>

/* Slow paths: translate, check, access; on failure they raise the
 * architectural exception and return false. */
bool mem_load_slow(hart_t *h, uint64_t va, unsigned size, uint64_t *val);
bool mem_store_slow(hart_t *h, uint64_t va, unsigned size, uint64_t val);
/* For AMOs and LR/SC: a host pointer to size aligned bytes of RAM the hart
 * may read and write, or NULL after raising the exception. */
void *mem_amo_ptr(hart_t *h, uint64_t va, unsigned size, bool is_lr);
/* Instruction fetch of the page holding h->pc; false after raising a trap. */
bool mem_fetch_page(hart_t *h);
/* The physical address of va from the execute TLB alone; false on a miss. */
bool mem_fetch_tlb(const hart_t *h, uint64_t va, uint64_t *pa);
/* Make the page of h->pc (physical pa, decoded page d) the fetch page. */
struct dpage;
void mem_fetch_set(hart_t *h, uint64_t pa, struct dpage *d, bool checked);
/* A 16-bit parcel at va through the fetch path, for instructions that
 * straddle a page boundary. */
bool mem_fetch16(hart_t *h, uint64_t va, uint16_t *out);

/* The tag a TLB entry must have to serve an access of size bytes at va:
 * misaligned addresses keep low bits set and never hit. */
static inline uint64_t tlb_tag(uint64_t va, unsigned size)
{
    return va & ~(uint64_t)(0xfff & ~(size - 1));
}

static inline bool mem_load(hart_t *h, uint64_t va, unsigned size, uint64_t *val)
{
    tlb_entry_t *e = &h->tlb[ACC_READ][(va >> 12) & (TLB_SIZE - 1)];
    if (likely(e->tag == tlb_tag(va, size))) {
        const void *p = (const void *)(uintptr_t)(va + e->addend);
        switch (size) {
        case 1: *val = *(const uint8_t *)p; return true;
        case 2: { uint16_t v; memcpy(&v, p, 2); *val = v; return true; }
        case 4: { uint32_t v; memcpy(&v, p, 4); *val = v; return true; }
        default: { uint64_t v; memcpy(&v, p, 8); *val = v; return true; }
        }
    }
    return mem_load_slow(h, va, size, val);
}

static inline bool mem_store(hart_t *h, uint64_t va, unsigned size, uint64_t val)
{
    tlb_entry_t *e = &h->tlb[ACC_WRITE][(va >> 12) & (TLB_SIZE - 1)];
    if (likely(e->tag == tlb_tag(va, size))) {
        void *p = (void *)(uintptr_t)(va + e->addend);
        switch (size) {
        case 1: *(uint8_t *)p = (uint8_t)val; return true;
        case 2: { uint16_t v = (uint16_t)val; memcpy(p, &v, 2); return true; }
        case 4: { uint32_t v = (uint32_t)val; memcpy(p, &v, 4); return true; }
        default: memcpy(p, &val, 8); return true;
        }
    }
    return mem_store_slow(h, va, size, val);
}

#endif
