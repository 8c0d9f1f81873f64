/* symtab.h — the symbols of every user program, generated at build time
 * from `nm` (os/mksymtab.sh) into symtab.c and linked into ndb. */
struct sym {
  const char *prog, *name;
  unsigned long addr, size;
  char type;            /* nm's letter: T/t code, D/d/B/b/R/r data */
};
extern const struct sym symtab[];
