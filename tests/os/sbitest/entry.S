# entry.S — sbitest's S-mode entry (the firmware jumps here on hart 0 with
# a0 = hartid), the entry of a hart started through HSM, and the trap
# vector: save the caller-saved registers, call strap(), sret.
        .section .text.kentry
        .globl _start_s
_start_s:
        la      sp, stack0 + 4096
        call    main
1:      j       1b

        .globl hart1_entry
hart1_entry:                     # a0 = hartid, a1 = opaque
        la      sp, stack1 + 4096
        call    hart1_main
1:      j       1b

        .align 4
        .globl trapvec
trapvec:
        addi    sp, sp, -144
        sd      ra, 0(sp)
        sd      t0, 8(sp)
        sd      t1, 16(sp)
        sd      t2, 24(sp)
        sd      a0, 32(sp)
        sd      a1, 40(sp)
        sd      a2, 48(sp)
        sd      a3, 56(sp)
        sd      a4, 64(sp)
        sd      a5, 72(sp)
        sd      a6, 80(sp)
        sd      a7, 88(sp)
        sd      t3, 96(sp)
        sd      t4, 104(sp)
        sd      t5, 112(sp)
        sd      t6, 120(sp)
        call    strap
        ld      ra, 0(sp)
        ld      t0, 8(sp)
        ld      t1, 16(sp)
        ld      t2, 24(sp)
        ld      a0, 32(sp)
        ld      a1, 40(sp)
        ld      a2, 48(sp)
        ld      a3, 56(sp)
        ld      a4, 64(sp)
        ld      a5, 72(sp)
        ld      a6, 80(sp)
        ld      a7, 88(sp)
        ld      t3, 96(sp)
        ld      t4, 104(sp)
        ld      t5, 112(sp)
        ld      t6, 120(sp)
        addi    sp, sp, 144
        sret

        .section .bss
        .align 4
stack0: .space 4096
stack1: .space 4096
