/* The end of the M-mode test guests of tests/boot (pmp.S, romcheck.S):
 * pass (sifive_test 0x5555) after the last case; `fail` exits with the
 * failing case number in a7 (code << 16 | 0x3333); then park. */
  .macro FINISH
  li t0, FINISHER
  li t1, 0x5555
  sw t1, 0(t0)
  j park
fail:
  slli a7, a7, 16
  li t1, 0x3333
  or a7, a7, t1
  li t0, FINISHER
  sw a7, 0(t0)
park:
  wfi
  j park
  .endm
