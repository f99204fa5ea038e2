package io.miningos.gateway.adapters.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * The errors Jetty answers itself, before any route runs (URI too long 414, headers too large 431, a malformed
 * request line, bad percent-encoding or control characters 400, an ambiguous {@code ..;} path, an unknown HTTP
 * version 505, 503 while stopping), in the gateway's envelope {@code {statusCode, error, message: "ERR_..."}}
 * instead of Jetty's HTML page. Installed on the server and on the servlet context.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON.asString());

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(JSON);
        response.write(true, ByteBuffer.wrap(ErrorResponses.bodyBytes(code)), callback);
    }

    /** Errors found while parsing, answered before there is a request to hand to a handler. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON);
        return ByteBuffer.wrap(ErrorResponses.bodyBytes(status));
    }
}
