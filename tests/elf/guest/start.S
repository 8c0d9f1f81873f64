# Entry of the loader's test guests: an unsized function label, a local
# label and .bss labels give image_sym_at the unsized cases to handle.
    .text
    .globl _start
    .type _start, @function
_start:
    la sp, stack_top
    call main
spin:
    j spin

    .globl trap_entry
    .type trap_entry, @function
trap_entry:
    nop
    nop
    j trap_entry

    .bss
    .balign 16
big_area:                   # an unsized label over more than 64 KiB
    .space 0x18000
stack:
    .space 4096
    .globl stack_top
stack_top:
