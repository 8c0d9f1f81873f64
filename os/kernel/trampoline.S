# trampoline.S — the page mapped at TRAMPOLINE in every address space.
#
# uservec is where a trap from U mode lands (stvec). It runs with the user's
# page table, saves the user registers into the process's trap frame
# (mapped at TRAPFRAME, also in every user address space), switches to the
# kernel page table and jumps to usertrap(). userret does the reverse.
# Because this page sits at the same virtual address in the kernel's and
# every process's page table, the instructions right after "csrw satp"
# are still there to be fetched.
#
# Trap frame layout (struct trapframe in proc.h): 0 kernel_satp, 8
# kernel_sp, 16 kernel_trap, 24 epc, 32 kernel_hartid, 40 + 8*i = x[i].

        .section trampsec, "ax"
        .globl trampoline
trampoline:
        .globl uservec
uservec:
        csrw    sscratch, a0             # free a0 to address the trap frame
        li      a0, (((1 << 38) - 4096) - 4096)
        sd      ra, 48(a0)
        sd      sp, 56(a0)
        sd      gp, 64(a0)
        sd      tp, 72(a0)
        sd      t0, 80(a0)
        sd      t1, 88(a0)
        sd      t2, 96(a0)
        sd      s0, 104(a0)
        sd      s1, 112(a0)
        sd      a1, 128(a0)
        sd      a2, 136(a0)
        sd      a3, 144(a0)
        sd      a4, 152(a0)
        sd      a5, 160(a0)
        sd      a6, 168(a0)
        sd      a7, 176(a0)
        sd      s2, 184(a0)
        sd      s3, 192(a0)
        sd      s4, 200(a0)
        sd      s5, 208(a0)
        sd      s6, 216(a0)
        sd      s7, 224(a0)
        sd      s8, 232(a0)
        sd      s9, 240(a0)
        sd      s10, 248(a0)
        sd      s11, 256(a0)
        sd      t3, 264(a0)
        sd      t4, 272(a0)
        sd      t5, 280(a0)
        sd      t6, 288(a0)
        csrr    t0, sscratch
        sd      t0, 120(a0)             # the user's a0
        ld      sp, 8(a0)
        ld      tp, 32(a0)
        ld      t0, 16(a0)
        ld      t1, 0(a0)
        sfence.vma zero, zero
        csrw    satp, t1
        sfence.vma zero, zero
        jr      t0                       # usertrap(), does not return

# userret(satp): back to user mode with the process's page table.
        .globl userret
userret:
        sfence.vma zero, zero
        csrw    satp, a0
        sfence.vma zero, zero
        li      a0, (((1 << 38) - 4096) - 4096)
        ld      ra, 48(a0)
        ld      sp, 56(a0)
        ld      gp, 64(a0)
        ld      tp, 72(a0)
        ld      t0, 80(a0)
        ld      t1, 88(a0)
        ld      t2, 96(a0)
        ld      s0, 104(a0)
        ld      s1, 112(a0)
        ld      a1, 128(a0)
        ld      a2, 136(a0)
        ld      a3, 144(a0)
        ld      a4, 152(a0)
        ld      a5, 160(a0)
        ld      a6, 168(a0)
        ld      a7, 176(a0)
        ld      s2, 184(a0)
        ld      s3, 192(a0)
        ld      s4, 200(a0)
        ld      s5, 208(a0)
        ld      s6, 216(a0)
        ld      s7, 224(a0)
        ld      s8, 232(a0)
        ld      s9, 240(a0)
        ld      s10, 248(a0)
        ld      s11, 256(a0)
        ld      t3, 264(a0)
        ld      t4, 272(a0)
        ld      t5, 280(a0)
        ld      t6, 288(a0)
        ld      a0, 120(a0)
        sret
