/* First look at an ELF file: identification, machine, type, and the bounds of
 * the program and section header tables.  Done on the raw bytes, before
 * libelf, because libelf reports a table past the end of the file only as
 * "invalid ELF file" and we want to say which table and why. */
#include <elf.h>
#include <string.h>

#include "elf/image_priv.h"
#include "elf/util.h"

/* Field readers for either byte order (the order is checked after the
 * machine so that a big-endian file for another CPU is named correctly). */
static uint64_t rd(const unsigned char *p, int n, bool be)
{
    uint64_t v = 0;
    for (int i = 0; i < n; i++)
        v |= (uint64_t)p[be ? n - 1 - i : i] << (8 * i);
    return v;
}

static const char *machine_name(unsigned m)
{
    switch (m) {
    case EM_NONE: return "no machine (e_machine 0)";
    case EM_386: return "x86 (i386)";
    case EM_X86_64: return "x86-64";
    case EM_ARM: return "ARM";
    case EM_AARCH64: return "AArch64";
    case EM_MIPS: return "MIPS";
    case EM_PPC: return "PowerPC";
    case EM_PPC64: return "PowerPC64";
    case EM_S390: return "S/390";
    case EM_SPARC: return "SPARC";
    case EM_SPARCV9: return "SPARC V9";
    case EM_IA_64: return "IA-64";
    case EM_68K: return "m68k";
    case EM_SH: return "SuperH";
    case EM_AVR: return "AVR";
    case EM_MSP430: return "MSP430";
    case EM_XTENSA: return "Xtensa";
    case EM_BPF: return "eBPF";
    case EM_LOONGARCH: return "LoongArch";
    default: return NULL;
    }
}

/* Is [off, off + n * ent) inside a file of size bytes?  No overflow: n and
 * ent are at most 32 and 16 bits wide. */
static bool table_fits(uint64_t off, uint64_t n, uint64_t ent, size_t size)
{
    return off <= size && n * ent <= size - off;
}

bool layout_check(const char *name, const unsigned char *buf, size_t size,
                  struct layout *lo, char *err, size_t errlen)
{
    if (size == 0) {
        errf(err, errlen, "%s: empty file (0 bytes), not an ELF", name);
        return false;
    }
    if (size < SELFMAG || memcmp(buf, ELFMAG, SELFMAG) != 0) {
        errf(err, errlen, "%s: not an ELF file (use --raw ADDR for a raw binary)", name);
        return false;
    }
    if (size < EI_NIDENT) {
        errf(err, errlen, "%s: truncated ELF: %zu bytes, shorter than the ELF identification (re-copy or rebuild it)",
             name, size);
        return false;
    }
    int cls = buf[EI_CLASS], data = buf[EI_DATA];
    if (cls != ELFCLASS32 && cls != ELFCLASS64) {
        errf(err, errlen, "%s: corrupt ELF header: unknown class %d (should be 1 for ELF32 or 2 for ELF64)",
             name, cls);
        return false;
    }
    if (data != ELFDATA2LSB && data != ELFDATA2MSB) {
        errf(err, errlen, "%s: corrupt ELF header: unknown byte order %d (should be 1 or 2)", name, data);
        return false;
    }
    bool is64 = cls == ELFCLASS64, be = data == ELFDATA2MSB;
    size_t ehsize = is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
    if (size < ehsize) {
        errf(err, errlen, "%s: truncated ELF: %zu bytes, shorter than the ELF header (%zu bytes) (re-copy or rebuild it)",
             name, size, ehsize);
        return false;
    }

    /* Offsets of the fields we need differ between the classes only after
     * e_entry, whose width is the address width. */
    unsigned aw = is64 ? 8 : 4;
    unsigned type = (unsigned)rd(buf + 16, 2, be), machine = (unsigned)rd(buf + 18, 2, be);
    const unsigned char *q = buf + 24 + aw; /* e_phoff */
    uint64_t phoff = rd(q, aw, be), shoff = rd(q + aw, aw, be);
    q += 2 * aw + 4 + 2; /* past e_flags, e_ehsize */
    uint64_t phent = rd(q, 2, be), phnum = rd(q + 2, 2, be);
    uint64_t shent = rd(q + 4, 2, be), shnum = rd(q + 6, 2, be), shstrndx = rd(q + 8, 2, be);

