/* rvscope: command line -> machine -> run. */
#include "machine.h"
#include "session.h"
#include "os/osdesc.h"
#include "boot/boot.h"
#include "boot/qemu_args.h"
#include "core/decode.h"
#include "core/disasm.h"
#include "core/isa.h"
#include "debug/debug.h"
#include "dev/clint.h"
#include "dev/console.h"
#include "dev/finisher.h"
#include "dev/goldfish_rtc.h"
#include "dev/plic.h"
#include "dev/uart16550.h"
#include "dev/virtio_blk.h"
#include "elf/image.h"
#include "elf/raw.h"
#include "trace/trace.h"
#include "debug/debugger.h"
#include "dm/serve.h"
#include "gdb/transport.h"
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RVSCOPE_VERSION "0.1.0"

/* Exit statuses of rvscope itself (a guest's finisher code is passed on). */
enum { EXIT_DEBUG_STOP = 3, EXIT_USAGE = 2, EXIT_LIMIT = 124, EXIT_DEADLOCK = 125, EXIT_STUCK = 126 };

static const char usage_text[] =
"Usage: rvscope [OPTIONS] IMAGE\n"
"       rvscope [OPTIONS] --bios FILE [--kernel FILE] (or --kernel ELF)\n"
"Run a RISC-V guest (RV32/RV64 IMAC, Zicsr, Zifencei, Zicntr; M, S and U modes;\n"
"Sdtrig triggers) on a machine with QEMU virt's memory map.\n"
"\n"
"  IMAGE                  an ELF executable (RV32 or RV64), or a raw binary with --raw\n"
"\n"
"Booting as QEMU virt does (docs/boot.md; QEMU's spellings -bios, -kernel, -initrd,\n"
"-append, -dtb, -smp, -m SIZE, -s, -S, -drive, -device, -machine virt work too):\n"
"  --bios FILE            firmware (ELF, or raw at 0x80000000) started in M mode,\n"
"                         e.g. OpenSBI's fw_jump.elf or fw_dynamic.elf; 'none': no firmware;\n"
"                         'default': OpenSBI fw_dynamic as QEMU's (if installed)\n"
"  --kernel FILE          the next stage: an ELF, or a raw Image (needs --bios) placed\n"
"                         by its header (0x80200000 on RV64, 0x80400000 on RV32)\n"
"  --initrd FILE          initial ramdisk for the kernel (in /chosen)\n"
"  --append ARGS          the kernel's command line (/chosen bootargs)\n"
"  --dtb FILE             this device tree instead of the generated one\n"
"  --dumpdtb FILE         write the device tree the guest would get to FILE and exit\n"
"  --no-reboot            a guest reset (sifive_test 0x7777) exits 0 instead of rebooting\n"
"  Every hart starts with a0 = its hart id, a1 = the device tree (at the end of RAM),\n"
"  a2 = fw_dynamic's info block (boot ROM at 0x1000).\n"
"\n"
"Machine:\n"
"  --isa ISA              rv64gc, rv32imac, rv64imafdc_zba_zbb_zbs_zicond, ...; default:\n"
"                         everything rvscope has, the XLEN from the image (rv64 for --raw)\n"
"  --mem SIZE             guest RAM at 0x80000000, e.g. 64M, 1G (default 128M)\n"
"  --harts N              number of harts, 1..8 (default 1)\n"
"  --triggers N           Sdtrig triggers per hart, 0..16 (default 4)\n"
"  --raw ADDR             load IMAGE as a raw binary at ADDR and start there\n"
"  --disk FILE            virtio block device (virtio-mmio 0x10001000, IRQ 1) backed by\n"
"                         FILE, a raw image opened read-write: the guest's writes reach it\n"
"\n"
"Debugging:\n"
"  -m, --monitor          stop at reset and open the monitor prompt (rvscope) \n"
"  -x, --script FILE      run the monitor commands in FILE first (implies -m)\n"
"  --gdb [HOST:]PORT      serve GDB's remote protocol (default host 127.0.0.1);\n"
"                         also unix:PATH or stdio (target remote | rvscope --gdb stdio ...)\n"
"  --gdb-wait, --no-gdb-wait  wait for GDB before the first instruction (default: wait)\n"
"  --gdb-once             exit when GDB disconnects (default: wait for another)\n"
"  --jtag [HOST:]PORT     serve a RISC-V Debug Module (Debug Spec 1.0) through a JTAG\n"
"                         DTM on OpenOCD's remote_bitbang protocol (default host\n"
"                         127.0.0.1; PORT 0 picks a free one); the harts run until a\n"
"                         debugger halts them. openocd -f tools/openocd/rvscope.cfg\n"
"                         With --gdb as well, both debug the machine at once: GDB\n"
"                         runs and stops it, OpenOCD halts and resumes harts\n"
"  --halted               with --jtag: start every hart halted (in debug mode)\n"
"  --trigger-idle disabled|mcontrol|mcontrol6  what an unused trigger's tdata1\n"
"                         reads as: type 15 (default), or a trigger of that type\n"
"                         matching nothing (mcontrol is the default under --jtag:\n"
"                         OpenOCD 0.12 only takes triggers that read as type 2 or 6)\n"
"  --symbols FILE[@OFFSET]  also use FILE's symbols and lines (OFFSET added to each\n"
"                         address, as GDB's add-symbol-file -o); repeatable. The image,\n"
"                         the --bios and --kernel ELFs are always used\n"
"  --symbols FILE@SPACE   FILE's symbols only while a hart runs in address space SPACE\n"
"                         (a name the monitor's `space` binds, or with --osdesc kernel,\n"
"                         pidN or a program name): a user program's ELF, for the monitor\n"
"  --osdesc FILE          the kernel's OS description (os/rvos.osdesc, tools/xv6.osdesc;\n"
"                         docs/osdesc.md): processes, address-space names, syscall names\n"
"\n"
"Running:\n"
"  --max-insns N          stop after N instructions (exit status 124)\n"
"  --itrace               print every instruction executed to stderr\n"
"  --trace-file FILE      write traces (--itrace, the monitor's trace command) to FILE\n"
"  --no-jit               interpret every instruction instead of compiling hot code\n"
"                         to x86-64 (slower; the same results, for comparison)\n"
"\n"
"Tools:\n"
"  --disassemble WORD...  print the disassembly of instruction words (hex) and exit\n"
"  --debug-break-insn NAME  (testing) make instruction NAME compute wrong results,\n"
"                         to prove a test suite notices\n"
"  -h, --help             this help\n"
"  -V, --version          version\n"
"\n"
"Exit status: the guest's own (sifive_test finisher at 0x100000, or HTIF\n"
"tohost), else rvscope's: 2 bad usage or image; 3 stopped by a trigger's\n"
"external output (action 8/9) or by debug mode; 124 --max-insns reached;\n"
"125 every hart waits for an interrupt that can never come; 126 a trap handler\n"
"faults on itself (the guest is stuck). Messages go to stderr.\n";

