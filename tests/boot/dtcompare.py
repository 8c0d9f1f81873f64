#!/usr/bin/env python3
"""Compares rvscope's device tree with QEMU's node for node.
Usage: dtcompare.py RVSCOPE.dts QEMU.dts [NODE:PROP ...]
Both files come from 'dtc -I dtb -O dts'. Every node of rvscope's tree must
exist in QEMU's with the same properties and values, except the NODE:PROP
pairs given (fnmatch patterns: where the machines really differ, e.g. the
ISA string). QEMU's extra nodes (PCI, flash, fw-cfg...) are devices
rvscope does not have and are listed, not counted.
Prints one line per difference; exits 1 if there is any."""
import fnmatch, re, sys


def parse(path):
    nodes, stack = {}, []
    for line in open(path):
        line = line.strip()
        if not line or line.startswith("/dts-v1/"):
            continue
        m = re.match(r"^([^\s=]+) \{$", line)
        if m:
            name = m.group(1)
            stack.append("" if name == "/" else name)
            nodes.setdefault("/".join(stack) or "/", {})
            continue
        if line == "};":
            stack.pop()
            continue
        m = re.match(r"^([^\s=]+)(?: = (.*))?;$", line)
        if m:
            nodes["/".join(stack) or "/"][m.group(1)] = m.group(2) or ""
    return nodes


ours, qemu = parse(sys.argv[1]), parse(sys.argv[2])
allowed = [a.rsplit(":", 1) for a in sys.argv[3:]]


def ok_to_differ(node, prop):
    return any(fnmatch.fnmatch(node, n) and fnmatch.fnmatch(prop, p) for n, p in allowed)


bad = 0
for node, props in sorted(ours.items()):
    if node not in qemu:
        print(f"node {node}: QEMU has no such node")
        bad += 1
        continue
    q = qemu[node]
    for prop in sorted(set(props) | set(q)):
        if ok_to_differ(node, prop):
            continue
        if prop not in q:
            print(f"{node}: property {prop} only in rvscope's tree")
        elif prop not in props:
            print(f"{node}: property {prop} missing (QEMU: {q[prop]})")
        elif props[prop] != q[prop]:
            print(f"{node}: {prop} = {props[prop]}, QEMU: {q[prop]}")
        else:
            continue
        bad += 1
extra = sorted(n for n in qemu if n not in ours and not any(n.startswith(o + "/") for o in []))
sys.stderr.write("QEMU-only nodes: " + " ".join(extra) + "\n")
sys.exit(1 if bad else 0)
