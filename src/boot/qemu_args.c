/* Translation of QEMU options into rvscope's (boot/qemu_args.h). */
#include "boot/qemu_args.h"
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct out {
    char **v;
    int n;
    /* -s / -gdb and -S: rvscope's --gdb waits by default, QEMU's runs. */
    const char *gdb;
    bool gdb_wait;
    /* -drive / -device for the one virtio disk. */
    char *drive_file, *drive_id;
    bool blk_device;
} out_t;

static void push(out_t *o, const char *a) { o->v[o->n++] = (char *)a; }

static void fail(const char *fmt, const char *a, const char *b)
{
    fprintf(stderr, "rvscope: ");
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
    exit(2);
}

static void note(const char *opt, const char *why)
{
    fprintf(stderr, "rvscope: ignoring QEMU option %s: %s\n", opt, why);
}

/* The value of key in a QEMU "a=1,b=2" list (malloc'd), or NULL. A first
 * field without '=' is returned for key "" (as -machine virt,...). */
static char *kv(const char *list, const char *key)
{
    size_t kl = strlen(key);
    for (const char *p = list; p && *p;) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        const char *eq = memchr(p, '=', len);
        if (!kl && !eq && p == list)
            return strndup(p, len);
        if (kl && eq && (size_t)(eq - p) == kl && !strncmp(p, key, kl))
            return strndup(eq + 1, len - kl - 1);
        p = e ? e + 1 : NULL;
    }
    return NULL;
}

/* Does every key of list appear in allowed (a NULL-ended array)? The
 * first unknown key otherwise. */
static char *unknown_key(const char *list, const char *const *allowed)
{
    for (const char *p = list; p && *p;) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        const char *eq = memchr(p, '=', len);
        size_t kl = eq ? (size_t)(eq - p) : len;
        bool ok = false;
        for (const char *const *a = allowed; *a && !ok; a++)
            ok = strlen(*a) == kl && !strncmp(*a, p, kl);
        if (!ok && !(p == list && !eq))
            return strndup(p, kl);
        p = e ? e + 1 : NULL;
    }
    return NULL;
}

/* QEMU's -m: "128M", "1G", "512" (MiB by default) or "size=128M,...". */
static bool qemu_size(const char *a, char *buf, size_t len)
{
    char *sz = strchr(a, '=') ? kv(a, "size") : strdup(a);
    if (!sz)
        return false;
    const char *p = sz;
    while (isdigit((unsigned char)*p))
        p++;
    bool ok = p > sz && (!*p || (strchr("KkMmGgTt", *p) && (!p[1] || (p[1] == 'B' && !p[2]) ||
                                                              (p[1] == 'i' && p[2] == 'B' && !p[3]))));
    if (ok)
        snprintf(buf, len, "%s%s", sz, *p ? "" : "M");
    free(sz);
    return ok;
}

/* rvscope's long options that take a value in the next argument. */
static bool takes_value(const char *a)
{
    static const char *const with[] = { "--isa", "--mem", "--harts", "--triggers", "--raw",
        "--max-insns", "--debug-break-insn", "--disk", "--trace-file", "--script", "--gdb",
        "--bios", "--kernel", "--initrd", "--append", "--dtb", "--dumpdtb", "-x", NULL };
    for (const char *const *w = with; *w; w++)
        if (!strcmp(a, *w))
            return true;
    return false;
}

static void machine_opt(out_t *o, const char *a)
{
    char *name = kv(a, "");
    if (name && strcmp(name, "virt"))
        fail("-machine %s: rvscope has only QEMU's 'virt' machine%s", name, "");
    free(name);
    static const char *const allowed[] = { "dumpdtb", "type", NULL };
    char *bad = unknown_key(a, allowed);
    if (bad)
        fail("-machine ...,%s=: rvscope's virt machine doesn't have that property%s", bad, "");
    char *t = kv(a, "type");
    if (t && strcmp(t, "virt"))
        fail("-machine type=%s: rvscope has only QEMU's 'virt' machine%s", t, "");
    free(t);
    char *d = kv(a, "dumpdtb");
    if (d) {
        push(o, "--dumpdtb");
        push(o, d);
    }
}

static void drive_opt(out_t *o, const char *a)
{
    static const char *const allowed[] = { "file", "if", "format", "id", "media", "cache", NULL };
    char *bad = unknown_key(a, allowed);
    if (bad)
        fail("-drive ...,%s=: rvscope's one virtio disk doesn't have that%s", bad, "");
    char *file = kv(a, "file"), *fmt = kv(a, "format"), *itf = kv(a, "if");
    if (!file)
        fail("-drive %s: no file= (rvscope's disk is a raw image file)%s", a, "");
    if (fmt && strcmp(fmt, "raw"))
        fail("-drive format=%s: rvscope reads raw disk images only (convert with qemu-img convert -O raw)%s", fmt, "");
    if (itf && strcmp(itf, "none") && strcmp(itf, "virtio"))
        fail("-drive if=%s: rvscope has one virtio-mmio block device (if=none with -device "
             "virtio-blk-device, or if=virtio)%s", itf, "");
    if (o->drive_file)
        fail("-drive %s: rvscope has one virtio disk, and %s is already it", a, o->drive_file);
    o->drive_file = file;
    o->drive_id = kv(a, "id");
    if (itf && !strcmp(itf, "virtio"))
        o->blk_device = true;
    free(fmt);
    free(itf);
}

