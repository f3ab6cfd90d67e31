#ifndef WATCHFLOOR_CNCURSES_SHIM_H
#define WATCHFLOOR_CNCURSES_SHIM_H
// The wide-character ncurses API needs this before the header.
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>

// ncurses' globals are shared mutable state to Swift 6; read them through functions.
static inline WINDOW *wf_stdscr(void) { return stdscr; }
static inline int wf_lines(void) { return LINES; }
static inline int wf_cols(void) { return COLS; }
static inline int wf_colors(void) { return COLORS; }
static inline int wf_color_pairs(void) { return COLOR_PAIRS; }

#endif
