# Spins forever: --max-insns must stop it.
    .globl _start
_start:
    j _start
