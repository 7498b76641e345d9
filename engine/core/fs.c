/* fs.c: regular-file checks, file reading with a size cap, atomic writes through symlinks, CRC-32, FNV-1a content hashes and the XDG data/config paths. */
#include "fs.h"
#include "translate.h"
#include "alloc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

const char *sp_fs_kind_name(mode_t mode)
{
    if (S_ISDIR(mode))
        return SP_N_("een map");
    if (S_ISFIFO(mode))
        return SP_N_("een FIFO (named pipe)");
    if (S_ISCHR(mode))
        return SP_N_("een tekenapparaat");
    if (S_ISBLK(mode))
        return SP_N_("een blokapparaat");
    if (S_ISSOCK(mode))
        return SP_N_("een socket");
    if (S_ISLNK(mode))
        return SP_N_("een symbolische koppeling");
    return SP_N_("geen gewoon bestand");
}

int sp_fs_open_regular(const char *path, struct stat *st, sp_diag *d)
{
    /* O_NONBLOCK: opening a FIFO without a writer would otherwise block
     * before fstat can tell what it is. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        int err = errno;
        struct stat lst;
        if (err == ENOENT && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
            sp_diag_add(d, path, 0, SP_N_("is een symbolische koppeling naar een bestand dat niet bestaat; "
                                          "laat hem naar een bestand wijzen of verwijder hem"));
        else
            sp_diag_add(d, path, 0, SP_N_("kan niet worden geopend: %s"), strerror(err));
        return -1;
    }
    struct stat own;
    if (!st)
        st = &own;
    if (fstat(fd, st) != 0) {
        sp_diag_add(d, path, 0, SP_N_("de gegevens van het bestand kunnen niet worden opgevraagd: %s"), strerror(errno));
        close(fd);
        return -1;
    }
    if (S_ISDIR(st->st_mode)) {
        sp_diag_add(d, path, 0, SP_N_("is een map, geen bestand"));
        close(fd);
        return -1;
    }
    if (!S_ISREG(st->st_mode)) {
        sp_diag_add(d, path, 0, SP_N_("is %s, geen gewoon bestand; samenspel leest alleen gewone bestanden"),
                    sp_diag_tr(d, sp_fs_kind_name(st->st_mode)));
        close(fd);
        return -1;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    return fd;
}

FILE *sp_fs_fopen_regular(const char *path, sp_diag *d)
{
    int fd = sp_fs_open_regular(path, NULL, d);
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, "r");
    if (!f) {
        sp_diag_add(d, path, 0, SP_N_("kan niet worden geopend: %s"), strerror(errno));
        close(fd);
    }
    return f;
}

sp_status sp_fs_read(const char *path, size_t max, char **out, size_t *len, sp_diag *d)
{
    *out = NULL;
    if (len)
        *len = 0;
    struct stat st;
    int fd = sp_fs_open_regular(path, &st, d);
    if (fd < 0)
        return SP_EIO;
    if ((uintmax_t)st.st_size > (uintmax_t)max) {
        sp_diag_add(d, path, 0, SP_N_("het bestand is groter dan %zu bytes"), max);
        close(fd);
        return SP_EINVAL;
    }
    /* Read until EOF rather than trusting st_size: the file may still be
     * growing. One byte past max tells us the cap was exceeded. */
    size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096;
    if (cap > max + 1)
        cap = max + 1;
    char *buf = sp_malloc(cap + 1);
    if (!buf) {
        close(fd);
        sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen om het bestand te lezen"));
        return SP_ENOMEM;
    }
    size_t n = 0;
    for (;;) {
        if (n == cap) {
            if (cap > max) {
                sp_free(buf);
                close(fd);
                sp_diag_add(d, path, 0, SP_N_("het bestand is groter dan %zu bytes"), max);
                return SP_EINVAL;
            }
            size_t ncap = cap * 2 > max + 1 ? max + 1 : cap * 2;
            char *nb = sp_realloc(buf, ncap + 1);
            if (!nb) {
                sp_free(buf);
                close(fd);
                sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen om het bestand te lezen"));
                return SP_ENOMEM;
            }
            buf = nb;
            cap = ncap;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            sp_diag_add(d, path, 0, SP_N_("kan niet worden gelezen: %s"), strerror(errno));
            sp_free(buf);
            close(fd);
            return SP_EIO;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    if (n > max) {
        sp_free(buf);
        sp_diag_add(d, path, 0, SP_N_("het bestand is groter dan %zu bytes"), max);
        return SP_EINVAL;
    }
    buf[n] = '\0';
    *out = buf;
    if (len)
        *len = n;
    return SP_OK;
}

sp_status sp_fs_read_with(const char *path, size_t max, sp_fs_parser parse, void *ctx, sp_diag *d)
{
    char *data;
    size_t len;
    sp_status st = sp_fs_read(path, max, &data, &len, d);
    if (st != SP_OK)
        return st;
    st = parse(path, data, len, ctx, d);
    sp_free(data);
    return st;
}

static int write_all(int fd, const unsigned char *p, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

/* The directory part of path ("." when there is none), in buf. */
static int dir_of(const char *path, char *buf, size_t len)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return snprintf(buf, len, ".") < (int)len ? 0 : -1;
    size_t n = (size_t)(slash - path);
    if (n == 0)
        n = 1; /* "/file" lives in "/" */
    if (n >= len)
        return -1;
    memcpy(buf, path, n);
    buf[n] = '\0';
    return 0;
}

sp_status sp_fs_write_target(const char *path, char *out, size_t len, sp_diag *d)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        if (errno != ENOENT) {
            sp_diag_add(d, path, 0, SP_N_("de gegevens van het bestand kunnen niet worden opgevraagd: %s"), strerror(errno));
            return SP_EIO;
        }
    } else if (S_ISLNK(st.st_mode)) {
        /* Write through the link, so a link into a synced folder stays a link. */
        char real[PATH_MAX];
        if (!realpath(path, real)) {
            sp_diag_add(d, path, 0, SP_N_("is een symbolische koppeling die niet te volgen is (%s); "
                                          "laat hem naar een bestand wijzen of verwijder hem"), strerror(errno));
            return SP_EIO;
        }
        if (strlen(real) >= len) {
            sp_diag_add(d, path, 0, SP_N_("het pad is te lang"));
            return SP_EIO;
        }
        strcpy(out, real);
        if (stat(out, &st) == 0 && !S_ISREG(st.st_mode)) {
            sp_diag_add(d, path, 0, SP_N_("is een koppeling naar %s, en dat is %s; samenspel schrijft alleen gewone bestanden"),
                        out, sp_diag_tr(d, sp_fs_kind_name(st.st_mode)));
            return SP_EIO;
        }
        return SP_OK;
    } else if (!S_ISREG(st.st_mode)) {
        sp_diag_add(d, path, 0, SP_N_("is %s; samenspel schrijft alleen gewone bestanden"),
                    sp_diag_tr(d, sp_fs_kind_name(st.st_mode)));
        return SP_EIO;
    }
    if (strlen(path) >= len) {
        sp_diag_add(d, path, 0, SP_N_("het pad is te lang"));
        return SP_EIO;
    }
    strcpy(out, path);
    return SP_OK;
}

