/* virtio-mmio (version 2) transports and a virtio block device, written
 * from the virtio 1.x specification ("Virtio Over MMIO", "Split
 * Virtqueues", "Block Device"), with QEMU's virtio-mmio and virtio-blk as
 * the behavioural reference where the specification leaves a choice.
 *
 * Decisions:
 *  - Offered features: VIRTIO_F_VERSION_1, VIRTIO_BLK_F_SEG_MAX, _BLK_SIZE
 *    and _FLUSH. FEATURES_OK is accepted whatever the driver acked (bits the
 *    device does not offer are dropped), as QEMU does: xv6 never acks
 *    VERSION_1 (it writes only the low feature word) and checks that
 *    FEATURES_OK stays set.
 *  - One virtqueue (index 0) of up to 1024 entries (QEMU's QueueNumMax);
 *    notifications process it synchronously, on the notifying instruction
 *    (QEMU completes requests later, in its I/O thread): every available chain
 *    is completed, the used ring updated, InterruptStatus bit 0 set and the
 *    PLIC line raised unless the driver set VIRTQ_AVAIL_F_NO_INTERRUPT.
 *  - Descriptor chains may split the header, data and status byte in any
 *    way (the readable part first, then the writable part). Indirect
 *    descriptors are not offered. A chain that is malformed (loops, a
 *    readable after a writable descriptor, no room for the header or the
 *    status byte) stops the queue and sets DEVICE_NEEDS_RESET, as QEMU's
 *    virtio_error does.
 *  - Requests: IN, OUT, FLUSH (fsync), GET_ID (an empty serial, as QEMU
 *    without serial=); others get VIRTIO_BLK_S_UNSUPP. A transfer outside
 *    the disk, or not a whole number of sectors, gets VIRTIO_BLK_S_IOERR.
 *    The used length is every writable byte of the chain, as QEMU reports.
 *  - Guest memory is reached with machine_phys_read/_write (DMA), which
 *    keep decoded code coherent. A buffer outside RAM gives IOERR.
 *  - Registers are 32-bit; 64-bit accesses are split in two, other sizes
 *    read 0 and ignore writes (QEMU logs them as guest errors). The
 *    configuration space (from +0x100) takes 1-, 2-, 4- and 8-byte reads. */
#define _GNU_SOURCE
#include "virtio_blk.h"
#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

enum {   /* register offsets */
    R_MAGIC = 0x000, R_VERSION = 0x004, R_DEVICE_ID = 0x008, R_VENDOR_ID = 0x00c,
    R_DEV_FEATURES = 0x010, R_DEV_FEATURES_SEL = 0x014,
    R_DRV_FEATURES = 0x020, R_DRV_FEATURES_SEL = 0x024,
    R_QUEUE_SEL = 0x030, R_QUEUE_NUM_MAX = 0x034, R_QUEUE_NUM = 0x038,
    R_QUEUE_READY = 0x044, R_QUEUE_NOTIFY = 0x050,
    R_INT_STATUS = 0x060, R_INT_ACK = 0x064, R_STATUS = 0x070,
    R_QUEUE_DESC_LO = 0x080, R_QUEUE_DESC_HI = 0x084,
    R_QUEUE_DRIVER_LO = 0x090, R_QUEUE_DRIVER_HI = 0x094,
    R_QUEUE_DEVICE_LO = 0x0a0, R_QUEUE_DEVICE_HI = 0x0a4,
    R_SHM_SEL = 0x0ac, R_SHM_LEN_LO = 0x0b0, R_SHM_LEN_HI = 0x0b4,
    R_SHM_BASE_LO = 0x0b8, R_SHM_BASE_HI = 0x0bc,
    R_CONFIG_GEN = 0x0fc, R_CONFIG = 0x100,
};

#define MAGIC   0x74726976u   /* "virt" */
#define VENDOR  0x554d4551u   /* "QEMU" */

