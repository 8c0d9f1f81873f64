/* sifive_test: 0x5555 = pass (exit 0), (code << 16) | 0x3333 = fail with
 * exit status `code`, 0x7777 = reset: the run ends and main() builds the
 * machine again (a reboot), unless --no-reboot asked to exit 0 instead.
 * Other values are ignored, as by QEMU. */
#include "finisher.h"
#include <stdlib.h>

typedef struct finisher {
    machine_t *m;
    bool reset;              /* the guest wrote 0x7777 */
} finisher_t;

static bool fin_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    (void)opaque; (void)off; (void)size;
    *val = 0;
    return true;
}

static bool fin_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    finisher_t *f = opaque;
    machine_t *m = f->m;
    if (off != 0 || size < 2)
        return true;
    switch (val & 0xffff) {
    case 0x5555: m->exit_code = 0; break;
    case 0x3333: m->exit_code = (int)((val >> 16) & 0xffff); break;
    case 0x7777: m->exit_code = 0; f->reset = true; break;
    default: return true;
    }
    machine_request_stop(m, STOP_EXIT);
    return true;
}

void finisher_new(machine_t *m)
{
    finisher_t *f = calloc(1, sizeof *f);
    if (!f)
        return;
    f->m = m;
    device_t d = { .name = "finisher", .base = FINISHER_BASE, .size = 0x1000, .opaque = f,
                   .read = fin_read, .write = fin_write, .destroy = free };
    machine_add_device(m, &d);
}

bool finisher_reset_requested(const machine_t *m)
{
    const device_t *d = machine_find_device(m, FINISHER_BASE);
    return d && d->write == fin_write && ((const finisher_t *)d->opaque)->reset;
}
