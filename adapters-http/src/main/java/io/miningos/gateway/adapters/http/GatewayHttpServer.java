package io.miningos.gateway.adapters.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.router.EndpointNotFound;
import io.javalin.router.ParsedEndpoint;
import io.javalin.websocket.WsHandlerEntry;
import io.javalin.websocket.WsHandlerType;
import io.miningos.gateway.adapters.http.metrics.HttpMetrics;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executors;

/**
 * The gateway's HTTP server: strict JSON, one error envelope for every failure (unknown routes and parse errors
 * included), bearer authentication in front of {@code /auth/*}, a body size limit, virtual threads for handlers,
 * and one log line per request (method, path, status, ms, user id — never a token or query string). Every request
 * has an id ({@link RequestIds}: {@code X-Request-Id}, and in every log line of the request), and is counted and
 * timed by its route template ({@link HttpMetrics}).
 */
public final class GatewayHttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayHttpServer.class);

    static final java.time.Duration WS_IDLE_TIMEOUT = java.time.Duration.ofMinutes(2);
    static final int WS_MAX_MESSAGE_BYTES = 64 * 1024;
    /** Platform threads for Jetty's selectors, acceptors and short non-blocking tasks; handlers are virtual. */
    private static final int MAX_PLATFORM_THREADS = 32;
    private static final int MIN_PLATFORM_THREADS = 4;

    private static final String ROUTE = GatewayHttpServer.class.getName() + ".route";

    private final Javalin app;
    private final HttpSettings settings;
    private final HttpMetrics metrics;
    /** Started with the server: a server built and never started has no writer thread. */
    private volatile AccessLog accessLog;

    public GatewayHttpServer(HttpSettings settings, Authentication authentication, List<RouteGroup> groups) {
        this(settings, authentication, groups, Optional.empty());
    }

    public GatewayHttpServer(HttpSettings settings, Authentication authentication, List<RouteGroup> groups,
                             Optional<StaticUi> ui) {
        this(settings, authentication, groups, ui, HttpMetrics.NONE);
    }

    /**
     * @param ui      a built UI to serve for GET requests that match no route, if the site configured one
     * @param metrics counts and times every request
     */
    public GatewayHttpServer(HttpSettings settings, Authentication authentication, List<RouteGroup> groups,
                             Optional<StaticUi> ui, HttpMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.prefer405over404 = false;
            configureJetty(config, settings);
            config.jsonMapper(new JavalinJackson(HttpJson.mapper(), true));
            config.requestLogger.http(this::requestDone);
            config.jetty.modifyWebSocketServletFactory(factory -> {
                factory.setIdleTimeout(WS_IDLE_TIMEOUT); // sockets are pinged well within it
                factory.setMaxTextMessageSize(WS_MAX_MESSAGE_BYTES);
            });

            config.router.handlerWrapper(new RequestDeadlines(settings.requestDeadline()));
            config.router.javaLangErrorHandler(ErrorResponses::writeError);
            RequestIds requestIds = new RequestIds(settings.trustProxy());
            config.routes.before(requestIds::begin);
            config.routes.beforeMatched(RequestIds::matched);
            // Set before the handler: a route writes its body in one go, and headers after it would come too late.
            config.routes.before("/auth/*", ctx -> {
                ctx.header("Cache-Control", "no-store");
                ctx.header("X-Content-Type-Options", "nosniff");
            });
            config.routes.beforeMatched("/auth/*", authentication::handle);
            for (RouteGroup group : groups) {
                group.addTo(config.routes);
            }
            config.routes.exception(DomainException.class, (e, ctx) -> {
                if (e.kind() == ErrorKind.RATE_LIMITED) {
                    metrics.rateLimited(routeOf(ctx));
                }
                ErrorResponses.write(ctx, e);
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e instanceof EndpointNotFound && ui.isPresent() && ui.get().serve(ctx)) {
                    ctx.attribute(ROUTE, HttpMetrics.STATIC);
                    return;
                }
                ErrorResponses.write(ctx, e);
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (ErrorResponses.isClientGone(e)) {
                    ErrorResponses.writeClientGone(ctx, e);
                } else if (!ErrorResponses.writeJettyRefusal(ctx, e)) {
                    ErrorResponses.writeUnexpected(ctx, e);
                }
            });
        });
    }

    /**
     * Jetty as the gateway needs it: selectors and acceptors on platform threads (so busy handlers can never keep
     * the server from accepting and reading requests) and handlers on virtual threads; the connection limits of
     * {@link ConnectionGuard} and Jetty's own (idle timeout, minimum body data rate, total connections, header
     * size); the gateway's JSON envelope for the errors Jetty answers itself; and a graceful stop that refuses new
     * requests (503) and lets those in flight finish for up to {@code stopGrace}.
     */
    private static void configureJetty(io.javalin.config.JavalinConfig config, HttpSettings settings) {
        HttpSettings.Connections limits = settings.connections();
        QueuedThreadPool threads = new QueuedThreadPool(MAX_PLATFORM_THREADS, MIN_PLATFORM_THREADS);
        threads.setName("http");
        threads.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("http-handler-", 0).factory()));
        config.jetty.threadPool = threads;
        config.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(limits.maxHeaderBytes());
            http.setMinRequestDataRate(limits.minBodyBytesPerSecond());
        });
        ConnectionGuard guard = new ConnectionGuard(limits.maxPerAddress(), limits.headerTimeout());
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(settings.host());
            connector.setPort(settings.port());
            connector.setIdleTimeout(limits.idleTimeout().toMillis());
            // A burst of connections waits in the OS's queue to be accepted. The JDK's default queue holds 50: a
            // thousand clients connecting at once lost their SYNs and retried one and three seconds later, late
            // for answers due at their deadline. The OS caps it (net.core.somaxconn on Linux).
            connector.setAcceptQueueSize(limits.maxTotal());
            connector.addBean(guard);
            server.addBean(new NetworkConnectionLimit(limits.maxTotal(), connector));
            return connector;
        });
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(new JsonErrorHandler());
            server.insertHandler(new GracefulHandler());
            server.setStopTimeout(settings.stopGrace().toMillis());
        });
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
    }

    public GatewayHttpServer start() {
        accessLog = new AccessLog();
        try {
            app.start();
        } catch (RuntimeException e) {
            accessLog.close();
            throw e;
        }
        LOG.info("listening on http://{}:{}", settings.host(), port());
        return this;
    }

    /**
     * Every registered route as {@code "GET /auth/actions/{type}/{id}"} (WebSockets as {@code GET}), sorted: what the
     * API document must describe.
     */
    public List<String> routes() {
        TreeSet<String> routes = new TreeSet<>();
        for (ParsedEndpoint handler : app.unsafe.internalRouter.allHttpHandlers()) {
            Endpoint endpoint = handler.endpoint;
            if (endpoint.method.isHttpMethod()) {
                routes.add(endpoint.method.name() + " " + endpoint.path);
            }
        }
        for (WsHandlerEntry ws : app.unsafe.internalRouter.allWsHandlers()) {
            if (ws.getType() == WsHandlerType.WEBSOCKET) {
                routes.add("GET " + ws.getPath());
            }
        }
        return List.copyOf(routes);
    }

    /** The bound port (useful when configured as 0). */
    public int port() {
        return app.port();
    }

    public void stop() {
        try {
            app.stop();
        } finally {
            if (accessLog != null) {
                accessLog.close(); // the last requests' lines, written by now (also when Jetty's stop timed out)
            }
        }
    }

    private void requestDone(Context ctx, Float ms) {
        metrics.request(routeOf(ctx), ctx.method().name(), ctx.statusCode(), (long) (ms * 1_000_000));
        try {
            logRequest(ctx, ms);
        } finally {
            RequestIds.end();
        }
    }

    /** The matched route's template, never the raw path (a metrics label must have few values). */
    static String routeOf(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null) {
            return endpoint.path;
        }
        String route = ctx.attribute(ROUTE);
        return route != null ? route : HttpMetrics.UNMATCHED;
    }

    /** The text line, and the same as fields for JSON lines (the user id is in the request's context). */
    private void logRequest(Context ctx, Float ms) {
        Caller caller = Authentication.callerOrNull(ctx);
        accessLog.log(ctx.method().name(), ctx.path(), ctx.statusCode(), Math.round(ms),
                caller == null ? "-" : Long.toString(caller.userId()));
    }
}
