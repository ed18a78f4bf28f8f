/*
 * The SQLite floor for `make bench`: the least any program could do with a household dump in
 * SQLite. It reads one CSV dump, stores every raw field as text in one table, in one
 * transaction, with one prepared statement and no validation, classification or index — the
 * same build settings povreview uses for the database it builds aside (no journal, no sync).
 * povreview's time is quoted as a ratio to this program's, measured in the same run.
 *
 * Usage: floor [--obligations] DATABASE.sqlite DUMP.csv [DUMP.csv ...]  (all dumps must share one
 * header)
 *
 * --obligations adds, after the inserts, the three things bare inserts leave out and a published
 * povreview database must have, each done the plainest way: the two indexes `household_status`
 * carries (a unique key household first, and one by commune and year) built over the raw rows,
 * the query planner's statistics (ANALYZE), and a durable commit (the file synced to disk).
 * `make bench` prints its ratio to the bare floor: the part of povreview's ratio that no
 * implementation of the contract avoids.
 * Hand-written because it is the yardstick: it must be the plainest use of the SQLite C API.
 */
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_FIELDS 64

static void fail(sqlite3 *db, const char *what) {
    fprintf(stderr, "floor: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
    exit(1);
}

/* Splits one CSV record (RFC 4180 quotes, no embedded line breaks in the bench data) in place.
 * Returns the number of fields; starts[i] points at field i, terminated by NUL. */
static int split(char *line, char **starts) {
    int n = 0;
    char *p = line;
    for (;;) {
        if (n == MAX_FIELDS) return n;
        if (*p == '"') {
            char *out = ++p;
            starts[n++] = out;
            for (;;) {
                if (*p == '"' && p[1] == '"') { *out++ = '"'; p += 2; }
                else if (*p == '"') { p++; break; }
                else if (*p == '\0') break;
                else *out++ = *p++;
            }
            *out = '\0';
            if (*p == ',') { p++; continue; }
            return n;
        }
        starts[n++] = p;
        while (*p && *p != ',') p++;
        if (*p == ',') { *p++ = '\0'; continue; }
        return n;
    }
}

int main(int argc, char **argv) {
    int obligations = argc > 1 && strcmp(argv[1], "--obligations") == 0;
    if (obligations) { argv++; argc--; }
    if (argc < 3) { fprintf(stderr, "usage: floor [--obligations] DATABASE.sqlite DUMP.csv [DUMP.csv ...]\n"); return 2; }
    static char buffer[1 << 16];
    char *starts[MAX_FIELDS];
    sqlite3 *db = NULL;
    sqlite3_stmt *insert = NULL;
    int columns = 0;
    long rows = 0;
    /* DATABASE is replaced: refuse a file that is not an SQLite database (say, a dump given
     * first by mistake), which removing would destroy. */
    FILE *existing = fopen(argv[1], "rb");
    if (existing) {
        char magic[16] = {0};
        size_t got = fread(magic, 1, sizeof magic, existing);
        fclose(existing);
        if (got > 0 && (got < sizeof magic || memcmp(magic, "SQLite format 3", 16) != 0)) {
            fprintf(stderr, "floor: %s exists and is not an SQLite database; not replacing it "
                            "(usage: floor DATABASE.sqlite DUMP.csv [DUMP.csv ...])\n", argv[1]);
            return 2;
        }
    }
    remove(argv[1]);
    if (sqlite3_open(argv[1], &db) != SQLITE_OK) fail(db, "open");
    if (sqlite3_exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                         "PRAGMA locking_mode = EXCLUSIVE", NULL, NULL, NULL) != SQLITE_OK) fail(db, "pragma");

    for (int file = 2; file < argc; file++) {
        FILE *in = fopen(argv[file], "r");
        if (!in) { perror(argv[file]); return 1; }
        setvbuf(in, NULL, _IOFBF, 1 << 22);
        if (!fgets(buffer, sizeof buffer, in)) { fprintf(stderr, "floor: %s is empty\n", argv[file]); return 1; }
        if (insert == NULL) {
            buffer[strcspn(buffer, "\r\n")] = '\0';
            char *header = strncmp(buffer, "\xEF\xBB\xBF", 3) == 0 ? buffer + 3 : buffer;
            columns = split(header, starts);
            char sql_create[8192] = "CREATE TABLE raw_rows (";
            char sql_insert[8192] = "INSERT INTO raw_rows VALUES (";
            for (int i = 0; i < columns; i++) {
                char part[256];
                snprintf(part, sizeof part, "%s\"%s\" TEXT", i ? ", " : "", starts[i]);
                strncat(sql_create, part, sizeof sql_create - strlen(sql_create) - 1);
                strncat(sql_insert, i ? ", ?" : "?", sizeof sql_insert - strlen(sql_insert) - 1);
            }
            strncat(sql_create, ")", sizeof sql_create - strlen(sql_create) - 1);
            strncat(sql_insert, ")", sizeof sql_insert - strlen(sql_insert) - 1);
            if (sqlite3_exec(db, sql_create, NULL, NULL, NULL) != SQLITE_OK) fail(db, "create");
            if (sqlite3_prepare_v2(db, sql_insert, -1, &insert, NULL) != SQLITE_OK) fail(db, "prepare");
            if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) fail(db, "begin");
        }
        while (fgets(buffer, sizeof buffer, in)) {
            buffer[strcspn(buffer, "\r\n")] = '\0';
            if (buffer[0] == '\0') continue;
            int n = split(buffer, starts);
            for (int i = 0; i < columns; i++) {
                if (i < n) sqlite3_bind_text(insert, i + 1, starts[i], -1, SQLITE_STATIC);
                else sqlite3_bind_null(insert, i + 1);
            }
            if (sqlite3_step(insert) != SQLITE_DONE) fail(db, "insert");
            sqlite3_reset(insert);
            rows++;
        }
        fclose(in);
    }
    if (obligations) {
        /* The key and the index by commune of household_status, over the raw rows' own columns
         * (the raw rows have no standard column: one standard a year, as in the bench data). */
        if (sqlite3_exec(db, "CREATE UNIQUE INDEX raw_key ON raw_rows (household_id, review_year); "
                             "CREATE INDEX raw_by_commune ON raw_rows (commune_code, review_year)",
                         NULL, NULL, NULL) != SQLITE_OK) fail(db, "create index");
        if (sqlite3_exec(db, "ANALYZE", NULL, NULL, NULL) != SQLITE_OK) fail(db, "analyze");
    }
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) fail(db, "commit");
    sqlite3_finalize(insert);
    sqlite3_close(db);
    if (obligations) {
        int fd = open(argv[1], O_RDONLY);
        if (fd < 0 || fsync(fd) != 0) { perror(argv[1]); return 1; }
        close(fd);
    }
    printf("floor: %ld rows\n", rows);
    return 0;
}
