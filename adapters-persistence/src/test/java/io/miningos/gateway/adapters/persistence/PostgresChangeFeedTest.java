package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.shared.port.in.PeerChanges;
import io.miningos.gateway.application.shared.port.out.Change;
import io.miningos.gateway.domain.globaldata.GlobalDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two gateway instances on one real PostgreSQL database tell each other their changes with LISTEN/NOTIFY. */
class PostgresChangeFeedTest {

    @BeforeAll
    static void needsTheServer() {
        TestPostgres.admin(); // fails without one; with -DnoPostgres skips the class (no @AfterEach on nothing)
    }


    /** Generous: the machine is shared; the point is that it arrives, not how fast (see bench/ for that). */
    private static final long ARRIVAL_SECONDS = 20;

    private TestPostgres.Scratch database;
    private PostgresDatabase dbA;
    private PostgresDatabase dbB;
    private PostgresChangeFeed a;
    private PostgresChangeFeed b;
    private final Recorder heardByA = new Recorder();
    private final Recorder heardByB = new Recorder();

    private static final class Recorder implements PeerChanges {
        final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();
        final AtomicInteger missed = new AtomicInteger();

        @Override
        public void userRevoked(long userId) {
            changes.add(Change.userRevoked(userId));
        }

        @Override
        public void tokensRevoked(long userId) {
            changes.add(Change.tokensRevoked(userId));
        }

        @Override
        public void globalDataWritten(String type) {
            changes.add(new Change(Change.Kind.GLOBAL_DATA, type));
        }

        @Override
        public void missedChanges() {
            missed.incrementAndGet();
        }

        Change next() throws InterruptedException {
            return changes.poll(ARRIVAL_SECONDS, TimeUnit.SECONDS);
        }
    }

    @BeforeEach
    void start() throws Exception {
        database = TestPostgres.database();
        dbA = database.open();
        dbB = database.open();
        a = PostgresChangeFeed.on(dbA);
        b = PostgresChangeFeed.on(dbB);
        a.subscribe(heardByA);
        b.subscribe(heardByB);
        a.startListening();
        b.startListening();
        awaitListening(a);
        awaitListening(b);
    }

    private static void awaitListening(PostgresChangeFeed feed) throws InterruptedException {
        for (int i = 0; i < ARRIVAL_SECONDS * 10 && !feed.listening(); i++) {
            Thread.sleep(100);
        }
        assertTrue(feed.listening(), "the feed listens");
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        dbA.close();
        dbB.close();
        database.close();
    }

    @Test
    void aCommittedChangeReachesTheOtherInstanceAndNotItsOwn() throws Exception {
        dbA.run(() -> a.publish(Change.userRevoked(7)));
        assertEquals(Change.userRevoked(7), heardByB.next());
        b.publish(Change.globalData(GlobalDataType.PRODUCTION_COSTS)); // no transaction: sent at once
        assertEquals(Change.globalData(GlobalDataType.PRODUCTION_COSTS), heardByA.next());
        assertNull(heardByA.changes.poll(1, TimeUnit.SECONDS), "a does not hear its own change");
    }

    @Test
    void aRolledBackChangeIsNeverSent() throws Exception {
        assertThrows(IllegalStateException.class, () -> dbA.run(() -> {
            a.publish(Change.userRevoked(7));
            throw new IllegalStateException("the write failed");
        }));
        dbA.run(() -> a.publish(Change.tokensRevoked(8)));
        assertEquals(Change.tokensRevoked(8), heardByB.next(), "the first change b hears is the committed one");
    }

    @Test
    void aLostListeningConnectionDropsEverythingAndListensAgain() throws Exception {
        int missedBefore = heardByB.missed.get();
        List<Boolean> terminated = dbA.dsl().fetch("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = ? AND datname = current_database()", PostgresChangeFeed.LISTENER_NAME)
                .getValues(0, Boolean.class);
        assertEquals(List.of(true, true), terminated, "both instances' listeners cut off");
        for (int i = 0; i < ARRIVAL_SECONDS * 10 && heardByB.missed.get() == missedBefore; i++) {
            Thread.sleep(100);
        }
        assertTrue(heardByB.missed.get() > missedBefore, "b was told it may have missed changes");
        awaitListening(b);
        awaitListening(a);
        // Changes are heard again once listening resumed (one sent before may or may not have been heard).
        Change marker = Change.userRevoked(42);
        for (int i = 0; i < ARRIVAL_SECONDS; i++) {
            a.publish(marker);
            Change heard = heardByB.changes.poll(1, TimeUnit.SECONDS);
            if (marker.equals(heard)) {
                return;
            }
        }
        throw new AssertionError("b never heard a's change after reconnecting");
    }
}
