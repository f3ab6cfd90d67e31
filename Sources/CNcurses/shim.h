#ifndef WATCHFLOOR_CNCURSES_SHIM_H
#define WATCHFLOOR_CNCURSES_SHIM_H
// The wide-character ncurses API needs this before the header.
#define _XOPEN_SOURCE_EXTENDED 1
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <ncursesw/curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// ncurses' globals are shared mutable state to Swift 6; read them through functions.
static inline WINDOW *wf_stdscr(void) { return stdscr; }
static inline WINDOW *wf_curscr(void) { return curscr; }
static inline int wf_lines(void) { return LINES; }
static inline int wf_cols(void) { return COLS; }
static inline int wf_colors(void) { return COLORS; }
static inline int wf_color_pairs(void) { return COLOR_PAIRS; }

// The C library's standard streams, for newterm.
static inline FILE *wf_stdin(void) { return stdin; }
static inline FILE *wf_stdout(void) { return stdout; }

// Attribute bits (function-like macros in curses.h, which Swift does not import).
static inline attr_t wf_attr_bold(void) { return A_BOLD; }
static inline attr_t wf_attr_dim(void) { return A_DIM; }
static inline attr_t wf_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t wf_attr_reverse(void) { return A_REVERSE; }

// glibc declares pipe2 only under _GNU_SOURCE, which Swift's Glibc module does not set.
extern int pipe2(int pipefd[2], int flags);
static inline int wf_pipe2(int fds[2], int flags) { return pipe2(fds, flags); }

// ---------------------------------------------------------------------------------------
// Signals (used by WatchfloorTerminal's SignalWatch and CrashGuard only).
//
// The handlers are C, not Swift: a signal handler may only make async-signal-safe calls,
// and Swift code can reach into the runtime (retain/release, exclusivity checks, lazy
// globals). Their state lives in the `wf_sig_*` globals below, declared `weak` on purpose:
// every Swift object file that uses a header function gets its own copy of a `static`
// variable, but weak definitions are merged by the linker into one, so the handler and the
// Swift code that sets the state always agree. Only scalars with an initialiser: Swift's
// code generation leaves other weak variables (arrays, structs, tentative definitions)
// undefined, so they resolve to address 0; larger state lives behind a pointer.
// Swift must not touch these variables directly; use the functions.
// ---------------------------------------------------------------------------------------

#define WF_SIG_MAX 65

/// The signal state too large for a scalar: allocated once, never freed.
struct wf_sig_state {
  /// Actions the watched signals had before the watch was installed.
  struct sigaction watch_previous[WF_SIG_MAX];
  /// Actions the crash signals had before the crash path was armed.
  struct sigaction crash_previous[WF_SIG_MAX];
  /// Terminal modes before the console started.
  struct termios crash_termios;
  /// Alternate signal stack, so the crash path also runs on a stack overflow.
  char alt_stack[65536];
};

/// The state above, or NULL until first needed.
__attribute__((weak)) struct wf_sig_state *volatile wf_sig_state_pointer = 0;
/// Write end of the self-pipe the watched signals are written to, or -1.
__attribute__((weak)) volatile sig_atomic_t wf_sig_pipe_fd = -1;
/// Termination signals (INT, TERM, HUP) received since the last acknowledgement.
__attribute__((weak)) volatile sig_atomic_t wf_sig_termination_count = 0;
/// Whether the watch handlers are installed.
__attribute__((weak)) volatile sig_atomic_t wf_sig_watch_installed = 0;
/// Whether the crash path is armed (a terminal is in program mode).
__attribute__((weak)) volatile sig_atomic_t wf_sig_crash_armed = 0;
/// Descriptor the reset string is written to.
__attribute__((weak)) volatile sig_atomic_t wf_sig_crash_output_fd = 1;
/// Descriptor whose terminal modes were saved, or -1 when none were.
__attribute__((weak)) volatile sig_atomic_t wf_sig_crash_tty_fd = -1;
/// Whether the exit hook is registered with atexit.
__attribute__((weak)) volatile sig_atomic_t wf_sig_exit_hook_registered = 0;

