# programs.S — the user programs, embedded in the kernel image: rvos has no
# file system, so spawn() finds a program by name in this table. Each entry
# is (name, start, end); the build (os/os.mk) makes the ELF files and
# passes their directory with -I, so .incbin finds them.

        .macro PROGRAM name
        .section .rodata
        .balign 8
img_\name:
        .incbin "\name\().elf"
img_\name\()_end:
        .section .rodata.names
name_\name:
        .asciz "\name"
        .section .data.programs
        .dword name_\name, img_\name, img_\name\()_end
        .endm

        .section .data.programs
        .balign 8
        .globl program_table
program_table:
        PROGRAM init
        PROGRAM sh
        PROGRAM echo
        PROGRAM spin
        PROGRAM counter
        PROGRAM fault
        PROGRAM ndb
        PROGRAM kill
        PROGRAM ps
        PROGRAM sleep
        PROGRAM dbgtest
        .section .data.programs
        .dword 0, 0, 0
