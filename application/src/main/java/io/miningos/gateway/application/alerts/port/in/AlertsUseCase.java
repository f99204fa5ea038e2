package io.miningos.gateway.application.alerts.port.in;

/**
 * Live alerts of the whole site. A subscriber first gets the current alert list, then, every interval, the alerts
 * that appeared since the previous push (nothing when none did).
 */
public interface AlertsUseCase {

    /** Starts delivering to {@code listener}; cancel the subscription to stop. */
    Subscription subscribe(AlertListener listener);

    /** A live subscription. Cancelling twice is harmless. */
    interface Subscription {
        void cancel();
    }
}
