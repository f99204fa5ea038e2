package io.miningos.gateway.application.ork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How the entries of several ORKs' answers to one write (or settings read) become the entries one ORK holding all
 * of their racks would have answered ({@code gateway.mergeOrks}): the ORK that did the work speaks; ORKs that had
 * nothing to do with it (no such thing, rack or action) are not heard unless nobody did it.
 */
public interface EntriesMerge {

    /** @param perOrk each asked ORK's entries (decoded JSON values), in configuration order */
    List<Object> merge(List<List<Object>> perOrk);

    /**
     * One entry: the first that says it was done ({@code done}), else the first of all (comments, votes, rack
     * settings).
     */
    static EntriesMerge firstDone(Predicate<Object> done) {
        return perOrk -> {
            List<Object> all = perOrk.stream().flatMap(List::stream).toList();
            if (all.isEmpty()) {
                return List.of();
            }
            return List.of(all.stream().filter(done).findFirst().orElse(all.getFirst()));
        };
    }

    /**
     * {@code pushAction}: the actions the ORKs created ({@code id} not null), or, when none did, one
     * {@code {id: null, errors}} with every ORK's errors (each once).
     */
    static EntriesMerge pushed() {
        return perOrk -> {
            List<Object> created = new ArrayList<>();
            Set<Object> errors = new LinkedHashSet<>();
            for (List<Object> entries : perOrk) {
                for (Object entry : entries) {
                    if (isCreated(entry)) {
                        created.add(entry);
                    } else {
                        errorsOf(entry, errors);
                    }
                }
            }
            return created.isEmpty() ? List.of(notCreated(errors)) : created;
        };
    }

    /**
     * {@code pushActionsBatch}: one entry per batch item, in item order: the ORK that created that item's action,
     * or one {@code {id: null, errors}} with every ORK's errors for it (an ORK that failed as a whole, answering one
     * entry for the batch, adds its error to every item nobody created).
     */
    static EntriesMerge pushedBatch(int items) {
        return perOrk -> {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                Object created = null;
                Set<Object> errors = new LinkedHashSet<>();
                for (List<Object> entries : perOrk) {
                    Object entry = entries.size() == items ? entries.get(i) : entries.isEmpty() ? null
                            : entries.getFirst();
                    if (created == null && isCreated(entry)) {
                        created = entry;
                    } else {
                        errorsOf(entry, errors);
                    }
                }
                out.add(created != null ? created : notCreated(errors));
            }
            return out;
        };
    }

    /**
     * {@code cancelActionsBatch}: one {@code {res: [...]}} with one outcome per id in the request's order: a
     * success where some ORK cancelled it, else the first ORK's refusal.
     */
    static EntriesMerge cancelled(List<String> ids) {
        return perOrk -> {
            Map<String, Object> outcome = new LinkedHashMap<>();
            for (List<Object> entries : perOrk) {
                for (Object entry : entries) {
                    if (entry instanceof Map<?, ?> e && e.get("res") instanceof List<?> res) {
                        for (Object o : res) {
                            if (o instanceof Map<?, ?> m && m.get("id") != null) {
                                String id = String.valueOf(m.get("id"));
                                Object seen = outcome.get(id);
                                if (seen == null || !succeeded(seen) && succeeded(o)) {
                                    outcome.put(id, o);
                                }
                            }
                        }
                    }
                }
            }
            List<Object> res = new ArrayList<>();
            for (String id : ids) {
                Object o = outcome.get(id);
                if (o != null) {
                    res.add(o);
                }
            }
            return List.of(Map.of("res", res));
        };
    }

    private static boolean succeeded(Object outcome) {
        return outcome instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("success"));
    }

    private static boolean isCreated(Object entry) {
        return entry instanceof Map<?, ?> e && e.get("id") != null;
    }

    private static void errorsOf(Object entry, Set<Object> errors) {
        if (entry instanceof Map<?, ?> e && e.get("errors") instanceof List<?> list) {
            list.stream().filter(Objects::nonNull).forEach(errors::add);
        }
    }

    private static Map<String, Object> notCreated(Set<Object> errors) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", null);
        entry.put("errors", new ArrayList<>(errors));
        return entry;
    }
}
