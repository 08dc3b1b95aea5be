/* libFuzzer target: the record loader. Any input must be refused with a message or
 * loaded whole; a loaded record must save, load again with every check on, and save
 * to the same bytes (the round trip that saves and replays rely on).
 * Run: tests/fuzz/run.sh (docs/records.md). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "niact/record.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static niact_host *host;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    char msg[4096];
    if (niact_host_load(NIACT_TEST_DIR "/scenarios/testland", NIACT_SCRIPTS_DIR "/lib", NULL,
                        &host, msg, sizeof msg) != NIACT_OK) {
        fprintf(stderr, "fuzz_record: testland does not load: %s\n", msg);
        abort();
    }
    return 0;
}

static void round_trip(niact_session *s) {
    char *a, *b, msg[2048];
    size_t la, lb;
    niact_loaded l;
    niact_record_opts strict = {0};
    strict.host = host;
    if (niact_record_dump(s, NIACT_RECORD_ALL_ROLES, &a, &la, msg, sizeof msg) != NIACT_OK)
        return; /* out of memory */
    if (niact_record_load_text(a, la, &strict, &l, msg, sizeof msg) != NIACT_OK) {
        fprintf(stderr, "a saved record does not load: %s\n%s", msg, a);
        abort();
    }
    if (niact_record_dump(l.session, NIACT_RECORD_ALL_ROLES, &b, &lb, msg, sizeof msg) ==
            NIACT_OK &&
        (la != lb || memcmp(a, b, la) != 0)) {
        fprintf(stderr, "load -> save changed the record:\n%s\n---\n%s", a, b);
        abort();
    }
    free(b);
    free(a);
    niact_loaded_free(&l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char msg[2048];
    niact_loaded l;
    niact_record_opts o = {0};
    o.host = host;
    /* Lenient, so inputs reach the replay: hashes and the content hash go unchecked. */
    o.ignore_hashes = 1;
    o.ignore_content_hash = 1;
    niact_status st = niact_record_load_text((const char *)data, size, &o, &l, msg, sizeof msg);
    if (st != NIACT_OK) {
        if (!msg[0] || l.session) {
            fprintf(stderr, "refused without a message, or half loaded\n");
            abort();
        }
        return 0;
    }
    round_trip(l.session);
    niact_loaded_free(&l);
    return 0;
}
