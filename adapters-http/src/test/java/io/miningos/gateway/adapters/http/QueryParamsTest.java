package io.miningos.gateway.adapters.http;

import io.miningos.gateway.adapters.http.QueryParams.Kind;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

/**
 * Repeated query strings are served from a memo: each request still gets values of its own (a handler that changes
 * them changes nothing for the next request), and bad input is refused every time.
 */
class QueryParamsTest {

    private static final Map<String, Kind> KINDS = Map.of("limit", Kind.INTEGER, "aggrFields", Kind.OBJECT,
            "flag", Kind.FLAG);

    /** Echoes what the parameters parsed to, then changes them as a careless handler might. */
    private static final RouteGroup ECHO = routes -> {
        routes.get("/auth/echo-all", ctx -> {
            Map<String, Object> params = QueryParams.all(ctx, KINDS);
            Map<String, Object> answer = new LinkedHashMap<>(QueryParams.copyOf(params));
            answer.put("refresh", QueryParams.refresh(ctx));
            ResponseBodies.json(ctx, answer);
            mutate(params);
        });
        routes.get("/auth/echo-object", ctx -> {
            Map<String, Object> query = QueryParams.object(ctx, "query");
            ResponseBodies.json(ctx, query == null ? Map.of() : QueryParams.copyOf(query));
            mutate(query);
        });
    };

    @SuppressWarnings("unchecked")
    private static void mutate(Object value) {
        if (value instanceof Map<?, ?> map) {
            new ArrayList<>(map.values()).forEach(QueryParamsTest::mutate);
            ((Map<String, Object>) map).put("changed", true);
        } else if (value instanceof List<?> list) {
            new ArrayList<>(list).forEach(QueryParamsTest::mutate);
            ((List<Object>) list).add("changed");
        }
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void aRepeatedQueryGivesEachRequestItsOwnValues() {
        try (TestServer server = new TestServer(ECHO)) {
            String token = server.rootToken();
            String path = "/auth/echo-all?limit=288&type=miner&aggrFields="
                    + encoded("{\"hashrate_mhs_5m_sum_aggr\":1,\"nested\":{\"list\":[1,{\"a\":\"b\"}]}}");
            String expected = "{\"aggrFields\":{\"hashrate_mhs_5m_sum_aggr\":1,\"nested\":{\"list\":[1,{\"a\":\"b\"}]}},"
                    + "\"limit\":288,\"type\":\"miner\",\"refresh\":false}";
            for (int i = 0; i < 3; i++) {
                assertEquals(expected, server.get(path, token).raw().body());
            }
            String object = "/auth/echo-object?query=" + encoded("{\"tags\":{\"$in\":[\"t-miner\"]}}");
            for (int i = 0; i < 3; i++) {
                assertEquals("{\"tags\":{\"$in\":[\"t-miner\"]}}", server.get(object, token).raw().body());
            }
        }
    }

    @Test
    void badInputIsRefusedEveryTimeAndRefreshIsReadHoweverSpelled() {
        try (TestServer server = new TestServer(ECHO)) {
            String token = server.rootToken();
            for (int i = 0; i < 2; i++) {
                Expect.badRequest(server.get("/auth/echo-all?limit=12x", token), "ERR_LIMIT_INVALID");
                Expect.badRequest(server.get("/auth/echo-all?aggrFields=" + encoded("{\"a\":"), token),
                        "ERR_AGGRFIELDS_INVALID_JSON");
                Expect.badRequest(server.get("/auth/echo-all?aggrFields=" + encoded("[1]"), token),
                        "ERR_AGGRFIELDS_INVALID_OBJECT");
                Expect.badRequest(server.get("/auth/echo-object?query=" + encoded("{\"a\":"), token),
                        "ERR_QUERY_INVALID_JSON");
            }
            for (String bad : List.of("+5", " 5", "5 ", "1_000", "-", "--1", "0x10", "1234567890123456789", "١")) {
                Expect.badRequest(server.get("/auth/echo-all?limit=" + encoded(bad), token), "ERR_LIMIT_INVALID");
            }
            assertEquals("{\"limit\":-123456789012345678,\"refresh\":false}",
                    server.get("/auth/echo-all?limit=-123456789012345678", token).raw().body());
            assertEquals("{\"refresh\":true}", server.get("/auth/echo-all?overwriteCache=true", token).raw().body());
            assertEquals("{\"refresh\":true}", server.get("/auth/echo-all?overwrite%43ache=1", token).raw().body());
            Expect.badRequest(server.get("/auth/echo-all?overwriteCache=yes", token), "ERR_OVERWRITECACHE_INVALID");
        }
    }

    @Test
    void aCopyIsNewAllTheWayDown() {
        Map<String, Object> parsed = new LinkedHashMap<>(Map.of("list", new ArrayList<>(List.of(
                new LinkedHashMap<>(Map.of("a", "b"))))));
        Map<String, Object> copy = QueryParams.copyOf(parsed);
        assertEquals(parsed, copy);
        assertNotSame(parsed.get("list"), copy.get("list"));
        assertNotSame(((List<?>) parsed.get("list")).getFirst(), ((List<?>) copy.get("list")).getFirst());
    }
}
