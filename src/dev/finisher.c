/* sifive_test: 0x5555 = pass (exit 0), (code << 16) | 0x3333 = fail with
 * exit status `code`, 0x7777 = reset (rvscope ends the run with status 0,
 * since it has no reboot). Other values are ignored, as by QEMU. */
#include "finisher.h"

static bool fin_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    (void)opaque; (void)off; (void)size;
    *val = 0;
    return true;
}

static bool fin_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    machine_t *m = opaque;
    if (off != 0 || size < 2)
        return true;
    switch (val & 0xffff) {
    case 0x5555: m->exit_code = 0; break;
    case 0x3333: m->exit_code = (int)((val >> 16) & 0xffff); break;
    case 0x7777: m->exit_code = 0; break;
    default: return true;
    }
    machine_request_stop(m, STOP_EXIT);
    return true;
}

void finisher_new(machine_t *m)
{
    device_t d = { .name = "finisher", .base = FINISHER_BASE, .size = 0x1000, .opaque = m,
                   .read = fin_read, .write = fin_write };
    machine_add_device(m, &d);
}
