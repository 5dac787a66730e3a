// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <langinfo.h>
#include <locale.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cchc/agency.h"
#include "cchc/cli.h"
#include "cchc/export.h"
#include "cchc/i18n.h"
#include "cchc/importer.h"
#include "cchc/store.h"
#include "cchc/strbuf.h"
#include "cchc/tui/app.h"
#include "cchc/xalloc.h"
#include "internal.h"

#define BUNDLED_PLAN "ke-hoach-cchc-khanh-hoa-2026.txt"

/* ---- options --------------------------------------------------------- */

struct option {
	const char *name;
	char short_name;
	bool takes_value;
	size_t offset; /* of a const char * or bool in struct cli */
};

#define TEXT_OPT(name, short_name, field) {name, short_name, true, offsetof(struct cli, field)}
#define FLAG_OPT(name, short_name, field) {name, short_name, false, offsetof(struct cli, field)}

/* Accepted anywhere on the line, before or after the subcommand. */
static const struct option options[] = {
	TEXT_OPT("db", 0, db),
	TEXT_OPT("today", 0, today_text),
	FLAG_OPT("read-only", 0, read_only),
	FLAG_OPT("help", 'h', help),
	FLAG_OPT("version", 'V', version),
	TEXT_OPT("encoding", 0, encoding),
	FLAG_OPT("replace", 0, replace),
	TEXT_OPT("format", 0, format),
	TEXT_OPT("section", 0, section),
	TEXT_OPT("output", 'o', output),
	TEXT_OPT("width", 0, width),
	FLAG_OPT("print", 0, print),
	TEXT_OPT("printer", 0, printer),
	TEXT_OPT("changes-since", 0, changes_since),
};

int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("cchc: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputs("\n", stderr);
	va_end(ap);
	fprintf(stderr, "%s\n", _("cchc: see “cchc --help”"));
	return 2;
}

static const struct option *find_option(const char *arg, const char **value)
{
	*value = NULL;
	for (size_t i = 0; i < sizeof options / sizeof *options; i++) {
		const struct option *o = &options[i];
		size_t n = strlen(o->name);
		if (arg[1] == '-' && strncmp(arg + 2, o->name, n) == 0 &&
		    (arg[2 + n] == '\0' || arg[2 + n] == '=')) {
			*value = arg[2 + n] == '=' ? arg + 3 + n : NULL;
			return o;
		}
		if (arg[1] != '-' && o->short_name && arg[1] == o->short_name && arg[2] == '\0') {
			return o;
		}
	}
	return NULL;
}

static int take_option(struct cli *cli, int argc, char **argv, int *i)
{
	const char *value;
	const struct option *o = find_option(argv[*i], &value);
	if (!o) {
		return usage_error(_("unknown option %s"), argv[*i]);
	}
	char *field = (char *)cli + o->offset;
	if (!o->takes_value) {
		*(bool *)field = true;
		return 0;
	}
	if (!value && *i + 1 >= argc) {
		return usage_error(_("option %s needs a value"), argv[*i]);
	}
	*(const char **)field = value ? value : argv[++*i];
	return 0;
}

static int parse_args(struct cli *cli, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] == '-' && a[1] != '\0') {
			int rc = take_option(cli, argc, argv, &i);
			if (rc) {
				return rc;
			}
		} else if (!cli->command) {
			cli->command = a;
		} else if (cli->arg_count < (int)(sizeof cli->args / sizeof *cli->args)) {
			cli->args[cli->arg_count++] = a;
		} else {
			return usage_error(_("too many arguments at “%s”"), a);
		}
	}
	return 0;
}

/* ---- settings from the environment ----------------------------------- */

static int resolve_today(struct cli *cli)
{
	const char *text = cli->today_text ? cli->today_text : getenv("CCHC_TODAY");
	if (!text || !*text) {
		cli->today = cchc_date_today();
		return 0;
	}
	if (!cchc_date_parse_iso(text, &cli->today)) {
		return usage_error(_("“%s” is not a date; write today as YYYY-MM-DD"), text);
	}
	return 0;
}

