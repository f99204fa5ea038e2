package io.miningos.gateway.query;

import io.miningos.gateway.query.SortSpec.Ordering;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SortSpecTest {

    private static final String CODE = "ERR_SORT_INVALID";
    private static final Object ABSENT = new Object();

    /** Documents {"v": value} (or {} for ABSENT) plus an "n" recording the input position. */
    private static List<Object> docs(Object... values) {
        List<Object> docs = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("n", i);
            if (values[i] != ABSENT) {
                doc.put("v", values[i]);
            }
            docs.add(doc);
        }
        return docs;
    }

    private static List<Object> positionsAfterSort(String sort, Ordering ordering, List<Object> docs) {
        List<Object> sorted = new ArrayList<>(docs);
        SortSpec.compile(Json.parse(sort), ordering, CODE).sort(sorted);
        List<Object> viaComparator = new ArrayList<>(docs);
        viaComparator.sort(SortSpec.compile(Json.parse(sort), ordering, CODE).comparator());
        assertEquals(sorted, viaComparator, "sort() and comparator() agree");
        return sorted.stream().map(doc -> (Object) ((Map<?, ?>) doc).get("n")).toList();
    }

    @Test
    void mongoOrderBracketsTypes() {
        List<Object> docs = docs(true, Json.parse("{\"x\": 1}"), "b", "a", 10, 9.5, null, ABSENT, false,
                List.of(List.of(1)), new BigDecimal("9.75"));
        assertEquals(List.of(6, 7, 5, 10, 4, 3, 2, 1, 9, 8, 0), positionsAfterSort("{\"v\": 1}", Ordering.MONGO, docs));
        assertEquals(List.of(0, 8, 9, 1, 2, 3, 4, 10, 5, 6, 7), positionsAfterSort("{\"v\": -1}", Ordering.MONGO, docs));
    }

    @Test
    void mongoOrderComparesNumbersByValueAndStringsByCodePoint() {
        assertEquals(List.of(1, 2, 3, 0, 4),
                positionsAfterSort("{\"v\": 1}", Ordering.MONGO, docs(5, 3L, 4.5, new BigDecimal("4.75"), BigInteger.valueOf(6))));
        assertEquals(List.of(2, 1, 0, 3),
                positionsAfterSort("{\"v\": 1}", Ordering.MONGO, docs("a", "Z", "B", "\uD83D\uDE00")));
        // U+FFFD sorts before an emoji by code point, after it by UTF-16 unit.
        assertEquals(List.of(1, 0), positionsAfterSort("{\"v\": 1}", Ordering.MONGO, docs("\uD83D\uDE00", "\uFFFD")));
    }

    @Test
    void mongoOrderUsesTheSmallestElementAscendingAndTheLargestDescending() {
        List<Object> docs = docs(List.of(5, 1), List.of(3), 2, List.of(), Json.parse("[{\"w\": 1}]"));
        assertEquals(List.of(3, 0, 2, 1, 4), positionsAfterSort("{\"v\": 1}", Ordering.MONGO, docs));
        assertEquals(List.of(4, 0, 1, 2, 3), positionsAfterSort("{\"v\": -1}", Ordering.MONGO, docs));
        List<Object> alerts = List.of(SampleThings.whatsminerWithAlerts(), SampleThings.offlineMinerWithMediumAlert(),
                SampleThings.antminerS21());
        List<Object> sorted = new ArrayList<>(alerts);
        SortSpec.compile(Json.parse("{\"last.alerts.createdAt\": 1}"), Ordering.MONGO, CODE).sort(sorted);
        assertEquals(List.of("AM-S21-0118", "AM-S19XP-0003", "WM-M56S-0007"), codes(sorted));
    }

    @Test
    void sortsByEarlierKeysFirstAndKeepsTiesInInputOrder() {
        List<Object> rows = Json.array("""
                [{"year": 2024, "month": 2, "n": 0}, {"year": 2023, "month": 12, "n": 1}, {"year": 2024, "month": 10, "n": 2},
                 {"year": 2024, "month": 2, "n": 3}, {"year": 2023, "month": 12, "n": 4}]""");
        for (Ordering ordering : Ordering.values()) {
            assertEquals(List.of(2, 0, 3, 1, 4), positionsAfterSort("{\"year\": -1, \"month\": -1}", ordering, rows));
            assertEquals(List.of(1, 4, 0, 3, 2), positionsAfterSort("{\"year\": 1, \"month\": 1}", ordering, rows));
            assertEquals(List.of(0, 2, 3, 1, 4), positionsAfterSort("{\"year\": -1}", ordering, rows));
        }
    }

    @Test
    void naturalOrderComparesDigitRunsAsNumbers() {
        // Runs compare like JavaScript's localeCompare, which the ORK applies run by run: "a-" sorts before "A-".
        assertEquals(List.of(3, 2, 1, 0, 4),
                positionsAfterSort("{\"v\": 1}", Ordering.NATURAL, docs("A-10", "A-2", "A-1", "a-3", "B-1")));
        assertEquals(List.of(3, 1, 2, 0),
                positionsAfterSort("{\"v\": 1}", Ordering.NATURAL, docs("10-1_a1", "2-3_b2", "2-3_b10", "2-3_b1")));
        assertEquals(List.of(4, 0, 1, 2, 3),
                positionsAfterSort("{\"v\": 1}", Ordering.NATURAL, docs("AM-S21-0118", "AM-S21-119", "AM-S21PRO-0001", "WM-M56S-0007", "AM-S19XP-0003")));
        assertEquals(List.of(1, 0), positionsAfterSort("{\"v\": 1}", Ordering.NATURAL,
                docs("x99999999999999999999999999", "x99999999999999999999999998")));
        assertEquals(List.of(1, 0), positionsAfterSort("{\"v\": 1}", Ordering.NATURAL, docs("AM-1", "AM")));
    }

    @Test
    void naturalOrderComparesNumbersAndDecimalStringsByValue() {
        assertEquals(List.of(1, 0, 3, 2), positionsAfterSort("{\"v\": 1}", Ordering.NATURAL, docs(3492, 20, 5512.5, 3500L)));
        assertEquals(List.of(1, 0), positionsAfterSort("{\"v\": 1}", Ordering.NATURAL, docs(70.5, 70.33)));
        assertEquals(List.of(0, 1), positionsAfterSort("{\"v\": 1}", Ordering.NATURAL, docs(-5, -3)));
        // Antminer Hydro reports efficiency as a string, Whatsminer as a number.
        assertEquals(List.of(0, 2, 1),
                positionsAfterSort("{\"v\": 1}", Ordering.NATURAL, docs("20.91", 26.18, 21)));
    }

    @Test
    void naturalOrderIgnoresCaseFirstThenPutsLowerCaseFirst() {
        assertEquals(List.of(1, 0), positionsAfterSort("{\"v\": 1}", Ordering.NATURAL, docs("ABD", "abc")));
        assertEquals(List.of(1, 0), positionsAfterSort("{\"v\": 1}", Ordering.NATURAL, docs("A", "a")));
        assertEquals(List.of(0, 1), positionsAfterSort("{\"v\": 1}", Ordering.NATURAL, docs("a", "B")));
    }

    @Test
    void naturalOrderPutsMissingAndNullLastInBothDirections() {
        List<Object> docs = docs(ABSENT, "b", null, "a", ABSENT);
        assertEquals(List.of(3, 1, 0, 2, 4), positionsAfterSort("{\"v\": 1}", Ordering.NATURAL, docs));
        assertEquals(List.of(1, 3, 0, 2, 4), positionsAfterSort("{\"v\": -1}", Ordering.NATURAL, docs));
    }

    @Test
    void naturalOrderLetsTheNextKeyDecideWhenBothLackTheFirst() {
        List<Object> rows = Json.array("""
                [{"n": 0, "b": 2}, {"n": 1, "a": "x", "b": 1}, {"n": 2, "b": 1}]""");
        assertEquals(List.of(1, 2, 0), positionsAfterSort("{\"a\": 1, \"b\": 1}", Ordering.NATURAL, rows));
    }

    @Test
    void naturalOrderFollowsPathsLiterally() {
        List<Object> things = new ArrayList<>(SampleThings.all());
        SortSpec.compile(Json.parse("{\"info.pos\": 1}"), Ordering.NATURAL, CODE).sort(things);
        assertEquals(List.of("AM-S21-0002", "WM-M56S-0007", "AM-S21-0118", "ABB-REU615-0001", "TEMP-SENECA-0004",
                "AM-S19XP-0003", "MBT-WONDERINT-0002"), codes(things));
        SortSpec.compile(Json.parse("{\"comments.0.user\": -1}"), Ordering.NATURAL, CODE).sort(things);
        assertEquals("AM-S21-0118", codes(things).getFirst());
    }

    @ParameterizedTest
    @EnumSource(Ordering.class)
    void comparatorIsATotalOrderOverMixedValues(Ordering ordering) {
        Random random = new Random(42);
        Object[] pool = {null, ABSENT, 0, -1, 1.5, 1.25, -0.0, 10L, new BigDecimal("1.50"), BigInteger.TEN, "", "a", "A",
            "a-2", "a-10", "A-02", "1.20", "-3", "x_1", "x-1", "x 1", "x.1", "\u00e9", "Z9", "9Z", true, false,
            List.of(), List.of(1, "a"), List.of(List.of(2)), Map.of("k", 1), Map.of("k", "1"), Double.NaN,
            Double.POSITIVE_INFINITY, "\uD83D\uDE00", "10-1_a1", "2-3_b2"};
        List<Object> docs = new ArrayList<>();
        for (Object value : pool) {
            docs.addAll(docs(value));
        }
        Comparator<Object> comparator = SortSpec.compile(Json.parse("{\"v\": 1}"), ordering, CODE).comparator();
        for (int i = 0; i < 20_000; i++) {
            Object a = docs.get(random.nextInt(docs.size()));
            Object b = docs.get(random.nextInt(docs.size()));
            Object c = docs.get(random.nextInt(docs.size()));
            int ab = Integer.signum(comparator.compare(a, b));
            assertEquals(-ab, Integer.signum(comparator.compare(b, a)), () -> a + " vs " + b);
            if (ab <= 0 && comparator.compare(b, c) <= 0) {
                assertTrue(comparator.compare(a, c) <= 0, () -> a + " <= " + b + " <= " + c);
            }
        }
        for (int round = 0; round < 50; round++) {
            List<Object> shuffled = new ArrayList<>(docs);
            java.util.Collections.shuffle(shuffled, random);
            shuffled.sort(comparator);
        }
    }

    @Test
    void unsortedSpecLeavesOrderAlone() {
        assertTrue(SortSpec.compile(null, Ordering.MONGO, CODE).isUnsorted());
        assertTrue(SortSpec.compile(Map.of(), Ordering.NATURAL, CODE).isUnsorted());
        assertTrue(SortSpec.unsorted().isUnsorted());
        List<Object> docs = docs(3, 1, 2);
        SortSpec.unsorted().sort(docs);
        assertEquals(List.of(3, 1, 2), docs.stream().map(doc -> ((Map<?, ?>) doc).get("v")).toList());
        assertFalse(SortSpec.compile(Map.of("v", 1), Ordering.MONGO, CODE).isUnsorted());
        assertEquals(Ordering.NATURAL, SortSpec.compile(Map.of("v", 1), Ordering.NATURAL, CODE).ordering());
    }

    @Test
    void acceptsOneAndMinusOneInAnyNumericType() {
        for (Object direction : List.of(1, 1L, 1.0, new BigDecimal("1.00"), -1, -1L, -1.0, BigInteger.ONE.negate())) {
            Map<String, Object> spec = new HashMap<>();
            spec.put("v", direction);
            SortSpec.compile(spec, Ordering.MONGO, CODE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\": 2}", "{\"a\": 0}", "{\"a\": -2}", "{\"a\": 0.5}", "{\"a\": \"asc\"}", "{\"a\": true}",
        "{\"a\": null}", "{\"a\": {\"$meta\": \"textScore\"}}", "\"a\"", "[[\"a\", 1]]", "1", "{\"a..b\": 1}",
        "{\"$a\": 1}", "{\"\": 1}"
    })
    void refusesMalformedSorts(String sort) {
        Object parsed = Json.parse(sort);
        for (Ordering ordering : Ordering.values()) {
            assertEquals(CODE, assertThrows(QueryException.class, () -> SortSpec.compile(parsed, ordering, CODE)).code());
        }
    }

    @Test
    void refusesTooManyKeys() {
        Map<String, Object> spec = new LinkedHashMap<>();
        for (int i = 0; i <= SortSpec.MAX_KEYS; i++) {
            spec.put("k" + i, 1);
        }
        assertThrows(QueryException.class, () -> SortSpec.compile(spec, Ordering.MONGO, CODE));
    }

    @Test
    void sortsLinkedListsInPlace() {
        List<Object> linked = new java.util.LinkedList<>(docs("b", "a", "c"));
        SortSpec.compile(Map.of("v", -1), Ordering.NATURAL, CODE).sort(linked);
        assertEquals(List.of(2, 0, 1), linked.stream().map(doc -> ((Map<?, ?>) doc).get("n")).toList());
    }

    private static List<Object> codes(List<Object> things) {
        return things.stream().map(thing -> (Object) ((Map<?, ?>) thing).get("code")).toList();
    }
}
