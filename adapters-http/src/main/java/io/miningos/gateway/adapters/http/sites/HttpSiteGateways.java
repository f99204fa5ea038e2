package io.miningos.gateway.adapters.http.sites;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.miningos.gateway.application.multisite.port.SiteFailure;
import io.miningos.gateway.application.multisite.port.out.SiteGateways;
import io.miningos.gateway.application.multisite.port.out.SiteReply;
import io.miningos.gateway.domain.analytics.JsonView;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The site gateways over HTTP(S) with {@link HttpClient}: each request carries the site's service token
 * ({@code Authorization: Bearer}), ends by its timeout, follows no redirect, and reads at most
 * {@code maxAnswerBytes} of the answer. TLS certificates and host names are checked unless a site is configured
 * otherwise; a site may name its own trust store. Statuses map to failures: 401/403 {@code refused}, others
 * {@code error} with the site's {@code ERR_*} code; a body that is not JSON is {@code bad_answer}.
 */
public final class HttpSiteGateways implements SiteGateways, AutoCloseable {

    private static final Pattern ERROR_CODE = Pattern.compile("ERR_[A-Z0-9_]{1,60}");
    /** Exact decimals (money), as the site wrote them. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private record Site(SiteEndpoint endpoint, HttpClient client) {
    }

    private final Map<String, Site> sites = new LinkedHashMap<>();
    private final long maxAnswerBytes;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public HttpSiteGateways(Iterable<SiteEndpoint> endpoints, long maxAnswerBytes, Duration connectTimeout) {
        this.maxAnswerBytes = maxAnswerBytes;
        for (SiteEndpoint endpoint : endpoints) {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER).executor(threads);
            if ("https".equals(endpoint.baseUrl().getScheme())) {
                builder.sslContext(sslContext(endpoint));
            }
            sites.put(endpoint.id(), new Site(endpoint, builder.build()));
        }
    }

    @Override
    public CompletableFuture<SiteReply> get(String siteId, String pathAndQuery, Duration timeout) {
        return send(siteId, pathAndQuery, timeout, HttpRequest.BodyPublishers.noBody(), "GET");
    }

    @Override
    public CompletableFuture<SiteReply> post(String siteId, String pathAndQuery, Object body, Duration timeout) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON body", e);
        }
        return send(siteId, pathAndQuery, timeout, HttpRequest.BodyPublishers.ofByteArray(bytes), "POST");
    }

    private CompletableFuture<SiteReply> send(String siteId, String pathAndQuery, Duration timeout,
                                              HttpRequest.BodyPublisher body, String method) {
        Site site = sites.get(siteId);
        if (site == null) {
            return CompletableFuture.completedFuture(SiteReply.failed(
                    new SiteFailure(siteId, SiteFailure.Cause.UNKNOWN_SITE, "not configured")));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(site.endpoint().baseUrl() + pathAndQuery))
                .timeout(timeout)
                .header("Authorization", "Bearer " + site.endpoint().token())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, body)
                .build();
        return CompletableFuture.supplyAsync(() -> exchange(siteId, site.client(), request), threads);
    }

    private SiteReply exchange(String siteId, HttpClient client, HttpRequest request) {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes;
            try (InputStream in = response.body()) {
                bytes = readBounded(in);
            }
            if (bytes == null) {
                return failed(siteId, SiteFailure.Cause.TOO_LARGE, "over " + maxAnswerBytes + " bytes");
            }
            int status = response.statusCode();
            if (status == 401 || status == 403) {
                return failed(siteId, SiteFailure.Cause.REFUSED, "status " + status + " " + code(bytes, status));
            }
            if (status != 200) {
                return failed(siteId, SiteFailure.Cause.ERROR, code(bytes, status));
            }
            try {
                return SiteReply.answered(JsonView.of(JSON.readValue(bytes, Object.class)));
            } catch (IOException e) {
                return failed(siteId, SiteFailure.Cause.BAD_ANSWER, "not JSON: " + e.getMessage().lines().findFirst().orElse(""));
            }
        } catch (HttpConnectTimeoutException e) {
            return failed(siteId, SiteFailure.Cause.UNREACHABLE, "connect timeout: " + e.getMessage());
        } catch (HttpTimeoutException e) {
            return failed(siteId, SiteFailure.Cause.TIMEOUT, e.getMessage());
        } catch (ConnectException e) {
            return failed(siteId, SiteFailure.Cause.UNREACHABLE, "connection refused: " + e.getMessage());
        } catch (IOException e) {
            return failed(siteId, SiteFailure.Cause.UNREACHABLE, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(siteId, SiteFailure.Cause.TIMEOUT, "interrupted");
        }
    }

    /** The body, or null when it is longer than the bound (then the rest is not read). */
    private byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > maxAnswerBytes) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The site's error code ({@code message: "ERR_..."}) or {@code http_<status>}. */
    private static String code(byte[] body, int status) {
        try {
            String message = JSON.readTree(body).path("message").asText("");
            if (ERROR_CODE.matcher(message).matches()) {
                return message;
            }
        } catch (IOException e) {
            // not a JSON error body: the status says it
        }
        return "http_" + status;
    }

    private static SiteReply failed(String siteId, SiteFailure.Cause cause, String detail) {
        return SiteReply.failed(new SiteFailure(siteId, cause, detail));
    }

    private static SSLContext sslContext(SiteEndpoint endpoint) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManager[] trust;
            if (!endpoint.verifyTls()) {
                trust = new TrustManager[]{new TrustingEveryone()};
            } else if (endpoint.trustStore().isPresent()) {
                char[] password = endpoint.trustStorePassword().map(String::toCharArray).orElse(null);
                KeyStore store = KeyStore.getInstance(endpoint.trustStore().get().toFile(), password);
                TrustManagerFactory factory = TrustManagerFactory.getInstance(
                        TrustManagerFactory.getDefaultAlgorithm());
                factory.init(store);
                trust = factory.getTrustManagers();
            } else {
                return SSLContext.getDefault();
            }
            context.init(null, trust, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("site " + endpoint.id() + ": cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** {@code tls.verify: false}: no certificate or host name check (a lab's self-signed site only). */
    private static final class TrustingEveryone extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    @Override
    public void close() {
        sites.values().forEach(site -> site.client().shutdownNow());
        threads.shutdownNow();
    }
}