enum {
    ST_ACKNOWLEDGE = 1, ST_DRIVER = 2, ST_DRIVER_OK = 4, ST_FEATURES_OK = 8,
    ST_NEEDS_RESET = 0x40, ST_FAILED = 0x80,
};
enum { INT_USED = 1, INT_CONFIG = 2 };

#define F_BLK_SEG_MAX   (1ull << 2)
#define F_BLK_BLK_SIZE  (1ull << 6)
#define F_BLK_FLUSH     (1ull << 9)
#define F_VERSION_1     (1ull << 32)
#define BLK_FEATURES    (F_VERSION_1 | F_BLK_SEG_MAX | F_BLK_BLK_SIZE | F_BLK_FLUSH)

enum { DESC_F_NEXT = 1, DESC_F_WRITE = 2, DESC_F_INDIRECT = 4 };
enum { AVAIL_F_NO_INTERRUPT = 1 };
enum { T_IN = 0, T_OUT = 1, T_FLUSH = 4, T_GET_ID = 8 };
#define T_BARRIER 0x80000000u
enum { S_OK = 0, S_IOERR = 1, S_UNSUPP = 2 };
#define SECTOR 512u
#define ID_BYTES 20

struct queue {
    uint32_t num;
    bool     ready;
    uint64_t desc, driver, device;
    uint16_t last_avail, used_idx;
};

struct transport {
    machine_t *m;
    unsigned irq;
    uint32_t device_id;             /* 2 = block, 0 = none */
    uint32_t dev_features_sel, drv_features_sel, queue_sel;
    uint64_t drv_features;
    uint32_t status, isr;
    struct queue q;
    /* block device */
    int      fd;
    uint64_t capacity;              /* in sectors */
    uint8_t  config[0x24];
};

struct virtio_mmio {
    machine_t *m;
    struct transport t[VIRTIO_SLOTS];
};

/* A disk image is fsynced at exit, however rvscope exits (Ctrl-A x calls
 * exit(0) from the console).  on_exit hands each disk its own fd, so no
 * list of disks is kept here; the fd is never closed before exit. */
static void sync_disk(int status, void *fd)
{
    (void)status;
    fsync((int)(intptr_t)fd);
}

static void update_irq(struct transport *t)
{
    machine_set_irq(t->m, t->irq, t->isr != 0);
}

static void reset(struct transport *t)
{
    t->dev_features_sel = t->drv_features_sel = t->queue_sel = 0;
    t->drv_features = 0;
    t->status = t->isr = 0;
    memset(&t->q, 0, sizeof t->q);
    update_irq(t);
}

/* ---- guest memory ---- */

static bool rd16(machine_t *m, uint64_t pa, uint16_t *v)
{
    if (!machine_phys_read(m, pa, v, 2)) return false;
    *v = le16toh(*v);
    return true;
}

static bool wr16(machine_t *m, uint64_t pa, uint16_t v)
{
    v = htole16(v);
    return machine_phys_write(m, pa, &v, 2);
}

static bool wr32(machine_t *m, uint64_t pa, uint32_t v)
{
    v = htole32(v);
    return machine_phys_write(m, pa, &v, 4);
}

/* A descriptor chain, split into its readable and writable buffers. */
struct seg { uint64_t addr; uint32_t len; };
struct chain {
    struct seg rd[VIRTIO_BLK_QUEUE_MAX], wr[VIRTIO_BLK_QUEUE_MAX];
    unsigned nrd, nwr;
    uint64_t rd_len, wr_len;
};

/* Copy [off, off+len) of the concatenated segments to or from buf. */
static bool chain_copy(machine_t *m, const struct seg *s, unsigned n, uint64_t off,
                       void *buf, uint64_t len, bool to_guest)
{
    uint8_t *p = buf;
    for (unsigned i = 0; i < n && len; i++) {
        if (off >= s[i].len) {
            off -= s[i].len;
            continue;
        }
        uint64_t k = s[i].len - off < len ? s[i].len - off : len;
        bool ok = to_guest ? machine_phys_write(m, s[i].addr + off, p, k)
                           : machine_phys_read(m, s[i].addr + off, p, k);
        if (!ok)
            return false;
        p += k;
        len -= k;
        off = 0;
    }
    return len == 0;
}

