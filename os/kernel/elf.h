/* elf.h — the parts of the ELF64 format the program loader reads. */
#ifndef ELF_H
#define ELF_H
#define ELF_MAGIC 0x464C457FU  /* "\x7FELF" little-endian */

struct elfhdr {
  uint32 magic;
  uint8 elf[12];
  uint16 type, machine;
  uint32 version;
  uint64 entry, phoff, shoff;
  uint32 flags;
  uint16 ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct proghdr {
  uint32 type, flags;
  uint64 off, vaddr, paddr, filesz, memsz, align;
};

#define ELF_PROG_LOAD 1
#define ELF_PROG_FLAG_EXEC 1
#define ELF_PROG_FLAG_WRITE 2
#define ELF_PROG_FLAG_READ 4
#endif
