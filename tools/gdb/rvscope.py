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
# commands. `rvscope-symbols` shows what it loaded; `rvscope-symbols off`
# stops it.
import re
import gdb

_loaded = None          # path of the user ELF now loaded, or None
_enabled = True


def _space():
    try:
        line = gdb.execute("monitor info space", to_string=True)
    except gdb.error:
        return None
    m = re.search(r"\belf (\S+)", line)
    return m.group(1) if m else ""


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


def _on_stop(event):
    if not _enabled:
        return
    elf = _space()
    if elf is None:
        return
    try:
        if _switch(elf):
            # the stop line was printed with the old symbols: show it again
            gdb.execute("frame", to_string=False)
    except gdb.error as e:
        gdb.write("rvscope: cannot load %s: %s\n" % (elf, e))


class RvscopeSymbols(gdb.Command):
    """rvscope-symbols [on|off]: automatic loading of the running program's symbols."""

    def __init__(self):
        super().__init__("rvscope-symbols", gdb.COMMAND_FILES)

    def invoke(self, arg, from_tty):
        global _enabled
        if arg in ("on", "off"):
            _enabled = arg == "on"
        gdb.write("automatic symbols %s; loaded: %s\n"
                  % ("on" if _enabled else "off", _loaded or "(kernel only)"))


RvscopeSymbols()
gdb.events.stop.connect(_on_stop)