    if (machine != EM_RISCV) {
        const char *m = machine_name(machine);
        if (m)
            errf(err, errlen, "%s: ELF is for %s, not RISC-V (build it with a RISC-V toolchain, e.g. riscv64-unknown-elf-gcc)",
                 name, m);
        else
            errf(err, errlen, "%s: ELF is for machine %u, not RISC-V (%u) (build it with a RISC-V toolchain, e.g. riscv64-unknown-elf-gcc)",
                 name, machine, EM_RISCV);
        return false;
    }
    if (be) {
        errf(err, errlen, "%s: ELF is big-endian; rvscope runs little-endian RISC-V only (rebuild without -mbig-endian)", name);
        return false;
    }
    switch (type) {
    case ET_EXEC:
    case ET_DYN:
        break;
    case ET_REL:
        errf(err, errlen, "%s: ELF is a relocatable object (.o), not an executable (link it, e.g. riscv64-unknown-elf-gcc -nostdlib -Wl,-Ttext=0x80000000 ...)",
             name);
        return false;
    case ET_CORE:
        errf(err, errlen, "%s: ELF is a core dump, not an executable", name);
        return false;
    default:
        errf(err, errlen, "%s: ELF type %u is not an executable (expected ET_EXEC or ET_DYN)", name, type);
        return false;
    }

    /* Section headers first: with more than 0xff00 sections or 0xffff
     * segments the real counts live in section header 0. */
    size_t shsize = is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
    size_t phsize = is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
    bool need_sh0 = (shnum == 0 && shoff != 0) || phnum == PN_XNUM || shstrndx == SHN_XINDEX;
    if (shoff != 0 && (shnum != 0 || need_sh0) && shent != shsize) {
        errf(err, errlen, "%s: corrupt ELF header: section header size %u, expected %zu", name, (unsigned)shent, shsize);
        return false;
    }
    if (need_sh0) {
        if (shoff == 0 || !table_fits(shoff, 1, shsize, size)) {
            errf(err, errlen, "%s: truncated or corrupt ELF: section header 0 at offset 0x%llx is past the end of the file (%zu bytes)",
                 name, (unsigned long long)shoff, size);
            return false;
        }
        const unsigned char *s0 = buf + shoff;
        if (shnum == 0)
            shnum = is64 ? rd(s0 + 32, 8, be) : rd(s0 + 20, 4, be); /* sh_size */
        if (shstrndx == SHN_XINDEX)
            shstrndx = rd(s0 + (is64 ? 40 : 24), 4, be); /* sh_link */
        if (phnum == PN_XNUM)
            phnum = rd(s0 + (is64 ? 44 : 28), 4, be); /* sh_info */
    }
    if (shoff == 0 && shnum != 0) {
        errf(err, errlen, "%s: corrupt ELF header: %llu sections but no section header offset", name,
             (unsigned long long)shnum);
        return false;
    }
    if (shnum != 0 && !table_fits(shoff, shnum, shsize, size)) {
        errf(err, errlen, "%s: truncated or corrupt ELF: section headers at offset 0x%llx (%llu x %zu bytes) extend past the end of the file (%zu bytes)",
             name, (unsigned long long)shoff, (unsigned long long)shnum, shsize, size);
        return false;
    }
    if (shnum != 0 && shstrndx >= shnum) {
        errf(err, errlen, "%s: corrupt ELF header: section name table index %llu, but there are %llu sections",
             name, (unsigned long long)shstrndx, (unsigned long long)shnum);
        return false;
    }
    if (phnum != 0 && phent != phsize) {
        errf(err, errlen, "%s: corrupt ELF header: program header size %u, expected %zu", name, (unsigned)phent, phsize);
        return false;
    }
    if (phnum != 0 && !table_fits(phoff, phnum, phsize, size)) {
        errf(err, errlen, "%s: truncated or corrupt ELF: program headers at offset 0x%llx (%llu x %zu bytes) extend past the end of the file (%zu bytes)",
             name, (unsigned long long)phoff, (unsigned long long)phnum, phsize, size);
        return false;
    }
    lo->cls = cls;
    lo->phnum = phnum;
    lo->shnum = shnum;
    return true;
}
