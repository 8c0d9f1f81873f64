/* Stop records as text: one line each, for stderr (a plain run), the
 * monitor and GDB's console. The front ends decide what else to show. */
#include "debug.h"
#include "spaces.h"
#include "../core/disasm.h"
#include "../core/mmu.h"
#include "../core/trap.h"
#include <inttypes.h>
#include <stdio.h>

/* The instruction at pc through hart h's current translation, disassembled. */
static void insn_text(hart_t *h, uint64_t pc, char *buf, size_t n)
{
    uint64_t pa;
    int cause;
    uint8_t b[4] = {0};
    snprintf(buf, n, "?");
    if (mmu_translate(h, pc, ACC_EXEC, &pa, &cause) && machine_phys_read(h->m, pa, b, 4)) {
        uint32_t raw = b[0] | b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
        disasm(h->xlen, pc, raw, buf, n);
    }
}

void dbg_stop_describe(machine_t *m, const dbg_stop_t *s, char *buf, size_t n)
{
    static const char *why[] = { "?", "ebreak", "trigger", "halt request", "step",
                                 "halt on reset" };
    hart_t *h = m->harts[s->hart < m->nharts ? s->hart : 0];
    char insn[96];
    switch (s->kind) {
    case DS_TRIGGER:
        insn_text(h, s->insn_pc, insn, sizeof insn);
        snprintf(buf, n, "trigger %d (%s, %s, action %u) fired on hart %u: address 0x%" PRIx64
                 ", instruction at 0x%" PRIx64 ": %s", s->id, sdtrig_type_name(s->trig_type),
                 s->access ? s->access : "?", s->action, s->hart, s->addr, s->insn_pc, insn);
        break;
    case DS_DEBUG_MODE:
        snprintf(buf, n, "hart %u entered debug mode (cause %u: %s) at dpc=0x%" PRIx64
                 ", from %c-mode", s->hart, s->cause, why[s->cause < 6 ? s->cause : 0],
                 s->insn_pc, "USHM"[s->tval & 3]);
        break;
    case DS_STUCK:
        if (s->has_first) {
            /* The first fault first: it is the guest's error. */
            char first[160] = "";
            if (s->first_insn_ok) {
                disasm(h->xlen, s->first_pc, s->first_insn, insn, sizeof insn);
                snprintf(first, sizeof first, ", insn 0x%0*" PRIx32 " %s",
                         (s->first_insn & 3) == 3 ? 8 : 4, s->first_insn, insn);
            }
            snprintf(buf, n, "hart %u is stuck: %s at pc 0x%" PRIx64 " (tval 0x%" PRIx64 "%s) "
                     "went to the handler at 0x%" PRIx64 ", where %s (tval 0x%" PRIx64
                     ") traps to itself; is %s set?", s->hart,
                     exc_cause_name(s->first_cause, m->xlen), s->first_pc, s->first_tval, first,
                     s->insn_pc, exc_cause_name(s->cause, m->xlen), s->tval,
                     s->priv == PRIV_M ? "mtvec" : "stvec");
            break;
        }
        snprintf(buf, n, "hart %u is stuck: %s at pc 0x%" PRIx64 " (tval 0x%" PRIx64
                 ") traps to itself; is %s set?", s->hart, exc_cause_name(s->cause, m->xlen),
                 s->insn_pc, s->tval, s->priv == PRIV_M ? "mtvec" : "stvec");
        break;
    case DS_BREAKPOINT:
        snprintf(buf, n, "breakpoint %d on hart %u at 0x%" PRIx64, s->id, s->hart, s->pc);
        break;
    case DS_WATCHPOINT:
        snprintf(buf, n, "watchpoint %d on hart %u: %s at 0x%" PRIx64, s->id, s->hart,
                 s->wkind == WP_WRITE ? "write" : "read", s->addr);
        break;
    case DS_EBREAK:
        snprintf(buf, n, "ebreak on hart %u at 0x%" PRIx64, s->hart, s->addr);
        break;
    case DS_HOOK:
        snprintf(buf, n, "%s watch on hart %u", s->client ? s->client->name : "a", s->hart);
        break;
    case DS_EXIT:
        snprintf(buf, n, "the guest exited with status %d", s->exit_code);
        break;
    case DS_CATCH: {
        static const char *const modes = "USHM";
        char sys[48] = "";
        switch (s->catch_kind) {
        case CATCH_TRAP:
        case CATCH_SYSCALL: {
            uint64_t cause = s->irq ? (1ull << (m->xlen - 1)) | s->cause : s->cause;
            if (s->catch_kind == CATCH_SYSCALL) {
                const char *name = dbg_syscall_name(m, h->x[17]);
                snprintf(sys, sizeof sys, "syscall%s%.24s, ", name ? " " : "", name ? name : "");
            }
            snprintf(buf, n, "catchpoint %d (%s%s %u: %s) on hart %u: %c-mode -> %c-mode at "
                     "epc 0x%" PRIx64 ", tval 0x%" PRIx64 ", a7 = %" PRIu64, s->id, sys,
                     s->irq ? "interrupt" : "exception", s->cause, exc_cause_name(cause, m->xlen),
                     s->hart, modes[s->from_priv & 3], modes[s->priv & 3], s->insn_pc, s->tval,
                     h->x[17]);
            break;
        }
        case CATCH_PRIV:
            snprintf(buf, n, "catchpoint %d (privilege) on hart %u: %c-mode -> %c-mode", s->id,
                     s->hart, modes[s->from_priv & 3], modes[s->priv & 3]);
            break;
        case CATCH_USER: {
            char sp[64];
            snprintf(buf, n, "catchpoint %d (user) on hart %u: %c-mode -> U-mode in space %s", s->id,
                     s->hart, modes[s->from_priv & 3], dbg_space_label(m, s->satp, sp, sizeof sp));
            break;
        }
        default:
            snprintf(buf, n, "catchpoint %d (satp written) on hart %u: 0x%" PRIx64 " -> 0x%" PRIx64,
                     s->id, s->hart, s->tval, s->satp);
            break;
        }
        break;
    }
    case DS_DEADLOCK:
        snprintf(buf, n, "every hart waits in wfi with no interrupt that could wake it");
        break;
    case DS_INTERRUPT:
        snprintf(buf, n, "interrupted");
        break;
    case DS_LIMIT:
        snprintf(buf, n, "--max-insns reached");
        break;
    case DS_STEP:
        snprintf(buf, n, "step done on hart %u", s->hart);
        break;
    default:
        snprintf(buf, n, "debug stop");
        break;
    }
}
