package io.miningos.gateway.adapters.ork.spi;

/**
 * The ORK could not be reached or the call could not be completed (as opposed to an ORK handler error, which is
 * an answer). From {@link OrkTransport#call}: a failed call, a timeout when its cause chain holds a
 * {@link java.util.concurrent.TimeoutException}. From {@link OrkTransportProvider#open}: the transport cannot run
 * on this machine, and the message says what to install or fix.
 */
public class OrkTransportException extends RuntimeException {
    public OrkTransportException(String message) {
        super(message);
    }

    public OrkTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
