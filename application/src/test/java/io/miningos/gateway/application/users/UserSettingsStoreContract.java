package io.miningos.gateway.application.users;

import io.miningos.gateway.application.users.port.out.UserSettingsStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link UserSettingsStore} must do; run against each implementation. */
public abstract class UserSettingsStoreContract {

    /** A store whose users 1, 2 and 3 exist. */
    protected abstract UserSettingsStore newStore();

    @Test
    void savesReplacesAndKeepsNestedJson() {
        UserSettingsStore store = newStore();
        assertTrue(store.find(2).isEmpty());
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("theme", "dark");
        nested.put("columns", List.of("id", "status"));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("pageSize", 50);
        inner.put("hidden", null);
        nested.put("table", inner);
        nested.put("on", true);
        store.save(2, nested, Instant.now());
        assertEquals(nested, store.find(2).orElseThrow());
        store.save(2, Map.of("theme", "light"), Instant.now());
        assertEquals(Map.of("theme", "light"), store.find(2).orElseThrow());
        assertTrue(store.find(3).isEmpty());
        List<Object> emptyList = new ArrayList<>();
        store.save(3, Map.of("list", emptyList), Instant.now());
        assertEquals(Map.of("list", emptyList), store.find(3).orElseThrow());
    }
}
