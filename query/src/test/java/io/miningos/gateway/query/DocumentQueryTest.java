package io.miningos.gateway.query;

import io.miningos.gateway.query.SortSpec.Ordering;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentQueryTest {

    private static final String CODE = "ERR_QUERY_INVALID";

    /** The obvious implementation: filter everything, stable-sort everything, cut the page, project it. */
    private static List<Object> naive(List<Object> documents, MongoFilter filter, Projection projection, SortSpec sort,
                                      int offset, int limit) {
        List<Object> matches = new ArrayList<>(documents.stream().filter(filter::matches).toList());
        if (!sort.isUnsorted()) {
            matches.sort(sort.comparator());
        }
        List<Object> page = new ArrayList<>();
        for (int i = offset; i < matches.size() && page.size() < limit; i++) {
            page.add(projection.apply(matches.get(i)));
        }
        return page;
    }

    @Test
    void agreesWithFilterSortSkipTakeProjectOnASite() {
        List<Object> site = SampleThings.site(3_000, 7);
        List<MongoFilter> filters = List.of(
                MongoFilter.matchAll(),
                MongoFilter.compile(Json.parse("{\"tags\": {\"$in\": [\"t-miner\"]}}"), CODE),
                MongoFilter.compile(Json.parse("{\"last.alerts\": {\"$ne\": null}}"), CODE),
                MongoFilter.compile(Json.parse("{\"last.snap.stats.power_w\": {\"$gte\": 3500}, \"type\": \"miner-wm-m56s\"}"), CODE));
        List<SortSpec> sorts = List.of(
                SortSpec.unsorted(),
                SortSpec.compile(Json.parse("{\"info.pos\": 1}"), Ordering.NATURAL, CODE),
                SortSpec.compile(Json.parse("{\"code\": -1}"), Ordering.NATURAL, CODE),
                SortSpec.compile(Json.parse("{\"last.snap.stats.power_w\": -1, \"id\": 1}"), Ordering.MONGO, CODE),
                SortSpec.compile(Json.parse("{\"info.container\": 1}"), Ordering.MONGO, CODE));
        Projection projection = Projection.compile(Json.parse("{\"id\": 1, \"code\": 1, \"last.snap.stats.power_w\": 1}"), CODE);
        int[][] pages = {{0, 10}, {0, 100}, {37, 25}, {0, DocumentQuery.UNLIMITED}, {2_950, 100}, {5_000, 10}, {0, 0}};
        for (MongoFilter filter : filters) {
            for (SortSpec sort : sorts) {
                for (int[] page : pages) {
                    List<Object> expected = naive(site, filter, projection, sort, page[0], page[1]);
                    assertEquals(expected, DocumentQuery.of(filter, projection, sort, page[0], page[1]).run(site));
                }
            }
        }
    }

    @Test
    void keepsTiesInInputOrderWhenCuttingTheTopOfALargeInput() {
        List<Object> rows = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            rows.add(Map.of("group", random.nextInt(5), "n", i));
        }
        SortSpec sort = SortSpec.compile(Map.of("group", 1), Ordering.MONGO, CODE);
        List<Object> page = DocumentQuery.of(null, null, sort, 0, 50).run(rows);
        List<Object> stable = new ArrayList<>(rows);
        sort.sort(stable);
        assertEquals(stable.subList(0, 50), page);
        int previous = -1;
        for (Object row : page) {
            int n = (Integer) ((Map<?, ?>) row).get("n");
            assertTrue(n > previous);
            previous = n;
        }
    }

    @Test
    void readsAnUnsortedInputOnlyAsFarAsThePageNeeds() {
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            rows.add(Map.of("n", i));
        }
        int[] read = {0};
        Iterable<Object> counting = () -> new Iterator<>() {
            private final Iterator<Object> inner = rows.iterator();

            @Override
            public boolean hasNext() {
                return inner.hasNext();
            }

            @Override
            public Object next() {
                read[0]++;
                return inner.next();
            }
        };
        List<Object> page = DocumentQuery.of(null, null, null, 5, 10).run(counting);
        assertEquals(15, read[0]);
        assertEquals(Map.of("n", 5), page.getFirst());
        assertEquals(10, page.size());
    }

    @Test
    void pageOfTheUiQueryOverRealisticThings() {
        List<Object> things = new ArrayList<>(SampleThings.all());
        Collections.reverse(things);
        DocumentQuery query = DocumentQuery.of(
                MongoFilter.compile(Json.parse("{\"last.alerts\": {\"$ne\": null}}"), CODE),
                Projection.compile(Json.parse("{\"id\": 1, \"type\": 1, \"info.pos\": 1, \"info.container\": 1, \"last.alerts\": 1}"), CODE)
                        .withAlwaysIncluded("rack"),
                SortSpec.compile(Json.parse("{\"code\": 1}"), Ordering.NATURAL, CODE), 0, 100);
        List<Object> page = query.run(things);
        assertEquals(2, page.size());
        Map<?, ?> first = (Map<?, ?>) page.getFirst();
        assertEquals("Zz1Yy2Xx3Ww4Vv5", first.get("id"));
        assertEquals(List.of("id", "type", "info", "rack", "last"), new ArrayList<>(first.keySet()));
        assertEquals(Json.parse("{\"container\": \"maintenance\"}"), first.get("info"));
        assertEquals("P3x9Lm2Qa7Vb1Nc", ((Map<?, ?>) page.get(1)).get("id"));
    }

    @Test
    void refusesNegativeOffsetsAndLimits() {
        assertThrows(IllegalArgumentException.class, () -> DocumentQuery.of(null, null, null, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> DocumentQuery.of(null, null, null, 0, -1));
        DocumentQuery defaults = DocumentQuery.of(null, null, null, 0, DocumentQuery.UNLIMITED);
        assertTrue(defaults.filter().isMatchAll());
        assertTrue(defaults.projection().isIdentity());
        assertTrue(defaults.sort().isUnsorted());
    }

    @Test
    void groupsByTheJavaScriptStringOfAFieldInFirstSeenOrder() {
        List<Object> rows = Json.array("""
                [{"year": 2024, "month": 1}, {"year": 2023, "month": 12}, {"year": 2024, "month": 2},
                 {"month": 3}, {"year": null, "month": 4}, {"year": 2024.0, "month": 5}, {"year": "2023", "month": 6}]""");
        Map<String, List<Object>> groups = DocumentQuery.groupBy(rows, JsonPath.parse("year", CODE));
        assertEquals(List.of("2024", "2023", "undefined", "null"), new ArrayList<>(groups.keySet()));
        assertEquals(List.of(rows.get(0), rows.get(2), rows.get(5)), groups.get("2024"));
        assertEquals(List.of(rows.get(1), rows.get(6)), groups.get("2023"));
        assertEquals(List.of(rows.get(3)), groups.get("undefined"));
        assertEquals(List.of(rows.get(4)), groups.get("null"));

        Map<String, List<Object>> byStatus = DocumentQuery.groupBy(SampleThings.all(),
                JsonPath.parse("last.snap.stats.status", CODE));
        assertEquals(List.of("mining", "error", "offline", "undefined", "ok", "running"), new ArrayList<>(byStatus.keySet()));
        assertTrue(DocumentQuery.groupBy(List.of(), JsonPath.parse("year", CODE)).isEmpty());
    }
}