typedef struct options {
    int xlen;                /* 0 = from the image */
    uint32_t isa;            /* extensions (--isa); ISA_ALL unless given */
    uint64_t mem;
    unsigned harts, triggers;
    bool raw;
    uint64_t raw_addr;
    uint64_t max_insns;
    const char *image;
    const char *break_insn;
    bool itrace;
    FILE *trace_file;
    const char *symbols[SYMSET_MAX];    /* --symbols FILE[@OFFSET] */
    unsigned nsymbols;
    const char *trace_path;
    bool monitor;
    const char *script;
    const char *gdb;
    bool gdb_nowait, gdb_once;
    const char *jtag;        /* --jtag [HOST:]PORT */
    bool halted;             /* --halted */
    int trigger_idle;        /* --trigger-idle: -1 default, else the type (15, 2, 6) */
    const char *disk;        /* --disk FILE */
    bool no_jit;             /* --no-jit */
    boot_opts_t boot;        /* --bios, --kernel, --initrd, --append, --dtb, --dumpdtb */
    bool no_reboot;          /* --no-reboot */
    const char *osdesc;      /* --osdesc FILE */
} options_t;

static void die_usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "rvscope: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'rvscope --help' for the options.\n");
    exit(EXIT_USAGE);
}

static uint64_t parse_u64(const char *opt, const char *s)
{
    char *end;
    errno = 0;
    if (!*s || *s == '-')
        die_usage("bad value for %s: expected a non-negative number", opt);
    uint64_t v = strtoull(s, &end, 0);
    if (errno || *end)
        die_usage("bad value for %s: expected a number such as 42 or 0x80000000", opt);
    return v;
}