static int make_dirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			int rc = mkdir(path, 0700);
			*p = '/';
			if (rc != 0 && errno != EEXIST) {
				return -1;
			}
		}
	}
	return 0;
}

/* --db, CCHC_DB, then $XDG_DATA_HOME/cchc/cchc.db (~/.local/share). */
static int resolve_db(struct cli *cli)
{
	if (!cli->db) {
		cli->db = getenv("CCHC_DB");
	}
	if (cli->db && *cli->db) {
		return 0;
	}
	struct cchc_strbuf path = {0};
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (xdg && *xdg == '/') {
		cchc_strbuf_printf(&path, "%s/cchc/cchc.db", xdg);
	} else if (home && *home) {
		cchc_strbuf_printf(&path, "%s/.local/share/cchc/cchc.db", home);
	} else {
		return usage_error("%s", _("no database: give --db FILE or set CCHC_DB"));
	}
	cli->db_owned = cchc_strbuf_steal(&path);
	cli->db = cli->db_owned;
	if (!cli->read_only && make_dirs(cli->db_owned) != 0) {
		fprintf(stderr, _("cchc: cannot create the folder of %s: %s\n"), cli->db,
			strerror(errno));
		return 1;
	}
	return 0;
}

/* ---- helpers --------------------------------------------------------- */

int report(const struct cchc_error *err)
{
	fprintf(stderr, "cchc: %s\n", err->message);
	return cchc_status_exit_code(err->status);
}

static enum cchc_status read_file(const char *path, struct cchc_strbuf *out,
				  struct cchc_error *err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		return cchc_error_set(err, errno == ENOENT ? CCHC_ERR_INPUT : CCHC_ERR_IO,
				      _("cannot read %s: %s"), path, strerror(errno));
	}
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		cchc_strbuf_append(out, buf, n);
	}
	bool failed = ferror(f) != 0;
	int saved = errno;
	fclose(f);
	if (failed) {
		return cchc_error_set(err, CCHC_ERR_IO, _("cannot read %s: %s"), path,
				      strerror(saved));
	}
	return CCHC_OK;
}

static enum cchc_status parse_file(const char *path, const char *encoding,
				   const struct cchc_agency_catalogue *cat, bool quiet,
				   struct cchc_plan **plan, struct cchc_error *err)
{
	struct cchc_strbuf bytes = {0};
	enum cchc_status s = read_file(path, &bytes, err);
	struct cchc_names notes = {0};
	bool parsed = false;
	if (s == CCHC_OK) {
		struct cchc_import_options opt = {.encoding = encoding};
		s = cchc_import_parse(cchc_strbuf_str(&bytes), bytes.len, &opt, cat, plan, &notes, err);
		parsed = true;
	}
	if (s != CCHC_OK && parsed) {
		/* Name the file in front of "line N: …". */
		struct cchc_strbuf msg = {0};
		cchc_strbuf_printf(&msg, "%s: %s", path, err->message);
		cchc_error_set(err, s, "%s", cchc_strbuf_str(&msg));
		cchc_strbuf_finish(&msg);
	}
	for (size_t i = 0; i < notes.count && !quiet; i++) {
		fprintf(stderr, _("cchc: %s: note: %s\n"), path, notes.items[i]);
	}
	cchc_names_finish(&notes);
	cchc_strbuf_finish(&bytes);
	return s;
}

static enum cchc_status open_writable(const struct cli *cli, struct cchc_store **store,
				      struct cchc_error *err)
{
	enum cchc_status s = cchc_store_open(cli->db, CCHC_STORE_READ_WRITE, store, err);
	if (s == CCHC_OK && cchc_store_read_only(*store)) {
		cchc_store_close(*store);
		*store = NULL;
		s = cchc_error_set(err, CCHC_ERR_READ_ONLY, _("cannot write the database %s"), cli->db);
	}
	return s;
}

/* Imports path; quiet keeps the repair notes of a known document (the
 * bundled plan) from the terminal. */
