# GDB extension for rvscope: load the symbols of the program that runs.
#
#   gdb-multiarch -x tools/gdb/rvscope.py kernel.elf
#   (gdb) target remote :1234          # rvscope --gdb 1234 --osdesc FILE kernel.elf
#
# At every stop it asks rvscope which address space the selected hart is
# in (`monitor info space`: mode, space, process, the program's ELF from
# the OS description) and keeps exactly that program's symbols loaded
# beside the kernel's (add-symbol-file / remove-symbol-file), so source
# lines and `bt` work on both sides of the trampoline without manual
# commands. While the pc is in a page the OS description aliases (the
# trampoline: kernel code linked in the kernel image, run at a high
# virtual address; `alias` in docs/osdesc.md), info space also says
# "alias VA SIZE OFFSET KERNEL" and the kernel's symbols are loaded a
# second time shifted by OFFSET (add-symbol-file -o), only until the pc
# leaves the page (else the shifted copy would name other addresses and
# give `break usertrap` two locations). `rvscope-symbols` shows what it
# loaded; `rvscope-symbols off` stops it.
import re
import gdb

_loaded = None          # path of the user ELF now loaded, or None
_alias = None           # (va, offset, kernel) of the shifted kernel loaded, or None
_enabled = True


def _space():
    """(user ELF or "", alias (va, offset, kernel) or None); None: no answer."""
    try:
        line = gdb.execute("monitor info space", to_string=True)
    except gdb.error:
        return None
    m = re.search(r"\belf (\S+)", line)
    a = re.search(r"\balias (0x[0-9a-f]+) 0x[0-9a-f]+ (-?0x[0-9a-f]+) (\S+)", line)
    return (m.group(1) if m else "",
            (int(a.group(1), 16), a.group(2), a.group(3)) if a else None)


def _switch_alias(alias):
    """Load the kernel shifted for alias (None: unload); True if it changed."""
    global _alias
    if alias == _alias:
        return False
    if _alias:
        gdb.execute("remove-symbol-file -a 0x%x" % _alias[0], to_string=True)
        _alias = None
    if alias:
        gdb.execute("add-symbol-file %s -o %s" % (alias[2], alias[1]), to_string=True)
        _alias = alias
    return True


def _switch(elf):
    """Make elf ("" for none) the loaded user program; True if it changed."""
    global _loaded
    if elf == (_loaded or ""):
        return False
    if _loaded:
        # GDB keeps the absolute path of what it loaded
        for obj in gdb.objfiles():
            if obj.filename and obj.filename.endswith(_loaded.lstrip("./")):
                gdb.execute("remove-symbol-file " + obj.filename, to_string=True)
                break
        _loaded = None
    if elf:
        gdb.execute("add-symbol-file " + elf, to_string=True)
        _loaded = elf
    return True


def _frame_text():
    """What GDB's stop line shows of the selected frame: function, file, line."""
    try:
        f = gdb.selected_frame()
        sal = f.find_sal()
        return (f.name(), sal.symtab.filename if sal.symtab else None, sal.line)
    except gdb.error:
        return None


def _on_stop(event):
    if not _enabled:
        return
    where = _space()
    if where is None:
        return
    elf, alias = where
    try:
        before = _frame_text()
        changed = _switch(elf)
        changed = _switch_alias(alias) or changed
        if changed and _frame_text() != before:
            # the stop line was printed with the old symbols: show it again
            gdb.execute("frame", to_string=False)
    except gdb.error as e:
        gdb.write("rvscope: cannot load symbols for %s: %s\n" % (elf or "the alias", e))


class RvscopeSymbols(gdb.Command):
    """rvscope-symbols [on|off]: automatic loading of the running program's symbols."""

    def __init__(self):
        super().__init__("rvscope-symbols", gdb.COMMAND_FILES)

    def invoke(self, arg, from_tty):
        global _enabled
        if arg in ("on", "off"):
            _enabled = arg == "on"
        gdb.write("automatic symbols %s; loaded: %s%s\n"
                  % ("on" if _enabled else "off", _loaded or "(kernel only)",
                     "; %s at offset %s (alias at 0x%x)" % (_alias[2], _alias[1], _alias[0])
                     if _alias else ""))


RvscopeSymbols()
gdb.events.stop.connect(_on_stop)
