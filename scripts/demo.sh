#!/usr/bin/env bash
# The demo: a bare-metal guest arms a Sdtrig store trigger (mcontrol6,
# action 0) on a variable; rvscope raises a breakpoint exception right after
# each store to it and the guest's handler reports it. Then the same kind of
# trigger with action 8 stops rvscope itself. Last, rvos (os/) boots and
# runs a short shell session in which ndb, a user-level debugger, watches a
# variable in another process through the kernel's per-process triggers.
set -eu
cd "$(dirname "$0")/.."
R=build/rvscope
echo "== rvscope build/guests/rv32/watch_demo.elf   (guest handles its own trigger)"
"$R" build/guests/rv32/watch_demo.elf
echo
echo "== rvscope build/guests/rv32/seed_task2.elf   (action 8: the trigger stops rvscope)"
set +e
"$R" build/guests/rv32/seed_task2.elf 2>&1 | tail -4
echo "(rvscope exit status ${PIPESTATUS[0]}: 3 = stopped by an external trigger)"
echo
echo "== rvscope build/os/os.elf < os/demo.in   (rvos: ndb, a user process, watches a write in its child)"
"$R" build/os/os.elf < os/demo.in