static enum cchc_status import_into(const struct cli *cli, const char *path, bool replace,
				    bool quiet, size_t *tasks, size_t *sections,
				    struct cchc_error *err)
{
	struct cchc_agency_catalogue *cat = cchc_agency_catalogue_builtin();
	struct cchc_plan *plan = NULL;
	struct cchc_store *store = NULL;
	enum cchc_status s = parse_file(path, cli->encoding, cat, quiet, &plan, err);
	if (s == CCHC_OK) {
		s = open_writable(cli, &store, err);
	}
	if (s == CCHC_OK) {
		s = cchc_store_save_plan(store, plan, cat, replace, err);
	}
	if (s == CCHC_OK) {
		*tasks = plan->task_count;
		*sections = plan->section_count;
	}
	cchc_store_close(store);
	cchc_plan_destroy(plan);
	cchc_agency_catalogue_destroy(cat);
	return s;
}

/* ---- commands -------------------------------------------------------- */

static int cmd_import(struct cli *cli)
{
	if (cli->arg_count != 1) {
		return usage_error("%s", _("import needs exactly one FILE"));
	}
	struct cchc_error err = {0};
	size_t tasks = 0, sections = 0;
	if (import_into(cli, cli->args[0], cli->replace, false, &tasks, &sections, &err) != CCHC_OK) {
		return report(&err);
	}
	printf(ngettext_("Imported %zu task in %zu sections into %s\n",
			 "Imported %zu tasks in %zu sections into %s\n", tasks),
	       tasks, sections, cli->db);
	return 0;
}

enum cchc_status load(const struct cli *cli, struct cchc_plan **plan, struct cchc_error *err)
{
	struct cchc_store *store = NULL;
	enum cchc_status s = cchc_store_open(cli->db, CCHC_STORE_READ_ONLY, &store, err);
	if (s == CCHC_OK) {
		s = cchc_store_load_plan(store, plan, err);
	}
	cchc_store_close(store);
	return s;
}

typedef enum cchc_status (*exporter)(FILE *, const struct cchc_plan *, long, cchc_day,
				     struct cchc_error *);

static const struct {
	const char *name;
	exporter write;
} export_formats[] = {
	{"json", cchc_export_json},
	{"csv", cchc_export_csv},
};

static exporter find_exporter(const char *name)
{
	for (size_t i = 0; i < sizeof export_formats / sizeof *export_formats; i++) {
		if (strcmp(export_formats[i].name, name) == 0) {
			return export_formats[i].write;
		}
	}
	return NULL;
}

static int write_export(const struct cli *cli, exporter write, const struct cchc_plan *plan,
			long section)
{
	struct cchc_error err = {0};
	FILE *out = cli->output ? fopen(cli->output, "wb") : stdout;
	if (!out) {
		fprintf(stderr, _("cchc: cannot write %s: %s\n"), cli->output, strerror(errno));
		return 1;
	}
	enum cchc_status s = write(out, plan, section, cli->today, &err);
	if (cli->output && fclose(out) != 0 && s == CCHC_OK) {
		s = cchc_error_set(&err, CCHC_ERR_IO, _("cannot write %s: %s"), cli->output,
				   strerror(errno));
	}
	return s == CCHC_OK ? 0 : report(&err);
}

static int cmd_export(struct cli *cli)
{
	exporter write = find_exporter(cli->format ? cli->format : "json");
	if (!write) {
		return usage_error(_("unknown export format “%s” (json or csv)"), cli->format);
	}
	if (cli->arg_count != 0) {
		return usage_error(_("export takes no FILE argument (“%s”); use -o FILE"), cli->args[0]);
	}
	struct cchc_error err = {0};
	struct cchc_plan *plan = NULL;
	if (load(cli, &plan, &err) != CCHC_OK) {
		return report(&err);
	}
	long section;
	int rc = 0;
	if (pick_section(cli, plan, &section, &rc)) {
		rc = write_export(cli, write, plan, section);
	}
	cchc_plan_destroy(plan);
	return rc;
}

