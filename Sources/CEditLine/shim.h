#ifndef EVALSH_CEDITLINE_SHIM_H
#define EVALSH_CEDITLINE_SHIM_H

/*
 * Bridge between Swift and libedit's readline emulation.
 *
 * Swift 6 refuses to read or write imported mutable C globals because they are not
 * concurrency-safe, so every libedit global evalsh needs is reached through one of the
 * `static inline` accessors below. The caller (EvalShell's LineEditor) serialises all
 * calls on the thread that runs the prompt.
 *
 * The SIGINT flag also lives here: a `volatile sig_atomic_t` written by a C handler is the
 * only state POSIX guarantees to be safe to touch from a signal handler. The flag is
 * `static`, so each Swift module calling these accessors gets its own copy; only
 * EvalShell's Terminal/InterruptFlag.swift calls them.
 */

#include <stdio.h>
#include <signal.h>
#include <editline/readline.h>

/* MARK: - readline configuration */

static inline void evalsh_rl_set_readline_name(const char *name) { rl_readline_name = name; }

static inline void evalsh_rl_set_catch_signals(int enabled) { rl_catch_signals = enabled; }

static inline void evalsh_rl_set_catch_sigwinch(int enabled) { rl_catch_sigwinch = enabled; }

static inline void evalsh_rl_set_instream(FILE *stream) { rl_instream = stream; }

static inline void evalsh_rl_set_outstream(FILE *stream) { rl_outstream = stream; }

/* MARK: - completion */

static inline void evalsh_rl_set_attempted_completion_function(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}

static inline void evalsh_rl_set_completion_append_character(int character) {
    rl_completion_append_character = character;
}

/* The word libedit hands to the completion callback ends at the cursor and starts after the
 * last word-break character. A newline never occurs in an edited line, so with "\n" as the
 * only break the word is the whole line before the cursor and the Swift side decides what
 * to replace. (An empty string would do the same, but libedit converts it without a NULL
 * check.) */
static inline void evalsh_rl_use_whole_line_as_completion_word(void) {
    rl_basic_word_break_characters = "\n";
}

/* Setting this from the completion callback stops libedit from falling back to filename
 * completion when the callback found nothing. */
static inline void evalsh_rl_set_attempted_completion_over(int over) {
    rl_attempted_completion_over = over;
}

static inline void evalsh_rl_set_completion_query_items(int count) {
    rl_completion_query_items = count;
}

/* The line being edited (multibyte, NUL-terminated); valid inside a completion callback. */
static inline const char *evalsh_rl_line_buffer(void) { return rl_line_buffer; }

/* MARK: - history */

static inline int evalsh_history_length(void) { return history_length; }

static inline int evalsh_history_base(void) { return history_base; }

/* MARK: - SIGINT flag */

static volatile sig_atomic_t evalsh_interrupt_flag = 0;

/* Signal handler: only records that SIGINT arrived. */
static inline void evalsh_interrupt_handler(int signal_number) {
    (void)signal_number;
    evalsh_interrupt_flag = 1;
}

static inline int evalsh_interrupt_flag_is_raised(void) { return evalsh_interrupt_flag != 0; }

static inline void evalsh_interrupt_flag_reset(void) { evalsh_interrupt_flag = 0; }

static inline void evalsh_interrupt_flag_raise(void) { evalsh_interrupt_flag = 1; }

/* Installs the handler for SIGINT without SA_RESTART, so a blocking read() returns EINTR and
 * the prompt or statement notices the interrupt. Returns 0 on success, -1 with errno set. */
static inline int evalsh_install_interrupt_handler(struct sigaction *previous) {
    struct sigaction action;
    action.sa_handler = evalsh_interrupt_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(SIGINT, &action, previous);
}

#endif
