/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_CLI_H
#define CCHC_CLI_H

/* Runs the command line of SPEC §5 and returns the exit status (0, 1 or
 * 2). Messages go to stderr, prefixed "cchc: ". */
int cchc_cli_run(int argc, char **argv);

#endif
