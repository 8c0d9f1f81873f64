# Seed 001 task 1, exactly: the four watchpoints, then si over an
# instruction that writes no memory and one that does (policy coarse).
set step-exec off
si 2
set watch-policy coarse
set watch-log on
watch 0x80000000
watch *0x80000000
watch $a0
watch *$a0
si
si
q