/* Walk the chain that starts at descriptor `head`; false if malformed. */
static bool walk_chain(struct transport *t, uint16_t head, struct chain *c)
{
    struct queue *q = &t->q;
    c->nrd = c->nwr = 0;
    c->rd_len = c->wr_len = 0;
    unsigned i = head;
    for (unsigned n = 0;; n++) {
        if (i >= q->num || n >= q->num)
            return false;                    /* out of the table, or a loop */
        struct { uint64_t addr; uint32_t len; uint16_t flags, next; } d;
        if (!machine_phys_read(t->m, q->desc + 16ull * i, &d, sizeof d))
            return false;
        uint64_t addr = le64toh(d.addr);
        uint32_t len = le32toh(d.len);
        uint16_t flags = le16toh(d.flags);
        if (flags & DESC_F_INDIRECT)
            return false;                    /* not offered */
        if (flags & DESC_F_WRITE) {
            c->wr[c->nwr++] = (struct seg){ addr, len };
            c->wr_len += len;
        } else {
            if (c->nwr)
                return false;                /* readable after writable */
            c->rd[c->nrd++] = (struct seg){ addr, len };
            c->rd_len += len;
        }
        if (!(flags & DESC_F_NEXT))
            return true;
        i = le16toh(d.next);
    }
}

/* Sector range check as QEMU's: whole sectors, inside the disk. */
static bool range_ok(const struct transport *t, uint64_t sector, uint64_t bytes)
{
    return bytes % SECTOR == 0 && sector <= t->capacity &&
           bytes / SECTOR <= t->capacity - sector;
}

static uint8_t do_io(struct transport *t, const struct chain *c, uint64_t sector, bool write)
{
    static uint8_t buf[64 * 1024];
    uint64_t len = write ? c->rd_len - 16 : c->wr_len - 1;
    if (!range_ok(t, sector, len))
        return S_IOERR;
    for (uint64_t off = 0; off < len; off += sizeof buf) {
        size_t k = len - off < sizeof buf ? (size_t)(len - off) : sizeof buf;
        off_t pos = (off_t)(sector * SECTOR + off);
        if (write) {
            if (!chain_copy(t->m, c->rd, c->nrd, 16 + off, buf, k, false) ||
                pwrite(t->fd, buf, k, pos) != (ssize_t)k)
                return S_IOERR;
        } else {
            if (pread(t->fd, buf, k, pos) != (ssize_t)k ||
                !chain_copy(t->m, c->wr, c->nwr, off, buf, k, true))
                return S_IOERR;
        }
    }
    return S_OK;
}

/* Carry out one request; false if the chain is malformed. */
static bool do_request(struct transport *t, uint16_t head, uint32_t *used_len)
{
    static struct chain c;
    if (!walk_chain(t, head, &c) || c.rd_len < 16 || c.wr_len < 1)
        return false;
    struct { uint32_t type, ioprio; uint64_t sector; } hdr;
    if (!chain_copy(t->m, c.rd, c.nrd, 0, &hdr, sizeof hdr, false))
        return false;
    uint32_t type = le32toh(hdr.type);
    uint64_t sector = le64toh(hdr.sector);
    uint8_t status;
    switch (type & ~(T_OUT | T_BARRIER)) {
    case T_IN:
        status = do_io(t, &c, sector, type & T_OUT);
        break;
    case T_FLUSH:
        status = fsync(t->fd) == 0 ? S_OK : S_IOERR;
        break;
    case T_GET_ID: {
        uint8_t id[ID_BYTES] = { 0 };   /* "" and its terminating NUL */
        uint64_t n = c.wr_len - 1 < 1 ? c.wr_len - 1 : 1;
        status = chain_copy(t->m, c.wr, c.nwr, 0, id, n, true) ? S_OK : S_IOERR;
        break;
    }
    default:
        status = S_UNSUPP;
        break;
    }
    chain_copy(t->m, c.wr, c.nwr, c.wr_len - 1, &status, 1, true);
    *used_len = c.wr_len > UINT32_MAX ? UINT32_MAX : (uint32_t)c.wr_len;
    return true;
}

