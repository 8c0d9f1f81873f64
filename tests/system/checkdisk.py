#!/usr/bin/env python3
"""checkdisk.py FILE: after virtio_blk.elf ran on a mkdisk.py image, sectors
3 and 5 hold what the guest wrote and every other sector is untouched.
Prints nothing and exits 0 if so, else one line saying what differs."""
import sys

img = open(sys.argv[1], "rb").read()
want = bytearray(len(img))
for n in range(len(img) // 512):
    text = b"sector %d" % n
    want[512 * n:512 * n + len(text)] = text
    for i in range(len(text) + 1, 512):
        want[512 * n + i] = (n + i) & 0xff
def pattern(text, seed):
    s = bytearray(text)
    s += bytes(((i * 7 + seed) & 0xff) for i in range(512 - len(text)))
    return s
want[3 * 512:4 * 512] = pattern(b"written by the guest\0", 3)
want[5 * 512:6 * 512] = pattern(b"second write\0", 5)
if len(img) != 65536:
    sys.exit(f"image is {len(img)} bytes, want 65536")
for n in range(len(img) // 512):
    if img[512 * n:512 * (n + 1)] != want[512 * n:512 * (n + 1)]:
        sys.exit(f"sector {n} differs from what the guest wrote: {bytes(img[512 * n:512 * n + 24])!r}")