sp_status sp_fs_write_atomic(const char *given, const void *data, size_t len, sp_diag *d)
{
    char dir[PATH_MAX], tmp[PATH_MAX], path[PATH_MAX];
    if (sp_fs_write_target(given, path, sizeof path, d) != SP_OK)
        return SP_EIO;
    if (dir_of(path, dir, sizeof dir) != 0 ||
        snprintf(tmp, sizeof tmp, "%s.tmp.XXXXXX", path) >= (int)sizeof tmp) {
        sp_diag_add(d, path, 0, SP_N_("het pad is te lang"));
        return SP_EIO;
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        sp_diag_add(d, path, 0, SP_N_("kan geen tijdelijk bestand maken in %s: %s"), dir, strerror(errno));
        return SP_EIO;
    }
    /* Keep the mode of the file we replace; a new file gets 0644. */
    struct stat st;
    mode_t mode = 0644;
    if (stat(path, &st) == 0)
        mode = st.st_mode & 07777;
    const char *what = NULL;
    int err = 0;
    if (fchmod(fd, mode) != 0)
        what = SP_N_("kan de rechten van het bestand niet zetten"), err = errno;
    else if (write_all(fd, data, len) != 0)
        what = SP_N_("kan het bestand niet schrijven"), err = errno;
    else if (fsync(fd) != 0)
        what = SP_N_("kan het bestand niet op de schijf vastleggen"), err = errno;
    if (close(fd) != 0 && !what)
        what = SP_N_("kan het bestand niet sluiten"), err = errno;
    if (!what && rename(tmp, path) != 0)
        what = SP_N_("kan het tijdelijke bestand niet op de plaats van het bestand zetten"), err = errno;
    if (what) {
        unlink(tmp);
        sp_diag_add(d, path, 0, "%s: %s", sp_diag_tr(d, what), strerror(err));
        return SP_EIO;
    }
    /* The rename is durable only once the directory entry is on disk. */
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        if (fsync(dfd) != 0 && errno != EINVAL && errno != EROFS) {
            err = errno;
            close(dfd);
            sp_diag_add(d, path, 0, SP_N_("kan de map %s niet op de schijf vastleggen: %s"), dir, strerror(err));
            return SP_EIO;
        }
        close(dfd);
    }
    return SP_OK;
}

