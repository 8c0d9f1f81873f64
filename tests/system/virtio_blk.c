/* virtio_blk — the virtio-mmio block device (version 2) at 0x10001000 on a
 * 64 KiB disk image whose sector n begins with the text "sector n".
 * Identification, feature negotiation, queue registers, capacity; reads
 * and writes with several descriptor layouts; flush; GET_ID; errors (out of
 * range, partial sector, unknown type); NO_INTERRUPT; InterruptStatus/ACK;
 * reset. It writes sector 3 (checked in the image file by run.sh) and
 * sector 5 (two descriptors of data).
 * expected exit status: 0 */
#include "virtio.h"

static uint8_t buf[2048] __attribute__((aligned(16)));
static uint8_t buf2[2048] __attribute__((aligned(16)));

static void show_sector(const char *what, const uint8_t *p)
{
  char text[24];
  int n = 0;
  while (n < 23 && p[n] >= 0x20 && p[n] < 0x7f) {
    text[n] = (char)p[n];
    n++;
  }
  text[n] = 0;
  uint32_t sum = 0;
  for (int i = 0; i < 512; i++)
    sum = sum * 31 + p[i];
  printf("%s: \"%s\" sum %08x\n", what, text, sum);
}

static void fill(uint8_t *p, unsigned n, unsigned seed)
{
  for (unsigned i = 0; i < n; i++)
    p[i] = (uint8_t)(i * 7 + seed);
}

