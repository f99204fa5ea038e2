package io.miningos.gateway.application.alerts;

import io.miningos.gateway.application.alerts.port.in.AlertListener;
import io.miningos.gateway.application.alerts.port.in.AlertsUseCase;
import io.miningos.gateway.application.ork.OrkFanOut;
import io.miningos.gateway.application.ork.OrkReply;
import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.application.ork.port.out.JsonCodec;
import io.miningos.gateway.domain.ork.OrkMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gathers the site's alerts from every ORK with ONE {@code listThings} fan-out per interval, whatever the number
 * of subscribers, and only while somebody listens. Each subscriber gets the current list when it subscribes, then
 * the alerts that are new since the previous poll. An alert is a thing's entry in {@code last.alerts}, sent with
 * the thing's {@code id}, {@code type}, {@code code} and {@code container} (its {@code info.container}), as the Node
 * gateway sent it.
 *
 * <p>All state lives on one scheduler thread: polls complete there and deliveries happen there in order, so a
 * subscriber never sees an increment before its initial list. An ORK that fails a poll keeps its previous alerts
 * (so they are not announced again as new when it answers next time).
 */
public final class AlertsFeed implements AlertsUseCase, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsFeed.class);
    static final String METHOD = OrkMethod.LIST_THINGS.wireName();
    /** Racks apply the limit each; a site in trouble may have many alerting things per rack. */
    static final int LIMIT_PER_RACK = 100_000;

    private final OrkFanOut fanOut;
    private final JsonCodec codec;
    private final RawJson request;
    private final ScheduledExecutorService scheduler;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    // confined to the scheduler thread
    private Snapshot snapshot;
    private boolean polling;

    private record Snapshot(Map<String, List<Map<String, Object>>> byOrk, Set<String> keys, RawJson all) {
    }

    public AlertsFeed(OrkFanOut fanOut, JsonCodec codec, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.fanOut = fanOut;
        this.codec = codec;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", 1);
        fields.put("type", 1);
        fields.put("code", 1);
        fields.put("info.container", 1);
        fields.put("last.alerts", 1);
        Map<String, Object> hasAlerts = new LinkedHashMap<>();
        hasAlerts.put("$ne", null); // the UI's own query: last.alerts is null or a non-empty list
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", Map.of("last.alerts", hasAlerts));
        body.put("fields", fields);
        body.put("status", 1);
        body.put("limit", LIMIT_PER_RACK);
        this.request = codec.write(body);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("alerts-feed").factory());
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public Subscription subscribe(AlertListener listener) {
        Subscriber subscriber = new Subscriber(listener);
        subscribers.add(subscriber);
        scheduler.execute(() -> {
            // A poll that landed between add() and now has already given this subscriber the full list.
            if (!subscriber.active || subscriber.initialized) {
                return;
            }
            if (snapshot != null) {
                subscriber.send(snapshot.all());
            } else {
                poll(); // nobody was listening: fetch now; the subscriber gets the full list when it lands
            }
        });
        return subscriber;
    }

    /** Number of live subscriptions (diagnostics and tests). */
    public int subscriberCount() {
        return subscribers.size();
    }

    private void tick() {
        if (subscribers.isEmpty()) {
            snapshot = null; // nobody listens: stop asking the ORKs and forget what was seen
            return;
        }
        poll();
    }

    private void poll() {
        if (polling) {
            return; // the previous poll is still out (a slow ORK); never stack them up
        }
        polling = true;
        fanOut.askAll(METHOD, request).whenCompleteAsync((replies, failure) -> {
            polling = false;
            if (failure != null) {
                LOG.warn("alerts poll failed: {}", failure.toString());
                return;
            }
            try {
                publish(replies);
            } catch (RuntimeException e) {
                LOG.warn("alerts poll could not be published: {}", e.toString());
            }
        }, scheduler);
    }

    private void publish(List<OrkReply> replies) {
        Map<String, List<Map<String, Object>>> byOrk = new LinkedHashMap<>();
        for (OrkReply reply : replies) {
            List<Map<String, Object>> alerts = null;
            if (reply instanceof OrkReply.Answered answered) {
                alerts = alertsOf(answered.orkId(), answered.answer());
            }
            if (alerts == null) { // failed or garbled: keep what this ORK had, it may come back
                alerts = snapshot == null ? List.of() : snapshot.byOrk().getOrDefault(reply.orkId(), List.of());
            }
            byOrk.put(reply.orkId(), alerts);
        }
        List<Map<String, Object>> all = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        List<Map<String, Object>> fresh = new ArrayList<>();
        for (List<Map<String, Object>> alerts : byOrk.values()) {
            for (Map<String, Object> alert : alerts) {
                String key = keyOf(alert);
                if (!keys.add(key)) {
                    continue;
                }
                all.add(alert);
                if (snapshot != null && !snapshot.keys().contains(key)) {
                    fresh.add(alert);
                }
            }
        }
        Snapshot previous = snapshot;
        snapshot = new Snapshot(byOrk, keys, codec.write(all));
        RawJson increment = previous == null || fresh.isEmpty() ? null : codec.write(fresh);
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.initialized) {
                subscriber.send(snapshot.all());
            } else if (increment != null) {
                subscriber.send(increment);
            }
        }
    }

    /** Flattens a {@code listThings} answer into alerts; null when the answer is not a list of things. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> alertsOf(String orkId, RawJson answer) {
        Object things;
        try {
            things = codec.read(answer);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!(things instanceof List<?> list)) {
            LOG.warn("ORK {} answered listThings with something other than a list", orkId);
            return null;
        }
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> thing) || !(thing.get("last") instanceof Map<?, ?> last)
                    || !(last.get("alerts") instanceof List<?> thingAlerts)) {
                continue;
            }
            Object container = thing.get("info") instanceof Map<?, ?> info ? info.get("container") : null;
            for (Object entry : thingAlerts) {
                if (entry instanceof Map<?, ?> alert) {
                    Map<String, Object> flat = new LinkedHashMap<>((Map<String, Object>) alert);
                    flat.put("id", thing.get("id"));
                    flat.put("type", thing.get("type"));
                    flat.put("code", thing.get("code"));
                    flat.put("container", container);
                    alerts.add(flat);
                }
            }
        }
        return alerts;
    }

    /** An alert is the same while its thing and uuid are (docs/ORK.md §7.1: its uuid stays while it lasts). */
    private static String keyOf(Map<String, Object> alert) {
        Object uuid = alert.get("uuid");
        return alert.get("id") + "|" + (uuid != null ? uuid : alert.get("name") + "@" + alert.get("createdAt"));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        subscribers.clear();
    }

    private final class Subscriber implements Subscription {
        private final AlertListener listener;
        private volatile boolean active = true;
        private boolean initialized; // scheduler thread only

        Subscriber(AlertListener listener) {
            this.listener = listener;
        }

        void send(RawJson alerts) {
            initialized = true;
            try {
                listener.deliver(alerts);
            } catch (RuntimeException e) {
                LOG.warn("an alert subscriber failed and was dropped: {}", e.toString());
                cancel();
            }
        }

        @Override
        public void cancel() {
            active = false;
            subscribers.remove(this);
        }
    }
}