static void device_opt(out_t *o, const char *a)
{
    char *name = kv(a, "");
    if (!name || strcmp(name, "virtio-blk-device"))
        fail("-device %s: rvscope doesn't have it (its one device option is virtio-blk-device)%s",
             name ? name : a, "");
    free(name);
    char *bus = kv(a, "bus");
    if (bus && strcmp(bus, "virtio-mmio-bus.0"))
        fail("-device ...,bus=%s: rvscope's disk is on virtio-mmio-bus.0 (0x10001000, IRQ 1)%s", bus, "");
    free(bus);
    if (o->blk_device)
        fail("-device %s: rvscope has one virtio disk%s", a, "");
    o->blk_device = true;
}

static void gdb_opt(out_t *o, const char *a)
{
    /* tcp::PORT, tcp:HOST:PORT, or rvscope's own forms. */
    if (!strncmp(a, "tcp::", 5))
        o->gdb = a + 5;
    else if (!strncmp(a, "tcp:", 4))
        o->gdb = a + 4;
    else
        o->gdb = a;
}

/* Options rvscope needs no value for: true if a was one (and handled). */
static bool dropped(const char *opt, const char *val)
{
    if (!strcmp(opt, "-nographic"))
        return true;                       /* the console is always stdio */
    if (!strcmp(opt, "-serial") || !strcmp(opt, "-monitor") || !strcmp(opt, "-display")) {
        if (strcmp(val, "mon:stdio") && strcmp(val, "stdio") && strcmp(val, "none"))
            note(opt, "the UART is always rvscope's standard input and output");
        return true;
    }
    if (!strcmp(opt, "-global")) {
        if (strcmp(val, "virtio-mmio.force-legacy=false"))
            note(opt, "rvscope's devices have no properties to set");
        return true;                       /* rvscope's virtio-mmio is version 2 */
    }
    if (!strcmp(opt, "-cpu")) {
        if (strncmp(val, "rv64", 4) && strncmp(val, "rv32", 4))
            fail("-cpu %s: rvscope's hart is RV32 or RV64 (--isa)%s", val, "");
        note(opt, "rvscope's hart is RV32/RV64 IMAFDC + Zicsr, Zifencei, Zba, Zbb, Zbs, Zicond, Sstc "
                  "unless --isa says less; the XLEN comes from the image or --isa");
        return true;
    }
    if (!strcmp(opt, "-name") || !strcmp(opt, "-L") || !strcmp(opt, "-k") || !strcmp(opt, "-rtc") ||
        !strcmp(opt, "-accel") || !strcmp(opt, "-icount") || !strcmp(opt, "-vga")) {
        note(opt, "rvscope doesn't need it");
        return true;
    }
    if (!strcmp(opt, "-enable-kvm") || !strcmp(opt, "-no-shutdown") || !strcmp(opt, "-no-acpi")) {
        note(opt, "rvscope doesn't need it");
        return true;
    }
    return false;
}

/* QEMU options that take a value (the rest take none). */
static bool qemu_with_value(const char *a)
{
    static const char *const with[] = { "-bios", "-kernel", "-initrd", "-append", "-dtb", "-smp",
        "-machine", "-M", "-drive", "-device", "-gdb", "-serial", "-monitor", "-display", "-global",
        "-cpu", "-name", "-L", "-k", "-rtc", "-accel", "-icount", "-vga", "-d", "-D", "-netdev",
        "-net", "-object", "-chardev", "-fsdev", "-virtfs", "-usb", "-audiodev", "-boot", "-numa",
        "-incoming", "-loadvm", "-trace", "-plugin", "-semihosting-config", "-qmp", NULL };
    for (const char *const *w = with; *w; w++)
        if (!strcmp(a, *w))
            return true;
    return false;
}

static const char *missing_why(const char *opt)
{
    if (!strcmp(opt, "-d") || !strcmp(opt, "-D") || !strcmp(opt, "-trace"))
        return "rvscope doesn't have QEMU's logs: use --itrace, --trace-file or the monitor's trace command";
    if (!strcmp(opt, "-netdev") || !strcmp(opt, "-net"))
        return "rvscope doesn't have a network device";
    if (!strcmp(opt, "-snapshot") || !strcmp(opt, "-loadvm") || !strcmp(opt, "-incoming"))
        return "rvscope doesn't have snapshots or migration";
    return "rvscope doesn't have it";
}

