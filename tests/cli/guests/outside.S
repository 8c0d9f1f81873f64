# Linked at 0x1000, outside RAM: the loader must refuse it.
    .globl _start
_start:
    j _start
