package io.miningos.gateway.domain.analytics.devices;

import io.miningos.gateway.domain.analytics.JsonView;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The things of several ORKs' {@code listThings} answers as one list. */
public final class ThingLists {

    private ThingLists() {
    }

    /**
     * Every thing object of every answer, in ORK order, each {@code id} once (the first wins); things without an
     * id are kept. Anything that is not an object (an error, a null) is left out.
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> flatten(List<JsonView> answers) {
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonView answer : answers) {
            for (JsonView thing : answer.items()) {
                if (!thing.isObject()) {
                    continue;
                }
                String id = thing.get("id").asText();
                if (id == null || seen.add(id)) {
                    out.add((Map<String, Object>) thing.raw());
                }
            }
        }
        return out;
    }
}
