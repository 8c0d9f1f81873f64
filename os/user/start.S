# start.S — a program's entry: the kernel starts it with a0 = argc and
# a1 = argv; main's return value is its exit status.
        .section .text.start
        .globl _start
_start:
        call    main
        call    exit
