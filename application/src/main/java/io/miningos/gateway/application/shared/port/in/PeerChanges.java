package io.miningos.gateway.application.shared.port.in;

/**
 * What another gateway instance on the same storage changed, as its notifications tell (see the out-port
 * ChangeNotifier). A service implements the changes it holds something of; the others do nothing.
 */
public interface PeerChanges {

    /** Every token of the user was revoked (the user revoked, changed or deleted). */
    default void userRevoked(long userId) {
    }

    /** Some of the user's tokens were revoked (over the cap). */
    default void tokensRevoked(long userId) {
    }

    /** Records of the global data type (its wire name) were written. */
    default void globalDataWritten(String type) {
    }

    /**
     * Notifications may have been missed (the connection that receives them was lost): drop everything that could
     * be stale. Called again on every failed reconnect, so nothing cached outlives an outage by more than that.
     */
    void missedChanges();
}