static void notify(struct transport *t)
{
    struct queue *q = &t->q;
    machine_t *m = t->m;
    uint16_t avail_idx, flags;
    if (!q->ready || q->num == 0 || q->num > VIRTIO_BLK_QUEUE_MAX || (t->status & ST_NEEDS_RESET) ||
        !rd16(m, q->driver + 2, &avail_idx))
        return;
    if ((uint16_t)(avail_idx - q->last_avail) > q->num) {
        fprintf(stderr, "rvscope: virtio-blk: the available ring's index moved by %u, more than "
                "the queue's %u entries; the device needs a reset\n",
                (unsigned)(uint16_t)(avail_idx - q->last_avail), q->num);
        t->status |= ST_NEEDS_RESET;
        return;
    }
    bool used = false;
    while (q->last_avail != avail_idx) {
        uint16_t head;
        uint32_t len = 0;
        if (!rd16(m, q->driver + 4 + 2ull * (q->last_avail % q->num), &head) ||
            !do_request(t, head, &len)) {
            /* The driver broke the ring: the device stops, as QEMU's. */
            fprintf(stderr, "rvscope: virtio-blk: malformed request (descriptor chain at %u); "
                    "the device needs a reset\n", head);
            t->status |= ST_NEEDS_RESET;
            if (t->status & ST_DRIVER_OK) {
                t->isr |= INT_CONFIG;
                update_irq(t);
            }
            break;
        }
        uint64_t e = q->device + 4 + 8ull * (q->used_idx % q->num);
        wr32(m, e, head);
        wr32(m, e + 4, len);
        q->used_idx++;
        wr16(m, q->device + 2, q->used_idx);  /* after the element: it is visible */
        q->last_avail++;
        used = true;
    }
    if (!used)
        return;
    if (rd16(m, q->driver, &flags) && !(flags & AVAIL_F_NO_INTERRUPT))
        t->isr |= INT_USED;
    update_irq(t);
}

/* ---- registers ---- */

static uint32_t reg_read(struct transport *t, uint64_t off)
{
    bool blk = t->device_id != 0;
    switch (off) {
    case R_MAGIC:     return MAGIC;
    case R_VERSION:   return 2;
    case R_DEVICE_ID: return t->device_id;
    case R_VENDOR_ID: return VENDOR;
    }
    if (!blk)
        return 0;
    switch (off) {
    case R_DEV_FEATURES:
        return t->dev_features_sel < 2 ? (uint32_t)(BLK_FEATURES >> (32 * t->dev_features_sel)) : 0;
    case R_QUEUE_NUM_MAX: return t->queue_sel == 0 ? VIRTIO_BLK_QUEUE_MAX : 0;
    case R_QUEUE_READY:   return t->queue_sel == 0 && t->q.ready;
    case R_INT_STATUS:    return t->isr;
    case R_STATUS:        return t->status;
    case R_SHM_LEN_LO: case R_SHM_LEN_HI: case R_SHM_BASE_LO: case R_SHM_BASE_HI:
        return 0xffffffffu;                    /* no shared memory regions */
    case R_CONFIG_GEN:    return 0;
    }
    if (t->queue_sel != 0)
        return 0;
    switch (off) {
    case R_QUEUE_NUM:       return t->q.num;
    case R_QUEUE_DESC_LO:   return (uint32_t)t->q.desc;
    case R_QUEUE_DESC_HI:   return (uint32_t)(t->q.desc >> 32);
    case R_QUEUE_DRIVER_LO: return (uint32_t)t->q.driver;
    case R_QUEUE_DRIVER_HI: return (uint32_t)(t->q.driver >> 32);
    case R_QUEUE_DEVICE_LO: return (uint32_t)t->q.device;
    case R_QUEUE_DEVICE_HI: return (uint32_t)(t->q.device >> 32);
    }
    return 0;
}

