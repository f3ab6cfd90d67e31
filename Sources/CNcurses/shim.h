#ifndef WATCHFLOOR_CNCURSES_SHIM_H
#define WATCHFLOOR_CNCURSES_SHIM_H
// The wide-character ncurses API needs this before the header.
#define _XOPEN_SOURCE_EXTENDED 1
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <locale.h>
#include <ncursesw/curses.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
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
// Every Swift file that calls these functions compiles its own copy of them, and SwiftPM
// does not rebuild it when only this header changes: after editing it, touch the files that
// import CNcurses (or build clean), or they keep the old code.
// ---------------------------------------------------------------------------------------

#define WF_SIG_MAX 65

/// The signal state too large for a scalar: allocated once, never freed.
struct wf_sig_state {
  /// Actions the watched signals had before the watch was installed.
  struct sigaction watch_previous[WF_SIG_MAX];
  /// Actions the crash signals had before the fatal-signal handler was installed.
  struct sigaction crash_previous[WF_SIG_MAX];
  /// Actions the termination signals had before the crash path was armed.
  struct sigaction termination_previous[WF_SIG_MAX];
  /// Which termination signals the armed crash path handles (not those found ignored).
  unsigned char termination_handled[WF_SIG_MAX];
  /// Directory crash reports are written to (created by the handler), or "" for stderr.
  char report_directory[4096];
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
/// Whether the fatal-signal handler is installed on the crash signals.
__attribute__((weak)) volatile sig_atomic_t wf_sig_fatal_installed = 0;
/// Whether arming installed it (so disarming takes it away again).
__attribute__((weak)) volatile sig_atomic_t wf_sig_fatal_installed_by_arm = 0;
/// Set by the first thread that enters the fatal-signal handler.
__attribute__((weak)) volatile sig_atomic_t wf_sig_fatal_in_progress = 0;

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
/// Signals that mean the program is broken: the handler writes a crash report. (The Swift
/// runtime's backtracer handles these same signals, and prompts on a terminal.)
static const int wf_sig_crashes[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT};
/// Signals whose default action ends the process but that are no crash: handled only while
/// a terminal is in program mode, to restore it.
static const int wf_sig_terminations[] = {SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGXCPU, SIGXFSZ};

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

// --- The fatal-signal handler ---------------------------------------------------------
// What runs in the handler is async-signal-safe: write, open, close, mkdir, readlink,
// getpid, clock_gettime, nanosleep, tcsetattr, _exit, strlen; and glibc's backtrace and
// backtrace_symbols_fd, which do not allocate once libgcc_s is loaded (installing loads it;
// backtrace_symbols_fd takes the dynamic loader's lock, so a crash inside dlopen could
// hang it: an accepted risk). No stdio, no malloc: numbers and the report's name are
// formatted by hand into stack buffers, from the crash's own clock_gettime.

static inline int wf_sig_is_crash(int signo) {
  for (size_t i = 0; i < sizeof wf_sig_crashes / sizeof wf_sig_crashes[0]; i++) {
    if (wf_sig_crashes[i] == signo) return 1;
  }
  return 0;
}

/// The signal's name ("SIGSEGV"), or "signal" for one not handled here.
static inline const char *wf_sig_name(int signo) {
  switch (signo) {
  case SIGSEGV: return "SIGSEGV";
  case SIGBUS: return "SIGBUS";
  case SIGILL: return "SIGILL";
  case SIGFPE: return "SIGFPE";
  case SIGABRT: return "SIGABRT";
  case SIGTRAP: return "SIGTRAP";
  case SIGQUIT: return "SIGQUIT";
  case SIGUSR1: return "SIGUSR1";
  case SIGUSR2: return "SIGUSR2";
  case SIGPIPE: return "SIGPIPE";
  case SIGALRM: return "SIGALRM";
  case SIGXCPU: return "SIGXCPU";
  case SIGXFSZ: return "SIGXFSZ";
  default: return "signal";
  }
}

static void wf_sig_write_all(int fd, const char *bytes, size_t left) {
  while (left > 0) {
    ssize_t written = write(fd, bytes, left);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return;
    bytes += written;
    left -= (size_t)written;
  }
}

/// A buffer filled by the `wf_sig_put_*` functions; what does not fit is dropped.
struct wf_sig_text {
  char *cursor;
  char *end;  // one before the last byte: room for the terminating NUL
};

static void wf_sig_put_string(struct wf_sig_text *text, const char *string) {
  while (*string != 0 && text->cursor < text->end) *text->cursor++ = *string++;
  *text->cursor = 0;
}

/// `value` in `base` (10 or 16), at least `digits` digits.
static void wf_sig_put_number(struct wf_sig_text *text, unsigned long long value, unsigned base,
                              int digits) {
  char reversed[32];
  int count = 0;
  do {
    reversed[count++] = "0123456789abcdef"[value % base];
    value /= base;
  } while ((value > 0 || count < digits) && count < (int)sizeof reversed);
  while (count > 0 && text->cursor < text->end) *text->cursor++ = reversed[--count];
  *text->cursor = 0;
}

/// `seconds` since the epoch as UTC, `YYYYMMDDTHHMMSSZ` when `compact`, else
/// `YYYY-MM-DDTHH:MM:SSZ` (the days-to-civil conversion of Howard Hinnant's date algorithms).
static void wf_sig_put_time(struct wf_sig_text *text, long long seconds, int compact) {
  long long days = (seconds >= 0 ? seconds : seconds - 86399) / 86400;
  long long of_day = seconds - days * 86400;
  days += 719468;
  long long era = (days >= 0 ? days : days - 146096) / 146097;
  unsigned long long day_of_era = (unsigned long long)(days - era * 146097);
  unsigned long long year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  unsigned long long day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  unsigned long long shifted_month = (5 * day_of_year + 2) / 153;
  unsigned long long day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  unsigned long long month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  long long year = (long long)year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  const char *date_separator = compact ? "" : "-";
  const char *time_separator = compact ? "" : ":";
  wf_sig_put_number(text, (unsigned long long)(year > 0 ? year : 0), 10, 4);
  wf_sig_put_string(text, date_separator);
  wf_sig_put_number(text, month, 10, 2);
  wf_sig_put_string(text, date_separator);
  wf_sig_put_number(text, day, 10, 2);
  wf_sig_put_string(text, "T");
  wf_sig_put_number(text, (unsigned long long)(of_day / 3600), 10, 2);
  wf_sig_put_string(text, time_separator);
  wf_sig_put_number(text, (unsigned long long)(of_day / 60 % 60), 10, 2);
  wf_sig_put_string(text, time_separator);
  wf_sig_put_number(text, (unsigned long long)(of_day % 60), 10, 2);
  wf_sig_put_string(text, "Z");
}

/// Creates the report directory (and its missing parents) and a new report file in it,
/// `crash-YYYYMMDDTHHMMSSZ-PID.txt`, whose path is left in `path`. Returns the open
/// descriptor, or -1 (no directory configured, or it cannot be created or written).
static int wf_sig_open_report(char *path, size_t size, long long seconds) {
  struct wf_sig_state *state = wf_sig_state_pointer;
  if (state == NULL || state->report_directory[0] == 0) return -1;
  struct wf_sig_text text = {path, path + size - 1};
  wf_sig_put_string(&text, state->report_directory);
  for (char *slash = path + 1; *slash != 0; slash++) {
    if (*slash != '/') continue;
    *slash = 0;
    mkdir(path, 0700);
    *slash = '/';
  }
  mkdir(path, 0700);
  wf_sig_put_string(&text, "/crash-");
  wf_sig_put_time(&text, seconds, 1);
  wf_sig_put_string(&text, "-");
  wf_sig_put_number(&text, (unsigned long long)getpid(), 10, 1);
  wf_sig_put_string(&text, ".txt");
  if (text.cursor >= text.end) return -1;  // truncated: not the name we meant
  return open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
}

/// Writes the crash report (what happened, then the backtrace of the thread that received
/// the signal) to a new file in the report directory, then its path to stderr; without a
/// file, the report itself goes to stderr.
static void wf_sig_write_crash_report(int signo, const siginfo_t *info) {
  void *frames[128];
  int frame_count = backtrace(frames, (int)(sizeof frames / sizeof frames[0]));
  struct timespec now;
  if (clock_gettime(CLOCK_REALTIME, &now) != 0) now.tv_sec = 0;
  char path[4352];
  path[0] = 0;
  int file = wf_sig_open_report(path, sizeof path, (long long)now.tv_sec);
  int report = file >= 0 ? file : 2;

  char header[6144];
  struct wf_sig_text text = {header, header + sizeof header - 1};
  wf_sig_put_string(&text, "watchfloor crash report\nsignal: ");
  wf_sig_put_string(&text, wf_sig_name(signo));
  wf_sig_put_string(&text, " (");
  wf_sig_put_number(&text, (unsigned long long)signo, 10, 1);
  wf_sig_put_string(&text, ")");
  if (info != NULL && info->si_code > 0) {
    wf_sig_put_string(&text, ", raised by the kernel (code ");
    wf_sig_put_number(&text, (unsigned long long)info->si_code, 10, 1);
    wf_sig_put_string(&text, ")");
    if (signo == SIGSEGV || signo == SIGBUS || signo == SIGILL || signo == SIGFPE ||
        signo == SIGTRAP) {
      wf_sig_put_string(&text, ", fault address 0x");
      wf_sig_put_number(&text, (unsigned long long)(uintptr_t)info->si_addr, 16, 1);
    }
  } else if (info != NULL) {
    wf_sig_put_string(&text, ", sent by process ");
    wf_sig_put_number(&text, (unsigned long long)info->si_pid, 10, 1);
  }
  wf_sig_put_string(&text, "\nprocess: ");
  wf_sig_put_number(&text, (unsigned long long)getpid(), 10, 1);
  char executable[4096];
  ssize_t length = readlink("/proc/self/exe", executable, sizeof executable - 1);
  if (length > 0) {
    executable[length] = 0;
    wf_sig_put_string(&text, " ");
    wf_sig_put_string(&text, executable);
  }
  wf_sig_put_string(&text, "\ntime: ");
  wf_sig_put_time(&text, (long long)now.tv_sec, 0);
  wf_sig_put_string(&text,
                    "\n\nbacktrace of the thread that received the signal, innermost first "
                    "(the first frames are the handler's own):\n");
  wf_sig_write_all(report, header, (size_t)(text.cursor - header));
  backtrace_symbols_fd(frames, frame_count, report);
  static const char footer[] =
      "\nTo name a frame: addr2line -f -e FILE 0xOFFSET | swift demangle --simplified\n"
      "(FILE and OFFSET as in the frame's FILE(+0xOFFSET)).\n";
  wf_sig_write_all(report, footer, sizeof footer - 1);
  if (file < 0) return;
  close(file);
  text = (struct wf_sig_text){header, header + sizeof header - 1};
  wf_sig_put_string(&text, "watchfloor: ");
  wf_sig_put_string(&text, wf_sig_name(signo));
  wf_sig_put_string(&text, ": crash report in ");
  wf_sig_put_string(&text, path);
  wf_sig_put_string(&text, "\n");
  wf_sig_write_all(2, header, (size_t)(text.cursor - header));
}

/// The fatal-signal handler, for the crash signals (always, once installed) and the
/// termination signals (while the crash path is armed): resets the terminal when one is in
/// program mode, writes a crash report for a crash signal, and ends the process with
/// `_exit(128 + signo)`. Exiting rather than dying of the signal makes every observer (a
/// shell's `$?`, `waitpid`'s WEXITSTATUS, tmux's `pane_dead_status`) see 128 + signal, like
/// the run loop's exit on SIGINT, SIGTERM and SIGHUP, and it never hands the signal to the
/// action it had before (the Swift runtime's backtracer, which prompts on a terminal). The
/// price is no core dump: the crash report stands in for it.
static void wf_sig_fatal_handler(int signo, siginfo_t *info, void *context) {
  (void)context;
  if (__atomic_exchange_n(&wf_sig_fatal_in_progress, 1, __ATOMIC_SEQ_CST)) {
    // Another thread is already ending the process: let it finish, but not forever.
    struct timespec pause = {0, 10 * 1000 * 1000};
    for (int i = 0; i < 300; i++) nanosleep(&pause, NULL);
    _exit(128 + signo);
  }
  if (wf_sig_crash_armed) {
    wf_sig_emergency_reset();
    wf_sig_crash_armed = 0;
  }
  if (wf_sig_is_crash(signo)) wf_sig_write_crash_report(signo, info);
  _exit(128 + signo);
}

/// Installs an alternate signal stack on the calling thread when it has none, or a smaller
/// one (the Swift runtime's, say, whose handlers no longer run), so the handler also runs
/// after a stack overflow.
static inline void wf_sig_ensure_alt_stack(struct wf_sig_state *state) {
  stack_t current;
  if (sigaltstack(NULL, &current) == 0 && !(current.ss_flags & SS_ONSTACK) &&
      ((current.ss_flags & SS_DISABLE) || current.ss_size < sizeof state->alt_stack)) {
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = state->alt_stack;
    stack.ss_size = sizeof state->alt_stack;
    sigaltstack(&stack, NULL);
  }
}

/// The fatal-signal handler's action: on the alternate stack, with every signal handled
/// here blocked while it runs (a second one waits for the `_exit`).
static inline struct sigaction wf_sig_fatal_action(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = wf_sig_fatal_handler;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  for (size_t i = 0; i < sizeof wf_sig_crashes / sizeof wf_sig_crashes[0]; i++) {
    sigaddset(&action.sa_mask, wf_sig_crashes[i]);
  }
  for (size_t i = 0; i < sizeof wf_sig_terminations / sizeof wf_sig_terminations[0]; i++) {
    sigaddset(&action.sa_mask, wf_sig_terminations[i]);
  }
  for (size_t i = 0; i < sizeof wf_sig_watched / sizeof wf_sig_watched[0]; i++) {
    sigaddset(&action.sa_mask, wf_sig_watched[i]);
  }
  return action;
}

/// Sets the directory crash reports are written to (created when a crash happens); NULL or
/// "" sends them to stderr. Returns -1 with ENAMETOOLONG (and stderr chosen) when the path
/// does not fit. Not from a handler; call before installing.
static inline int wf_sig_fatal_set_report_directory(const char *directory) {
  struct wf_sig_state *state = wf_sig_state();
  if (state == NULL) {
    errno = ENOMEM;
    return -1;
  }
  size_t length = directory == NULL ? 0 : strlen(directory);
  // Room for "/crash-YYYYMMDDTHHMMSSZ-PID.txt" after it.
  if (length + 64 > sizeof state->report_directory) {
    state->report_directory[0] = 0;
    errno = ENAMETOOLONG;
    return -1;
  }
  if (length > 0) memcpy(state->report_directory, directory, length);
  state->report_directory[length] = 0;
  return 0;
}

/// Installs the fatal-signal handler on the crash signals, replacing their actions (the
/// Swift runtime's backtracer among them) until ``wf_sig_fatal_uninstall``; unblocks them on
/// the calling thread, and gives it an alternate stack. Also loads libgcc_s, which glibc's
/// `backtrace` would otherwise load (allocating) in the handler. Returns 0, or -1 with errno
/// set. Does nothing when already installed.
static inline int wf_sig_fatal_install(void) {
  if (wf_sig_fatal_installed) return 0;
  struct wf_sig_state *state = wf_sig_state();
  if (state == NULL) {
    errno = ENOMEM;
    return -1;
  }
  void *first_frame;
  backtrace(&first_frame, 1);
  wf_sig_ensure_alt_stack(state);
  struct sigaction action = wf_sig_fatal_action();
  sigset_t crashes;
  sigemptyset(&crashes);
  for (size_t i = 0; i < sizeof wf_sig_crashes / sizeof wf_sig_crashes[0]; i++) {
    int signo = wf_sig_crashes[i];
    sigaction(signo, &action, &state->crash_previous[signo]);
    sigaddset(&crashes, signo);
  }
  pthread_sigmask(SIG_UNBLOCK, &crashes, NULL);
  wf_sig_fatal_installed = 1;
  return 0;
}

/// Puts back the actions the crash signals had before installing. Does nothing when not
/// installed.
static inline void wf_sig_fatal_uninstall(void) {
  struct wf_sig_state *state = wf_sig_state_pointer;
  if (!wf_sig_fatal_installed || state == NULL) return;
  for (size_t i = 0; i < sizeof wf_sig_crashes / sizeof wf_sig_crashes[0]; i++) {
    int signo = wf_sig_crashes[i];
    sigaction(signo, &state->crash_previous[signo], NULL);
  }
  wf_sig_fatal_installed = 0;
  wf_sig_fatal_installed_by_arm = 0;
}

/// Whether the fatal-signal handler is installed on the crash signals.
static inline int wf_sig_fatal_is_installed(void) { return wf_sig_fatal_installed; }

/// At exit with the crash path still armed (the program exited without stopping the
/// terminal): end curses mode and reset the terminal.
static void wf_sig_exit_hook(void) {
  if (!wf_sig_crash_armed) return;
  endwin();
  wf_sig_emergency_reset();
  wf_sig_crash_armed = 0;
}

/// Arms the crash path: saves the modes of `tty_fd` (when it is a terminal) to restore,
/// installs the fatal-signal handler on the crash signals (when not installed yet) and on
/// the termination signals that are not ignored, unblocked on the calling thread, and
/// registers the exit hook. Call before curses changes the terminal modes. Does nothing when
/// already armed.
static inline void wf_sig_crash_arm(int output_fd, int tty_fd) {
  if (wf_sig_crash_armed) return;
  struct wf_sig_state *state = wf_sig_state();
  if (state == NULL) return;
  wf_sig_crash_output_fd = output_fd;
  wf_sig_crash_tty_fd = -1;
  if (tty_fd >= 0 && tcgetattr(tty_fd, &state->crash_termios) == 0) {
    wf_sig_crash_tty_fd = tty_fd;
  }
  if (!wf_sig_fatal_installed && wf_sig_fatal_install() == 0) {
    wf_sig_fatal_installed_by_arm = 1;
  }
  wf_sig_ensure_alt_stack(state);
  struct sigaction action = wf_sig_fatal_action();
  sigset_t terminations;
  sigemptyset(&terminations);
  for (size_t i = 0; i < sizeof wf_sig_terminations / sizeof wf_sig_terminations[0]; i++) {
    int signo = wf_sig_terminations[i];
    struct sigaction *previous = &state->termination_previous[signo];
    state->termination_handled[signo] = 0;
    if (sigaction(signo, NULL, previous) != 0) continue;
    // An ignored signal does not end the process: leave it ignored.
    if (!(previous->sa_flags & SA_SIGINFO) && previous->sa_handler == SIG_IGN) continue;
    if (sigaction(signo, &action, NULL) != 0) continue;
    state->termination_handled[signo] = 1;
    sigaddset(&terminations, signo);
  }
  pthread_sigmask(SIG_UNBLOCK, &terminations, NULL);
  if (!wf_sig_exit_hook_registered) {
    wf_sig_exit_hook_registered = 1;
    atexit(wf_sig_exit_hook);
  }
  wf_sig_crash_armed = 1;
}

/// Disarms the crash path: puts back the termination signals' previous actions, and the
/// crash signals' when arming installed the handler. Does nothing when not armed.
static inline void wf_sig_crash_disarm(void) {
  struct wf_sig_state *state = wf_sig_state_pointer;
  if (!wf_sig_crash_armed || state == NULL) return;
  wf_sig_crash_armed = 0;
  for (size_t i = 0; i < sizeof wf_sig_terminations / sizeof wf_sig_terminations[0]; i++) {
    int signo = wf_sig_terminations[i];
    if (!state->termination_handled[signo]) continue;
    sigaction(signo, &state->termination_previous[signo], NULL);
    state->termination_handled[signo] = 0;
  }
  if (wf_sig_fatal_installed_by_arm) wf_sig_fatal_uninstall();
  wf_sig_crash_tty_fd = -1;
}

/// Writes the reset string and restores the saved modes, as a crash would; for tests.
static inline void wf_sig_crash_reset_now(void) { wf_sig_emergency_reset(); }

#endif
