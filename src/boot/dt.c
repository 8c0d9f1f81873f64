/* Device tree generation with libfdt's sequential-write API. The tree
 * describes the machine_t actually built (hart count, misa, RAM size, the
 * devices registered), not a fixed template; see docs/boot.md for the
 * nodes and where they differ from QEMU's. */
#include "boot/dt.h"
#include "core/isa.h"
#include "dev/clint.h"
#include "dev/finisher.h"
#include "dev/goldfish_rtc.h"
#include "dev/plic.h"
#include "dev/uart16550.h"
#include "dev/virtio_blk.h"
#include "elf/util.h"
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TIMEBASE_HZ 10000000u     /* mtime ticks per second (CLINT) */
#define UART_CLOCK  3686400u      /* the 16550's input clock, for divisors */
/* Interrupt numbers of the hart-local controller (mcause values). */
enum { IRQ_S_SOFT = 1, IRQ_M_SOFT = 3, IRQ_S_TIMER = 5, IRQ_M_TIMER = 7, IRQ_S_EXT = 9, IRQ_M_EXT = 11 };

void dt_isa_string(const hart_t *h, char *buf, size_t len)
{
    /* Zicntr, Zicsr, Zifencei and Sstc (menvcfg.STCE) are always there. */
    isa_string(h->xlen, h->isa, buf, len);
}

typedef struct dtw {
    void *fdt;
    int err;                  /* first libfdt error, 0 = none */
} dtw_t;

static void chk(dtw_t *w, int r) { if (r < 0 && !w->err) w->err = r; }
static void begin(dtw_t *w, const char *name) { chk(w, fdt_begin_node(w->fdt, name)); }
static void end(dtw_t *w) { chk(w, fdt_end_node(w->fdt)); }
static void prop_u32(dtw_t *w, const char *n, uint32_t v) { chk(w, fdt_property_u32(w->fdt, n, v)); }
static void prop_str(dtw_t *w, const char *n, const char *s) { chk(w, fdt_property_string(w->fdt, n, s)); }
static void prop_empty(dtw_t *w, const char *n) { chk(w, fdt_property(w->fdt, n, NULL, 0)); }
/* A string list: the strings one after another, each with its NUL. */
static void prop_strs(dtw_t *w, const char *n, const char *a, const char *b, const char *c)
{
    char buf[128];
    size_t len = 0;
    for (const char *s[] = { a, b, c }, **p = s; p < s + 3; p++)
        if (*p) {
            size_t l = strlen(*p) + 1;
            memcpy(buf + len, *p, l);
            len += l;
        }
    chk(w, fdt_property(w->fdt, n, buf, (int)len));
}
static void prop_cells(dtw_t *w, const char *n, const uint32_t *v, unsigned count)
{
    fdt32_t be[4 * MAX_HARTS];
    for (unsigned i = 0; i < count; i++)
        be[i] = cpu_to_fdt32(v[i]);
    chk(w, fdt_property(w->fdt, n, be, (int)(count * sizeof be[0])));
}
/* reg = <address size> with two cells each (#address-cells = #size-cells = 2). */
static void prop_reg(dtw_t *w, uint64_t base, uint64_t size)
{
    uint32_t c[4] = { (uint32_t)(base >> 32), (uint32_t)base, (uint32_t)(size >> 32), (uint32_t)size };
    prop_cells(w, "reg", c, 4);
}
static void node_name(char *buf, size_t len, const char *name, uint64_t addr)
{
    snprintf(buf, len, "%s@%llx", name, (unsigned long long)addr);
}

/* Phandles are numbered as QEMU numbers them (last hart first, its CPU
 * then its interrupt controller; then the PLIC and the test device), so a
 * tree dumped by either machine compares equal, phandles included. */
typedef struct phandles {
    uint32_t cpu[MAX_HARTS], intc[MAX_HARTS], plic, test;
} phandles_t;

static void cpus_node(dtw_t *w, const machine_t *m, const phandles_t *ph)
{
    char name[32], isa[96];
    begin(w, "cpus");
    prop_u32(w, "#address-cells", 1);
    prop_u32(w, "#size-cells", 0);
    prop_u32(w, "timebase-frequency", TIMEBASE_HZ);
    for (unsigned i = 0; i < m->nharts; i++) {
        const hart_t *h = m->harts[i];
        snprintf(name, sizeof name, "cpu@%u", i);
        begin(w, name);
        prop_u32(w, "phandle", ph->cpu[i]);
        prop_str(w, "device_type", "cpu");
        prop_u32(w, "reg", i);
        prop_str(w, "status", "okay");
        prop_str(w, "compatible", "riscv");
        dt_isa_string(h, isa, sizeof isa);
        prop_str(w, "riscv,isa", isa);
        prop_str(w, "mmu-type", h->xlen == 32 ? "riscv,sv32" : "riscv,sv39");
        begin(w, "interrupt-controller");
        prop_u32(w, "#interrupt-cells", 1);
        prop_empty(w, "interrupt-controller");
        prop_str(w, "compatible", "riscv,cpu-intc");
        prop_u32(w, "phandle", ph->intc[i]);
        end(w);
        end(w);
    }
    begin(w, "cpu-map");
    begin(w, "cluster0");
    for (unsigned i = 0; i < m->nharts; i++) {
        snprintf(name, sizeof name, "core%u", i);
        begin(w, name);
        prop_u32(w, "cpu", ph->cpu[i]);
        end(w);
    }
    end(w);
    end(w);
    end(w);
}