static uint64_t parse_size(const char *s)
{
    char *end;
    errno = 0;
    if (!*s || *s == '-')
        die_usage("bad --mem '%s': expected a size such as 128M or 1G", s);
    uint64_t v = strtoull(s, &end, 0);
    uint64_t mul = 1;
    if (*end == 'K' || *end == 'k') mul = 1ull << 10, end++;
    else if (*end == 'M' || *end == 'm') mul = 1ull << 20, end++;
    else if (*end == 'G' || *end == 'g') mul = 1ull << 30, end++;
    if (*end == 'B' || *end == 'b' || *end == 'i') end += (*end == 'i' && end[1] == 'B') ? 2 : 1;
    if (errno || *end || v == 0)
        die_usage("bad --mem '%s': expected a size such as 128M or 1G", s);
    v *= mul;
    if (v % PAGE_SIZE || v < (1ull << 16) || v > (16ull << 30))
        die_usage("bad --mem '%s': RAM must be a multiple of 4K between 64K and 16G", s);
    return v;
}

static int parse_isa(const char *s, uint32_t *isa)
{
    char err[256];
    int xlen;
    if (!isa_parse(s, &xlen, isa, err, sizeof err))
        die_usage("bad --isa %s", err);
    return xlen;
}

static int disassemble_words(int xlen, int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        char *end;
        uint32_t w = (uint32_t)strtoul(argv[i], &end, 16);
        if (*end || !*argv[i]) {
            fprintf(stderr, "rvscope: '%s' is not a hexadecimal instruction word\n", argv[i]);
            return EXIT_USAGE;
        }
        char buf[96];
        disasm(xlen ? xlen : 64, 0, w, buf, sizeof buf);
        printf((w & 3) == 3 ? "%08x\t%s\n" : "%04x\t%s\n", w, buf);
    }
    return 0;
}