int main(void)
{
  printf("virtio_blk: magic %x version %u device %u vendor %x\n", rd32(VR(V_MAGIC)),
         rd32(VR(V_VERSION)), rd32(VR(V_DEVICE_ID)), rd32(VR(V_VENDOR)));
  /* the other seven transports are empty */
  unsigned empty = 0;
  for (unsigned i = 1; i < 8; i++)
    empty += rd32(VIRTIO0 + 0x1000 * i) == 0x74726976 && rd32(VIRTIO0 + 0x1000 * i + 8) == 0;
  printf("empty transports: %u\n", empty);

  uint64_t offered = vio_device_features();
  printf("offers VERSION_1 %d FLUSH %d\n", (offered & F_VERSION_1) != 0, (offered & F_FLUSH) != 0);
  wr32(VR(V_QUEUE_SEL), 1);
  uint32_t max1 = rd32(VR(V_QUEUE_NUM_MAX));
  wr32(VR(V_QUEUE_SEL), 0);
  printf("queue 0 max %u, queue 1 max %u\n", rd32(VR(V_QUEUE_NUM_MAX)), max1);

  int e = vio_init(F_VERSION_1 | F_FLUSH);
  if (e) {
    printf("setup failed at step %d\n", e);
    return 2;
  }
  printf("status %x, queue ready %u\n", rd32(VR(V_STATUS)), rd32(VR(V_QUEUE_READY)));
  uint64_t cap = rd32(VR(V_CONFIG)) | (uint64_t)rd32(VR(V_CONFIG + 4)) << 32;
  printf("capacity %u sectors\n", (unsigned)cap);

  /* read: header, data, status in three descriptors */
  long used;
  int st = vio_rw(T_IN, 0, buf, 512, &used);
  printf("read 0: status %d used %d isr %u\n", st, (int)used, rd32(VR(V_INT_STATUS)));
  show_sector("  sector 0", buf);
  wr32(VR(V_INT_ACK), 1);
  printf("after ack: isr %u\n", rd32(VR(V_INT_STATUS)));

  /* read two sectors: header, then data and status in one descriptor */
  static struct blk_hdr hdr;
  hdr = (struct blk_hdr){ T_IN, 0, 1 };
  memset(buf, 0xee, 1025);
  vio_desc(0, &hdr, sizeof hdr, D_NEXT);
  vio_desc(1, buf, 1025, D_WRITE);
  used = vio_submit();
  printf("read 1-2 (data+status in one buffer): status %d used %d\n", buf[1024], (int)used);
  show_sector("  sector 1", buf);
  show_sector("  sector 2", buf + 512);

  /* write sector 3: header and data in one readable descriptor */
  static struct { struct blk_hdr h; uint8_t data[512]; } wreq;
  static volatile uint8_t status;
  wreq.h = (struct blk_hdr){ T_OUT, 0, 3 };
  memcpy(wreq.data, "written by the guest", 21);
  fill(wreq.data + 21, 512 - 21, 3);
  status = 0xff;
  vio_desc(0, &wreq, sizeof wreq, D_NEXT);
  vio_desc(1, (void *)&status, 1, D_WRITE);
  used = vio_submit();
  printf("write 3 (header+data in one buffer): status %d used %d\n", status, (int)used);

  /* write sector 5 from two data descriptors */
  hdr = (struct blk_hdr){ T_OUT, 0, 5 };
  memcpy(buf, "second write", 13);
  fill(buf + 13, 512 - 13, 5);
  status = 0xff;
  vio_desc(0, &hdr, sizeof hdr, D_NEXT);
  vio_desc(1, buf, 100, D_NEXT);
  vio_desc(2, buf + 100, 412, D_NEXT);
  vio_desc(3, (void *)&status, 1, D_WRITE);
  used = vio_submit();
  printf("write 5 (data in two buffers): status %d used %d\n", status, (int)used);

  /* flush: header and status only */
  hdr = (struct blk_hdr){ T_FLUSH, 0, 0 };
  status = 0xff;
  vio_desc(0, &hdr, sizeof hdr, D_NEXT);
  vio_desc(1, (void *)&status, 1, D_WRITE);
  used = vio_submit();
  printf("flush: status %d used %d\n", status, (int)used);

  /* read sector 3 back, scattered over four buffers */
  hdr = (struct blk_hdr){ T_IN, 0, 3 };
  memset(buf2, 0, 512);
  status = 0xff;
  vio_desc(0, &hdr, sizeof hdr, D_NEXT);
  for (unsigned i = 0; i < 4; i++)
    vio_desc(1 + i, buf2 + 128 * i, 128, D_NEXT | D_WRITE);
  vio_desc(5, (void *)&status, 1, D_WRITE);
  used = vio_submit();
  printf("read 3 back (four buffers): status %d used %d, same %d\n", status, (int)used,
         memcmp(buf2, wreq.data, 512) == 0);
  st = vio_rw(T_IN, 5, buf2, 512, NULL);
  printf("read 5 back: status %d, same %d\n", st, memcmp(buf2, buf, 512) == 0);

  /* errors */
  st = vio_rw(T_IN, cap, buf, 512, &used);
  printf("read past the end: status %d used %d\n", st, (int)used);
  st = vio_rw(T_IN, cap - 1, buf, 1024, &used);
  printf("read across the end: status %d\n", st);
  st = vio_rw(T_OUT, cap, buf, 512, &used);
  printf("write past the end: status %d used %d\n", st, (int)used);
  st = vio_rw(T_IN, 0, buf, 100, &used);
  printf("partial sector: status %d used %d\n", st, (int)used);
  st = vio_rw(99, 0, buf, 512, &used);
  printf("unknown type: status %d used %d\n", st, (int)used);
  memset(buf, 0xaa, 32);
  st = vio_rw(T_GET_ID, 0, buf, 20, &used);
  printf("get id: status %d used %d, first byte %u\n", st, (int)used, buf[0]);

  /* NO_INTERRUPT: the request completes without raising InterruptStatus */
  wr32(VR(V_INT_ACK), rd32(VR(V_INT_STATUS)));
  vq_avail.flags = 1;
  st = vio_rw(T_IN, 0, buf, 512, NULL);
  uint32_t isr_quiet = rd32(VR(V_INT_STATUS));
  vq_avail.flags = 0;
  st = vio_rw(T_IN, 0, buf, 512, NULL);
  for (long spins = 0; !rd32(VR(V_INT_STATUS)) && spins < 100000000L; spins++)
    ;
  printf("avail flag NO_INTERRUPT: isr %u; without it: isr %u\n", isr_quiet, rd32(VR(V_INT_STATUS)));
  wr32(VR(V_INT_ACK), 1);

  /* xv6's negotiation: only the low feature word, VERSION_1 not acked */
  e = vio_init(F_FLUSH);
  st = e ? -1 : vio_rw(T_IN, 2, buf, 512, NULL);
  printf("without VERSION_1: setup %d, status %x, read 2: status %d\n", e, rd32(VR(V_STATUS)), st);
  show_sector("  sector 2", buf);

  /* reset */
  wr32(VR(V_STATUS), 0);
  printf("after reset: status %u queue ready %u isr %u\n", rd32(VR(V_STATUS)),
         rd32(VR(V_QUEUE_READY)), rd32(VR(V_INT_STATUS)));
  printf("virtio_blk: done\n");
  return 0;
}
