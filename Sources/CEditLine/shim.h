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
 * The SIGINT flag and the interruptible character reader also live here: signal handlers
 * may only touch `volatile sig_atomic_t` state and call async-signal-safe functions, which
 * is easiest to guarantee in C.
 */

#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>
#include <editline/readline.h>

/* MARK: - readline configuration */

static inline void evalsh_rl_set_readline_name(const char *name) { rl_readline_name = name; }

static inline void evalsh_rl_set_catch_signals(int enabled) { rl_catch_signals = enabled; }

static inline void evalsh_rl_set_catch_sigwinch(int enabled) { rl_catch_sigwinch = enabled; }

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
 * to replace. */
static inline void evalsh_rl_use_whole_line_as_completion_word(void) {
    rl_basic_word_break_characters = "\n";
}

/* Setting this from the completion callback stops libedit from falling back to filename
 * completion when the callback found nothing. */
static inline void evalsh_rl_set_attempted_completion_over(int over) {
    rl_attempted_completion_over = over;
}

/* The line being edited (multibyte, NUL-terminated); valid inside a completion callback. */
static inline const char *evalsh_rl_line_buffer(void) { return rl_line_buffer; }

/* MARK: - SIGINT flag */

/* `raised` is set by the handler. `wake_pipe` lets a blocked reader notice it: the handler
 * writes a byte, and evalsh_rl_getc polls the pipe alongside the terminal, so a SIGINT that
 * lands while libedit is busy outside read() (redrawing, say) still ends the prompt.
 * `target` is the thread whose blocking calls SIGINT must interrupt (the one at the prompt
 * or running the statement): the kernel delivers a terminal's SIGINT to any thread not
 * blocking it, so the handler forwards it there.
 *
 * The state sits in a weak function's static: Swift emits header functions into every
 * object file that calls them, and `weak` makes the linker keep a single copy, so there is
 * one state per process whichever Swift files use these functions. */
typedef struct {
    volatile sig_atomic_t raised;
    volatile sig_atomic_t has_target;
    pthread_t target;
    int wake_pipe[2];
    int has_wake_pipe;
} evalsh_interrupt_state;

__attribute__((weak)) evalsh_interrupt_state *evalsh_interrupt(void) {
    static evalsh_interrupt_state state;
    return &state;
}

/* Signal handler: records that SIGINT arrived and wakes whoever waits for it. Uses only
 * async-signal-safe calls. */
static inline void evalsh_interrupt_handler(int signal_number) {
    evalsh_interrupt_state *state = evalsh_interrupt();
    int saved_errno = errno;
    state->raised = 1;
    if (state->has_wake_pipe) {
        (void)!write(state->wake_pipe[1], "!", 1);
    }
    if (state->has_target && !pthread_equal(pthread_self(), state->target)) {
        pthread_kill(state->target, signal_number);
    }
    errno = saved_errno;
}

static inline int evalsh_interrupt_flag_is_raised(void) { return evalsh_interrupt()->raised != 0; }

static inline void evalsh_interrupt_flag_raise(void) { evalsh_interrupt()->raised = 1; }

/* Clears the flag and drains the wake-up pipe. */
static inline void evalsh_interrupt_flag_reset(void) {
    evalsh_interrupt_state *state = evalsh_interrupt();
    state->raised = 0;
    if (state->has_wake_pipe) {
        char buffer[64];
        while (read(state->wake_pipe[0], buffer, sizeof buffer) > 0) {}
    }
}

/* Installs the handler for SIGINT, targeting the calling thread, without SA_RESTART so a
 * blocking read() returns EINTR. Saves the previous action and target for the restore call.
 * Returns 0 on success, -1 with errno set. */
static inline int evalsh_install_interrupt_handler(
    struct sigaction *previous_action, pthread_t *previous_target, int *previous_has_target) {
    evalsh_interrupt_state *state = evalsh_interrupt();
    if (!state->has_wake_pipe && pipe(state->wake_pipe) == 0) {
        for (int end = 0; end < 2; end++) {
            fcntl(state->wake_pipe[end], F_SETFL, fcntl(state->wake_pipe[end], F_GETFL) | O_NONBLOCK);
            fcntl(state->wake_pipe[end], F_SETFD, FD_CLOEXEC);
        }
        state->has_wake_pipe = 1;
    }
    *previous_target = state->target;
    *previous_has_target = state->has_target;
    state->has_target = 0;
    state->target = pthread_self();
    state->has_target = 1;

    struct sigaction action;
    action.sa_handler = evalsh_interrupt_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(SIGINT, &action, previous_action);
}

/* Puts back what evalsh_install_interrupt_handler saved. */
static inline void evalsh_restore_interrupt_handler(
    const struct sigaction *previous_action, pthread_t previous_target, int previous_has_target) {
    evalsh_interrupt_state *state = evalsh_interrupt();
    sigaction(SIGINT, previous_action, NULL);
    state->has_target = 0;
    state->target = previous_target;
    state->has_target = previous_has_target;
}

/* MARK: - interruptible input */

/* Waits until `fd` is readable; returns 1 when it is, 0 when SIGINT was raised first (or the
 * wait failed). */
static inline int evalsh_wait_readable_unless_interrupted(int fd) {
    evalsh_interrupt_state *state = evalsh_interrupt();
    for (;;) {
        if (state->raised) return 0;
        struct pollfd fds[2] = { { fd, POLLIN, 0 }, { -1, POLLIN, 0 } };
        if (state->has_wake_pipe) fds[1].fd = state->wake_pipe[0];
        int ready = poll(fds, 2, -1);
        if (ready < 0) {
            if (errno == EINTR) continue;
            return 0;
        }
        if (state->raised || (fds[1].revents & POLLIN)) return 0;
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) return 1;
    }
}

/* Reads one byte, waiting unless SIGINT is raised; -1 on interrupt, end of input or error. */
static inline int evalsh_read_byte_unless_interrupted(int fd) {
    for (;;) {
        if (!evalsh_wait_readable_unless_interrupted(fd)) return -1;
        unsigned char byte;
        ssize_t count = read(fd, &byte, 1);
        if (count == 1) return byte;
        if (count < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        return -1;
    }
}

/* libedit's character source (rl_getc_function): one Unicode scalar decoded from UTF-8, or
 * -1, which libedit treats as end of input, when SIGINT arrives or the input ends. Malformed
 * sequences yield U+FFFD. libedit's own reader cannot be used because a SIGINT that arrives
 * while it is not inside read() leaves it blocked. */
static inline int evalsh_rl_getc(FILE *stream) {
    int fd = fileno(stream);
    int lead = evalsh_read_byte_unless_interrupted(fd);
    if (lead < 0x80) return lead;
    int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || lead > 0xF4) return 0xFFFD;
    int scalar = lead & (0x7F >> length);
    for (int index = 1; index < length; index++) {
        int next = evalsh_read_byte_unless_interrupted(fd);
        if (next < 0) return -1;
        if ((next & 0xC0) != 0x80) return 0xFFFD;
        scalar = (scalar << 6) | (next & 0x3F);
    }
    return scalar;
}

static inline void evalsh_rl_use_interruptible_getc(void) { rl_getc_function = evalsh_rl_getc; }

#endif