char **qemu_args_translate(int argc, char **argv, int *argc_out)
{
    out_t o = { calloc((size_t)argc * 2 + 8, sizeof(char *)), 0, NULL, false, NULL, NULL, false };
    if (!o.v) {
        *argc_out = argc;
        return argv;
    }
    bool any = false, s_flag = false;
    push(&o, argv[0]);
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || !strcmp(a, "--") || !strcmp(a, "--disassemble"))
            break;                             /* the IMAGE, or words to disassemble */
        if (a[1] == '-') {                     /* rvscope's own long options */
            push(&o, a);
            if (takes_value(a) && i + 1 < argc)
                push(&o, argv[++i]);
            continue;
        }
        if (!strcmp(a, "-x") && i + 1 < argc) {
            push(&o, a);
            push(&o, argv[++i]);
            continue;
        }
        char size[64];
        if (!strcmp(a, "-m") && i + 1 < argc && qemu_size(argv[i + 1], size, sizeof size)) {
            /* QEMU's -m SIZE, not rvscope's -m (monitor): a number is no IMAGE. */
            push(&o, "--mem");
            push(&o, strdup(size));
            i++;
            any = true;
            continue;
        }
        if (strspn(a + 1, "hVm") == strlen(a + 1) ||     /* rvscope's short flags */
            (a[1] && !a[2] && a[1] != 's' && a[1] != 'S' && a[1] != 'm' && a[1] != 'M' &&
             a[1] != 'd' && a[1] != 'D' && a[1] != 'L' && a[1] != 'k')) {   /* getopt's to judge */
            push(&o, a);
            continue;
        }
        bool has_val = qemu_with_value(a);
        if (has_val && i + 1 >= argc)
            fail("QEMU option %s needs a value%s", a, "");
        const char *val = has_val ? argv[i + 1] : "";
        any = true;
        if (has_val)
            i++;
        static const char *const same[] = { "-bios", "-kernel", "-initrd", "-append", "-dtb", NULL };
        bool done = false;
        for (const char *const *sp = same; *sp && !done; sp++)
            if (!strcmp(a, *sp)) {
                char *l = malloc(strlen(a) + 2);
                sprintf(l, "-%s", a);
                push(&o, l);
                push(&o, val);
                done = true;
            }
        if (done)
            continue;
        if (!strcmp(a, "-smp")) {
            char *c = strchr(val, '=') ? kv(val, "cpus") : kv(val, "");
            if (!c)
                fail("-smp %s: give the number of harts, e.g. -smp 4%s", val, "");
            push(&o, "--harts");
            push(&o, c);
        } else if (!strcmp(a, "-machine") || !strcmp(a, "-M")) {
            machine_opt(&o, val);
        } else if (!strcmp(a, "-drive")) {
            drive_opt(&o, val);
        } else if (!strcmp(a, "-device")) {
            device_opt(&o, val);
        } else if (!strcmp(a, "-s")) {
            s_flag = true;
            o.gdb = "1234";
        } else if (!strcmp(a, "-gdb")) {
            gdb_opt(&o, val);
        } else if (!strcmp(a, "-S")) {
            o.gdb_wait = true;
        } else if (!strcmp(a, "-no-reboot")) {
            push(&o, "--no-reboot");
        } else if (!strcmp(a, "-m")) {
            fail("-m %s: not a memory size (rvscope's -m, the monitor, takes no value)%s", val, "");
        } else if (!dropped(a, val)) {
            if (!has_val && a[1] && a[2] && qemu_with_value(a) == false &&
                strcmp(a, "-snapshot") && strcmp(a, "-no-user-config") && strcmp(a, "-nodefaults"))
                fail("option '%s' is unknown to rvscope (and not a QEMU option it knows)%s", a, "");
            if (!strcmp(a, "-no-user-config") || !strcmp(a, "-nodefaults")) {
                note(a, "rvscope doesn't need it");
                continue;
            }
            fail("QEMU option %s: %s", a, missing_why(a));
        }
    }
    (void)s_flag;
    if (o.gdb) {
        push(&o, "--gdb");
        push(&o, o.gdb);
        if (!o.gdb_wait)
            push(&o, "--no-gdb-wait");         /* QEMU without -S runs at once */
    } else if (o.gdb_wait) {
        fail("-S without -s or -gdb: rvscope stops at reset for GDB (-s -S) or in its monitor (-m)%s", "", "");
    }
    if (o.drive_file) {
        if (!o.blk_device)
            fail("-drive file=%s: add -device virtio-blk-device,drive=%s,bus=virtio-mmio-bus.0 "
                 "(rvscope's disk is virtio-mmio)", o.drive_file, o.drive_id ? o.drive_id : "ID");
        push(&o, "--disk");
        push(&o, o.drive_file);
    } else if (o.blk_device) {
        fail("-device virtio-blk-device without a -drive file=...%s", "", "");
    }
    for (; i < argc; i++)
        push(&o, argv[i]);
    o.v[o.n] = NULL;
    if (!any) {
        free(o.v);
        *argc_out = argc;
        return argv;
    }
    *argc_out = o.n;
    return o.v;
}
