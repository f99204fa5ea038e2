package io.miningos.gateway.application.shared.port.in;

import io.miningos.gateway.application.shared.port.out.Change;

/** What another gateway instance on the same storage changed, as its notifications tell (see ChangeNotifier). */
public interface PeerChanges {

    /** Another instance committed {@code change}: drop what this one holds of it. Kinds not handled are ignored. */
    void changed(Change change);

    /**
     * Notifications may have been missed (the connection that receives them was lost): drop everything that could
     * be stale. Called again on every failed reconnect, so nothing cached outlives an outage by more than that.
     */
    void missedChanges();
}
