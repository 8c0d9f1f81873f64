/* QEMU virt's eight virtio-mmio transports (version 2, "modern") at
 * 0x1000_1000 + 0x1000*n, PLIC source 1+n. Transport 0 holds a virtio
 * block device backed by a host file when one is given; the others (and
 * transport 0 without a file) read as "no device" (DeviceID 0), as on QEMU.
 * Writes reach the file at once (pwrite) and are fsync'ed on a guest flush
 * request and when rvscope exits. */
#ifndef RVSCOPE_VIRTIO_BLK_H
#define RVSCOPE_VIRTIO_BLK_H
#include "../machine.h"
#include <stddef.h>

#define VIRTIO_BASE   0x10001000ull
#define VIRTIO_STRIDE 0x1000ull
#define VIRTIO_SLOTS  8
#define VIRTIO_IRQ    1            /* of transport 0; transport n uses 1+n */
#define VIRTIO_BLK_QUEUE_MAX 1024  /* QueueNumMax, as QEMU's virtio-mmio */

struct virtio_mmio;
/* disk = NULL: transports without a device. Otherwise the file is opened
 * read-write; on failure returns NULL with the reason in err. */
struct virtio_mmio *virtio_mmio_new(machine_t *m, const char *disk, char *err, size_t errlen);

#endif
