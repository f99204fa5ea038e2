package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsContext;
import io.miningos.gateway.adapters.http.metrics.HttpMetrics;
import io.miningos.gateway.application.alerts.port.in.AlertsUseCase;
import io.miningos.gateway.application.identity.port.out.TokenRevocationListener;
import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.error.DomainException;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code /ws?token=...}: live alerts. The token is checked like a bearer token (address binding, expiry,
 * revocation) before the upgrade, so a bad one never gets a socket; a socket whose token expires or is revoked is
 * closed. Clients send {@code {"event":"subscribe","channel":"alerts"}} (or {@code unsubscribe}); anything else gets
 * {@code {"error":"Invalid message format"}} and the socket stays open. Sends never block: a client that falls
 * {@link #MAX_PENDING_SENDS} messages behind is dropped, so one slow or dead client can't hold up the others.
 */
public final class AlertsSocket implements RouteGroup, TokenRevocationListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsSocket.class);
    public static final String PATH = "/ws";
    static final String INVALID_MESSAGE = "{\"error\":\"Invalid message format\"}";
    static final int MAX_PENDING_SENDS = 16;
    static final String CHANNEL = "alerts";
    /** Close code for a refused session (token revoked or expired): RFC 6455 "policy violation". */
    static final int POLICY_VIOLATION = 1008;
    private static final String CALLER = AlertsSocket.class.getName() + ".caller";
    private static final Duration SWEEP_PERIOD = Duration.ofSeconds(5);
    private static final Duration PING_PERIOD = Duration.ofSeconds(30);

    private final AlertsUseCase alerts;
    private final Authentication authentication;
    private final Clock clock;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;
    private final HttpMetrics metrics;

    public AlertsSocket(AlertsUseCase alerts, Authentication authentication, Clock clock) {
        this(alerts, authentication, clock, HttpMetrics.NONE);
    }

    /** @param metrics told how many sockets are open and subscribed, and of every client dropped */
    public AlertsSocket(AlertsUseCase alerts, Authentication authentication, Clock clock, HttpMetrics metrics) {
        this.alerts = alerts;
        this.authentication = authentication;
        this.clock = clock;
        this.metrics = metrics;
        metrics.sockets(clients::size, this::subscribers);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("ws-sweeper").factory());
        sweeper.scheduleWithFixedDelay(this::closeExpired, SWEEP_PERIOD.toMillis(), SWEEP_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.wsBeforeUpgrade(PATH, ctx -> {
            try {
                ctx.attribute(CALLER, authentication.authenticate(ctx.queryParam("token"), ctx));
            } catch (DomainException e) {
                // An upgrade request's answer is never written from its context: write the envelope here. Throwing
                // on stops the upgrade.
                ErrorResponses.writeNow(ctx.res(), e);
                throw e;
            }
        });
        routes.ws(PATH, ws -> {
            ws.onConnect(ctx -> {
                Caller caller = ctx.attribute(CALLER);
                clients.put(ctx.sessionId(), new Client(ctx, caller));
                ctx.enableAutomaticPings(PING_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
            });
            ws.onMessage(ctx -> {
                Client client = clients.get(ctx.sessionId());
                if (client != null) {
                    client.handle(ctx.message());
                }
            });
            ws.onClose(ctx -> drop(ctx.sessionId()));
            ws.onError(ctx -> drop(ctx.sessionId()));
        });
    }

    /** Open sockets (diagnostics and tests). */
    public int openSockets() {
        return clients.size();
    }

    /** Open sockets subscribed to the alerts. */
    public int subscribers() {
        int subscribed = 0;
        for (Client client : clients.values()) {
            if (client.isSubscribed()) {
                subscribed++;
            }
        }
        return subscribed;
    }

    @Override
    public void tokensRevoked(long userId) {
        for (Client client : clients.values()) {
            if (client.caller.userId() == userId) {
                client.close(POLICY_VIOLATION, "token revoked");
            }
        }
    }

    private void closeExpired() {
        for (Client client : clients.values()) {
            if (client.caller.token().isExpiredAt(clock.instant())) {
                client.close(POLICY_VIOLATION, "token expired");
            }
        }
    }

    private void drop(String sessionId) {
        Client client = clients.remove(sessionId);
        if (client != null) {
            client.unsubscribe();
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        clients.values().forEach(client -> client.close(WsCloseStatus.GOING_AWAY.getCode(), "gateway stopping"));
    }

    private final class Client {
        private final WsContext ctx;
        private final Caller caller;
        private final AtomicInteger pending = new AtomicInteger();
        private AlertsUseCase.Subscription subscription;

        Client(WsContext ctx, Caller caller) {
            this.ctx = ctx;
            this.caller = caller;
        }

        synchronized void handle(String message) {
            String event = eventOf(message);
            if ("subscribe".equals(event)) {
                if (subscription == null) {
                    subscription = alerts.subscribe(this::deliver);
                }
            } else if ("unsubscribe".equals(event)) {
                unsubscribe();
            } else {
                send(INVALID_MESSAGE);
            }
        }

        synchronized boolean isSubscribed() {
            return subscription != null;
        }

        synchronized void unsubscribe() {
            if (subscription != null) {
                subscription.cancel();
                subscription = null;
            }
        }

        private void deliver(RawJson alertList) {
            if (caller.token().isExpiredAt(clock.instant())) {
                close(POLICY_VIOLATION, "token expired");
                return;
            }
            send(alertList.text());
        }

        private void send(String text) {
            if (!ctx.session.isOpen()) {
                drop(ctx.sessionId());
                return;
            }
            if (pending.incrementAndGet() > MAX_PENDING_SENDS) {
                pending.decrementAndGet();
                LOG.info("dropping WebSocket client of user {}: {} messages behind", caller.userId(),
                        MAX_PENDING_SENDS);
                metrics.socketDropped();
                close(POLICY_VIOLATION, "too slow");
                return;
            }
            ctx.session.sendText(text, Callback.from(pending::decrementAndGet, failure -> {
                pending.decrementAndGet();
                drop(ctx.sessionId());
            }));
        }

        void close(int code, String reason) {
            drop(ctx.sessionId());
            try {
                ctx.closeSession(code, reason);
            } catch (RuntimeException e) {
                LOG.debug("closing a WebSocket failed: {}", e.toString());
            }
        }
    }

    /** The {@code event} of a well-formed message for the alerts channel, or null. */
    static String eventOf(String message) {
        if (message == null || message.length() > 4096) {
            return null;
        }
        try {
            JsonNode node = HttpJson.mapper().readTree(message);
            if (node == null || !node.isObject() || !CHANNEL.equals(node.path("channel").asText(null))) {
                return null;
            }
            JsonNode event = node.get("event");
            return event != null && event.isTextual() ? event.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
