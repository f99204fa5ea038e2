package io.miningos.gateway.application.ork;

import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.query.QueryException;
import io.miningos.gateway.query.SortSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the answers of several ORKs to one map read become the one answer a single ORK holding all of their racks
 * would give ({@code gateway.mergeOrks}). Only reads whose answers merge exactly have one: arrays an ORK
 * concatenates over its racks (concatenated again over the ORKs, and sorted again where the ORK sorts), the
 * action stores of {@code queryActions} (merged by id, then limited as the ORK limits), one action
 * ({@code getAction}: the ORK that has it). An ORK answer of another shape cannot be merged; it is left out and
 * reported as that ORK's failure.
 */
public interface MapMerge {

    /** One ORK's decoded answer. */
    record Answer(String orkId, Object value) {
    }

    /**
     * The merged answer of {@code answers} (configuration order); an answer it cannot use is left out and its
     * ORK named in {@code unusable}.
     */
    Object merge(List<Answer> answers, List<String> unusable);

    /**
     * Whether {@code failure} only says "not here" (the ORK does not have what another ORK has): such failures
     * are not reported when some ORK answered.
     */
    default boolean isAbsence(OrkFailure failure) {
        return false;
    }

    /** Arrays concatenated in configuration order ({@code listRacks}, {@code getWrkConf}, {@code getThingConf}). */
    static MapMerge concat() {
        return (answers, unusable) -> concatenated(answers, unusable);
    }

    /**
     * Arrays concatenated, then sorted stably by {@code sort} in the ORK's natural order, as the ORK sorts its
     * racks' concatenation ({@code listThings}, {@code getHistoricalLogs}); without a valid sort, concatenated.
     */
    static MapMerge concatSorted(Object sort) {
        SortSpec spec;
        try {
            spec = SortSpec.compile(sort, SortSpec.Ordering.NATURAL, "ERR_SORT_INVALID");
        } catch (QueryException e) {
            spec = SortSpec.unsorted(); // every rack refuses such a sort: the answers are empty anyway
        }
        SortSpec order = spec;
        return (answers, unusable) -> {
            List<Object> all = concatenated(answers, unusable);
            order.sort(all);
            return all;
        };
    }

    /**
     * {@code queryActions} answers ({@code {<store>: [actions...]}}): per query, in query order, the store's actions
     * of every ORK by id (newest first with {@code opts.reverse}), cut to {@code opts.limit}: what one ORK holding
     * all of them lists, since each ORK's own list already holds its part of the first {@code limit}.
     */
    static MapMerge actionStores(List<?> queries) {
        return (answers, unusable) -> {
            List<Answer> usable = new ArrayList<>();
            for (Answer answer : answers) {
                if (answer.value() instanceof Map<?, ?>) {
                    usable.add(answer);
                } else {
                    unusable.add(answer.orkId());
                }
            }
            Map<String, Object> merged = new LinkedHashMap<>();
            for (Object q : queries) {
                if (!(q instanceof Map<?, ?> query) || !(query.get("type") instanceof String store)) {
                    continue;
                }
                Map<?, ?> opts = query.get("opts") instanceof Map<?, ?> o ? o : Map.of();
                boolean reverse = Boolean.TRUE.equals(opts.get("reverse"));
                List<Object> actions = new ArrayList<>();
                for (Answer answer : usable) {
                    if (((Map<?, ?>) answer.value()).get(store) instanceof List<?> list) {
                        actions.addAll(list);
                    }
                }
                Comparator<Object> byId = Comparator.comparingLong(MapMerge::actionId);
                actions.sort(reverse ? byId.reversed() : byId); // stable: equal ids keep configuration order
                if (opts.get("limit") instanceof Number limit && limit.longValue() >= 0
                        && actions.size() > limit.longValue()) {
                    actions = new ArrayList<>(actions.subList(0, (int) limit.longValue()));
                }
                merged.remove(store); // a store asked twice: the later query's list stands, as at the ORK
                merged.put(store, actions);
            }
            return merged;
        };
    }

    /** Whether {@link #actionStores} merges these queries exactly (see {@code ActionsService}). */
    static boolean mergesExactly(List<?> queries, boolean groupBatch, String suffix) {
        if (groupBatch || suffix != null) {
            return false;
        }
        for (Object q : queries) {
            if (!(q instanceof Map<?, ?> query) || query.containsKey("query") || query.containsKey("fields")) {
                return false;
            }
        }
        return true;
    }

    /**
     * One thing only one ORK has ({@code getAction}): the first ORK's answer; the others' {@code absentCodes}
     * errors say only that it is not theirs.
     */
    static MapMerge firstFound(Set<String> absentCodes) {
        return new MapMerge() {
            @Override
            public Object merge(List<Answer> answers, List<String> unusable) {
                return answers.getFirst().value();
            }

            @Override
            public boolean isAbsence(OrkFailure failure) {
                return failure.cause() == OrkFailure.Cause.ORK_ERROR && absentCodes.contains(failure.shortReason());
            }
        };
    }

    private static List<Object> concatenated(List<Answer> answers, List<String> unusable) {
        List<Object> all = new ArrayList<>();
        for (Answer answer : answers) {
            if (answer.value() instanceof List<?> list) {
                all.addAll(list);
            } else {
                unusable.add(answer.orkId());
            }
        }
        return all;
    }

    private static long actionId(Object action) {
        if (action instanceof Map<?, ?> a && a.get("id") instanceof Number id) {
            return id.longValue();
        }
        if (action instanceof Map<?, ?> a && a.get("id") instanceof String id) {
            try {
                return Long.parseLong(id);
            } catch (NumberFormatException e) {
                return Long.MIN_VALUE;
            }
        }
        return Long.MIN_VALUE;
    }
}