static int cmd_backup(struct cli *cli)
{
	if (cli->arg_count != 0) {
		return usage_error(_("backup takes no FILE argument (“%s”); use -o FILE"), cli->args[0]);
	}
	struct cchc_error err = {0};
	struct cchc_store *store = NULL;
	char *made = NULL;
	enum cchc_status s = cchc_store_open(cli->db, CCHC_STORE_READ_ONLY, &store, &err);
	if (s == CCHC_OK && cli->output) {
		s = cchc_store_backup(store, cli->output, &err);
		made = s == CCHC_OK ? strdup(cli->output) : NULL;
	} else if (s == CCHC_OK) {
		s = cchc_store_backup_rotated(store, "", &made, &err);
	}
	cchc_store_close(store);
	if (s != CCHC_OK) {
		return report(&err);
	}
	printf(_("Backup written to %s\n"), made);
	free(made);
	return 0;
}

bool pick_section(const struct cli *cli, const struct cchc_plan *plan, long *section, int *rc)
{
	*section = cli->section ? cchc_export_find_section(plan, cli->section) : -1;
	if (cli->section && *section < 0) {
		*rc = usage_error(_("no section “%s” (I to VII, or 1 to 7)"), cli->section);
		return false;
	}
	return true;
}

/* The bundled plan: $CCHC_DATA_DIR, the installed data, or the source. */
static char *bundled_plan_path(void)
{
	const char *dirs[] = {getenv("CCHC_DATA_DIR"), CCHC_DATADIR, CCHC_SOURCE_DATADIR};
	for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
		if (!dirs[i] || !*dirs[i]) {
			continue;
		}
		struct cchc_strbuf path = {0};
		cchc_strbuf_printf(&path, "%s/%s", dirs[i], BUNDLED_PLAN);
		struct stat st;
		if (stat(path.data, &st) == 0) {
			return cchc_strbuf_steal(&path);
		}
		cchc_strbuf_finish(&path);
	}
	return NULL;
}

/* A new database gets the bundled 2026 plan on first open; *said gets
 * the sentence that tells the officer so (empty when nothing happened). */
static int first_open(struct cli *cli, struct cchc_strbuf *said)
{
	struct cchc_error err = {0};
	struct cchc_store *store = NULL;
	bool has = false;
	enum cchc_status s = cchc_store_open(cli->db, cli->read_only ? CCHC_STORE_READ_ONLY
								     : CCHC_STORE_READ_WRITE,
					     &store, &err);
	if (s == CCHC_OK) {
		s = cchc_store_has_plan(store, &has, &err);
	}
	cchc_store_close(store);
	if (s != CCHC_OK) {
		return report(&err);
	}
	if (has || cli->read_only) {
		return 0;
	}
	char *path = bundled_plan_path();
	if (!path) {
		fprintf(stderr, "%s\n", _("cchc: the bundled plan is not installed"));
		return 1;
	}
	size_t tasks = 0, sections = 0;
	s = import_into(cli, path, false, true, &tasks, &sections, &err);
	free(path);
	if (s != CCHC_OK) {
		return report(&err);
	}
	cchc_strbuf_printf(said, _("New database %s: imported the bundled plan (%zu tasks in %zu sections)."),
			   cli->db, tasks, sections);
	return 0;
}

/* The interface draws Vietnamese only in a UTF-8 locale; a session
 * without one (a bare SSH login) gets C.UTF-8 for its characters. */
static void ensure_utf8(void)
{
	const char *codeset = nl_langinfo(CODESET);
	if (!codeset || strcmp(codeset, "UTF-8") != 0) {
		setlocale(LC_CTYPE, "C.UTF-8");
	}
}

