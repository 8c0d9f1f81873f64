# usys.S — one stub per system call: number in a7, ecall, result in a0.
#include "../include/syscall.h"
        .globl exit
exit:
        li      a7, SYS_exit
        ecall
        ret
        .globl wait
wait:
        li      a7, SYS_wait
        ecall
        ret
        .globl getpid
getpid:
        li      a7, SYS_getpid
        ecall
        ret
        .globl write
write:
        li      a7, SYS_write
        ecall
        ret
        .globl read
read:
        li      a7, SYS_read
        ecall
        ret
        .globl sleep
sleep:
        li      a7, SYS_sleep
        ecall
        ret
        .globl kill
kill:
        li      a7, SYS_kill
        ecall
        ret
        .globl spawn
spawn:
        li      a7, SYS_spawn
        ecall
        ret
        .globl uptime
uptime:
        li      a7, SYS_uptime
        ecall
        ret
        .globl halt
halt:
        li      a7, SYS_halt
        ecall
        ret
        .globl ps
ps:
        li      a7, SYS_ps
        ecall
        ret
        .globl ntrig
ntrig:
        li      a7, SYS_ntrig
        ecall
        ret
        .globl watch
watch:
        li      a7, SYS_watch
        ecall
        ret
        .globl unwatch
unwatch:
        li      a7, SYS_unwatch
        ecall
        ret
        .globl watches
watches:
        li      a7, SYS_watches
        ecall
        ret
        .globl dbgwait
dbgwait:
        li      a7, SYS_dbgwait
        ecall
        ret
        .globl dbgcont
dbgcont:
        li      a7, SYS_dbgcont
        ecall
        ret
        .globl peek
peek:
        li      a7, SYS_peek
        ecall
        ret
