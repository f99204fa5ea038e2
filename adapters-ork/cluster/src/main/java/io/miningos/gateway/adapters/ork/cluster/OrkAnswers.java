package io.miningos.gateway.adapters.ork.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.miningos.gateway.application.ork.port.OrkFailure;

import java.io.IOException;

/**
 * Reads what an ORK sent back, in one streaming pass that builds nothing: is it a well-formed JSON document, and
 * is it the ORK's error convention, a JSON string whose first 15 characters contain {@code [HRPC_ERR]=}? Done
 * here, above the transports, so every transport behaves alike.
 */
final class OrkAnswers {

    /** The RPC client's rule: the marker must appear within the first 15 characters of the string. */
    private static final int MARKER_WINDOW = 15;
    private static final JsonFactory JSON = new JsonFactory();

    private OrkAnswers() {
    }

    /** Either the answer is fine, or it is an ORK error (its text), or it is not JSON. */
    sealed interface Verdict permits Fine, OrkError, Malformed {
    }

    record Fine() implements Verdict {
    }

    /** @param message the whole error text as sent, e.g. {@code [HRPC_ERR]=ERR_RACK_ID_INVALID} */
    record OrkError(String message) implements Verdict {
    }

    record Malformed(String problem) implements Verdict {
    }

    static Verdict inspect(byte[] answer) {
        try (JsonParser parser = JSON.createParser(answer)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Malformed("empty answer");
            }
            String errorText = null;
            if (first == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                int marker = text.indexOf(OrkFailure.ORK_ERROR_PREFIX);
                if (marker >= 0 && marker + OrkFailure.ORK_ERROR_PREFIX.length() <= MARKER_WINDOW) {
                    errorText = text;
                }
            } else {
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                return new Malformed("more than one JSON value");
            }
            return errorText == null ? new Fine() : new OrkError(errorText);
        } catch (IOException e) {
            return new Malformed(e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