static int run_interface(struct cli *cli, const char *said)
{
	struct cchc_error err = {0};
	struct cchc_store *store = NULL;
	struct cchc_app *app = NULL;
	enum cchc_status s = cchc_store_open(cli->db, cli->read_only ? CCHC_STORE_READ_ONLY
								     : CCHC_STORE_READ_WRITE,
					     &store, &err);
	if (s == CCHC_OK) {
		s = cchc_app_create(store, cli->today, 80, 24, &app, &err);
	}
	if (s == CCHC_OK && *said) {
		cchc_app_message(app, said, false);
	}
	if (s == CCHC_OK) {
		ensure_utf8();
		s = cchc_tui_run(app, &err);
	}
	cchc_app_destroy(app);
	cchc_store_close(store);
	return s == CCHC_OK ? 0 : report(&err);
}

static int cmd_interface(struct cli *cli)
{
	if (cli->arg_count != 0) {
		return usage_error(_("unknown command “%s”"), cli->args[0]);
	}
	struct cchc_strbuf said = {0};
	int rc = first_open(cli, &said);
	if (rc == 0 && !(isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))) {
		if (said.len) {
			printf("%s\n", said.data);
		}
		fprintf(stderr, "%s\n", _("cchc: the full-screen interface needs a terminal; use “cchc export” in scripts"));
		rc = 2;
	} else if (rc == 0) {
		rc = run_interface(cli, cchc_strbuf_str(&said));
	}
	cchc_strbuf_finish(&said);
	return rc;
}

static void print_help(void)
{
	printf("%s", _("Usage:\n"
		       "  cchc [--db FILE] [--today DATE] [--read-only]   open the plan\n"
		       "  cchc import FILE [--encoding ENC] [--replace]    import a plan document\n"
		       "  cchc export [--format json|csv] [--section CODE] [-o FILE]\n"
		       "  cchc report [--section CODE] [--format text|md|html|csv|pdf] [-o FILE]\n"
		       "              [--width N] [--encoding ENC] [--print [--printer P]]\n"
		       "              [--changes-since DATE]            a summary for meetings\n"
		       "  cchc backup [-o FILE]                           copy the database safely\n"
		       "  cchc --help | --version\n"
		       "\n"
		       "Options:\n"
		       "  --db FILE        the plan database (default: $CCHC_DB, else\n"
		       "                   $XDG_DATA_HOME/cchc/cchc.db)\n"
		       "  --today DATE     compute states as on DATE, YYYY-MM-DD ($CCHC_TODAY)\n"
		       "  --read-only      never write to the database\n"
		       "  --encoding ENC   the document's encoding, e.g. CP1258 or TCVN5712-1\n"
		       "  --replace        replace the plan, keeping the tracking of unchanged tasks\n"
		       "  --format FMT     json (default) or csv\n"
		       "  --section CODE   only one section: I … VII, or 1 … 7\n"
		       "  -o, --output FILE  write to FILE instead of standard output\n"
		       "  --width N        text reports: columns per line (80)\n"
		       "  --print          send the report to the printer (lp), as PDF unless --format\n"
		       "                   says otherwise; --printer P picks one\n"
		       "  --changes-since DATE  report the changes made since DATE or DATE TIME\n"
		       "\n"
		       "Exit status: 0 success, 1 runtime failure, 2 bad usage or bad input.\n"));
}

static const struct {
	const char *name;
	int (*run)(struct cli *cli);
} commands[] = {
	{"import", cmd_import},
	{"export", cmd_export},
	{"backup", cmd_backup},
	{"report", cmd_report},
};

static int dispatch(struct cli *cli)
{
	if (!cli->command) {
		return cmd_interface(cli);
	}
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
		if (strcmp(commands[i].name, cli->command) == 0) {
			return commands[i].run(cli);
		}
	}
	return usage_error(_("unknown command “%s”"), cli->command);
}

int cchc_cli_run(int argc, char **argv)
{
	struct cli cli = {0};
	int rc = parse_args(&cli, argc, argv);
	if (rc) {
		return rc;
	}
	if (cli.help) {
		print_help();
		return 0;
	}
	if (cli.version) {
		printf("cchc %s\n", VERSION);
		return 0;
	}
	rc = resolve_today(&cli);
	if (!rc) {
		rc = resolve_db(&cli);
	}
	if (!rc) {
		rc = dispatch(&cli);
	}
	free(cli.db_owned);
	return rc;
}
