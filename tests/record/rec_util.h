/* Helpers of the record tests: the testland host, seeded AI games, files. */
#ifndef NIACT_TEST_REC_UTIL_H
#define NIACT_TEST_REC_UTIL_H

#include <stdint.h>
#include <stdio.h>

#include "niact/record.h"

#define TESTLAND NIACT_TEST_DIR "/scenarios/testland"
#define LIBDIR NIACT_SCRIPTS_DIR "/lib"
#define CORPUS NIACT_TEST_DIR "/record/corpus"
#define SEEDS NIACT_TEST_DIR "/record/seeds"

/* Loads testland (fails the test if it does not load). */
niact_host *ru_host(void);
/* Seats chosen from the seed: every role an AI (random, historical or hawk). */
void ru_seats(uint64_t seed, niact_seat *seats);
/* A new session of testland with ru_seats(seed), after `turns` resolved turns (or fewer
 * if the game ends). */
niact_session *ru_game(niact_host *h, uint64_t seed, int turns);
/* Submits random legal orders for the roles in mask (the turn under way); 0 if the game
 * has ended (nothing submitted), else 1. */
int ru_submit_some(niact_session *s, uint32_t mask);
/* Loads a record text with the host; returns the status, message in msg. */
niact_status ru_load(niact_host *h, const char *text, size_t len, niact_loaded *l, char *msg,
                     size_t msglen);
/* Reads a whole file (fails the test if it cannot); *len gets its size. */
char *ru_slurp(const char *path, size_t *len);
/* Writes a file (fails the test if it cannot). */
void ru_spit(const char *path, const void *data, size_t len);

#endif
