// SPDX-License-Identifier: GPL-3.0-or-later
/* Printing goes through the CUPS client lp, as on any Debian desktop or
 * server with a print queue. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cchc/i18n.h"
#include "cchc/report.h"

extern char **environ;

/* The first line lp wrote, for a message the interface can show. */
static void first_line(FILE *log, char *line, size_t size)
{
	line[0] = '\0';
	if (log && fseek(log, 0, SEEK_SET) == 0 && fgets(line, (int)size, log)) {
		line[strcspn(line, "\r\n")] = '\0';
	}
}

/* quiet: lp's words go to log, or nowhere when there is no log, never
 * onto a full-screen interface. */
static int spawn_lp(const char *const *argv, bool quiet, FILE *log, pid_t *pid)
{
	posix_spawn_file_actions_t actions;
	posix_spawn_file_actions_init(&actions);
	if (log) {
		posix_spawn_file_actions_adddup2(&actions, fileno(log), 1);
		posix_spawn_file_actions_adddup2(&actions, fileno(log), 2);
	} else if (quiet) {
		posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
		posix_spawn_file_actions_adddup2(&actions, 1, 2);
	}
	int rc = posix_spawnp(pid, "lp", &actions, NULL, (char *const *)argv, environ);
	posix_spawn_file_actions_destroy(&actions);
	return rc;
}

static enum cchc_status send_to_lp(const char *file, const char *printer, const char *title,
				   bool quiet, struct cchc_error *err)
{
	const char *argv[8];
	int n = 0;
	argv[n++] = "lp";
	if (printer) {
		argv[n++] = "-d";
		argv[n++] = printer;
	}
	argv[n++] = "-t";
	argv[n++] = title;
	argv[n++] = file;
	argv[n] = NULL;
	FILE *log = quiet ? tmpfile() : NULL;
	pid_t pid;
	int rc = spawn_lp(argv, quiet, log, &pid);
	if (rc != 0) {
		if (log) {
			fclose(log);
		}
		return cchc_error_set(err, CCHC_ERR_IO,
				      quiet ? _("cannot print: no print spooler (lp) here: %s; save the report to a file")
					    : _("cannot print: no print spooler (lp) here: %s; save the report with -o FILE"),
				      strerror(rc));
	}
	int status = 0;
	pid_t waited;
	while ((waited = waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
	}
	char said[200];
	first_line(log, said, sizeof said);
	if (log) {
		fclose(log);
	}
	if (waited < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		return *said ? cchc_error_set(err, CCHC_ERR_IO, _("cannot print: %s"), said)
			     : cchc_error_set(err, CCHC_ERR_IO, "%s",
					      quiet ? _("cannot print: the print spooler refused the job")
						    : _("cannot print: the print spooler refused the job (see lp's message above)"));
	}
	return CCHC_OK;
}

enum cchc_status cchc_report_print(cchc_fill fill, void *context, const char *printer,
				   const char *title, bool quiet, struct cchc_error *err)
{
	char path[] = "/tmp/cchc-report-XXXXXX";
	int fd = mkstemp(path);
	FILE *out = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (!out) {
		if (fd >= 0) {
			close(fd);
			unlink(path);
		}
		return cchc_error_set(err, CCHC_ERR_IO, _("cannot write %s: %s"), path, strerror(errno));
	}
	enum cchc_status s = fill(out, context, err);
	if (fclose(out) != 0 && s == CCHC_OK) {
		s = cchc_error_set(err, CCHC_ERR_IO, _("cannot write %s: %s"), path, strerror(errno));
	}
	if (s == CCHC_OK) {
		s = send_to_lp(path, printer, title, quiet, err);
	}
	unlink(path);
	return s;
}
