/* Pure functions of the trigger module: field decoding and the match
 * rules of mcontrol/mcontrol6 (Debug Spec 1.0, 5.7.12 and 5.7.4). */
#ifndef RVSCOPE_TRIGGER_MATCH_H
#define RVSCOPE_TRIGGER_MATCH_H
#include <stdbool.h>
#include <stdint.h>

/* The fields rvscope acts on, the same for mcontrol and mcontrol6. */
typedef struct mc_fields {
    unsigned match, action, size;
    bool select, chain, m, s, u, execute, store, load;
    bool timing_after;     /* mcontrol.timing; mcontrol6 has none */
} mc_fields_t;

/* Decode tdata1 of type 2 or 6; false for other types. */
bool mc_decode(uint64_t tdata1, int xlen, mc_fields_t *f);
/* Does value v match tdata2 under match mode `match`? */
bool mc_value_matches(unsigned match, uint64_t v, uint64_t tdata2, int xlen);
/* Lowest and highest address that can match (for TLB flagging). */
void mc_address_range(const mc_fields_t *f, uint64_t tdata2, int xlen, uint64_t *lo, uint64_t *hi);
/* Size field -> access size in bytes (0 = any). */
unsigned mc_size_bytes(unsigned size);

#endif
