# The same scenario under the default policy (precise), then the steps
# where precise does re-evaluate: a0 written, a store onto *$a0, a CSR.
set step-exec off
si 2
set watch-log on
watch 0x80000000
watch *0x80000000
watch $a0
watch *$a0
si
si
si
si
si
si
watch $mscratch
si
si
info w
q
