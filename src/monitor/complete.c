/* Tab completion at the monitor's prompt (readline): the first word from
 * the command table, a word starting with '$' from the registers and CSRs,
 * anything else from the symbols of every image. Never host file names:
 * no command takes one. */
#include "mon.h"
#include "../core/csr.h"
#include <readline/readline.h>
#include <stdlib.h>
#include <string.h>

static mon_t *cur_mon;

/* Candidates for the word being completed, one list per kind. */
enum kind { K_CMD, K_REG, K_SYM };
static struct {
    enum kind kind;
    size_t img, i;          /* where the listing is */
    unsigned csr;
} it;

static const char *const gpr_names[] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "fp", "s1", "a0", "a1", "a2", "a3",
    "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3",
    "t4", "t5", "t6", "pc", "priv",
};

/* The next register name (without '$'), or NULL at the end. */
static const char *next_reg(char *buf, size_t n)
{
    size_t ng = sizeof gpr_names / sizeof *gpr_names;
    if (it.i < ng)
        return gpr_names[it.i++];
    if (it.i < ng + 32) {
        snprintf(buf, n, "x%zu", it.i++ - ng);
        return buf;
    }
    while (it.csr < 4096) {
        const char *c = csr_name(it.csr++);
        if (c)
            return c;
    }
    return NULL;
}

static const char *next_sym(void)
{
    const symset_t *s = cur_mon->s->syms;
    while (s && it.img < s->n) {
        image_sym_t sym;
        if (it.i < image_sym_count(s->img[it.img]) && image_sym_get(s->img[it.img], it.i++, &sym))
            return sym.name;
        it.img++;
        it.i = 0;
    }
    return NULL;
}

static char *generate(const char *text, int state)
{
    if (!state) {
        it.i = it.img = 0;
        it.csr = 0;
    }
    char buf[16];
    const char *word = text[0] == '$' ? text + 1 : text;
    size_t len = strlen(word);
    for (;;) {
        const char *c = it.kind == K_CMD ? mon_command_name(it.i++)
                      : it.kind == K_REG ? next_reg(buf, sizeof buf) : next_sym();
        if (!c)
            return NULL;
        if (strncmp(c, word, len))
            continue;
        if (it.kind != K_REG)
            return strdup(c);
        char *r = malloc(strlen(c) + 2);
        if (r)
            sprintf(r, "$%s", c);
        return r;
    }
}

static char **complete(const char *text, int start, int end)
{
    (void)end;
    rl_attempted_completion_over = 1;   /* no file names, whatever happens */
    int i = 0;
    while (i < start && (rl_line_buffer[i] == ' ' || rl_line_buffer[i] == '\t'))
        i++;
    it.kind = i == start ? K_CMD : text[0] == '$' ? K_REG : K_SYM;
    return rl_completion_matches(text, generate);
}

void mon_completion_init(mon_t *M)
{
    cur_mon = M;
    rl_attempted_completion_function = complete;
    /* '$' starts a register word; '*' '&' '(' end the one before */
    rl_basic_word_break_characters = " \t\n*&()[]+-/%<>=!~^|,:";
}
