/* Zicond: czero.eqz rd = rs2 == 0 ? 0 : rs1; czero.nez rd = rs2 != 0 ? 0 :
 * rs1 (values by hand). QEMU 7.2 has no Zicond, so qemu.sh skips this one;
 * the words are .insn (funct7 0000111, funct3 101/111) because binutils
 * 2.40 does not know the mnemonics. */
#include "common.h"

#define CZERO_EQZ(rd, rs1, rs2) .insn r 0x33, 5, 7, rd, rs1, rs2
#define CZERO_NEZ(rd, rs1, rs2) .insn r 0x33, 7, 7, rd, rs1, rs2

.macro CZ n, eqz_exp, nez_exp, a, b
  CASE \n
  li a1, \a
  li a2, \b
  CZERO_EQZ(a0, a1, a2)
  CHECK a0, \eqz_exp
  CZERO_NEZ(a0, a1, a2)
  CHECK a0, \nez_exp
  CZERO_EQZ(a1, a1, a2)               /* rd = rs1 */
  CHECK a1, \eqz_exp
  CZERO_NEZ(x0, a2, a2)
  CHECK x0, 0
.endm

  .text
  .globl test_main
test_main:
  CZ 1, 0, 42, 42, 0
  CZ 2, 42, 0, 42, 1
  CZ 3, -1, 0, -1, XMIN
  CZ 4, 0, XMAX, XMAX, 0
  CZ 5, 0, 0, 0, -1
  CASE 6                              /* rs2 = x0: eqz always 0, nez always rs1 */
  li a1, 7
  CZERO_EQZ(a0, a1, x0)
  CHECK a0, 0
  CZERO_NEZ(a0, a1, x0)
  CHECK a0, 7
  PASS
