# start.S — the firmware's first instructions and its M-mode trap vector.
#
# Every hart starts here in M mode at 0x80000000 (QEMU virt -bios none and
# rvscope both do this). Each hart gets its own 4 KiB stack; fw_main()
# decides which hart boots the kernel and parks the others (SBI HSM).

        .section .text.fw_entry
        .globl _start
_start:
        csrr    t0, mhartid
        li      t1, 4                    # NHART_MAX: park any extra harts
        bgeu    t0, t1, park
        csrw    mscratch, zero           # 0 = "running in M mode" (see fw_trapvec)
        la      t0, fw_trapvec
        csrw    mtvec, t0
        csrr    a0, mhartid
        call    fw_stack_top
        mv      sp, a0
        csrr    a0, mhartid
        call    fw_main                  # does not return
park:
        wfi
        j       park

# fw_stack_top(hartid): this hart's 4 KiB firmware stack. Called before sp
# is set, so it must not use the stack.
        .globl fw_stack_top
fw_stack_top:
        la      t0, fw_stacks
        addi    a0, a0, 1
        slli    a0, a0, 12
        add     a0, a0, t0
        ret

# fw_enter_smode(hartid, opaque, addr): mret to S mode at addr with
# a0 = hartid, a1 = opaque, as the SBI specification says a started hart
# begins. The caller has set mstatus.MPP = S. From now on the firmware
# stack is empty, so a trap from S mode starts at its top (mscratch).
        .globl fw_enter_smode
fw_enter_smode:
        csrw    mepc, a2
        mv      s0, a0
        mv      s1, a1
        call    fw_stack_top
        csrw    mscratch, a0
        mv      a0, s0
        mv      a1, s1
        li      a2, 0                    # leave no firmware values behind
        li      s0, 0
        li      s1, 0
        li      ra, 0
        li      sp, 0
        mret

# The M-mode trap vector. mscratch is this hart's firmware stack top while
# the hart runs in S or U mode, and 0 while the firmware itself runs: then
# a trap (only CSR probing causes one, see probe.c) is nested and its frame
# goes below the current sp.
        .align 4
        .globl fw_trapvec
fw_trapvec:
        csrrw   sp, mscratch, sp
        bnez    sp, from_lower
        csrrw   sp, mscratch, sp         # from M: sp back, mscratch 0 again
        addi    sp, sp, -256
        sd      t0, 40(sp)
        addi    t0, sp, 256
        sd      t0, 16(sp)
        j       save_rest
from_lower:
        addi    sp, sp, -256
        sd      t0, 40(sp)
        csrr    t0, mscratch
        sd      t0, 16(sp)               # the interrupted sp
        csrw    mscratch, zero
save_rest:
        sd      ra, 8(sp)
        sd      gp, 24(sp)
        sd      tp, 32(sp)
        sd      t1, 48(sp)
        sd      t2, 56(sp)
        sd      s0, 64(sp)
        sd      s1, 72(sp)
        sd      a0, 80(sp)
        sd      a1, 88(sp)
        sd      a2, 96(sp)
        sd      a3, 104(sp)
        sd      a4, 112(sp)
        sd      a5, 120(sp)
        sd      a6, 128(sp)
        sd      a7, 136(sp)
        sd      s2, 144(sp)
        sd      s3, 152(sp)
        sd      s4, 160(sp)
        sd      s5, 168(sp)
        sd      s6, 176(sp)
        sd      s7, 184(sp)
        sd      s8, 192(sp)
        sd      s9, 200(sp)
        sd      s10, 208(sp)
        sd      s11, 216(sp)
        sd      t3, 224(sp)
        sd      t4, 232(sp)
        sd      t5, 240(sp)
        sd      t6, 248(sp)
        mv      a0, sp
        call    fw_trap
        csrr    t0, mstatus              # back to S/U: the stack is empty again
        srli    t0, t0, 11
        andi    t0, t0, 3
        li      t1, 3
        beq     t0, t1, 1f
        addi    t0, sp, 256
        csrw    mscratch, t0
1:
        ld      t0, 40(sp)
        ld      ra, 8(sp)
        ld      gp, 24(sp)
        ld      tp, 32(sp)
        ld      t1, 48(sp)
        ld      t2, 56(sp)
        ld      s0, 64(sp)
        ld      s1, 72(sp)
        ld      a0, 80(sp)
        ld      a1, 88(sp)
        ld      a2, 96(sp)
        ld      a3, 104(sp)
        ld      a4, 112(sp)
        ld      a5, 120(sp)
        ld      a6, 128(sp)
        ld      a7, 136(sp)
        ld      s2, 144(sp)
        ld      s3, 152(sp)
        ld      s4, 160(sp)
        ld      s5, 168(sp)
        ld      s6, 176(sp)
        ld      s7, 184(sp)
        ld      s8, 192(sp)
        ld      s9, 200(sp)
        ld      s10, 208(sp)
        ld      s11, 216(sp)
        ld      t3, 224(sp)
        ld      t4, 232(sp)
        ld      t5, 240(sp)
        ld      t6, 248(sp)
        ld      sp, 16(sp)
        mret

        .section .bss
        .align 12
        .globl fw_stacks
fw_stacks:
        .space 4096 * 4