static void parse_options(int argc, char **argv, options_t *o, bool *disas)
{
    enum { O_ISA = 256, O_MEM, O_HARTS, O_TRIG, O_RAW, O_MAX, O_DIS, O_BREAK, O_ITRACE, O_GDB, O_GDB_WAIT, O_GDB_NOWAIT, O_GDB_ONCE, O_DISK, O_TRACE_FILE, O_NO_JIT,
           O_BIOS, O_KERNEL, O_INITRD, O_APPEND, O_DTB, O_DUMPDTB, O_NO_REBOOT, O_SYMBOLS, O_OSDESC,
           O_JTAG, O_HALTED, O_TRIG_IDLE };
    static const struct option longopts[] = {
        {"isa", required_argument, 0, O_ISA}, {"mem", required_argument, 0, O_MEM},
        {"harts", required_argument, 0, O_HARTS}, {"triggers", required_argument, 0, O_TRIG},
        {"raw", required_argument, 0, O_RAW}, {"max-insns", required_argument, 0, O_MAX},
        {"disassemble", no_argument, 0, O_DIS}, {"debug-break-insn", required_argument, 0, O_BREAK},
        {"itrace", no_argument, 0, O_ITRACE}, {"disk", required_argument, 0, O_DISK},
        {"trace-file", required_argument, 0, O_TRACE_FILE}, {"no-jit", no_argument, 0, O_NO_JIT},
        {"monitor", no_argument, 0, 'm'}, {"script", required_argument, 0, 'x'},
        {"gdb", required_argument, 0, O_GDB}, {"gdb-wait", no_argument, 0, O_GDB_WAIT},
        {"no-gdb-wait", no_argument, 0, O_GDB_NOWAIT}, {"gdb-once", no_argument, 0, O_GDB_ONCE},
        {"bios", required_argument, 0, O_BIOS}, {"kernel", required_argument, 0, O_KERNEL},
        {"initrd", required_argument, 0, O_INITRD}, {"append", required_argument, 0, O_APPEND},
        {"dtb", required_argument, 0, O_DTB}, {"dumpdtb", required_argument, 0, O_DUMPDTB},
        {"no-reboot", no_argument, 0, O_NO_REBOOT}, {"symbols", required_argument, 0, O_SYMBOLS},
        {"osdesc", required_argument, 0, O_OSDESC},
        {"jtag", required_argument, 0, O_JTAG}, {"halted", no_argument, 0, O_HALTED},
        {"trigger-idle", required_argument, 0, O_TRIG_IDLE},
        {"help", no_argument, 0, 'h'}, {"version", no_argument, 0, 'V'}, {0, 0, 0, 0},
    };
    memset(o, 0, sizeof *o);
    o->mem = 128ull << 20;
    o->isa = ISA_ALL;
    o->harts = 1;
    o->triggers = 4;
    o->trigger_idle = -1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "+hVmx:", longopts, NULL)) != -1) {
        switch (c) {
        case O_ISA: o->xlen = parse_isa(optarg, &o->isa); break;
        case O_MEM: o->mem = parse_size(optarg); break;
        case O_HARTS:
            o->harts = (unsigned)parse_u64("--harts", optarg);
            if (o->harts < 1 || o->harts > MAX_HARTS)
                die_usage("bad --harts %s: rvscope has 1 to 8 harts", optarg);
            break;
        case O_TRIG:
            o->triggers = (unsigned)parse_u64("--triggers", optarg);
            if (o->triggers > MAX_TRIGGERS)
                die_usage("bad --triggers %s: at most 16 triggers per hart", optarg);
            break;
        case O_RAW: o->raw = true; o->raw_addr = parse_u64("--raw", optarg); break;
        case O_MAX: o->max_insns = parse_u64("--max-insns", optarg); break;
        case O_DIS: *disas = true; break;
        case O_BREAK: o->break_insn = optarg; break;
        case O_ITRACE: o->itrace = true; break;
        case O_NO_JIT: o->no_jit = true; break;
        case O_TRACE_FILE:
            o->trace_path = optarg;
            if (!(o->trace_file = fopen(optarg, "w")))
                die_usage("cannot open --trace-file '%s' for writing", optarg);
            break;
        case O_DISK: o->disk = optarg; break;
        case O_SYMBOLS:
            if (o->nsymbols == SYMSET_MAX - 3)   /* the image, firmware and kernel come first */
                die_usage("at most 5 --symbols files (%s is one more)", optarg);
            o->symbols[o->nsymbols++] = optarg;
            break;
        case O_OSDESC: o->osdesc = optarg; break;
        case O_BIOS: o->boot.bios = optarg; break;
        case O_KERNEL: o->boot.kernel = optarg; break;
        case O_INITRD: o->boot.initrd = optarg; break;
        case O_APPEND: o->boot.append = optarg; break;
        case O_DTB: o->boot.dtb = optarg; break;
        case O_DUMPDTB: o->boot.dumpdtb = optarg; break;
        case O_NO_REBOOT: o->no_reboot = true; break;
        case 'm': o->monitor = true; break;
        case 'x': o->script = optarg; o->monitor = true; break;
        case O_GDB: o->gdb = optarg; break;
        case O_GDB_WAIT: o->gdb_nowait = false; break;
        case O_GDB_NOWAIT: o->gdb_nowait = true; break;
        case O_GDB_ONCE: o->gdb_once = true; break;
        case O_JTAG: o->jtag = optarg; break;
        case O_HALTED: o->halted = true; break;
        case O_TRIG_IDLE:
            if (!strcmp(optarg, "disabled")) o->trigger_idle = 15;
            else if (!strcmp(optarg, "mcontrol")) o->trigger_idle = 2;
            else if (!strcmp(optarg, "mcontrol6")) o->trigger_idle = 6;
            else die_usage("bad --trigger-idle '%s': use disabled, mcontrol or mcontrol6", optarg);
            break;
        case 'h': fputs(usage_text, stdout); exit(0);
        case 'V': printf("rvscope %s\n", RVSCOPE_VERSION); exit(0);
        case '?':
            if (optopt > 0 && optopt < 128 && optopt != '?')
                die_usage("option '-%s' is unknown", (char[]){(char)optopt, 0});
            die_usage("option '%s' is unknown or lacks its value", argv[optind - 1]);
        }
    }
}

