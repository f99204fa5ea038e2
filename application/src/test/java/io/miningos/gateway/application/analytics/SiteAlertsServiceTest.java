package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.analytics.port.in.SiteAlertsQuery;
import io.miningos.gateway.domain.analytics.JsonView;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.miningos.gateway.domain.analytics.Json.arr;
import static io.miningos.gateway.domain.analytics.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The current site alerts: every thing of a rack, however many, not the ORK's first page of 100. */
class SiteAlertsServiceTest {

    /** 130 miners with one alert each, answered page by page as the ORK does (offset and limit per rack). */
    static Object things(String method, JsonView request) {
        assertEquals("listThings", method);
        long offset = request.get("offset").asLong();
        long limit = request.get("limit").asLong();
        List<Object> page = new ArrayList<>();
        for (long i = offset; i < Math.min(130, offset + limit); i++) {
            page.add(obj("id", "m" + i, "code", "AM-" + i, "type", "miner-am-s21", "info", obj("container", "c1"),
                    "last", obj("alerts", arr(obj("name", "fan_error", "code", "fan_error", "severity",
                            i % 2 == 0 ? "high" : "medium", "createdAt", 1_000 + i, "uuid", "u" + i)))));
        }
        return page;
    }

    @Test
    void everyThingOfARackIsReadNotTheFirstHundred() {
        ScriptedOrks orks = new ScriptedOrks().ork("a", SiteAlertsServiceTest::things);
        SiteAlertsService service = new SiteAlertsService(orks.requests());
        SiteAlertsQuery query = SiteAlertsQuery.of(null, null, null, null, 5L, Arrays.asList(null, null, null, null,
                "5"));
        Map<?, ?> body = (Map<?, ?>) orks.body(service.current(query, false).join());
        assertEquals(130, ((Number) body.get("total")).intValue(), "the Node gateway saw 100");
        Map<?, ?> summary = (Map<?, ?>) body.get("summary");
        assertEquals(65, ((Number) summary.get("high")).intValue());
        assertEquals(65, ((Number) summary.get("medium")).intValue());
        List<?> page = (List<?>) body.get("alerts");
        assertEquals(5, page.size());
        assertEquals("u129", ((Map<?, ?>) page.getFirst()).get("uuid"), "newest first");
        assertEquals("AM-129", ((Map<?, ?>) page.getFirst()).get("deviceCode"));
        assertEquals("fan_error", ((Map<?, ?>) page.getFirst()).get("code"), "the alert's own code");
        assertEquals(List.of(0L, 100L), orks.calls("listThings").stream()
                .map(c -> c.request().get("offset").asLong()).toList(), "two pages: the second was not full");
    }
}
