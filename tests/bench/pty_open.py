#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs cchc in a fresh 160x48 pseudo-terminal, presses q as soon as the
first screen is on it, and prints the seconds from start to exit and the
peak resident memory (KB) of the run.

Usage: pty_open.py CCHC ARGS..."""
import fcntl
import os
import subprocess
import struct
import sys
import tempfile
import termios
import time


def main():
    # /usr/bin/time reports cchc's own peak memory: measured from here it
    # would include the interpreter that started it.
    rss_file = tempfile.NamedTemporaryFile(prefix='cchc-rss-')
    argv = ['/usr/bin/time', '-f', '%M', '-o', rss_file.name] + sys.argv[1:]
    fd, tty = os.openpty()
    fcntl.ioctl(tty, termios.TIOCSWINSZ, struct.pack('HHHH', 48, 160, 0, 0))
    env = dict(os.environ, TERM='xterm-256color')
    env.setdefault('LANG', 'C.UTF-8')
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdin=tty, stdout=tty, stderr=tty, env=env,
                             start_new_session=True)
    pid = child.pid
    os.close(tty)
    seen = b''
    pressed = False
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen = (seen + chunk)[-4096:]
        # The status bar is the last thing a frame draws.
        if not pressed and b'quit' in seen:
            os.write(fd, b'q')
            pressed = True
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    if not pressed or os.waitstatus_to_exitcode(status) != 0:
        sys.exit('cchc did not show its screen and quit cleanly')
    with open(rss_file.name) as f:
        rss = int(f.read().split()[-1])
    print('%.4f %d' % (elapsed, rss))


if __name__ == '__main__':
    main()
