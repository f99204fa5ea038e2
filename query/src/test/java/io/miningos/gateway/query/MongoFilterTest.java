package io.miningos.gateway.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MongoFilterTest {

    private static final String CODE = "ERR_QUERY_INVALID";

    private static boolean matches(Object filter, Object document) {
        return MongoFilter.compile(filter, CODE).matches(document);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("cases")
    void evaluatesLikeMongo(String filter, String document, boolean expected) {
        assertEquals(expected, matches(Json.parse(filter), Json.parse(document)));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // implicit equality, dotted paths, objects and arrays
                arguments("{}", "{\"a\": 1}", true),
                arguments("{\"a\": 5}", "{\"a\": 5}", true),
                arguments("{\"a\": 5}", "{\"a\": 5.0}", true),
                arguments("{\"a\": 5}", "{\"a\": \"5\"}", false),
                arguments("{\"a\": 5}", "{\"b\": 5}", false),
                arguments("{\"a\": true}", "{\"a\": 1}", false),
                arguments("{\"a.b\": 5}", "{\"a\": {\"b\": 5}}", true),
                arguments("{\"a.b\": 5}", "{\"a\": {\"b\": 6}}", false),
                arguments("{\"a.b\": 5}", "{\"a\": [{\"b\": 1}, {\"b\": 5}]}", true),
                arguments("{\"a.b\": 5}", "{\"a\": [{\"b\": [4, 5]}]}", true),
                arguments("{\"a.b\": 1}", "{\"a\": 5}", false),
                arguments("{\"a.b.c\": 1}", "{\"a\": [[{\"b\": {\"c\": 1}}]]}", false),
                arguments("{\"tags\": \"t-miner\"}", "{\"tags\": [\"x\", \"t-miner\"]}", true),
                arguments("{\"tags\": \"t-miner\"}", "{\"tags\": [\"t-miner-am\"]}", false),
                arguments("{\"tags\": [\"x\", \"t-miner\"]}", "{\"tags\": [\"x\", \"t-miner\"]}", true),
                arguments("{\"tags\": [\"x\", \"t-miner\"]}", "{\"tags\": [\"t-miner\", \"x\"]}", false),
                arguments("{\"tags\": [\"x\", \"t-miner\"]}", "{\"tags\": [[\"x\", \"t-miner\"], \"y\"]}", true),
                arguments("{\"info\": {\"pos\": \"site\"}}", "{\"info\": {\"pos\": \"site\"}}", true),
                arguments("{\"info\": {\"pos\": \"site\"}}", "{\"info\": {\"pos\": \"site\", \"x\": 1}}", false),
                arguments("{\"o\": {\"a\": 1, \"b\": 2}}", "{\"o\": {\"b\": 2, \"a\": 1.0}}", true),
                arguments("{\"o\": {}}", "{\"o\": {}}", true),
                arguments("{\"o\": {}}", "{\"o\": {\"a\": 1}}", false),
                // numeric path segments address array positions
                arguments("{\"comments.0.user\": \"bob\"}", "{\"comments\": [{\"user\": \"bob\"}, {\"user\": \"al\"}]}", true),
                arguments("{\"comments.1.user\": \"bob\"}", "{\"comments\": [{\"user\": \"bob\"}, {\"user\": \"al\"}]}", false),
                arguments("{\"comments.5.user\": null}", "{\"comments\": [{\"user\": \"bob\"}]}", true),
                arguments("{\"a.0\": 5}", "{\"a\": [5, 6]}", true),
                arguments("{\"a.1\": 5}", "{\"a\": [5, 6]}", false),
                arguments("{\"a.0\": 5}", "{\"a\": {\"0\": 5}}", true),
                // null equality also matches missing fields
                arguments("{\"a\": null}", "{}", true),
                arguments("{\"a\": null}", "{\"a\": null}", true),
                arguments("{\"a\": null}", "{\"a\": 0}", false),
                arguments("{\"a\": null}", "{\"a\": [1, null]}", true),
                arguments("{\"a\": null}", "{\"a\": [1, 2]}", false),
                arguments("{\"a.b\": null}", "{\"a\": [{\"b\": 1}, {\"c\": 1}]}", true),
                arguments("{\"a.b\": null}", "{\"a\": [{\"b\": 1}]}", false),
                arguments("{\"a.b\": null}", "{\"a\": 5}", true),
                arguments("{\"a\": {\"$eq\": null}}", "{}", true),
                // $eq, $ne
                arguments("{\"a\": {\"$eq\": 5}}", "{\"a\": 5.0}", true),
                arguments("{\"a\": {\"$eq\": [1, 2]}}", "{\"a\": [1, 2]}", true),
                arguments("{\"a\": {\"$eq\": {\"$gt\": 1}}}", "{\"a\": {\"$gt\": 1}}", true),
                arguments("{\"a\": {\"$ne\": 5}}", "{\"a\": 6}", true),
                arguments("{\"a\": {\"$ne\": 5}}", "{\"a\": [1, 5]}", false),
                arguments("{\"a\": {\"$ne\": 5}}", "{\"a\": [1, 2]}", true),
                arguments("{\"a\": {\"$ne\": 5}}", "{}", true),
                arguments("{\"a.b\": {\"$ne\": 5}}", "{\"a\": [{\"b\": 5}, {\"b\": 6}]}", false),
                arguments("{\"a\": {\"$ne\": null}}", "{\"a\": 0}", true),
                arguments("{\"a\": {\"$ne\": null}}", "{\"a\": null}", false),
                arguments("{\"a\": {\"$ne\": null}}", "{}", false),
                // $gt $gte $lt $lte with type bracketing
                arguments("{\"a\": {\"$gt\": 5}}", "{\"a\": 6}", true),
                arguments("{\"a\": {\"$gt\": 5}}", "{\"a\": 5}", false),
                arguments("{\"a\": {\"$gt\": 5}}", "{\"a\": \"6\"}", false),
                arguments("{\"a\": {\"$gt\": 5}}", "{\"a\": [1, 10]}", true),
                arguments("{\"a\": {\"$gt\": 5}}", "{\"a\": [1, 2]}", false),
                arguments("{\"a\": {\"$gt\": 5}}", "{}", false),
                arguments("{\"a\": {\"$gt\": 5}}", "{\"a\": null}", false),
                arguments("{\"a\": {\"$gt\": 5}}", "{\"a\": true}", false),
                arguments("{\"a\": {\"$gte\": 5}}", "{\"a\": 5.0}", true),
                arguments("{\"a\": {\"$lt\": 5}}", "{\"a\": -1.5}", true),
                arguments("{\"a\": {\"$lte\": 5}}", "{\"a\": 5}", true),
                arguments("{\"a\": {\"$lte\": 5}}", "{\"a\": 5.0001}", false),
                arguments("{\"a\": {\"$lt\": \"b\"}}", "{\"a\": \"a\"}", true),
                arguments("{\"a\": {\"$lt\": \"b\"}}", "{\"a\": \"ba\"}", false),
                arguments("{\"a\": {\"$lt\": \"b\"}}", "{\"a\": 1}", false),
                arguments("{\"a\": {\"$gt\": false}}", "{\"a\": true}", true),
                arguments("{\"a\": {\"$gt\": {\"x\": 1}}}", "{\"a\": {\"x\": 2}}", true),
                arguments("{\"a\": {\"$gt\": 1, \"$lt\": 5}}", "{\"a\": 3}", true),
                arguments("{\"a\": {\"$gt\": 1, \"$lt\": 5}}", "{\"a\": 7}", false),
                arguments("{\"a\": {\"$gt\": 1, \"$lt\": 5}}", "{\"a\": [0, 9]}", true),
                arguments("{\"a\": {\"$gte\": null}}", "{}", true),
                arguments("{\"a\": {\"$lte\": null}}", "{\"a\": null}", true),
                arguments("{\"a\": {\"$gte\": null}}", "{\"a\": 1}", false),
                arguments("{\"a\": {\"$gt\": null}}", "{}", false),
                arguments("{\"a\": {\"$lt\": null}}", "{\"a\": null}", false),
                // $in, $nin
                arguments("{\"a\": {\"$in\": [1, \"x\"]}}", "{\"a\": 1.0}", true),
                arguments("{\"a\": {\"$in\": [1, \"x\"]}}", "{\"a\": \"x\"}", true),
                arguments("{\"a\": {\"$in\": [1, \"x\"]}}", "{\"a\": \"y\"}", false),
                arguments("{\"a\": {\"$in\": [1, \"x\"]}}", "{\"a\": [2, \"x\"]}", true),
                arguments("{\"a\": {\"$in\": [1, \"x\"]}}", "{}", false),
                arguments("{\"a\": {\"$in\": [null, 3]}}", "{}", true),
                arguments("{\"a\": {\"$in\": [null, 3]}}", "{\"a\": [4, null]}", true),
                arguments("{\"a\": {\"$in\": []}}", "{\"a\": 1}", false),
                arguments("{\"a\": {\"$in\": [[1, 2], 7]}}", "{\"a\": [1, 2]}", true),
                arguments("{\"a\": {\"$in\": [{\"b\": 1}, 7]}}", "{\"a\": {\"b\": 1}}", true),
                arguments("{\"a\": {\"$nin\": [1, 2]}}", "{\"a\": 3}", true),
                arguments("{\"a\": {\"$nin\": [1, 2]}}", "{\"a\": [3, 2]}", false),
                arguments("{\"a\": {\"$nin\": [1, 2]}}", "{}", true),
                arguments("{\"a\": {\"$nin\": [null]}}", "{}", false),
                // $exists
                arguments("{\"a\": {\"$exists\": true}}", "{\"a\": null}", true),
                arguments("{\"a\": {\"$exists\": true}}", "{}", false),
                arguments("{\"a\": {\"$exists\": false}}", "{}", true),
                arguments("{\"a\": {\"$exists\": false}}", "{\"a\": 1}", false),
                arguments("{\"a\": {\"$exists\": 1}}", "{\"a\": 1}", true),
                arguments("{\"a\": {\"$exists\": 0}}", "{\"a\": 1}", false),
                arguments("{\"a.b\": {\"$exists\": true}}", "{\"a\": [{\"c\": 1}, {\"b\": 2}]}", true),
                arguments("{\"a.b\": {\"$exists\": true}}", "{\"a\": [1, 2]}", false),
                arguments("{\"a.b\": {\"$exists\": false}}", "{\"a\": []}", true),
                // $regex and $options
                arguments("{\"code\": {\"$regex\": \"^AM-S21\"}}", "{\"code\": \"AM-S21-0118\"}", true),
                arguments("{\"code\": {\"$regex\": \"^AM-S21\"}}", "{\"code\": \"WM-M56S-0007\"}", false),
                arguments("{\"code\": {\"$regex\": \"s21\"}}", "{\"code\": \"AM-S21-0118\"}", false),
                arguments("{\"code\": {\"$regex\": \"s21\", \"$options\": \"i\"}}", "{\"code\": \"AM-S21-0118\"}", true),
                arguments("{\"code\": {\"$options\": \"i\", \"$regex\": \"s21\"}}", "{\"code\": \"AM-S21-0118\"}", true),
                arguments("{\"tags\": {\"$regex\": \"^container-\"}}", "{\"tags\": [\"t-miner\", \"container-bitdeer-7b\"]}", true),
                arguments("{\"a\": {\"$regex\": \"^b$\"}}", "{\"a\": \"a\\nb\"}", false),
                arguments("{\"a\": {\"$regex\": \"^b$\", \"$options\": \"m\"}}", "{\"a\": \"a\\nb\"}", true),
                arguments("{\"a\": {\"$regex\": \"a.b\"}}", "{\"a\": \"a\\nb\"}", false),
                arguments("{\"a\": {\"$regex\": \"a.b\", \"$options\": \"s\"}}", "{\"a\": \"a\\nb\"}", true),
                arguments("{\"a\": {\"$regex\": \"a b # letters\", \"$options\": \"x\"}}", "{\"a\": \"ab\"}", true),
                arguments("{\"a\": {\"$regex\": \"\\u00e9T\", \"$options\": \"i\"}}", "{\"a\": \"\\u00c9t\"}", true),
                arguments("{\"a\": {\"$regex\": \"5\"}}", "{\"a\": 5}", false),
                arguments("{\"a\": {\"$regex\": \"x\"}}", "{}", false),
                // $not
                arguments("{\"a\": {\"$not\": {\"$gt\": 5}}}", "{\"a\": 3}", true),
                arguments("{\"a\": {\"$not\": {\"$gt\": 5}}}", "{\"a\": 7}", false),
                arguments("{\"a\": {\"$not\": {\"$gt\": 5}}}", "{}", true),
                arguments("{\"a\": {\"$not\": {\"$gt\": 5}}}", "{\"a\": \"z\"}", true),
                arguments("{\"a\": {\"$not\": {\"$gt\": 1, \"$lt\": 5}}}", "{\"a\": 3}", false),
                arguments("{\"a\": {\"$not\": {\"$gt\": 1, \"$lt\": 5}}}", "{\"a\": 9}", true),
                arguments("{\"a\": {\"$not\": {\"$regex\": \"^x\"}}}", "{\"a\": \"y\"}", true),
                arguments("{\"a\": {\"$not\": {\"$regex\": \"^x\"}}}", "{\"a\": \"xy\"}", false),
                // $and, $or, $nor
                arguments("{\"$or\": [{\"a\": 1}, {\"b\": 2}]}", "{\"b\": 2}", true),
                arguments("{\"$or\": [{\"a\": 1}, {\"b\": 2}]}", "{\"a\": 2}", false),
                arguments("{\"$and\": [{\"a\": 1}, {\"b\": 2}]}", "{\"a\": 1, \"b\": 2}", true),
                arguments("{\"$and\": [{\"a\": 1}, {\"b\": 2}]}", "{\"a\": 1}", false),
                arguments("{\"$nor\": [{\"a\": 1}, {\"b\": 2}]}", "{\"a\": 3}", true),
                arguments("{\"$nor\": [{\"a\": 1}, {\"b\": 2}]}", "{\"b\": 2}", false),
                arguments("{\"a\": 1, \"$or\": [{\"b\": 1}, {\"c\": 1}]}", "{\"a\": 1, \"c\": 1}", true),
                arguments("{\"a\": 1, \"$or\": [{\"b\": 1}, {\"c\": 1}]}", "{\"a\": 2, \"c\": 1}", false),
                arguments("{\"$or\": [{\"$and\": [{\"a\": 1}, {\"b\": 1}]}, {\"c\": {\"$exists\": true}}]}", "{\"c\": null}", true),
                arguments("{\"$or\": [{\"$and\": [{\"a\": 1}, {\"b\": 1}]}, {\"c\": {\"$exists\": true}}]}", "{\"a\": 1}", false),
                // $elemMatch, document and operator forms
                arguments("{\"a\": {\"$elemMatch\": {\"$gt\": 5, \"$lt\": 8}}}", "{\"a\": [1, 9, 6]}", true),
                arguments("{\"a\": {\"$elemMatch\": {\"$gt\": 5, \"$lt\": 8}}}", "{\"a\": [1, 9]}", false),
                arguments("{\"a\": {\"$elemMatch\": {\"b\": 1, \"c\": 2}}}", "{\"a\": [{\"b\": 1}, {\"c\": 2}]}", false),
                arguments("{\"a\": {\"$elemMatch\": {\"b\": 1, \"c\": 2}}}", "{\"a\": [{\"b\": 1, \"c\": 2}]}", true),
                arguments("{\"a\": {\"$elemMatch\": {\"$or\": [{\"b\": 1}, {\"c\": 2}]}}}", "{\"a\": [{\"c\": 2}]}", true),
                arguments("{\"a\": {\"$elemMatch\": {\"b\": 1}}}", "{\"a\": {\"b\": 1}}", false),
                arguments("{\"a\": {\"$elemMatch\": {\"b\": 1}}}", "{\"a\": [1, \"b\"]}", false),
                arguments("{\"a\": {\"$elemMatch\": {}}}", "{\"a\": [1, {\"x\": 1}]}", true),
                arguments("{\"a\": {\"$elemMatch\": {}}}", "{\"a\": [1]}", false),
                arguments("{\"a.b\": {\"$elemMatch\": {\"$eq\": 2}}}", "{\"a\": [{\"b\": [1]}, {\"b\": [2]}]}", true),
                // $size
                arguments("{\"a\": {\"$size\": 2}}", "{\"a\": [1, 2]}", true),
                arguments("{\"a\": {\"$size\": 2}}", "{\"a\": [1]}", false),
                arguments("{\"a\": {\"$size\": 2}}", "{\"a\": \"ab\"}", false),
                arguments("{\"a\": {\"$size\": 0}}", "{\"a\": []}", true),
                arguments("{\"a\": {\"$size\": 1.0}}", "{\"a\": [7]}", true),
                // $all
                arguments("{\"tags\": {\"$all\": [\"t-miner\", \"antminer\"]}}", "{\"tags\": [\"antminer\", \"x\", \"t-miner\"]}", true),
                arguments("{\"tags\": {\"$all\": [\"t-miner\", \"antminer\"]}}", "{\"tags\": [\"t-miner\"]}", false),
                arguments("{\"a\": {\"$all\": [5]}}", "{\"a\": 5}", true),
                arguments("{\"a\": {\"$all\": []}}", "{\"a\": [1]}", false),
                arguments("{\"a\": {\"$all\": [{\"$elemMatch\": {\"b\": 1}}, {\"$elemMatch\": {\"c\": 2}}]}}",
                        "{\"a\": [{\"b\": 1}, {\"c\": 2}]}", true),
                arguments("{\"a\": {\"$all\": [{\"$elemMatch\": {\"b\": 1}}, {\"$elemMatch\": {\"c\": 2}}]}}",
                        "{\"a\": [{\"b\": 1}]}", false));
    }

    @Test
    void comparesNumbersByValueAcrossBoxedTypes() {
        List<Number> fives = List.of(5, 5L, (short) 5, 5.0, 5.0f, new BigDecimal("5.00"), BigInteger.valueOf(5));
        for (Number stored : fives) {
            for (Number asked : fives) {
                assertTrue(matches(Map.of("a", asked), Map.of("a", stored)), stored + " equals " + asked);
                assertTrue(matches(Map.of("a", Map.of("$in", List.of("x", asked))), Map.of("a", stored)));
                assertTrue(matches(Map.of("a", Map.of("$gte", asked)), Map.of("a", stored)));
                assertFalse(matches(Map.of("a", Map.of("$gt", asked)), Map.of("a", stored)));
            }
        }
        assertTrue(matches(Map.of("a", Map.of("$gt", new BigDecimal("4.99"))), Map.of("a", 5)));
        assertTrue(matches(Map.of("a", Map.of("$lt", 5.000001)), Map.of("a", new BigDecimal("5.000000999"))));
        // 2^63 - 1 is below the double 2^63 and not equal to it, though a naive double comparison says equal.
        assertTrue(matches(Map.of("a", Map.of("$lt", 9.223372036854775807E18)), Map.of("a", Long.MAX_VALUE)));
        assertFalse(matches(Map.of("a", 9.223372036854775807E18), Map.of("a", Long.MAX_VALUE)));
        assertTrue(matches(Map.of("a", new BigInteger("123456789012345678901234567890")),
                Map.of("a", new BigDecimal("123456789012345678901234567890.0"))));
        assertTrue(matches(Map.of("a", Double.NaN), Map.of("a", Double.NaN)));
        assertTrue(matches(Map.of("a", Map.of("$gte", Double.NaN)), Map.of("a", Float.NaN)));
        assertFalse(matches(Map.of("a", Double.NaN), Map.of("a", 0)));
        assertTrue(matches(Map.of("a", Map.of("$gt", new BigDecimal("1e400"))), Map.of("a", Double.POSITIVE_INFINITY)));
        assertTrue(matches(Map.of("a", 0.0), Map.of("a", -0.0)));
    }

    @Test
    void worksOnMapsWithoutOrderAndOnImmutableCollections() {
        Map<String, Object> document = new HashMap<>();
        document.put("a", List.of(1, 2));
        document.put("n", null);
        assertTrue(matches(Json.parse("{\"a\": null}"), Map.of("b", List.of(1))));
        assertFalse(matches(Json.parse("{\"a\": null}"), document));
        assertTrue(matches(Json.parse("{\"n\": null, \"a\": 2}"), document));
        assertFalse(matches(Json.parse("{\"a\": {\"$in\": [null]}}"), document));
    }

    @Test
    void treatsNonObjectDocumentsAsHavingNoFields() {
        assertTrue(matches(Json.parse("{\"a\": null}"), "text"));
        assertFalse(matches(Json.parse("{\"a\": 1}"), null));
        assertTrue(matches(null, 42));
        assertTrue(MongoFilter.compile(null, CODE).isMatchAll());
        assertTrue(MongoFilter.compile(Map.of(), CODE).isMatchAll());
        assertFalse(MongoFilter.compile(Json.parse("{\"a\": 1}"), CODE).isMatchAll());
    }

    @Test
    void answersTheQueriesTheShippedUiSendsOverRealisticThings() {
        assertEquals(List.of("ABB-REU615-0001"), codesMatching("{\"info.pos\": {\"$eq\": \"site\"}}"));
        assertEquals(List.of("WM-M56S-0007"),
                codesMatching("{\"last.alerts\": {\"$elemMatch\": {\"severity\": \"critical\"}}}"));
        assertEquals(List.of("WM-M56S-0007", "AM-S19XP-0003"), codesMatching("{\"last.alerts\": {\"$ne\": null}}"));
        assertEquals(List.of("AM-S21-0118", "WM-M56S-0007", "AM-S19XP-0003", "AM-S21-0002"),
                codesMatching("{\"tags\": {\"$in\": [\"t-miner\"]}}"));
        // The rack record holds opts, so filters may use it even though it is never returned.
        assertEquals(List.of("AM-S21-0118"), codesMatching("{\"opts.address\": \"10.7.23.102\"}"));
        assertEquals(List.of("WM-M56S-0007", "AM-S19XP-0003"),
                codesMatching("{\"last.snap.stats.status\": {\"$in\": [\"error\", \"offline\"]}}"));
        assertEquals(List.of("AM-S21-0118", "WM-M56S-0007", "AM-S21-0002"),
                codesMatching("{\"info.container\": {\"$ne\": \"maintenance\"}, \"type\": {\"$regex\": \"^miner-\"}}"));
        assertEquals(List.of("MBT-WONDERINT-0002"), codesMatching(
                "{\"last.snap.stats.container_specific.pdu_data.sockets.enabled\": true}"));
        assertEquals(List.of("AM-S21-0118"), codesMatching("{\"comments.0.user\": \"ops.lead@example.com\"}"));
        assertEquals(List.of("TEMP-SENECA-0004"), codesMatching("{\"last.snap.stats.temp_c\": {\"$gt\": 60, \"$lte\": 70}}"));
        assertEquals(List.of("AM-S21-0118", "WM-M56S-0007"), codesMatching(
                "{\"$or\": [{\"tags\": {\"$all\": [\"antminer\", \"pos-2-3_b2\"]}}, {\"last.snap.raw_errors\": {\"$size\": 1}}]}"));
    }

    private static List<Object> codesMatching(String filter) {
        MongoFilter compiled = MongoFilter.compile(Json.parse(filter), CODE);
        List<Object> codes = new ArrayList<>();
        for (Map<String, Object> thing : SampleThings.all()) {
            if (compiled.matches(thing)) {
                codes.add(thing.get("code"));
            }
        }
        return codes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusesMalformedFiltersWithTheCallersCode(String filter) {
        Object parsed = Json.parse(filter);
        QueryException error = assertThrows(QueryException.class, () -> MongoFilter.compile(parsed, CODE));
        assertEquals(CODE, error.code());
    }

    static Stream<String> malformed() {
        return Stream.of(
                "\"tags\"", "[{\"a\": 1}]", "5", "true",
                "{\"a\": {\"$foo\": 1}}", "{\"$foo\": [{}]}", "{\"$not\": {\"a\": 1}}", "{\"$comment\": \"x\"}",
                "{\"$where\": \"this.a == 1\"}", "{\"$expr\": {\"$eq\": [\"$a\", 1]}}", "{\"$function\": {}}",
                "{\"a\": {\"$where\": \"1\"}}", "{\"a\": {\"$expr\": 1}}",
                "{\"a\": {\"$in\": 5}}", "{\"a\": {\"$nin\": \"x\"}}", "{\"a\": {\"$in\": [{\"$gt\": 1}]}}",
                "{\"a\": {\"$in\": {\"x\": 1}}}",
                "{\"a\": {\"$regex\": \"(\"}}", "{\"a\": {\"$regex\": \"[a-\"}}", "{\"a\": {\"$regex\": 5}}",
                "{\"a\": {\"$regex\": \"x\", \"$options\": \"q\"}}", "{\"a\": {\"$regex\": \"x\", \"$options\": 1}}",
                "{\"a\": {\"$options\": \"i\"}}",
                "{\"a\": {\"$regex\": \"" + "a".repeat(GuardedRegex.MAX_PATTERN_LENGTH + 1) + "\"}}",
                "{\"a\": {\"$gt\": 1, \"b\": 2}}", "{\"a\": {\"b\": 2, \"$gt\": 1}}",
                "{\"$and\": []}", "{\"$and\": {}}", "{\"$or\": \"x\"}", "{\"$and\": [5]}", "{\"$nor\": [[]]}",
                "{\"a\": {\"$not\": 5}}", "{\"a\": {\"$not\": {}}}", "{\"a\": {\"$not\": {\"b\": 1}}}",
                "{\"a\": {\"$not\": \"^x\"}}",
                "{\"a\": {\"$elemMatch\": 5}}", "{\"a\": {\"$elemMatch\": {\"$foo\": 1}}}",
                "{\"a\": {\"$elemMatch\": {\"b\": 1, \"$gt\": 1}}}",
                "{\"a\": {\"$size\": -1}}", "{\"a\": {\"$size\": 1.5}}", "{\"a\": {\"$size\": \"2\"}}",
                "{\"a\": {\"$size\": null}}",
                "{\"a\": {\"$all\": \"x\"}}", "{\"a\": {\"$all\": [{\"$gt\": 1}]}}",
                "{\"a\": {\"$exists\": \"yes\"}}", "{\"a\": {\"$exists\": null}}",
                "{\"a..b\": 1}", "{\"\": 1}", "{\"a.\": 1}", "{\".a\": 1}", "{\"a.$b\": 1}");
    }

    @Test
    void refusesFiltersNestedTooDeeply() {
        assertInvalid(nestedAnd(FilterCompiler.MAX_DEPTH + 1));
        assertInvalid(nestedLiteral(FilterCompiler.MAX_DEPTH + 1));
        assertInvalid(nestedNot(FilterCompiler.MAX_DEPTH + 1));
        // Far beyond the limit must still be a clean refusal, not a StackOverflowError.
        assertInvalid(nestedAnd(100_000));
        assertInvalid(nestedLiteral(100_000));

        assertTrue(matches(nestedAnd(10), Map.of("a", 1)));
        assertTrue(matches(nestedLiteral(10), Map.of("a", nestedLiteralValue(10))));
        assertFalse(matches(nestedLiteral(10), Map.of("a", nestedLiteralValue(9))));
        assertTrue(matches(nestedNot(10), Map.of("a", 1)));
    }

    @Test
    void refusesOversizedFilters() {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i <= FilterCompiler.MAX_VALUES; i++) {
            ids.add("id-" + i);
        }
        assertInvalid(Map.of("tags", Map.of("$in", ids)));
        List<Object> manyIds = ids.subList(0, 5_000);
        assertTrue(matches(Map.of("tags", Map.of("$in", manyIds)), Map.of("tags", List.of("x", "id-4999"))));
    }

    private static void assertInvalid(Object filter) {
        QueryException error = assertThrows(QueryException.class, () -> MongoFilter.compile(filter, CODE));
        assertEquals(CODE, error.code());
    }

    private static Object nestedAnd(int levels) {
        Object filter = Map.of("a", 1);
        for (int i = 0; i < levels; i++) {
            filter = Map.of("$and", List.of(filter));
        }
        return filter;
    }

    private static Object nestedNot(int levels) {
        Object expression = Map.of("$exists", true);
        for (int i = 0; i < levels; i++) {
            expression = Map.of("$not", Map.of("$not", expression));
        }
        return Map.of("a", expression);
    }

    private static Object nestedLiteral(int levels) {
        return Map.of("a", nestedLiteralValue(levels));
    }

    private static Object nestedLiteralValue(int levels) {
        Object value = 1;
        for (int i = 0; i < levels; i++) {
            Map<String, Object> wrapper = new LinkedHashMap<>();
            wrapper.put("x", value);
            value = wrapper;
        }
        return value;
    }

    @Test
    void usesTheCallersErrorCode() {
        QueryException error = assertThrows(QueryException.class,
                () -> MongoFilter.compile(Json.parse("{\"a\": {\"$foo\": 1}}"), "ERR_FILTER_INVALID"));
        assertEquals("ERR_FILTER_INVALID", error.code());
    }

    @Test
    void neverChangesTheDocument() {
        Map<String, Object> thing = SampleThings.whatsminerWithAlerts();
        Map<String, Object> before = SampleThings.whatsminerWithAlerts();
        matches(Json.parse("{\"last.alerts\": {\"$elemMatch\": {\"severity\": \"critical\"}}, \"tags\": {\"$nin\": [\"x\"]}}"),
                thing);
        assertEquals(before, thing);
    }
}
