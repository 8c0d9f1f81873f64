/* sbi.h — the SBI calling convention's numbers (SBI specification 2.0 and
 * the Debug Triggers extension of 3.0), shared by the firmware and the
 * kernel so both sides agree by construction. */
#ifndef SBI_H
#define SBI_H

#define SBI_EXT_BASE  0x10
#define SBI_EXT_TIME  0x54494D45  /* "TIME" */
#define SBI_EXT_IPI   0x735049    /* "sPI" */
#define SBI_EXT_RFNC  0x52464E43  /* "RFNC" */
#define SBI_EXT_HSM   0x48534D    /* "HSM" */
#define SBI_EXT_SRST  0x53525354  /* "SRST" */
#define SBI_EXT_DBCN  0x4442434E  /* "DBCN" */
#define SBI_EXT_DBTR  0x44425452  /* "DBTR" */

/* BASE */
#define SBI_BASE_SPEC_VERSION 0
#define SBI_BASE_IMPL_ID      1
#define SBI_BASE_IMPL_VERSION 2
#define SBI_BASE_PROBE_EXT    3
#define SBI_BASE_MVENDORID    4
#define SBI_BASE_MARCHID      5
#define SBI_BASE_MIMPID       6
/* HSM */
#define SBI_HSM_START  0
#define SBI_HSM_STOP   1
#define SBI_HSM_STATUS 2
#define SBI_HSM_STARTED 0
#define SBI_HSM_STOPPED 1
#define SBI_HSM_START_PENDING 2
/* RFNC */
#define SBI_RFNC_FENCE_I    0
#define SBI_RFNC_SFENCE_VMA 1
#define SBI_RFNC_SFENCE_VMA_ASID 2
/* SRST */
#define SBI_SRST_SHUTDOWN 0
#define SBI_SRST_REASON_NONE 0
#define SBI_SRST_REASON_FAILURE 1
/* DBCN */
#define SBI_DBCN_WRITE 0
#define SBI_DBCN_READ  1
#define SBI_DBCN_WRITE_BYTE 2
/* DBTR */
#define SBI_DBTR_NUM_TRIGGERS 0
#define SBI_DBTR_SET_SHMEM    1
#define SBI_DBTR_READ         2
#define SBI_DBTR_INSTALL      3
#define SBI_DBTR_UPDATE       4
#define SBI_DBTR_UNINSTALL    5
#define SBI_DBTR_ENABLE       6
#define SBI_DBTR_DISABLE      7

/* trig_state bits */
#define SBI_DBTR_STATE_MAPPED (1UL << 0)
#define SBI_DBTR_STATE_U      (1UL << 1)
#define SBI_DBTR_STATE_S      (1UL << 2)
#define SBI_DBTR_STATE_HAVE_HW (1UL << 5)
#define SBI_DBTR_STATE_HW_SHIFT 8

/* One entry of the DBTR shared memory: four XLEN words. */
struct sbi_dbtr_entry {
  unsigned long word0;   /* trig_state (read) or trig_idx (install/update) */
  unsigned long tdata1, tdata2, tdata3;
};

/* errors */
#define SBI_SUCCESS 0
#define SBI_ERR_FAILED -1
#define SBI_ERR_NOT_SUPPORTED -2
#define SBI_ERR_INVALID_PARAM -3
#define SBI_ERR_DENIED -4
#define SBI_ERR_INVALID_ADDRESS -5
#define SBI_ERR_ALREADY_AVAILABLE -6
#define SBI_ERR_ALREADY_STARTED -7
#define SBI_ERR_ALREADY_STOPPED -8
#define SBI_ERR_NO_SHMEM -9
#define SBI_ERR_BAD_RANGE -11
#endif