/* interrupts-extended: for each hart, its controller and the given lines. */
static void irqs_per_hart(dtw_t *w, const machine_t *m, const phandles_t *ph, uint32_t a, uint32_t b)
{
    uint32_t c[4 * MAX_HARTS];
    for (unsigned i = 0; i < m->nharts; i++) {
        c[4 * i] = ph->intc[i], c[4 * i + 1] = a;
        c[4 * i + 2] = ph->intc[i], c[4 * i + 3] = b;
    }
    prop_cells(w, "interrupts-extended", c, 4 * m->nharts);
}

/* A device node under /soc with a PLIC interrupt. */
static void irq_device(dtw_t *w, const char *name, uint64_t base, uint64_t size, uint32_t irq,
                       uint32_t plic, const char *compatible)
{
    char n[48];
    node_name(n, sizeof n, name, base);
    begin(w, n);
    prop_u32(w, "interrupts", irq);
    prop_u32(w, "interrupt-parent", plic);
    prop_reg(w, base, size);
    prop_str(w, "compatible", compatible);
}

static void soc_node(dtw_t *w, const machine_t *m, const phandles_t *ph)
{
    char n[48];
    begin(w, "soc");
    prop_u32(w, "#address-cells", 2);
    prop_u32(w, "#size-cells", 2);
    prop_str(w, "compatible", "simple-bus");
    prop_empty(w, "ranges");

    if (machine_find_device(m, RTC_BASE)) {
        irq_device(w, "rtc", RTC_BASE, RTC_SIZE, RTC_IRQ, ph->plic, "google,goldfish-rtc");
        end(w);
    }
    irq_device(w, "serial", UART_BASE, UART_SIZE, UART_IRQ, ph->plic, "ns16550a");
    prop_u32(w, "clock-frequency", UART_CLOCK);
    end(w);

    node_name(n, sizeof n, "test", FINISHER_BASE);
    begin(w, n);
    prop_u32(w, "phandle", ph->test);
    prop_reg(w, FINISHER_BASE, 0x1000);
    prop_strs(w, "compatible", "sifive,test1", "sifive,test0", "syscon");
    end(w);

    /* Every transport exists (an empty one reads DeviceID 0), as on QEMU. */
    for (unsigned i = 0; i < VIRTIO_SLOTS; i++) {
        irq_device(w, "virtio_mmio", VIRTIO_BASE + i * VIRTIO_STRIDE, VIRTIO_STRIDE,
                   VIRTIO_IRQ + i, ph->plic, "virtio,mmio");
        end(w);
    }

    node_name(n, sizeof n, "plic", PLIC_BASE);
    begin(w, n);
    prop_u32(w, "phandle", ph->plic);
    prop_u32(w, "riscv,ndev", PLIC_NSOURCES - 1);
    prop_reg(w, PLIC_BASE, PLIC_SIZE);
    /* Context 2h is hart h's M mode, 2h+1 its S mode (dev/plic.h). */
    irqs_per_hart(w, m, ph, IRQ_M_EXT, IRQ_S_EXT);
    prop_empty(w, "interrupt-controller");
    prop_strs(w, "compatible", "sifive,plic-1.0.0", "riscv,plic0", NULL);
    prop_u32(w, "#address-cells", 0);
    prop_u32(w, "#interrupt-cells", 1);
    end(w);

    node_name(n, sizeof n, "clint", CLINT_BASE);
    begin(w, n);
    irqs_per_hart(w, m, ph, IRQ_M_SOFT, IRQ_M_TIMER);
    prop_reg(w, CLINT_BASE, CLINT_SIZE);
    prop_strs(w, "compatible", "sifive,clint0", "riscv,clint0", NULL);
    end(w);
    end(w);
}

/* The finisher as syscon poweroff and reboot (its pass and reset codes). */
static void syscon_node(dtw_t *w, const char *name, const char *compatible, uint32_t value,
                        const phandles_t *ph)
{
    begin(w, name);
    prop_u32(w, "value", value);
    prop_u32(w, "offset", 0);
    prop_u32(w, "regmap", ph->test);
    prop_str(w, "compatible", compatible);
    end(w);
}

