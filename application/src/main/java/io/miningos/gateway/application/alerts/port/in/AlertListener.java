package io.miningos.gateway.application.alerts.port.in;

import io.miningos.gateway.application.ork.port.RawJson;

/**
 * Receives alert lists: a JSON array of alerts, encoded once and shared by every listener. Must not block: it is
 * called from the feed's own thread for every subscriber in turn.
 */
@FunctionalInterface
public interface AlertListener {
    void deliver(RawJson alerts);
}