/* What the boot loader placed where (the plain IMAGE's segments too). */
static boot_state_t boot_state;

/* Loader callback: copy a segment into guest RAM. */
static bool load_segment(void *ctx, uint64_t paddr, const void *data, uint64_t filesz,
                         uint64_t memsz, char *err, size_t errlen)
{
    machine_t *m = ctx;
    boot_note_used(&boot_state, paddr, paddr + memsz);
    if (!machine_is_ram(m, paddr, memsz)) {
        snprintf(err, errlen, "segment 0x%" PRIx64 "..0x%" PRIx64 " is outside RAM 0x%llx..0x%llx "
                 "(link the program at 0x80000000, or give more --mem)",
                 paddr, paddr + memsz, RAM_BASE, RAM_BASE + m->ram_size);
        return false;
    }
    machine_phys_write(m, paddr, data, filesz);
    return true;
}

/* Ctrl-A c (from the console's input, during machine_run): stop the run
 * for the monitor. */
static machine_t *escape_machine;
static void request_monitor(void *ctx)
{
    *(bool *)ctx = true;
    machine_request_stop(escape_machine, STOP_INTERRUPT);
}

static int report_stop(machine_t *m, int why, const options_t *o)
{
    hart_t *h = m->harts[0];
    switch (why) {
    case STOP_EXIT:
        return m->exit_code;
    case STOP_LIMIT:
        fprintf(stderr, "rvscope: stopped after %" PRIu64 " instructions (--max-insns); pc=0x%" PRIx64 "\n",
                o->max_insns, h->pc);
        return EXIT_LIMIT;
    case STOP_DEADLOCK:
        fprintf(stderr, "rvscope: every hart executes wfi with no interrupt enabled that could "
                "wake it (pc=0x%" PRIx64 "); the guest can never continue\n", h->pc);
        return EXIT_DEADLOCK;
    case STOP_DEBUG:
    case STOP_STUCK: {
        dbg_stop_t s = dbg_stop_of(m, why);
        char text[320];
        dbg_stop_describe(m, &s, text, sizeof text);
        fprintf(stderr, "rvscope: %s%s\n", why == STOP_DEBUG ? "stopped: " : "", text);
        return why == STOP_DEBUG ? EXIT_DEBUG_STOP : EXIT_STUCK;
    }
    default:
        return 1;
    }
}

