package io.miningos.gateway.adapters.http.metrics;

import io.miningos.gateway.application.shared.port.out.Telemetry;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The gateway's metrics in the Prometheus text format: what the core reports ({@link Telemetry}), what the HTTP
 * edge measures ({@link HttpMetrics}) and the JVM's own (memory, GC, threads, classes, CPU). Every label value is
 * bounded: route templates and ORK ids come from code and configuration, statuses and outcomes from fixed sets,
 * and error codes sent by ORKs are kept for the first {@value #MAX_ORK_ERROR_CODES} distinct ones (the rest count
 * as {@code other}).
 *
 * <p>Metrics are recorded without exemplars and histograms are classic (fixed buckets), which keeps a recording
 * to a few atomic additions.
 */
public final class PrometheusMetrics implements Telemetry, HttpMetrics {

    static final int MAX_ORK_ERROR_CODES = 50;
    private static final double[] HTTP_BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
            2.5, 5, 10, 30};
    private static final double[] ORK_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30,
            60};
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final Set<String> ORK_OUTCOMES = Set.of("ok", "timeout", "unavailable", "bad_answer");
    private static final String[] STATUS_TEXT = new String[600];
    private static final String[] LOOKUPS = labels(CacheLookup.values());
    private static final String[] EVICTIONS = labels(CacheEviction.values());
    private static final String[] ISSUES = labels(TokenIssue.values());
    private static final String[] REFUSALS = labels(TokenRefusal.values());

    static {
        for (int status = 100; status < STATUS_TEXT.length; status++) {
            STATUS_TEXT[status] = Integer.toString(status);
        }
    }

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final BoundedLabel orkErrorCodes = new BoundedLabel(Pattern.compile("ERR_[A-Z0-9_]{1,64}"),
            MAX_ORK_ERROR_CODES);
    private final List<Supplier<Map<String, Long>>> cacheSizes = new CopyOnWriteArrayList<>();
    private volatile IntSupplier openSockets = () -> 0;
    private volatile IntSupplier subscribedSockets = () -> 0;
    private volatile boolean jvmRegistered;

    private final Histogram httpRequests = Histogram.builder()
            .name("gateway_http_request_duration_seconds")
            .help("HTTP requests by route template, method and status, and how long they took")
            .labelNames("route", "method", "status").classicOnly().classicUpperBounds(HTTP_BUCKETS)
            .withoutExemplars().register(registry);
    private final Histogram orkCalls = Histogram.builder()
            .name("gateway_ork_call_duration_seconds")
            .help("Calls to ORKs by ORK, method and outcome (ok, timeout, unavailable, bad_answer or the ORK's error"
                    + " code), and how long they took")
            .labelNames("ork", "method", "outcome").classicOnly().classicUpperBounds(ORK_BUCKETS)
            .withoutExemplars().register(registry);
    private final Counter cacheLookups = Counter.builder()
            .name("gateway_cache_lookups_total")
            .help("Cached reads by route and result: hit, miss (a new load) or coalesced (joined a load in flight)")
            .labelNames("route", "result").withoutExemplars().register(registry);
    private final Counter cacheEvictions = Counter.builder()
            .name("gateway_cache_evictions_total")
            .help("Cached answers evicted, by route and cause: expired, or size (the cache needed the room)")
            .labelNames("route", "cause").withoutExemplars().register(registry);
    private final Counter tokensIssued = Counter.builder()
            .name("gateway_tokens_issued_total")
            .help("Tokens issued, by how: sign_in (sign-in and the token command) or refresh (POST /auth/token)")
            .labelNames("how").withoutExemplars().register(registry);
    private final Counter tokensRefused = Counter.builder()
            .name("gateway_tokens_refused_total")
            .help("Presented tokens refused, by reason: malformed, unknown, expired or wrong_address")
            .labelNames("reason").withoutExemplars().register(registry);
    private final Counter rateLimited = Counter.builder()
            .name("gateway_rate_limited_total")
            .help("Requests refused for exceeding their client's request rate, by route template")
            .labelNames("route").withoutExemplars().register(registry);
    private final Counter storageErrors = Counter.builder()
            .name("gateway_storage_errors_total")
            .help("SQLite failures by kind: busy (locked past the busy timeout) or failed (anything else)")
            .labelNames("kind").withoutExemplars().register(registry);
    private final Counter socketsDropped = Counter.builder()
            .name("gateway_websocket_dropped_total")
            .help("WebSocket clients dropped for falling too far behind")
            .withoutExemplars().register(registry);

    public PrometheusMetrics() {
        GaugeWithCallback.builder().name("gateway_cache_bytes")
                .help("Bytes the answer cache holds per route, each entry counting its bookkeeping overhead")
                .labelNames("route").callback(callback -> {
                    for (Supplier<Map<String, Long>> source : cacheSizes) {
                        source.get().forEach((route, bytes) -> callback.call(bytes, route));
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("gateway_websocket_clients")
                .help("Open WebSocket connections")
                .callback(callback -> callback.call(openSockets.getAsInt())).register(registry);
        GaugeWithCallback.builder().name("gateway_websocket_subscribers")
                .help("WebSocket connections subscribed to live alerts")
                .callback(callback -> callback.call(subscribedSockets.getAsInt())).register(registry);
    }

    /** The content type of {@link #scrape}. */
    public String contentType() {
        return writer.getContentType();
    }

    /**
     * Writes every metric's current value in the Prometheus text format. The JVM's metrics are registered at the
     * first scrape, not at start-up: they load {@code java.management}, which a gateway nobody scrapes need not pay
     * for (their values are the JVM's totals since it started either way).
     */
    public void scrape(OutputStream out) throws IOException {
        if (!jvmRegistered) {
            synchronized (this) {
                if (!jvmRegistered) {
                    JvmMetrics.builder().register(registry);
                    jvmRegistered = true;
                }
            }
        }
        writer.write(out, registry.scrape());
    }

    // ---- HttpMetrics ---------------------------------------------------------------------------------------

    @Override
    public void request(String route, String method, int status, long nanos) {
        httpRequests.labelValues(route, METHODS.contains(method) ? method : BoundedLabel.OTHER,
                status >= 100 && status < STATUS_TEXT.length ? STATUS_TEXT[status] : BoundedLabel.OTHER)
                .observe(nanos / 1e9);
    }

    @Override
    public void sockets(IntSupplier open, IntSupplier subscribed) {
        openSockets = open;
        subscribedSockets = subscribed;
    }

    @Override
    public void socketDropped() {
        socketsDropped.inc();
    }

    @Override
    public void rateLimited(String route) {
        rateLimited.labelValues(route).inc();
    }

    // ---- Telemetry -----------------------------------------------------------------------------------------

    @Override
    public void orkCall(String orkId, String method, String outcome, long nanos) {
        String label = ORK_OUTCOMES.contains(outcome) ? outcome : orkErrorCodes.of(outcome);
        orkCalls.labelValues(orkId, method, label).observe(nanos / 1e9);
    }

    @Override
    public void cacheLookup(String route, CacheLookup lookup) {
        cacheLookups.labelValues(route, LOOKUPS[lookup.ordinal()]).inc();
    }

    @Override
    public void cacheEviction(String route, CacheEviction cause) {
        cacheEvictions.labelValues(route, EVICTIONS[cause.ordinal()]).inc();
    }

    @Override
    public void cacheBytes(Supplier<Map<String, Long>> bytesByRoute) {
        cacheSizes.add(bytesByRoute);
    }

    @Override
    public void tokenIssued(TokenIssue how) {
        tokensIssued.labelValues(ISSUES[how.ordinal()]).inc();
    }

    @Override
    public void tokenRefused(TokenRefusal why) {
        tokensRefused.labelValues(REFUSALS[why.ordinal()]).inc();
    }

    @Override
    public void storageBusy() {
        storageErrors.labelValues("busy").inc();
    }

    @Override
    public void storageFailed() {
        storageErrors.labelValues("failed").inc();
    }

    /** Label values by ordinal, made once: recordings allocate no strings. */
    private static String[] labels(Enum<?>[] values) {
        String[] out = new String[values.length];
        for (Enum<?> value : values) {
            out[value.ordinal()] = value.name().toLowerCase(Locale.ROOT);
        }
        return out;
    }
}
