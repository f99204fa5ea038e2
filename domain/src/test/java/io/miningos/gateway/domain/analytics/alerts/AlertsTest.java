package io.miningos.gateway.domain.analytics.alerts;

import io.miningos.gateway.domain.error.DomainException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.miningos.gateway.domain.analytics.Json.answers;
import static io.miningos.gateway.domain.analytics.Json.arr;
import static io.miningos.gateway.domain.analytics.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AlertsTest {

    static final Set<String> SITE_FILTERS = Set.of("severity", "type", "container", "deviceId", "message", "name",
            "code");
    static final Set<String> SORTS = Set.of("createdAt", "severity", "name");
    static final List<String> SITE_SEARCH = List.of("id", "code", "deviceCode", "container", "message",
            "description", "name");

    /** A miner with a high PCB alert, a container with a critical and a medium one; ORK 2 repeats the miner. */
    static List<Map<String, Object>> site() {
        Object miner = obj("id", "Rb8n", "code", "AM-S21-0118", "type", "miner-am-s21",
                "info", obj("container", "bitdeer-7b"), "last", obj("alerts", arr(obj("name", "max_pcb_temp_warning",
                        "code", "max_pcb_temp_warning", "description", "Hashboard temperature above 75 °C",
                        "severity", "high", "createdAt", 1_780_447_102_440L, "uuid", "u1"))));
        Object container = obj("id", "6c1f", "code", "BD-D40-M56-0001", "type", "container-bd-d40-m56",
                "info", obj("container", "bitdeer-7b"), "last", obj("alerts", arr(
                        obj("name", "oil_temp_high", "description", "Oil temperature high", "severity", "critical",
                                "createdAt", 1_780_446_000_000L, "uuid", "u2", "message", "TS-1"),
                        obj("name", "humidity_high", "description", "Humidity", "severity", "medium",
                                "createdAt", 1_780_448_000_000L, "uuid", "u3"))));
        return AlertDocs.current(answers(arr(miner, container, obj("id", "x", "last", obj("alerts", null))),
                arr(miner)));
    }

    @Test
    void siteAlertsKeepTheirOwnCodeNextToTheDevices() {
        List<Map<String, Object>> alerts = site();
        assertEquals(3, alerts.size());
        assertEquals(obj("name", "max_pcb_temp_warning", "code", "max_pcb_temp_warning",
                "description", "Hashboard temperature above 75 °C", "severity", "high",
                "createdAt", 1_780_447_102_440L, "uuid", "u1", "id", "Rb8n", "deviceId", "Rb8n",
                "type", "miner-am-s21", "deviceCode", "AM-S21-0118", "container", "bitdeer-7b"), alerts.get(0));
        assertEquals(new AlertDocs.Summary(1, 1, 1, 0, 3), AlertDocs.summary(alerts));
    }

    @Test
    void filterSearchAndOrder() {
        List<Map<String, Object>> alerts = site();
        AlertQuery newestFirst = AlertQuery.of(null, null, null, SITE_FILTERS, SORTS);
        assertEquals(List.of("u3", "u1", "u2"), uuids(newestFirst.apply(alerts, SITE_SEARCH)));
        AlertQuery bySeverity = AlertQuery.of(obj("severity", arr("critical", "high")), null,
                obj("severity", -1), SITE_FILTERS, SORTS);
        assertEquals(List.of("u2", "u1"), uuids(bySeverity.apply(alerts, SITE_SEARCH)));
        AlertQuery search = AlertQuery.of(obj("container", "bitdeer-7b"), "ts-1", null, SITE_FILTERS, SORTS);
        assertEquals(List.of("u2"), uuids(search.apply(alerts, SITE_SEARCH))); // the message
        assertEquals(List.of("u1"), uuids(AlertQuery.of(null, "AM-S21", null, SITE_FILTERS, SORTS)
                .apply(alerts, SITE_SEARCH))); // the device code
    }

    @Test
    void badFiltersAndSortsAreRefused() {
        assertEquals("ERR_INVALID_FILTER", assertThrows(DomainException.class,
                () -> AlertQuery.of(obj("uuid", "u1"), null, null, SITE_FILTERS, SORTS)).code());
        assertEquals("ERR_INVALID_FILTER", assertThrows(DomainException.class,
                () -> AlertQuery.of(obj("severity", obj("$ne", "low")), null, null, SITE_FILTERS, SORTS)).code());
        assertEquals("ERR_INVALID_FILTER", assertThrows(DomainException.class,
                () -> AlertQuery.of(arr(), null, null, SITE_FILTERS, SORTS)).code());
        assertEquals("ERR_INVALID_SORT", assertThrows(DomainException.class,
                () -> AlertQuery.of(null, null, obj("createdAt", 0), SITE_FILTERS, SORTS)).code());
        assertEquals("ERR_INVALID_SORT", assertThrows(DomainException.class,
                () -> AlertQuery.of(null, null, obj("uuid", 1), SITE_FILTERS, SORTS)).code());
        assertEquals("ERR_SEARCH_INVALID", assertThrows(DomainException.class,
                () -> AlertQuery.of(null, "x".repeat(201), null, SITE_FILTERS, SORTS)).code());
    }

    @Test
    void historyIsDeduplicatedByUuidAndTagsFilterByMembership() {
        Object a = obj("name", "max_pcb_temp_warning", "code", "max_pcb_temp_warning", "severity", "high",
                "createdAt", 1_780_031_102_440L, "uuid", "u1", "thing", obj("id", "Rb8n", "code", "AM-S21-0118",
                        "type", "miner-am-s21", "tags", arr("t-miner", "antminer"),
                        "info", obj("container", "bitdeer-7b", "pos", "2-3_b2")));
        Object noUuid = obj("name", "error_snap", "severity", "medium", "createdAt", 1_780_031_000_000L,
                "thing", obj());
        List<Map<String, Object>> history = AlertDocs.history(answers(arr(a, noUuid, noUuid), arr(a)));
        assertEquals(3, history.size());
        assertEquals(obj("name", "max_pcb_temp_warning", "code", "max_pcb_temp_warning", "severity", "high",
                "createdAt", 1_780_031_102_440L, "uuid", "u1", "deviceId", "Rb8n", "deviceType", "miner-am-s21",
                "deviceCode", "AM-S21-0118", "container", "bitdeer-7b", "position", "2-3_b2",
                "tags", arr("t-miner", "antminer")), history.get(0));
        AlertQuery tag = AlertQuery.of(obj("tags", "antminer"), null, null, Set.of("tags", "severity"), SORTS);
        assertEquals(List.of("u1"), uuids(tag.apply(history, List.of("name"))));
        AlertQuery position = AlertQuery.of(null, "2-3_b", null, Set.of(), SORTS);
        assertEquals(1, position.apply(history, List.of("name", "description", "position")).size());
    }

    private static List<Object> uuids(List<Map<String, Object>> alerts) {
        return alerts.stream().map(a -> a.get("uuid")).toList();
    }
}
