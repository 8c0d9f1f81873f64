#!/usr/bin/env bash
# Trigger-module (Sdtrig) test group. Guests: build/guests/triggers/rv32|rv64
# (make trigger-guests; sources and what each checks: tests/triggers/*.S).
#  1. Self-checking guests: must exit 0 ("PASS triggers/rv64/NAME"); a
#     failing guest prints "triggers: fail case N (...)". regs_nN.elf runs
#     with --triggers N.
#  2. Action 8/9 guests (act*): rvscope must stop with exit status 3, name
#     the trigger, its type, the address and the instruction on stderr, and
#     the guest's output must end where the trigger stopped it.
#  3. Each guest must be able to fail: with --triggers 0 (regs_n0: with 4,
#     regs_n2: with 4, regs: with 2) no guest may pass
#     ("PASS triggers-canfail/rv64").
set -u
cd "$(dirname "$0")/../.."
RVSCOPE="${RVSCOPE:-build/rvscope}"
NM="${GUEST_NM:-riscv64-unknown-elf-nm}"
OUT=build/guests/triggers
[ -x "$RVSCOPE" ] || { echo "FAIL triggers: $RVSCOPE is not built"; exit 1; }
shopt -s nullglob
elfs=($OUT/rv32/*.elf $OUT/rv64/*.elf)
[ ${#elfs[@]} -gt 0 ] || { echo "FAIL triggers: no test ELFs (make trigger-guests)"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# Options a guest runs with.
opts_of() {
  case "$1" in
    regs_n*) echo "--triggers ${1#regs_n}" ;;
    *) echo "" ;;
  esac
}

# run ELF OPTS...: stdout in $tmp/out, stderr in $tmp/err, status in $st.
run() {
  local elf=$1; shift
  timeout 10 "$RVSCOPE" --max-insns 50000000 "$@" "$elf" </dev/null >"$tmp/out" 2>"$tmp/err"
  st=$?
}

# Address of symbol $2 in ELF $1, as rvscope prints it (0x, no zeros).
sym() {
  local a
  a=$("$NM" "$1" 2>/dev/null | awk -v s="$2" '$3 == s { print $1; exit }')
  [ -n "$a" ] && printf '0x%x' "$((16#$a))"
}

# Why a self-checking guest did not pass.
why() {
  local line
  line=$(grep -a 'triggers: fail case' "$tmp/out" | tail -1)
  if [ -n "$line" ]; then echo "exit $st: ${line#triggers: }"
  else echo "exit $st, no case reported by the guest: $(tail -c 300 "$tmp/err" | tr '\n' ' ')"; fi
}

# ---- 1. self-checking guests ----
for elf in "${elfs[@]}"; do
  n=$(basename "$elf" .elf); x=$(basename "$(dirname "$elf")")
  case "$n" in act*) continue ;; esac
  run "$elf" $(opts_of "$n")
  if [ $st -eq 0 ]; then echo "PASS triggers/$x/$n"
  else
    echo "FAIL triggers/$x/$n: $(why)"
    grep -a 'unexpected trap' "$tmp/out" | head -2 | sed 's/^/    /'
  fi
done

# ---- 2. action 8/9 guests ----
# check NAME X RE... : stderr must match every extended regex RE; the
# caller sets $bad for other problems.
act() {
  local n=$1 x=$2 elf=$OUT/$2/$1.elf; shift 2
  [ -e "$elf" ] || { echo "FAIL triggers/$x/$n: $elf missing"; return; }
  local errs=()
  [ $st -eq 3 ] || errs+=("exit $st, not 3")
  grep -aq 'triggers: fail case' "$tmp/out" && errs+=("guest: $(grep -a 'triggers: fail case' "$tmp/out" | tail -1)")
  local re
  for re in "$@"; do
    grep -aEq -- "$re" "$tmp/err" || errs+=("stderr lacks /$re/")
  done
  [ -n "$bad" ] && errs+=("$bad")
  if [ ${#errs[@]} -eq 0 ]; then echo "PASS triggers/$x/$n"
  else
    local msg; msg=$(printf '%s; ' "${errs[@]}")
    echo "FAIL triggers/$x/$n: ${msg%; }"
    echo "    stdout: $(tr '\n' '|' <"$tmp/out" | tail -c 200)"
    echo "    stderr: $(tr '\n' '|' <"$tmp/err" | tail -c 300)"
  fi
}
# stdout must be exactly $1 (\n as |)
out_is() { local o; o=$(tr '\n' '|' <"$tmp/out"); [ "$o" = "$1" ] || bad="stdout is '$o', not '$1'"; }

for x in rv32 rv64; do
  d=$OUT/$x
  for n in act8_store act8_mie0 act8_umode; do
    bad=; run $d/$n.elf; out_is "before|"
    act $n $x "trigger 0 \(mcontrol6, store, action 8\)" "address $(sym $d/$n.elf target)([^0-9a-f]|$)" \
      "instruction at $(sym $d/$n.elf st_insn): sw"
  done
  n=act9_uart; bad=; run $d/$n.elf; out_is "S"
  act $n $x "trigger 0 \(mcontrol6, store, action 9\)" "address 0x10000000([^0-9a-f]|$)" \
    "instruction at $(sym $d/$n.elf st_insn): sb"
  n=act8_exec; bad=; run $d/$n.elf; out_is "before|"
  act $n $x "trigger 0 \(mcontrol6, execute, action 8\)" "address $(sym $d/$n.elf ex_insn)([^0-9a-f]|$)" \
    "instruction at $(sym $d/$n.elf ex_insn): sb"
  n=act8_load; bad=; run $d/$n.elf; out_is "before|"
  act $n $x "trigger 0 \(mcontrol6, load, action 8\)" "address $(sym $d/$n.elf target)([^0-9a-f]|$)" \
    "instruction at $(sym $d/$n.elf ld_insn): lw"
  n=act8_chain; bad=; run $d/$n.elf; out_is "before|"
  act $n $x "trigger 1 \(mcontrol6, store, action 8\)" "address $(sym $d/$n.elf target)([^0-9a-f]|$)" \
    "instruction at $(sym $d/$n.elf st_insn): sw"
  n=act8_both; bad=; run $d/$n.elf; out_is "before|"
  act $n $x "trigger 1 \(mcontrol6, load, action 8\)" "address $(sym $d/$n.elf target)([^0-9a-f]|$)" \
    "instruction at $(sym $d/$n.elf ld_insn): lw"
  n=act8_etrigger; bad=; run $d/$n.elf; out_is "before|"
  act $n $x "trigger 0 \(etrigger," "action 8"
  n=act8_itrigger; bad=; run $d/$n.elf; out_is "before|"
  act $n $x "trigger 0 \(itrigger," "action 8"
  n=act8_icount; bad=; run $d/$n.elf; out_is "A"
  act $n $x "trigger 0 \(icount," "action 8"
done

# ---- trace actions write to the trace stream (stderr) ----
# Action 2 (trace on) starts the instruction trace, 3 stops it, 4 notifies.
for x in rv32 rv64; do
  e=$(timeout 10 "$RVSCOPE" $OUT/$x/trace_actions.elf 2>&1 >/dev/null)
  on=$(grep -c 'trigger 0: trace on at pc 0x' <<<"$e")
  off=$(grep -c 'trigger 0: trace off at pc 0x' <<<"$e")
  note=$(grep -c 'trigger 0: trace notify at pc 0x' <<<"$e")
  traced=$(sed -n '/trace on/,/trace off/p' <<<"$e" | grep -Ec '^\[0\] [0-9a-f]+: ')
  after=$(sed -n '/trace notify/,$p' <<<"$e" | grep -Ec '^\[0\] [0-9a-f]+: ')
  if [ "$on" = 2 ] && [ "$off" = 2 ] && [ "$note" = 2 ] && [ "$traced" -gt 0 ] && [ "$after" = 0 ]; then
    echo "PASS triggers/$x/trace-stream"
  else
    echo "FAIL triggers/$x/trace-stream: on=$on off=$off notify=$note traced=$traced after-off=$after"
  fi
done

# ---- 3. every guest can fail ----
for x in rv32 rv64; do
  still=()
  for elf in $OUT/$x/*.elf; do
    n=$(basename "$elf" .elf)
    case "$n" in
      regs_n0) o="--triggers 4" ;;
      regs_n*) o="--triggers 4"; [ "$n" = regs_n2 ] || o="--triggers 2" ;;
      regs) o="--triggers 2" ;;
      *) o="--triggers 0" ;;
    esac
    run "$elf" $o
    case "$n" in
      act*) [ $st -eq 3 ] && still+=("$n ($o)") ;;
      *) [ $st -eq 0 ] && still+=("$n ($o)") ;;
    esac
  done
  if [ ${#still[@]} -eq 0 ]; then echo "PASS triggers-canfail/$x"
  else echo "FAIL triggers-canfail/$x: still pass: ${still[*]}"; fi
done
exit 0
