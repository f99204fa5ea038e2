package io.miningos.gateway.application.health;

import io.miningos.gateway.application.health.port.in.HealthUseCase;
import io.miningos.gateway.application.health.port.in.Readiness;
import io.miningos.gateway.application.health.port.in.Readiness.Check;
import io.miningos.gateway.application.health.port.in.Readiness.Status;
import io.miningos.gateway.application.health.port.out.ComponentProbe;
import io.miningos.gateway.application.health.port.out.StorageProbe;
import io.miningos.gateway.application.ork.LastOrkCall;
import io.miningos.gateway.application.ork.OrkFanOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The readiness check. The gateway is ready unless storage takes no writes, some component a transport runs (e.g.
 * the hrpc bridge) is down, or every configured ORK's last call failed to reach it. An ORK that answered with an
 * error of its own is reachable; one no request has asked since the start is unknown, which is not a failure. One
 * ORK down is not "not ready": the others still answer, and the responses say which one failed.
 *
 * <p>Storage is probed with a real write at most once per {@link #STORAGE_CHECK_PERIOD}; between probes the last
 * result is answered, and while one caller probes the others get the previous result instead of waiting. ORK
 * states come from the fan-out's last call per ORK: polling readiness never calls an ORK.
 */
public final class HealthService implements HealthUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(HealthService.class);
    public static final Duration STORAGE_CHECK_PERIOD = Duration.ofSeconds(10);
    static final String STORAGE = "storage";
    static final String ORK_PREFIX = "ork:";

    private final StorageProbe storage;
    private final OrkFanOut orks;
    private final ComponentProbe components;
    private final Clock clock;
    private final ReentrantLock probing = new ReentrantLock();
    private volatile Check lastStorageCheck;

    public HealthService(StorageProbe storage, OrkFanOut orks, ComponentProbe components, Clock clock) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.orks = Objects.requireNonNull(orks, "orks");
        this.components = Objects.requireNonNull(components, "components");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Readiness readiness() {
        Map<String, Check> checks = new LinkedHashMap<>();
        Check storageCheck = storageCheck();
        checks.put(STORAGE, storageCheck);
        boolean ready = storageCheck.status() == Status.UP;

        Map<String, LastOrkCall> lastCalls = orks.lastCalls();
        List<String> orkIds = orks.orkIds();
        boolean anyOrkNotDown = orkIds.isEmpty();
        for (String orkId : orkIds) {
            LastOrkCall last = lastCalls.get(orkId);
            Check check = last == null ? new Check(Status.UNKNOWN, "not called yet", null)
                    : new Check(last.reachable() ? Status.UP : Status.DOWN, last.outcome(), last.at());
            checks.put(ORK_PREFIX + orkId, check);
            anyOrkNotDown |= check.status() != Status.DOWN;
        }
        ready &= anyOrkNotDown;

        Instant now = clock.instant();
        for (ComponentProbe.ComponentState component : components.components()) {
            checks.put(component.name(), new Check(component.up() ? Status.UP : Status.DOWN, component.detail(), now));
            ready &= component.up();
        }
        return new Readiness(ready, checks);
    }

    private Check storageCheck() {
        Check last = lastStorageCheck;
        Instant now = clock.instant();
        if (last != null && last.at().plus(STORAGE_CHECK_PERIOD).isAfter(now)) {
            return last;
        }
        if (last != null && !probing.tryLock()) {
            return last; // somebody is probing right now
        }
        if (last == null) {
            probing.lock();
        }
        try {
            Check current = lastStorageCheck;
            if (current != null && current != last) {
                return current; // probed while this caller waited for the lock
            }
            Check probed;
            try {
                storage.checkWritable();
                probed = new Check(Status.UP, "writable", clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("readiness: storage takes no writes: {}", e.getMessage());
                probed = new Check(Status.DOWN, "not writable", clock.instant());
            }
            lastStorageCheck = probed;
            return probed;
        } finally {
            probing.unlock();
        }
    }
}