static void set_half(uint64_t *r, bool hi, uint32_t v)
{
    *r = hi ? (*r & 0xffffffffull) | ((uint64_t)v << 32) : (*r & ~0xffffffffull) | v;
}

static void reg_write(struct transport *t, uint64_t off, uint32_t v)
{
    if (!t->device_id)
        return;
    struct queue *q = t->queue_sel == 0 ? &t->q : NULL;
    switch (off) {
    case R_DEV_FEATURES_SEL: t->dev_features_sel = v; break;
    case R_DRV_FEATURES:
        if (t->drv_features_sel < 2)
            set_half(&t->drv_features, t->drv_features_sel, v);
        break;
    case R_DRV_FEATURES_SEL: t->drv_features_sel = v; break;
    case R_QUEUE_SEL:        t->queue_sel = v; break;
    case R_QUEUE_NUM:        if (q) q->num = v; break;
    case R_QUEUE_READY:
        if (q) {
            if ((v & 1) && !q->ready)
                q->last_avail = q->used_idx = 0;
            q->ready = v & 1;
        }
        break;
    case R_QUEUE_NOTIFY:
        if ((v & 0xffff) == 0)
            notify(t);
        break;
    case R_INT_ACK:
        t->isr &= ~v;
        update_irq(t);
        break;
    case R_STATUS:
        if ((v & 0xff) == 0) {
            reset(t);
            break;
        }
        if ((v & ST_FEATURES_OK) && !(t->status & ST_FEATURES_OK))
            t->drv_features &= BLK_FEATURES;   /* accepted, as QEMU */
        t->status = v & 0xff;
        break;
    case R_QUEUE_DESC_LO:   if (q) set_half(&q->desc, false, v); break;
    case R_QUEUE_DESC_HI:   if (q) set_half(&q->desc, true, v); break;
    case R_QUEUE_DRIVER_LO: if (q) set_half(&q->driver, false, v); break;
    case R_QUEUE_DRIVER_HI: if (q) set_half(&q->driver, true, v); break;
    case R_QUEUE_DEVICE_LO: if (q) set_half(&q->device, false, v); break;
    case R_QUEUE_DEVICE_HI: if (q) set_half(&q->device, true, v); break;
    default: break;
    }
}

static bool mmio_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    struct virtio_mmio *vm = opaque;
    struct transport *t = &vm->t[off / VIRTIO_STRIDE];
    off %= VIRTIO_STRIDE;
    *val = 0;
    if (off >= R_CONFIG) {
        uint64_t c = off - R_CONFIG;
        if (t->device_id && c < sizeof t->config && size <= sizeof t->config - c)
            memcpy(val, t->config + c, size);   /* little-endian host and guest */
        *val = le64toh(*val);
        return true;
    }
    if (size == 8 && !(off & 7)) {
        *val = reg_read(t, off) | (uint64_t)reg_read(t, off + 4) << 32;
    } else if (size == 4 && !(off & 3)) {
        *val = reg_read(t, off);
    }
    return true;
}

static bool mmio_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    struct virtio_mmio *vm = opaque;
    struct transport *t = &vm->t[off / VIRTIO_STRIDE];
    off %= VIRTIO_STRIDE;
    if (off >= R_CONFIG)
        return true;            /* nothing writable (no CONFIG_WCE) */
    if (size == 8 && !(off & 7)) {
        reg_write(t, off, (uint32_t)val);
        reg_write(t, off + 4, (uint32_t)(val >> 32));
    } else if (size == 4 && !(off & 3)) {
        reg_write(t, off, (uint32_t)val);
    }
    return true;
}