static void chosen_props(dtw_t *w, const dt_chosen_t *c)
{
    if (c && c->bootargs)
        prop_str(w, "bootargs", c->bootargs);
    char path[48];
    node_name(path, sizeof path, "/soc/serial", UART_BASE);
    prop_str(w, "stdout-path", path);
    if (c && c->initrd_end > c->initrd_start) {
        chk(w, fdt_property_u64(w->fdt, "linux,initrd-start", c->initrd_start));
        chk(w, fdt_property_u64(w->fdt, "linux,initrd-end", c->initrd_end));
    }
}

void *dt_build(const machine_t *m, const dt_chosen_t *c, char *err, size_t errlen)
{
    size_t cap = 16384 + 1024 * m->nharts + (c && c->bootargs ? strlen(c->bootargs) : 0);
    dtw_t w = { malloc(cap), 0 };
    if (!w.fdt) {
        errf(err, errlen, "out of memory for the device tree");
        return NULL;
    }
    phandles_t ph;
    uint32_t next = 1;
    for (unsigned i = m->nharts; i-- > 0;) {
        ph.cpu[i] = next++;
        ph.intc[i] = next++;
    }
    ph.plic = next++;
    ph.test = next++;

    chk(&w, fdt_create(w.fdt, (int)cap));
    chk(&w, fdt_finish_reservemap(w.fdt));
    begin(&w, "");
    prop_u32(&w, "#address-cells", 2);
    prop_u32(&w, "#size-cells", 2);
    prop_str(&w, "compatible", "riscv-virtio");
    prop_str(&w, "model", "riscv-virtio,qemu");
    begin(&w, "chosen");
    chosen_props(&w, c);
    end(&w);
    syscon_node(&w, "poweroff", "syscon-poweroff", 0x5555, &ph);
    syscon_node(&w, "reboot", "syscon-reboot", 0x7777, &ph);
    char n[48];
    node_name(n, sizeof n, "memory", RAM_BASE);
    begin(&w, n);
    prop_str(&w, "device_type", "memory");
    prop_reg(&w, RAM_BASE, m->ram_size);
    end(&w);
    cpus_node(&w, m, &ph);
    soc_node(&w, m, &ph);
    end(&w);
    chk(&w, fdt_finish(w.fdt));
    if (w.err) {
        errf(err, errlen, "building the device tree: %s", fdt_strerror(w.err));
        free(w.fdt);
        return NULL;
    }
    return w.fdt;
}

static int set_chosen(void *fdt, const dt_chosen_t *c)
{
    int node = fdt_path_offset(fdt, "/chosen");
    if (node == -FDT_ERR_NOTFOUND)
        node = fdt_add_subnode(fdt, 0, "chosen");
    if (node < 0)
        return node;
    int r = 0;
    if (c->bootargs)
        r = fdt_setprop_string(fdt, node, "bootargs", c->bootargs);
    if (!r && c->initrd_end > c->initrd_start) {
        r = fdt_setprop_u64(fdt, node, "linux,initrd-start", c->initrd_start);
        if (!r)
            r = fdt_setprop_u64(fdt, node, "linux,initrd-end", c->initrd_end);
    }
    return r;
}

void *dt_load_file(const char *path, const dt_chosen_t *c, char *err, size_t errlen)
{
    unsigned char *buf;
    size_t size;
    char why[300];
    if (!read_whole_file(path, &buf, &size, why, sizeof why)) {
        errf(err, errlen, "--dtb: %s", why);
        return NULL;
    }
    int r = size < sizeof(struct fdt_header) ? -FDT_ERR_TRUNCATED : fdt_check_header(buf);
    if (!r && fdt_totalsize(buf) > size)
        r = -FDT_ERR_TRUNCATED;
    void *fdt = NULL;
    if (!r) {
        size_t cap = fdt_totalsize(buf) + 4096 + (c->bootargs ? strlen(c->bootargs) : 0);
        fdt = malloc(cap);
        r = fdt ? fdt_open_into(buf, fdt, (int)cap) : -FDT_ERR_NOSPACE;
    }
    if (!r)
        r = set_chosen(fdt, c);
    if (!r)
        r = fdt_pack(fdt);
    free(buf);
    if (r) {
        errf(err, errlen, "--dtb: %s is not a usable flattened device tree (%s); "
             "compile one with dtc -I dts -O dtb", path, fdt_strerror(r));
        free(fdt);
        return NULL;
    }
    return fdt;
}

size_t dt_size(const void *fdt)
{
    return fdt_totalsize(fdt);
}
