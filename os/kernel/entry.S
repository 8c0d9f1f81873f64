# entry.S — the kernel's first instructions, in S mode, jumped to by the
# firmware (SBI: a0 = hartid, a1 = opaque). Hart 0 comes here at boot, the
# others when hart 0 starts them through SBI HSM. Each gets a boot stack,
# keeps its hart id in tp (S mode cannot read mhartid), and calls kmain.
        .section .text.kentry
        .globl _entry
_entry:
        mv      tp, a0
        la      sp, boot_stacks
        addi    t0, a0, 1
        slli    t0, t0, 13               # 8 KiB each
        add     sp, sp, t0
        call    kmain
1:      wfi
        j       1b

        .section .bss
        .align 4
boot_stacks:
        .space 8192 * 4