/// The state, allocated on first use (never from a handler); NULL when out of memory.
static inline struct wf_sig_state *wf_sig_state(void) {
  if (wf_sig_state_pointer == NULL) {
    wf_sig_state_pointer = (struct wf_sig_state *)calloc(1, sizeof(struct wf_sig_state));
  }
  return wf_sig_state_pointer;
}

/// Leaves the alternate screen, shows the cursor, resets attributes.
static const char wf_sig_reset_sequence[] = "\033[?1049l\033[?25h\033[0m\r\n";

static const int wf_sig_watched[] = {SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGCONT};
static const int wf_sig_crashes[] = {SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE};

/// The reset string, for tests.
static inline const char *wf_sig_reset_string(void) { return wf_sig_reset_sequence; }

/// Async-signal-safe: writes the reset string and restores the saved terminal modes.
static void wf_sig_emergency_reset(void) {
  int output = wf_sig_crash_output_fd;
  const char *bytes = wf_sig_reset_sequence;
  size_t left = sizeof(wf_sig_reset_sequence) - 1;
  while (left > 0) {
    ssize_t written = write(output, bytes, left);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) break;
    bytes += written;
    left -= (size_t)written;
  }
  int tty = wf_sig_crash_tty_fd;
  struct wf_sig_state *state = wf_sig_state_pointer;
  if (tty >= 0 && state != NULL) {
    tcsetattr(tty, TCSANOW, &state->crash_termios);
  }
}

/// The watch handler: writes the signal number to the pipe. A third termination signal
/// with the first two still unacknowledged means the program is not answering: the
/// terminal is reset and the signal is re-raised with its default action.
static void wf_sig_watch_handler(int signo) {
  int saved_errno = errno;
  int fd = wf_sig_pipe_fd;
  if (fd >= 0) {
    unsigned char byte = (unsigned char)signo;
    ssize_t ignored = write(fd, &byte, 1);
    (void)ignored;
  }
  if (signo == SIGINT || signo == SIGTERM || signo == SIGHUP) {
    wf_sig_termination_count = wf_sig_termination_count + 1;
    if (wf_sig_termination_count >= 3) {
      if (wf_sig_crash_armed) wf_sig_emergency_reset();
      signal(signo, SIG_DFL);
      raise(signo);
    }
  }
  errno = saved_errno;
}

/// Installs the watch handlers writing to `write_fd`. Returns 0, or -1 with errno set
/// (every handler already installed is then restored).
static inline int wf_sig_watch_install(int write_fd) {
  if (wf_sig_watch_installed) {
    errno = EBUSY;
    return -1;
  }
  struct wf_sig_state *state = wf_sig_state();
  if (state == NULL) {
    errno = ENOMEM;
    return -1;
  }
  wf_sig_pipe_fd = write_fd;
  wf_sig_termination_count = 0;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = wf_sig_watch_handler;
  action.sa_flags = SA_RESTART;
  sigemptyset(&action.sa_mask);
  for (size_t i = 0; i < sizeof wf_sig_watched / sizeof wf_sig_watched[0]; i++) {
    sigaddset(&action.sa_mask, wf_sig_watched[i]);
  }
  for (size_t i = 0; i < sizeof wf_sig_watched / sizeof wf_sig_watched[0]; i++) {
    int signo = wf_sig_watched[i];
    if (sigaction(signo, &action, &state->watch_previous[signo]) != 0) {
      int failure = errno;
      for (size_t j = 0; j < i; j++) {
        sigaction(wf_sig_watched[j], &state->watch_previous[wf_sig_watched[j]], NULL);
      }
      wf_sig_pipe_fd = -1;
      errno = failure;
      return -1;
    }
  }
  wf_sig_watch_installed = 1;
  return 0;
}

/// Restores the actions the watched signals had before; does nothing when not installed.
static inline void wf_sig_watch_uninstall(void) {
  struct wf_sig_state *state = wf_sig_state_pointer;
  if (!wf_sig_watch_installed || state == NULL) return;
  for (size_t i = 0; i < sizeof wf_sig_watched / sizeof wf_sig_watched[0]; i++) {
    int signo = wf_sig_watched[i];
    sigaction(signo, &state->watch_previous[signo], NULL);
  }
  wf_sig_pipe_fd = -1;
  wf_sig_watch_installed = 0;
}