int main(int argc, char **argv)
{
    options_t o;
    bool disas = false;
    argv = qemu_args_translate(argc, argv, &argc);
    parse_options(argc, argv, &o, &disas);
    if (disas)
        return disassemble_words(o.xlen, argc - optind, argv + optind);
    if (o.boot.bios && !strcmp(o.boot.bios, "default")) {
        o.boot.bios = boot_default_bios(o.xlen);
        if (!o.boot.bios)
            die_usage("%s", "--bios default: no OpenSBI found (install opensbi or qemu-system-data, or name the file)");
    }
    /* With --bios or --kernel (or only --dumpdtb) there is no IMAGE. */
    bool booting = boot_has_bios(&o.boot) || o.boot.kernel;
    if (optind >= argc && !booting && !o.boot.dumpdtb)
        die_usage("%s", "no IMAGE given: rvscope [OPTIONS] IMAGE (or --bios FILE / --kernel FILE)");
    if (optind < argc && booting)
        die_usage("'%s': give the program as --kernel (with --bios/--kernel there is no IMAGE)", argv[optind]);
    if (optind + 1 < argc)
        die_usage("unexpected argument '%s' after the IMAGE", argv[optind + 1]);
    o.image = optind < argc ? argv[optind] : NULL;
    if (o.raw && !o.image)
        die_usage("%s", "--raw ADDR loads the IMAGE, and none is given");
    if ((o.boot.initrd || o.boot.append) && !o.boot.kernel)
        die_usage("%s", o.boot.initrd ? "--initrd needs --kernel (the kernel is what reads it)"
                                      : "--append needs --kernel (the command line is the kernel's)");

    char err[512];
    image_t *img = NULL;
    int xlen = o.xlen;
    if (booting) {
        int bx = boot_xlen(&o.boot, err, sizeof err);
        if (bx < 0) {
            fprintf(stderr, "rvscope: %s\n", err);
            return EXIT_USAGE;
        }
        if (xlen && bx && xlen != bx) {
            fprintf(stderr, "rvscope: the firmware or kernel is RV%d but --isa asks for RV%d\n", bx, xlen);
            return EXIT_USAGE;
        }
        xlen = xlen ? xlen : bx ? bx : 64;
    } else if (o.image && !o.raw) {
        img = image_open_elf(o.image, err, sizeof err);
        if (!img) {
            fprintf(stderr, "rvscope: %s\n", err);
            return EXIT_USAGE;
        }
        if (xlen && xlen != image_xlen(img)) {
            fprintf(stderr, "rvscope: %s is an RV%d ELF but --isa asks for RV%d\n",
                    o.image, image_xlen(img), xlen);
            return EXIT_USAGE;
        }
        xlen = image_xlen(img);
    } else if (!xlen) {
        xlen = 64;
    }

    /* stdin feeds the UART unless the monitor or GDB (on stdio) reads it. */
    console_init(!o.monitor && !(o.gdb && !strcmp(o.gdb, "stdio")));
    /* --symbols FILE[@OFFSET]: read once (a reboot keeps them). */
    image_t *extra[SYMSET_MAX] = {0};
    uint64_t extra_bias[SYMSET_MAX] = {0};
    const char *extra_space[SYMSET_MAX] = {0};
    for (unsigned i = 0; i < o.nsymbols; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s", o.symbols[i]);
        char *at = strrchr(path, '@'), *end;
        if (at && at[1]) {
            /* a number is an offset; a name (letter first) a space */
            if (isalpha((unsigned char)at[1]) || at[1] == '_') {
                extra_space[i] = strrchr(o.symbols[i], '@') + 1;
            } else {
                errno = 0;
                extra_bias[i] = strtoull(at + 1, &end, 0);
                if (errno || *end)
                    die_usage("--symbols %s: after @ comes an OFFSET (FILE@0x100000) or an address "
                              "space's name (FILE@pid3)", o.symbols[i]);
            }
            *at = 0;
        }
        if (!(extra[i] = image_open_symbols(path, err, sizeof err))) {
            fprintf(stderr, "rvscope: %s\n", err);
            return EXIT_USAGE;
        }
    }
    symset_t syms;
    /* A guest reset (sifive_test 0x7777) comes back here: a new machine,
     * the files loaded again, as a power cycle. */
reboot:;
    machine_t *m = machine_new(xlen, o.harts, o.mem);
    if (!m) {
        fprintf(stderr, "rvscope: cannot allocate %" PRIu64 " MiB of guest RAM\n", o.mem >> 20);
        return 1;
    }
    machine_set_isa(m, o.isa);
    clint_new(m);
    plic_new(m);
    uart_new(m);
    finisher_new(m);
    goldfish_rtc_new(m);
    if (!virtio_mmio_new(m, o.disk, err, sizeof err)) {
        fprintf(stderr, "rvscope: %s\n", err);
        return EXIT_USAGE;
    }
    dbg_set_triggers(m, o.triggers);
    if (o.trigger_idle > 0 || o.jtag)
        dbg_set_trigger_idle(m, o.trigger_idle > 0 ? (unsigned)o.trigger_idle : 2);
    trace_of(m)->file = o.trace_file;
    if (o.no_jit)
        m->jit = false;
    if (o.break_insn) {
        m->broken_insn = insn_find(o.break_insn);
        if (m->broken_insn < 0)
            die_usage("--debug-break-insn: no instruction is called '%s'", o.break_insn);
    }

    uint64_t entry = RAM_BASE;
    memset(&boot_state, 0, sizeof boot_state);
    if (booting) {
        if (!boot_load(m, &o.boot, &boot_state, err, sizeof err)) {
            fprintf(stderr, "rvscope: %s\n", err);
            return EXIT_USAGE;
        }
        entry = boot_state.start;
    } else if (img) {
        if (!image_load(img, load_segment, m, err, sizeof err)) {
            fprintf(stderr, "rvscope: %s\n", err);
            return EXIT_USAGE;
        }
        entry = image_entry(img);
        uint64_t th;
        if (image_sym_lookup(img, "tohost", &th) && machine_is_ram(m, th, 8)) {
            m->has_tohost = true;
            m->tohost = th;
            if (!image_sym_lookup(img, "fromhost", &m->fromhost) || !machine_is_ram(m, m->fromhost, 8))
                m->fromhost = th + 8;
            machine_set_page_flag(m, th, PF_HTIF);
        }
    } else if (o.image) {
        if (!raw_load(o.image, o.raw_addr, load_segment, m, err, sizeof err)) {
            fprintf(stderr, "rvscope: %s\n", err);
            return EXIT_USAGE;
        }
        entry = o.raw_addr;
    }
    boot_state.start = entry;
    if (!booting)
        boot_state.next = entry;     /* fw_dynamic's next_addr, as QEMU's -bios none */
    bool dumped;
    if (!boot_finish(m, &o.boot, &boot_state, booting || o.boot.dtb, &dumped, err, sizeof err)) {
        fprintf(stderr, "rvscope: %s\n", err);
        return EXIT_USAGE;
    }
    if (dumped)
        return 0;
    m->insn_limit = o.max_insns;
    /* Symbols of every image: the program (or kernel) first, then the
     * firmware, then --symbols; a name is looked up in that order. */
    memset(&syms, 0, sizeof syms);
    symset_add(&syms, img, 0);
    symset_add(&syms, boot_state.kernel_img, 0);
    symset_add(&syms, boot_state.bios_img, 0);
    for (unsigned i = 0; i < o.nsymbols; i++)
        if (!extra_space[i])
            symset_add(&syms, extra[i], extra_bias[i]);
    trace_of(m)->syms = &syms;
    if (o.itrace) {
        trace_of(m)->itrace = true;
        trace_apply(m);
    }

    int status = 0;
    if (o.monitor && o.gdb)
        die_usage("%s", "-m and --gdb cannot be combined: use GDB's 'monitor CMD' for monitor commands");
    if (o.jtag && o.monitor)
        die_usage("%s", "--jtag and -m cannot be combined: OpenOCD's GDB server gives GDB the harts");
    if (o.halted && !o.jtag)
        die_usage("%s", "--halted needs --jtag (a debugger to resume the harts)");
    if (o.jtag && !o.gdb) {
        int why = jtag_run(m, o.jtag, o.halted);
        status = why < 0 ? EXIT_USAGE : report_stop(m, why, &o);
    } else if (o.monitor || o.gdb) {
        /* The program GDB loads (qXfer:exec-file): the image, else the
         * kernel's ELF, else the firmware's; symbols come from all of them. */
        image_t *main_img = img ? img : boot_state.kernel_img ? boot_state.kernel_img : boot_state.bios_img;
        const char *path = img ? o.image : boot_state.kernel_img ? o.boot.kernel : o.boot.bios;
        session_t s = { .m = m, .img = main_img, .syms = &syms, .image_path = path, .script = o.script,
                        .gdb_addr = o.gdb, .gdb_wait = !o.gdb_nowait, .gdb_once = o.gdb_once };
        for (unsigned i = 0; i < o.nsymbols; i++)
            if (extra_space[i])
                s.space_syms[s.nspace_syms++] = (struct space_symbols){ extra[i], extra_space[i] };
        if (o.osdesc) {
            char err[512];
            const char *kpath = boot_state.kernel_img ? o.boot.kernel : path;
            if (!(s.os = osdesc_load(o.osdesc, kpath, m->harts[0]->xlen, err, sizeof err))) {
                fprintf(stderr, "rvscope: %s\n", err);
                exit(EXIT_USAGE);
            }
            osdesc_attach_spaces(s.os, m);
        }
        /* --jtag with --gdb: the stub runs the machine and serves OpenOCD
         * whenever it waits (docs/jtag.md, "With --gdb"). */
        jtag_server_t *js = NULL;
        gdb_extra_t jtag_extra;
        if (o.jtag) {
            if (!(js = jtag_server_open(m, o.jtag, o.halted)))
                exit(EXIT_USAGE);
            jtag_extra = (gdb_extra_t){ .fd = jtag_server_fd, .service = jtag_server_service, .ctx = js };
            s.debug_module = true;
            s.gdb_extra = &jtag_extra;
        }
        status = o.monitor ? monitor_main(&s) : gdb_main(&s);
        jtag_server_close(js);
        osdesc_free(s.os);
        if (finisher_reset_requested(m))
            fprintf(stderr, "rvscope: the guest asked for a reset; under -m or --gdb the run ends instead\n");
    } else {
        session_t s = { .m = m, .img = img ? img : boot_state.kernel_img, .syms = &syms,
                        .image_path = img ? o.image : o.boot.kernel };
        int why;
        bool escape_req = false;
        escape_machine = m;
        console_on_monitor(request_monitor, &escape_req);
        /* Ctrl-A c, or a stop for a breakpoint the monitor set there: the
         * monitor, until its 'c' resumes the run (or it quits) */
        for (;;) {
            why = machine_run(m);
            if (!(why == STOP_INTERRUPT && escape_req) && !(why == STOP_DEBUG && s.mon))
                break;
            escape_req = false;
            console_restore();
            int st = monitor_escape(&s, why);
            if (st >= 0) {
                why = -1;
                status = st;
                break;
            }
            console_activate();
        }
        console_on_monitor(NULL, NULL);
        if (why >= 0)
            status = report_stop(m, why, &o);
        else
            why = STOP_NONE;
        if (why == STOP_EXIT && finisher_reset_requested(m) && !o.no_reboot) {
            boot_state_free(&boot_state);
            machine_free(m);
            goto reboot;
        }
    }
    /* Trace lines that could not be written (a full disk, /dev/full) were
     * lost: say so and fail rather than exit 0 with a short trace. */
    errno = 0;
    if (o.trace_file && (fflush(o.trace_file) != 0 || ferror(o.trace_file))) {
        fprintf(stderr, "rvscope: writing --trace-file '%s' failed: %s; the trace is incomplete\n",
                o.trace_path, strerror(errno ? errno : EIO));
        if (status == 0)
            status = 1;
    }
    boot_state_free(&boot_state);
    image_close(img);
    machine_free(m);
    for (unsigned i = 0; i < o.nsymbols; i++)
        image_close(extra[i]);
    return status;
}
