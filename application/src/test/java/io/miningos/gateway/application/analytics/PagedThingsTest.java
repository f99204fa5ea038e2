package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.ork.CallReplies;
import io.miningos.gateway.application.ork.OrkCall;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.ork.OrkMethod;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.miningos.gateway.domain.analytics.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A paged {@code listThings} read ({@link OrkCall#pagedThings}) through {@link OrkRequests#compute}. */
class PagedThingsTest {

    /** An ORK of racks holding {@code sizes} things each, answering a page per rack as the ORK does. */
    static ScriptedOrks.Script racks(int... sizes) {
        return (method, request) -> {
            long offset = request.get("offset").asLong();
            long limit = request.get("limit").asLong();
            List<Object> page = new ArrayList<>();
            for (int r = 0; r < sizes.length; r++) {
                for (long i = offset; i < Math.min(sizes[r], offset + limit); i++) {
                    page.add(obj("id", "rack-" + r + "-" + i));
                }
            }
            return page;
        };
    }

    private static CallReplies read(ScriptedOrks orks) {
        OrkRequests requests = orks.requests();
        List<CallReplies> seen = new ArrayList<>();
        GatheredAnswer answer = requests.compute(List.of(OrkCall.pagedThings(Map.of("query", Map.of()))),
                replies -> {
                    seen.add(replies.getFirst());
                    return 0;
                }).join();
        assertEquals(answer.failures(), seen.getFirst().failures());
        return seen.getFirst();
    }

    @Test
    void everyThingOfEveryRackIsReadPageByPageWhileSomeRackFilledItsPage() {
        ScriptedOrks orks = new ScriptedOrks().ork("a", racks(250, 30)).ork("b", racks(100)).ork("c", racks());
        CallReplies replies = read(orks);
        assertEquals(List.of(280, 100, 0), replies.answers().stream().map(a -> a.items().size()).toList());
        assertFalse(replies.truncated());
        assertEquals(List.of(0L, 100L, 200L), orks.calls().stream().filter(c -> c.orkId().equals("a"))
                .map(c -> c.request().get("offset").asLong()).toList());
        assertEquals(2, orks.calls().stream().filter(c -> c.orkId().equals("b")).count(), "a full page: one more");
        assertEquals(1, orks.calls().stream().filter(c -> c.orkId().equals("c")).count());
        JsonView first = orks.calls().getFirst().request();
        assertEquals(100, first.get("limit").asLong());
        assertTrue(first.get("query").isObject(), "the payload is kept");
    }

    @Test
    void anOrkThatFailsAPageIsAFailedOrkNotAPartOfItsThings() {
        ScriptedOrks.Script full = racks(150);
        ScriptedOrks orks = new ScriptedOrks().ork("a", racks(10)).ork("b", (method, request) ->
                request.get("offset").asLong() == 0 ? full.apply(method, request) : ScriptedOrks.FAILED);
        CallReplies replies = read(orks);
        assertEquals(1, replies.answers().size());
        assertEquals(List.of("b"), replies.failures().stream().map(OrkFailure::orkId).toList());
    }

    @Test
    void anOrkWithMoreThanThePagesAllowIsReportedAsTruncated() {
        ScriptedOrks orks = new ScriptedOrks().ork("a", racks(OrkCall.MAX_PAGES * OrkCall.PAGE_SIZE + 1));
        CallReplies replies = read(orks);
        assertTrue(replies.truncated());
        assertEquals(OrkCall.MAX_PAGES * OrkCall.PAGE_SIZE, replies.answers().getFirst().items().size());
    }

    @Test
    void onlyAListThingsWithoutItsOwnPagingIsPaged() {
        assertThrows(IllegalArgumentException.class, () -> OrkCall.pagedThings(Map.of("limit", 5)));
        assertThrows(IllegalArgumentException.class, () -> new OrkCall(OrkMethod.TAIL_LOG, Map.of(), true));
    }
}