/// Forgets the termination signals received so far (the program has seen them).
static inline void wf_sig_acknowledge(void) { wf_sig_termination_count = 0; }

/// The crash handler: resets the terminal, puts back the action the signal had before
/// the crash path was armed (the default, or e.g. the Swift runtime's backtracer), and lets
/// that action handle the signal: a fault raised by the kernel happens again when the
/// handler returns; a signal sent by a process (kill, raise, abort) is raised again.
static void wf_sig_crash_handler(int signo, siginfo_t *info, void *context) {
  (void)context;
  int saved_errno = errno;
  if (wf_sig_crash_armed) {
    wf_sig_emergency_reset();
    wf_sig_crash_armed = 0;
  }
  struct wf_sig_state *state = wf_sig_state_pointer;
  struct sigaction previous;
  if (state != NULL) {
    previous = state->crash_previous[signo];
  } else {
    memset(&previous, 0, sizeof previous);
    previous.sa_handler = SIG_DFL;
  }
  if (!(previous.sa_flags & SA_SIGINFO) && previous.sa_handler == SIG_IGN) {
    previous.sa_handler = SIG_DFL;
  }
  sigaction(signo, &previous, NULL);
  if (info == NULL || info->si_code <= 0) {
    raise(signo);
  }
  errno = saved_errno;
}

/// At exit with the crash path still armed (the program exited without stopping the
/// terminal): end curses mode and reset the terminal.
static void wf_sig_exit_hook(void) {
  if (!wf_sig_crash_armed) return;
  endwin();
  wf_sig_emergency_reset();
  wf_sig_crash_armed = 0;
}

/// Arms the crash path: saves the modes of `tty_fd` (when it is a terminal) to restore on a
/// crash, installs the crash handlers on an alternate stack, and registers the exit hook.
/// Call before curses changes the terminal modes. Does nothing when already armed.
static inline void wf_sig_crash_arm(int output_fd, int tty_fd) {
  if (wf_sig_crash_armed) return;
  struct wf_sig_state *state = wf_sig_state();
  if (state == NULL) return;
  wf_sig_crash_output_fd = output_fd;
  wf_sig_crash_tty_fd = -1;
  if (tty_fd >= 0 && tcgetattr(tty_fd, &state->crash_termios) == 0) {
    wf_sig_crash_tty_fd = tty_fd;
  }
  stack_t current;
  if (sigaltstack(NULL, &current) == 0 && (current.ss_flags & SS_DISABLE)) {
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = state->alt_stack;
    stack.ss_size = sizeof state->alt_stack;
    sigaltstack(&stack, NULL);
  }
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = wf_sig_crash_handler;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  for (size_t i = 0; i < sizeof wf_sig_crashes / sizeof wf_sig_crashes[0]; i++) {
    int signo = wf_sig_crashes[i];
    sigaction(signo, &action, &state->crash_previous[signo]);
  }
  if (!wf_sig_exit_hook_registered) {
    wf_sig_exit_hook_registered = 1;
    atexit(wf_sig_exit_hook);
  }
  wf_sig_crash_armed = 1;
}

/// Disarms the crash path: restores the crash signals' previous actions. Does nothing when
/// not armed.
static inline void wf_sig_crash_disarm(void) {
  struct wf_sig_state *state = wf_sig_state_pointer;
  if (!wf_sig_crash_armed || state == NULL) return;
  wf_sig_crash_armed = 0;
  for (size_t i = 0; i < sizeof wf_sig_crashes / sizeof wf_sig_crashes[0]; i++) {
    int signo = wf_sig_crashes[i];
    sigaction(signo, &state->crash_previous[signo], NULL);
  }
  wf_sig_crash_tty_fd = -1;
}

/// Writes the reset string and restores the saved modes, as a crash would; for tests.
static inline void wf_sig_crash_reset_now(void) { wf_sig_emergency_reset(); }

#endif