sp_status sp_fs_mkdirs(const char *path, sp_diag *d)
{
    char buf[PATH_MAX];
    size_t n = strlen(path);
    if (n == 0 || n >= sizeof buf) {
        sp_diag_add(d, path, 0, n ? SP_N_("het pad is te lang") : SP_N_("de naam van de map is leeg"));
        return SP_EIO;
    }
    memcpy(buf, path, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (buf[i] != '/' && buf[i] != '\0')
            continue;
        char c = buf[i];
        buf[i] = '\0';
        if (mkdir(buf, 0755) != 0) {
            int err = errno;
            struct stat st;
            if (err != EEXIST || stat(buf, &st) != 0 || !S_ISDIR(st.st_mode)) {
                sp_diag_add(d, buf, 0, SP_N_("kan de map niet maken: %s"),
                            err == EEXIST ? sp_diag_tr(d, SP_N_("er is al een bestand met die naam")) : strerror(err));
                return SP_EIO;
            }
        }
        buf[i] = c;
    }
    return SP_OK;
}

uint32_t sp_fs_crc32(const void *data, size_t len)
{
    static uint32_t table[256];
    if (!table[1]) {
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++)
                c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
    }
    const unsigned char *p = data;
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < len; i++)
        c = table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

uint64_t sp_fs_hash(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* $var/samenspel when var is set to an absolute path (the XDG spec says to
 * ignore relative ones), else $HOME/fallback/samenspel. */
static sp_status xdg_dir(const char *var, const char *fallback, char *buf, size_t len)
{
    const char *v = getenv(var);
    int n;
    if (v && v[0] == '/') {
        n = snprintf(buf, len, "%s/samenspel", v);
    } else {
        /* A relative HOME would put the files wherever the program is
         * started: refused like an unset one. */
        const char *home = getenv("HOME");
        if (!home || home[0] != '/')
            return SP_EIO;
        n = snprintf(buf, len, "%s/%s/samenspel", home, fallback);
    }
    if (n < 0 || (size_t)n >= len)
        return SP_EUSAGE;
    return SP_OK;
}

const char *sp_fs_data_dir_problem(sp_status st)
{
    return st == SP_EUSAGE
        ? SP_N_("kan niet bepalen waar de gesprekken bewaard moeten worden: het pad in XDG_DATA_HOME (of HOME) is te lang")
        : SP_N_("kan niet bepalen waar de gesprekken bewaard moeten worden: XDG_DATA_HOME en "
                "HOME bevatten geen van beide een absoluut pad; zet HOME op je thuismap "
                "(bijvoorbeeld /home/naam)");
}

sp_status sp_fs_data_dir(char *buf, size_t len)
{
    return xdg_dir("XDG_DATA_HOME", ".local/share", buf, len);
}

sp_status sp_fs_config_dir(char *buf, size_t len)
{
    return xdg_dir("XDG_CONFIG_HOME", ".config", buf, len);
}
