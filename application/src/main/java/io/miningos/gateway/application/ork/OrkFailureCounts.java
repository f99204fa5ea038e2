package io.miningos.gateway.application.ork;

import io.miningos.gateway.application.ork.port.OrkFailure;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How often each ORK failed since start, by cause; read by diagnostics and metrics. */
public final class OrkFailureCounts {

    private final ConcurrentHashMap<String, Map<OrkFailure.Cause, LongAdder>> counts = new ConcurrentHashMap<>();

    void record(OrkFailure failure) {
        counts.computeIfAbsent(failure.orkId(), id -> {
            Map<OrkFailure.Cause, LongAdder> byCause = new EnumMap<>(OrkFailure.Cause.class);
            for (OrkFailure.Cause cause : OrkFailure.Cause.values()) {
                byCause.put(cause, new LongAdder());
            }
            return byCause;
        }).get(failure.cause()).increment();
    }

    /** Failures of one ORK, all causes together. */
    public long total(String orkId) {
        Map<OrkFailure.Cause, LongAdder> byCause = counts.get(orkId);
        return byCause == null ? 0 : byCause.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Failures of one ORK with one cause. */
    public long count(String orkId, OrkFailure.Cause cause) {
        Map<OrkFailure.Cause, LongAdder> byCause = counts.get(orkId);
        return byCause == null ? 0 : byCause.get(cause).sum();
    }

    /** Every ORK that failed at least once → cause → count. */
    public Map<String, Map<OrkFailure.Cause, Long>> snapshot() {
        Map<String, Map<OrkFailure.Cause, Long>> out = new LinkedHashMap<>();
        counts.forEach((ork, byCause) -> {
            Map<OrkFailure.Cause, Long> copy = new EnumMap<>(OrkFailure.Cause.class);
            byCause.forEach((cause, adder) -> copy.put(cause, adder.sum()));
            out.put(ork, copy);
        });
        return out;
    }
}
