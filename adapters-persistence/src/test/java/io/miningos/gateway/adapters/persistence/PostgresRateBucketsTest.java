package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.identity.RateLimiter;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A rate limit counted in PostgreSQL holds across two gateways: their actions come out of one bucket. */
class PostgresRateBucketsTest {

    @BeforeAll
    static void needsTheServer() {
        TestPostgres.admin(); // fails without one; with -DnoPostgres skips the class (no @AfterEach on nothing)
    }


    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final RateLimiter.Limit THREE_THEN_ONE_A_MINUTE = new RateLimiter.Limit(3, 1);

    private TestPostgres.Scratch schema;
    private PostgresDatabase a;
    private PostgresDatabase b;

    @BeforeEach
    void open() {
        schema = TestPostgres.schema();
        a = schema.open();
        b = schema.open();
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
        schema.close();
    }

    private static RateLimiter limiter(PostgresDatabase db, Clock clock) {
        return new RateLimiter(THREE_THEN_ONE_A_MINUTE, clock, "tokenIssues", new JooqRateBuckets(db));
    }

    @Test
    void concurrentActionsOnTwoInstancesShareOneBurst() throws Exception {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        List<RateLimiter> limiters = List.of(limiter(a, clock), limiter(b, clock), limiter(a, clock),
                limiter(b, clock));
        ExecutorService pool = Executors.newFixedThreadPool(limiters.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> allowed = new ArrayList<>();
            for (RateLimiter limiter : limiters) {
                allowed.add(pool.submit(() -> {
                    start.await();
                    int n = 0;
                    for (int i = 0; i < 3; i++) {
                        try {
                            limiter.acquire("user:2");
                            n++;
                        } catch (DomainException e) {
                            assertEquals(ErrorKind.RATE_LIMITED, e.kind());
                        }
                    }
                    return n;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : allowed) {
                total += f.get();
            }
            assertEquals(3, total, "the burst is shared, not per instance");
        } finally {
            pool.shutdownNow();
        }
        DomainException refused = assertThrows(DomainException.class,
                () -> limiter(b, clock).requireAllowance("user:2"));
        assertEquals(60, refused.retryAfterSeconds());
        assertDoesNotThrow(() -> limiter(b, clock).requireAllowance("user:3"), "other keys are untouched");
        assertDoesNotThrow(() -> limiter(a, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC)).acquire("user:2"),
                "a minute later one more is allowed");
        assertEquals(0, new JooqRateBuckets(a).purgeIdle(T0));
        assertEquals(1, new JooqRateBuckets(a).purgeIdle(T0.plusSeconds(61)));
    }
}