static bool open_disk(struct transport *t, const char *path, char *err, size_t errlen)
{
    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        if (e == ENOENT)
            snprintf(err, errlen, "--disk %s: no such file", path);
        else if (e == EISDIR)
            snprintf(err, errlen, "--disk %s: is a directory, not a disk image", path);
        else if (e == EROFS)
            snprintf(err, errlen, "--disk %s: is on a read-only file system; rvscope writes the "
                     "guest's changes back to the image, so it must be writable", path);
        else if ((e == EACCES || e == EPERM) && access(path, R_OK) != 0)
            snprintf(err, errlen, "--disk %s: cannot be read (%s)", path, strerror(e));
        else if (e == EACCES || e == EPERM)
            snprintf(err, errlen, "--disk %s: is read-only (%s); rvscope writes the guest's "
                     "changes back to the image, so it must be writable", path, strerror(e));
        else
            snprintf(err, errlen, "--disk %s: cannot open it for reading and writing: %s",
                     path, strerror(e));
        return false;
    }
    struct stat st;
    if (fstat(fd, &st) || !(S_ISREG(st.st_mode) || S_ISBLK(st.st_mode))) {
        snprintf(err, errlen, "--disk %s: not a regular file or block device", path);
        close(fd);
        return false;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
        snprintf(err, errlen, "--disk %s: in use by another rvscope (the file is locked)", path);
        close(fd);
        return false;
    }
    off_t size = lseek(fd, 0, SEEK_END);
    uint8_t probe;
    if (size < 0 || (size > 0 && pread(fd, &probe, 1, 0) != 1)) {
        snprintf(err, errlen, "--disk %s: cannot be read: %s", path, strerror(errno));
        close(fd);
        return false;
    }
    if (size % SECTOR)
        fprintf(stderr, "rvscope: warning: --disk %s: its size (%lld bytes) is not a multiple of "
                "512; the last %lld bytes are not part of the disk\n", path,
                (long long)size, (long long)(size % SECTOR));
    t->fd = fd;
    t->device_id = 2;
    t->capacity = (uint64_t)size / SECTOR;
    /* struct virtio_blk_config: capacity, size_max, seg_max, geometry,
     * blk_size, topology, writeback, num_queues. */
    uint64_t cap = htole64(t->capacity);
    uint32_t seg_max = htole32(254);          /* as QEMU: its queue-size 256, - 2 */
    uint32_t blk_size = htole32(SECTOR);
    uint16_t nq = htole16(1);
    memcpy(t->config + 0x00, &cap, 8);
    memcpy(t->config + 0x0c, &seg_max, 4);
    memcpy(t->config + 0x14, &blk_size, 4);
    memcpy(t->config + 0x22, &nq, 2);
    on_exit(sync_disk, (void *)(intptr_t)fd); /* fails only when out of memory, as atexit did */
    return true;
}

struct virtio_mmio *virtio_mmio_new(machine_t *m, const char *disk, char *err, size_t errlen)
{
    struct virtio_mmio *vm = calloc(1, sizeof *vm);
    if (!vm) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    vm->m = m;
    for (unsigned i = 0; i < VIRTIO_SLOTS; i++) {
        vm->t[i].m = m;
        vm->t[i].irq = VIRTIO_IRQ + i;
        vm->t[i].fd = -1;
    }
    if (disk && !open_disk(&vm->t[0], disk, err, errlen)) {
        free(vm);
        return NULL;
    }
    device_t d = { .name = "virtio-mmio", .base = VIRTIO_BASE, .size = VIRTIO_SLOTS * VIRTIO_STRIDE,
                   .opaque = vm, .read = mmio_read, .write = mmio_write };
    machine_add_device(m, &d);
    return vm;
}
