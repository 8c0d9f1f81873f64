/* types.h — fixed-size integer names used throughout rvos (no libc here). */
#ifndef TYPES_H
#define TYPES_H
typedef unsigned char uint8;
typedef unsigned short uint16;
typedef unsigned int uint32;
typedef unsigned long uint64;
typedef long int64;
typedef uint64 pte_t;
typedef uint64 *pagetable_t;
#define NULL ((void *)0)
#endif
