#!/usr/bin/env python3
"""mkdisk.py FILE [SECTORS]: the virtio test image. Sector n starts with the
text "sector n", a NUL, then bytes (n + i) & 0xff up to offset 511."""
import sys

path = sys.argv[1]
sectors = int(sys.argv[2]) if len(sys.argv) > 2 else 128
img = bytearray(512 * sectors)
for n in range(sectors):
    text = b"sector %d" % n
    img[512 * n:512 * n + len(text)] = text
    for i in range(len(text) + 1, 512):
        img[512 * n + i] = (n + i) & 0xff
with open(path, "wb") as f:
    f.write(img)
