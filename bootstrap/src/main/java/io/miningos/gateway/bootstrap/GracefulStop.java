package io.miningos.gateway.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How {@code serve} ends: SIGTERM or SIGINT (Ctrl-C) stop the gateway gracefully (it stops accepting, answers the
 * requests in flight for up to {@code gateway.stopGrace}, flushes and closes storage) and then {@code serve} returns,
 * so the process exits 0 (the JVM's own handling of those signals would exit 143 or 130 whatever happened). Any
 * other way the JVM ends (System.exit elsewhere) still closes the gateway, through a shutdown hook.
 */
final class GracefulStop {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);

    private final AutoCloseable gateway;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;

    private GracefulStop(AutoCloseable gateway) {
        this.gateway = gateway;
        this.hook = new Thread(this::stop, "shutdown");
    }

    /** Takes over SIGTERM and SIGINT for {@code gateway}. */
    static GracefulStop of(AutoCloseable gateway) {
        GracefulStop graceful = new GracefulStop(gateway);
        Runtime.getRuntime().addShutdownHook(graceful.hook);
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                // sun.misc.Signal (module jdk.unsupported) is the JDK's only way to handle a signal yourself.
                Signal.handle(new Signal(name), signal -> Thread.ofPlatform().name("graceful-stop").start(() -> {
                    LOG.info("SIG{} received: stopping gracefully", signal.getName());
                    graceful.stop();
                }));
            } catch (IllegalArgumentException e) { // signal not available here: the shutdown hook still stops
                LOG.debug("cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
        return graceful;
    }

    /** Waits until the gateway has stopped. */
    void await() throws InterruptedException {
        stopped.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (the hook stopped the gateway)
        }
    }

    private void stop() {
        if (stopping.compareAndSet(false, true)) {
            try {
                gateway.close();
            } catch (Exception e) {
                LOG.error("stopping the gateway failed", e);
            } finally {
                stopped.countDown();
            }
        } else {
            try {
                stopped.await(); // a second signal or the hook: wait for the stop under way
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
