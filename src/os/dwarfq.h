/* The few DWARF questions an OS description asks of a kernel's ELF: where
 * a global is, how big a struct is, where a member sits, what an enum
 * value is called. Kept narrow on purpose (the monitor's source-level
 * expressions get their own DWARF module, src/dwarf/; these queries can
 * move there). */
#ifndef RVSCOPE_OS_DWARFQ_H
#define RVSCOPE_OS_DWARFQ_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct dwq dwq_t;

/* NULL with err set: no such file, not an ELF, no DWARF. */
dwq_t *dwq_open(const char *path, char *err, size_t n);
void dwq_close(dwq_t *q);
/* A global variable with a static address: its address and size. */
bool dwq_var(dwq_t *q, const char *name, uint64_t *addr, uint64_t *size);
/* struct NAME's size. */
bool dwq_struct_size(dwq_t *q, const char *st, uint64_t *size);
/* struct NAME's member: byte offset and size. */
bool dwq_member(dwq_t *q, const char *st, const char *member, uint64_t *off, uint64_t *size);
/* The enumerator of enum NAME whose value is v. */
bool dwq_enumerator(dwq_t *q, const char *en, int64_t v, char *name, size_t n);

#endif
