/* The /init of `make linux` (scripts/linux.sh), built static against the
 * kernel tree's nolibc: says it runs, shows the date the goldfish RTC gave
 * the kernel, mounts the virtio disk (ext2, /dev/vda), prints the file
 * hello.txt from it, and powers the machine off. */
#include "nolibc.h"

static void say(const char *s) { write(1, s, strlen(s)); }

int main(void)
{
    char buf[256];
    say("init: hello from a nolibc /init\n");
    mkdir("/dev", 0755);
    mkdir("/mnt", 0755);
    /* The date the kernel took from the goldfish RTC (RTC_HCTOSYS). */
    struct timeval tv;
    if (gettimeofday(&tv, NULL) == 0) {
        char num[24], *p = num + sizeof num;
        *--p = 0;
        unsigned long v = (unsigned long)tv.tv_sec;
        do *--p = (char)('0' + v % 10); while (v /= 10);
        say("init: seconds since 1970: ");
        say(p);
        say(tv.tv_sec > 1577836800 ? " (after 2020: the RTC works)\n" : " (before 2020: no RTC?)\n");
    }
    if (mount("devtmpfs", "/dev", "devtmpfs", 0, NULL) && errno != EBUSY)
        say("init: cannot mount devtmpfs\n");
    if (mount("/dev/vda", "/mnt", "ext2", 0, NULL) == 0) {
        int fd = open("/mnt/hello.txt", O_RDONLY);
        ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf) : -1;
        if (n > 0) {
            say("init: /mnt/hello.txt: ");
            write(1, buf, (size_t)n);
        } else {
            say("init: no /mnt/hello.txt\n");
        }
    } else {
        say("init: mounting /dev/vda failed\n");
    }
    say("init: powering off\n");
    my_syscall0(__NR_sync);     /* 6.1's nolibc has no sync() */
    reboot(LINUX_REBOOT_CMD_POWER_OFF);
    return 0;
}
