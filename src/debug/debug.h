/* Per-hart debug state: triggers (Sdtrig) and, later, debug mode (Sdext). */
#ifndef RVSCOPE_DEBUG_H
#define RVSCOPE_DEBUG_H
#include "../core/hart.h"

#define MAX_TRIGGERS 16
#define TINFO_VALUE  ((1ull << 24) | (1u << 2) | (1u << 3) | (1u << 4) | (1u << 5) | \
                      (1u << 6) | (1u << 7) | (1u << 15))

enum trigger_type {
    TT_NONE = 0, TT_MCONTROL = 2, TT_ICOUNT = 3, TT_ITRIGGER = 4, TT_ETRIGGER = 5,
    TT_MCONTROL6 = 6, TT_TMEXTTRIGGER = 7, TT_DISABLED = 15,
};

typedef struct trigger {
    uint64_t tdata1, tdata2, tdata3;
} trigger_t;

typedef struct debug_hart {
    unsigned  ntrig, tselect;
    trigger_t trig[MAX_TRIGGERS];
} debug_hart_t;

debug_hart_t *debug_hart_new(hart_t *h, unsigned ntriggers);
unsigned tdata1_type(const hart_t *h, uint64_t tdata1);
uint64_t tdata1_legalize(const hart_t *h, uint64_t old, uint64_t val);
/* Called after any trigger register write. */
void debug_triggers_changed(hart_t *h);

#endif
