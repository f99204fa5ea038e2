package io.miningos.gateway.application.health;

import io.miningos.gateway.application.health.port.in.Readiness;
import io.miningos.gateway.application.health.port.in.Readiness.Check;
import io.miningos.gateway.application.health.port.in.Readiness.Status;
import io.miningos.gateway.application.health.port.out.ComponentProbe;
import io.miningos.gateway.application.health.port.out.ComponentProbe.ComponentState;
import io.miningos.gateway.application.health.port.out.StorageProbe;
import io.miningos.gateway.application.ork.FakeOrkCluster;
import io.miningos.gateway.application.ork.OrkFanOut;
import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.application.shared.port.out.Telemetry;
import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));
    private final AtomicInteger storageWrites = new AtomicInteger();
    private final AtomicBoolean storageBroken = new AtomicBoolean();
    private final StorageProbe storage = () -> {
        storageWrites.incrementAndGet();
        if (storageBroken.get()) {
            throw new IllegalStateException("disk full");
        }
    };
    private final List<ComponentState> components = new ArrayList<>();

    private HealthService service(FakeOrkCluster cluster) {
        OrkFanOut fanOut = new OrkFanOut(cluster, 4, Duration.ofSeconds(1), Telemetry.NONE, clock);
        return new HealthService(storage, fanOut, () -> List.copyOf(components), clock);
    }

    private static void ask(OrkFanOut fanOut) {
        fanOut.askAll("listThings", RawJson.of("{}")).join();
    }

    @Test
    void aFreshGatewayIsReadyWithItsOrksUnknownUntilARequestAsksThem() {
        Readiness readiness = service(new FakeOrkCluster().answering("cluster-1", "[]")).readiness();
        assertTrue(readiness.ready());
        assertEquals(List.of("storage", "ork:cluster-1"), List.copyOf(readiness.checks().keySet()));
        assertEquals(new Check(Status.UP, "writable", clock.instant()), readiness.checks().get("storage"));
        assertEquals(new Check(Status.UNKNOWN, "not called yet", null), readiness.checks().get("ork:cluster-1"));
    }

    @Test
    void storageIsWrittenAtMostOncePerPeriodHoweverOftenItIsPolled() {
        HealthService service = service(new FakeOrkCluster());
        for (int i = 0; i < 50; i++) {
            service.readiness();
        }
        assertEquals(1, storageWrites.get());
        clock.advance(HealthService.STORAGE_CHECK_PERIOD.minusMillis(1));
        service.readiness();
        assertEquals(1, storageWrites.get());
        clock.advance(Duration.ofMillis(1));
        service.readiness();
        assertEquals(2, storageWrites.get());
    }

    @Test
    void storageThatTakesNoWritesMakesItNotReady() {
        storageBroken.set(true);
        Readiness readiness = service(new FakeOrkCluster()).readiness();
        assertFalse(readiness.ready());
        assertEquals(Status.DOWN, readiness.checks().get("storage").status());
        assertEquals("not writable", readiness.checks().get("storage").detail(), "the exception's text stays in the log");
    }

    @Test
    void itIsNotReadyOnlyWhenEveryOrksLastCallFailedToReachIt() {
        FakeOrkCluster cluster = new FakeOrkCluster()
                .failing("down", OrkFailure.Cause.UNREACHABLE, "refused")
                .failing("erring", OrkFailure.Cause.ORK_ERROR, "[HRPC_ERR]=ERR_RACK_ID_INVALID");
        OrkFanOut fanOut = new OrkFanOut(cluster, 4, Duration.ofSeconds(1), Telemetry.NONE, clock);
        HealthService service = new HealthService(storage, fanOut, ComponentProbe.NONE, clock);
        ask(fanOut);
        Readiness oneReachable = service.readiness();
        assertTrue(oneReachable.ready(), "an ORK that answers with its own error is reachable");
        assertEquals(new Check(Status.DOWN, "unavailable", clock.instant()), oneReachable.checks().get("ork:down"));
        assertEquals(new Check(Status.UP, "ERR_RACK_ID_INVALID", clock.instant()),
                oneReachable.checks().get("ork:erring"));

        FakeOrkCluster allDown = new FakeOrkCluster()
                .failing("a", OrkFailure.Cause.UNREACHABLE, "refused")
                .failing("b", OrkFailure.Cause.TIMEOUT, "no answer");
        OrkFanOut downFanOut = new OrkFanOut(allDown, 4, Duration.ofSeconds(1), Telemetry.NONE, clock);
        HealthService downService = new HealthService(storage, downFanOut, ComponentProbe.NONE, clock);
        ask(downFanOut);
        Readiness none = downService.readiness();
        assertFalse(none.ready());
        assertEquals("timeout", none.checks().get("ork:b").detail());
    }

    @Test
    void aTransportComponentThatIsDownMakesItNotReady() {
        components.add(new ComponentState("hrpc-bridge", true, "running"));
        HealthService service = service(new FakeOrkCluster());
        assertTrue(service.readiness().ready());
        components.set(0, new ComponentState("hrpc-bridge", false, "restarting (restart 1 in a row)"));
        Readiness readiness = service.readiness();
        assertFalse(readiness.ready());
        assertEquals(new Check(Status.DOWN, "restarting (restart 1 in a row)", clock.instant()),
                readiness.checks().get("hrpc-bridge"));
    }
}
