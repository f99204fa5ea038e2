package io.miningos.gateway.adapters.ork.spi;

/** The ORK could not be reached or the call could not be completed (as opposed to an ORK handler error). */
public class OrkTransportException extends RuntimeException {
    public OrkTransportException(String message) {
        super(message);
    }

    public OrkTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
