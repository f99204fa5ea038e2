package io.miningos.gateway.application.multisite;

import io.miningos.gateway.application.multisite.port.SiteFailure;
import io.miningos.gateway.application.multisite.port.out.SiteGateways;
import io.miningos.gateway.application.multisite.port.out.SiteReply;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Site calls with a bound: at most {@code concurrency} in flight over all requests (a dashboard fires six routes at
 * once, each over every site), each ending within the site timeout, the wait for a free slot included. A call that
 * gets no slot or no answer in time is that site's {@code timeout}.
 */
final class SiteCalls implements AutoCloseable {

    private final SiteGateways gateways;
    private final Semaphore slots;
    private final Duration timeout;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    SiteCalls(SiteGateways gateways, int concurrency, Duration timeout) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.gateways = gateways;
        this.slots = new Semaphore(concurrency, true);
        this.timeout = timeout;
    }

    CompletableFuture<SiteReply> get(String siteId, String pathAndQuery) {
        return call(siteId, left -> gateways.get(siteId, pathAndQuery, left));
    }

    CompletableFuture<SiteReply> post(String siteId, String pathAndQuery, Object body) {
        return call(siteId, left -> gateways.post(siteId, pathAndQuery, body, left));
    }

    private CompletableFuture<SiteReply> call(String siteId, Function<Duration, CompletableFuture<SiteReply>> send) {
        return CompletableFuture.supplyAsync(() -> {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                if (!slots.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    return timedOut(siteId, "no free slot for a site call in time");
                }
                try {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return timedOut(siteId, "no time left after waiting for a slot");
                    }
                    return send.apply(Duration.ofNanos(left)).get(left, TimeUnit.NANOSECONDS);
                } finally {
                    slots.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return timedOut(siteId, "interrupted");
            } catch (TimeoutException e) {
                return timedOut(siteId, "no answer within " + timeout.toMillis() + " ms");
            } catch (ExecutionException | RuntimeException e) {
                return SiteReply.failed(new SiteFailure(siteId, SiteFailure.Cause.UNREACHABLE, String.valueOf(e)));
            }
        }, threads);
    }

    private static SiteReply timedOut(String siteId, String detail) {
        return SiteReply.failed(new SiteFailure(siteId, SiteFailure.Cause.TIMEOUT, detail));
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
