/* A minimal virtio-mmio (version 2) block driver for the system tests:
 * one 8-entry split virtqueue, requests submitted one at a time. */
#ifndef SYSTEST_VIRTIO_H
#define SYSTEST_VIRTIO_H
#include "lib.h"

#define VR(off) (VIRTIO0 + (off))
enum {
  V_MAGIC = 0x000, V_VERSION = 0x004, V_DEVICE_ID = 0x008, V_VENDOR = 0x00c,
  V_DEV_FEATURES = 0x010, V_DEV_FEATURES_SEL = 0x014, V_DRV_FEATURES = 0x020,
  V_DRV_FEATURES_SEL = 0x024, V_QUEUE_SEL = 0x030, V_QUEUE_NUM_MAX = 0x034,
  V_QUEUE_NUM = 0x038, V_QUEUE_READY = 0x044, V_QUEUE_NOTIFY = 0x050,
  V_INT_STATUS = 0x060, V_INT_ACK = 0x064, V_STATUS = 0x070,
  V_DESC_LO = 0x080, V_DESC_HI = 0x084, V_DRIVER_LO = 0x090, V_DRIVER_HI = 0x094,
  V_DEVICE_LO = 0x0a0, V_DEVICE_HI = 0x0a4, V_CONFIG = 0x100,
};
enum { ST_ACK = 1, ST_DRIVER = 2, ST_DRIVER_OK = 4, ST_FEATURES_OK = 8 };
enum { D_NEXT = 1, D_WRITE = 2 };
enum { T_IN = 0, T_OUT = 1, T_FLUSH = 4, T_GET_ID = 8 };
#define F_FLUSH     (1ULL << 9)
#define F_VERSION_1 (1ULL << 32)
#define QN 8

struct vdesc { uint64_t addr; uint32_t len; uint16_t flags, next; };
struct vavail { uint16_t flags, idx, ring[QN], used_event; };
struct vused { uint16_t flags, idx; struct { uint32_t id, len; } ring[QN]; uint16_t avail_event; };
struct blk_hdr { uint32_t type, reserved; uint64_t sector; };

static struct vdesc vq_desc[QN] __attribute__((aligned(16)));
static struct vavail vq_avail __attribute__((aligned(16)));
static struct vused vq_used __attribute__((aligned(16)));
static uint16_t vq_last_used;

static uint64_t vio_device_features(void)
{
  wr32(VR(V_DEV_FEATURES_SEL), 1);
  uint64_t f = (uint64_t)rd32(VR(V_DEV_FEATURES)) << 32;
  wr32(VR(V_DEV_FEATURES_SEL), 0);
  return f | rd32(VR(V_DEV_FEATURES));
}

/* Reset, negotiate `features` (those the device offers), set up queue 0.
 * Returns 0, or a number saying which step failed. */
static int vio_init(uint64_t features)
{
  if (rd32(VR(V_MAGIC)) != 0x74726976 || rd32(VR(V_VERSION)) != 2 || rd32(VR(V_DEVICE_ID)) != 2)
    return 1;
  wr32(VR(V_STATUS), 0);
  wr32(VR(V_STATUS), ST_ACK);
  wr32(VR(V_STATUS), ST_ACK | ST_DRIVER);
  features &= vio_device_features();
  wr32(VR(V_DRV_FEATURES_SEL), 0);
  wr32(VR(V_DRV_FEATURES), (uint32_t)features);
  wr32(VR(V_DRV_FEATURES_SEL), 1);
  wr32(VR(V_DRV_FEATURES), (uint32_t)(features >> 32));
  wr32(VR(V_STATUS), ST_ACK | ST_DRIVER | ST_FEATURES_OK);
  if (!(rd32(VR(V_STATUS)) & ST_FEATURES_OK))
    return 2;
  wr32(VR(V_QUEUE_SEL), 0);
  if (rd32(VR(V_QUEUE_READY)))
    return 3;
  if (rd32(VR(V_QUEUE_NUM_MAX)) < QN)
    return 4;
  memset(vq_desc, 0, sizeof vq_desc);
  memset(&vq_avail, 0, sizeof vq_avail);
  memset(&vq_used, 0, sizeof vq_used);
  vq_last_used = 0;
  wr32(VR(V_QUEUE_NUM), QN);
  wr32(VR(V_DESC_LO), (uint32_t)(uintptr_t)vq_desc);
  wr32(VR(V_DESC_HI), (uint32_t)((uint64_t)(uintptr_t)vq_desc >> 32));
  wr32(VR(V_DRIVER_LO), (uint32_t)(uintptr_t)&vq_avail);
  wr32(VR(V_DRIVER_HI), (uint32_t)((uint64_t)(uintptr_t)&vq_avail >> 32));
  wr32(VR(V_DEVICE_LO), (uint32_t)(uintptr_t)&vq_used);
  wr32(VR(V_DEVICE_HI), (uint32_t)((uint64_t)(uintptr_t)&vq_used >> 32));
  wr32(VR(V_QUEUE_READY), 1);
  wr32(VR(V_STATUS), ST_ACK | ST_DRIVER | ST_FEATURES_OK | ST_DRIVER_OK);
  return 0;
}

/* Fill descriptor i; chains always start at descriptor 0. */
static void vio_desc(unsigned i, const void *addr, uint32_t len, unsigned flags)
{
  vq_desc[i].addr = (uintptr_t)addr;
  vq_desc[i].len = len;
  vq_desc[i].flags = (uint16_t)flags;
  vq_desc[i].next = (uint16_t)(i + 1);
}

/* Make the chain at descriptor 0 available, notify, wait for it to be
 * used. Returns the used length, or -1 after a timeout. */
static long vio_submit(void)
{
  vq_avail.ring[vq_avail.idx % QN] = 0;
  __sync_synchronize();
  vq_avail.idx++;
  __sync_synchronize();
  wr32(VR(V_QUEUE_NOTIFY), 0);
  for (long spins = 0; *(volatile uint16_t *)&vq_used.idx == vq_last_used; spins++)
    if (spins > 200000000L)
      return -1;
  __sync_synchronize();
  long len = vq_used.ring[vq_last_used % QN].len;
  if (vq_used.ring[vq_last_used % QN].id != 0)
    len = -2;
  vq_last_used++;
  return len;
}

/* A request of three descriptors: header, data (device writes it for IN
 * and GET_ID), status. Returns the status byte, or -1 on a timeout; the
 * used length goes to *used if not NULL. */
static int vio_rw(uint32_t type, uint64_t sector, void *data, uint32_t len, long *used)
{
  static struct blk_hdr hdr;
  static volatile uint8_t status;
  hdr.type = type;
  hdr.reserved = 0;
  hdr.sector = sector;
  status = 0xff;
  vio_desc(0, &hdr, sizeof hdr, D_NEXT);
  vio_desc(1, data, len, D_NEXT | (type == T_OUT ? 0 : D_WRITE));
  vio_desc(2, (void *)&status, 1, D_WRITE);
  long u = vio_submit();
  if (used)
    *used = u;
  return u < 0 ? -1 : status;
}
#endif
