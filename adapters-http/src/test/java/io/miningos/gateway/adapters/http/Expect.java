package io.miningos.gateway.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions on the error envelope. */
final class Expect {

    private Expect() {
    }

    static void error(TestServer.Reply reply, int status, String error, String code) {
        assertEquals(status, reply.status(), () -> "body: " + reply.raw().body());
        assertEquals(status, reply.json().get("statusCode").asInt(), reply.raw().body());
        assertEquals(error, reply.json().get("error").asText(), reply.raw().body());
        assertEquals(code, reply.json().get("message").asText(), reply.raw().body());
        assertEquals(3, reply.json().size(), () -> "exactly statusCode, error, message: " + reply.raw().body());
    }

    static void badRequest(TestServer.Reply reply, String code) {
        error(reply, 400, "Bad Request", code);
    }

    static void forbidden(TestServer.Reply reply, String code) {
        error(reply, 403, "Forbidden", code);
    }
}
