package io.miningos.gateway.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regular expressions come from HTTP clients. These tests feed the engine patterns with catastrophic
 * backtracking. Recent JDKs defuse the textbook {@code (a+)+$} themselves, but nested, lazy, counted and
 * back-referencing variants still take exponential or high-polynomial time; without the step budget each of those
 * below would run for hours. The timeouts only turn a regression into a failure instead of a hung build; they are
 * not speed targets.
 */
class GuardedRegexTest {

    private static final String CODE = "ERR_QUERY_INVALID";

    @Test
    @Timeout(120)
    void catastrophicPatternsDoNotHangAndMatchNothing() {
        // Each has exponentially many ways to split the a's before it can fail at the end of the subject.
        for (String pattern : List.of("(a+)+$", "((a+)+)+b", "(a+)+?$", "(.*a){20}x", "(a+)+\\1b")) {
            MongoFilter filter = MongoFilter.compile(Map.of("code", Map.of("$regex", pattern)), CODE);
            assertFalse(filter.matches(Map.of("code", "a".repeat(40) + "!")), pattern);
            assertFalse(filter.matches(Map.of("code", "a".repeat(5_000) + "!")), pattern);
        }
    }

    @Test
    @Timeout(120)
    void givesUpOnAPatternThatKeepsRunningAway() {
        GuardedRegex regex = GuardedRegex.compile("((a+)+)+b", null, CODE);
        String hostile = "a".repeat(40);
        for (int i = 0; i < GuardedRegex.ABORTS_BEFORE_GIVING_UP; i++) {
            assertFalse(regex.gaveUp());
            assertFalse(regex.find(hostile));
        }
        assertTrue(regex.gaveUp());
        // Once given up, even a subject it would match is refused without running the engine.
        assertFalse(regex.find("aab"));
        assertTrue(GuardedRegex.compile("((a+)+)+b", null, CODE).find("aab"));
    }

    @Test
    @Timeout(120)
    void hostileFilterOverAWholeSiteFinishes() {
        MongoFilter filter = MongoFilter.compile(
                Map.of("$or", List.of(Map.of("id", Map.of("$regex", "((x+)+)+y")), Map.of("code", "none"))), CODE);
        List<Object> things = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            things.add(Map.of("id", "x".repeat(30), "code", "AM-S21-" + i));
        }
        long matched = things.stream().filter(filter::matches).count();
        assertEquals(0, matched);
    }

    @Test
    void ordinaryPatternsStillMatchLongSubjects() {
        GuardedRegex tail = GuardedRegex.compile("b$", null, CODE);
        assertTrue(tail.find("a".repeat(20_000) + "b"));
        GuardedRegex wildcards = GuardedRegex.compile(".*bitdeer.*7b", "i", CODE);
        assertTrue(wildcards.find("container-" + "x".repeat(500) + "-BITDEER-" + "y".repeat(500) + "-7B"));
        assertFalse(tail.gaveUp());
        assertFalse(wildcards.gaveUp());
    }

    @Test
    @Timeout(120)
    void deepRecursionInTheEngineIsNoMatchNotACrash() {
        GuardedRegex alternation = GuardedRegex.compile("(a|b)*c", null, CODE);
        assertFalse(alternation.find("ab".repeat(200_000)));
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        GuardedRegex regex = GuardedRegex.compile("^AM-S21-\\d+$", null, CODE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    int hits = 0;
                    for (int i = 0; i < 20_000; i++) {
                        if (regex.find("AM-S21-" + i)) {
                            hits++;
                        }
                        if (regex.find("WM-M56S-" + i)) {
                            hits += 1_000_000;
                        }
                    }
                    return hits;
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(20_000, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesLongOrMalformedPatternsAndUnknownOptions() {
        assertEquals(CODE, assertThrows(QueryException.class, () -> GuardedRegex.compile(
                "a".repeat(GuardedRegex.MAX_PATTERN_LENGTH + 1), null, CODE)).code());
        GuardedRegex.compile("a".repeat(GuardedRegex.MAX_PATTERN_LENGTH), null, CODE);
        assertThrows(QueryException.class, () -> GuardedRegex.compile("(unclosed", null, CODE));
        assertThrows(QueryException.class, () -> GuardedRegex.compile("x", "g", CODE));
        assertThrows(QueryException.class, () -> GuardedRegex.compile("x", "iu", CODE));
        GuardedRegex.compile("x", "imsx", CODE);
    }
}
