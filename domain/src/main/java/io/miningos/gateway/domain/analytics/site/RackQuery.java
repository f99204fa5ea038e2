package io.miningos.gateway.domain.analytics.site;

import io.miningos.gateway.domain.analytics.NaturalText;
import io.miningos.gateway.domain.error.DomainException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The explorer's rack filter ({@code /auth/explorer/racks}): keep racks of the listed groups, keep racks any
 * search term (case-insensitive) occurs in ({@code id}, name, group id or name), then sort by the given fields
 * in order. Sort fields: {@code efficiency}, {@code hashrate}, {@code consumption} (by value; a rack without a
 * value sorts after the others ascending, before them descending), {@code group} (by group number), {@code name}
 * (natural order, so Rack 2 before Rack 10); directions are {@code 1} or {@code -1}.
 */
public record RackQuery(Set<String> groups, List<String> searchTerms, Map<String, Integer> sort) {

    public static final String SORT_INVALID = "ERR_SORT_INVALID";
    private static final Set<String> SORT_FIELDS = Set.of("efficiency", "hashrate", "consumption", "group", "name");

    public RackQuery {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        List<String> terms = new ArrayList<>();
        if (searchTerms != null) {
            for (String t : searchTerms) {
                if (t != null && !t.isBlank()) {
                    terms.add(t.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        searchTerms = List.copyOf(terms);
        sort = sort == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sort));
    }

    /** A sort parameter parsed as JSON: an object of known fields to 1 or -1, else {@code ERR_SORT_INVALID}. */
    public static Map<String, Integer> parseSort(Object json) {
        if (json == null) {
            return Map.of();
        }
        if (!(json instanceof Map<?, ?> map)) {
            throw DomainException.invalid(SORT_INVALID);
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!SORT_FIELDS.contains(e.getKey()) || !(e.getValue() instanceof Number n)
                    || n.doubleValue() != 1 && n.doubleValue() != -1) {
                throw DomainException.invalid(SORT_INVALID);
            }
            out.put((String) e.getKey(), n.intValue());
        }
        return out;
    }

    public List<RackList.Rack> apply(List<RackList.Rack> racks) {
        List<RackList.Rack> out = new ArrayList<>();
        for (RackList.Rack rack : racks) {
            if ((groups.isEmpty() || groups.contains(rack.group().id())) && matches(rack)) {
                out.add(rack);
            }
        }
        Comparator<RackList.Rack> order = null;
        for (Map.Entry<String, Integer> e : sort.entrySet()) {
            Comparator<RackList.Rack> c = comparator(e.getKey(), e.getValue());
            order = order == null ? c : order.thenComparing(c);
        }
        if (order != null) {
            out.sort(order); // List.sort is stable
        }
        return out;
    }

    private boolean matches(RackList.Rack rack) {
        if (searchTerms.isEmpty()) {
            return true;
        }
        String text = String.join("\n", rack.id(), rack.name(), rack.group().id(), rack.group().name())
                .toLowerCase(Locale.ROOT);
        return searchTerms.stream().anyMatch(text::contains);
    }

    private static Comparator<RackList.Rack> comparator(String field, int dir) {
        return switch (field) {
            case "efficiency" -> byValue(r -> r.figures().efficiencyWThs(), dir);
            case "hashrate" -> byValue(r -> r.figures().hashratePhs(), dir);
            case "consumption" -> byValue(r -> r.figures().consumptionKw(), dir);
            case "group" -> (a, b) -> dir * NaturalText.compare(a.group().id(), b.group().id());
            default -> (a, b) -> dir * NaturalText.compare(a.name(), b.name());
        };
    }

    private static Comparator<RackList.Rack> byValue(java.util.function.Function<RackList.Rack, Double> value,
                                                     int dir) {
        return (a, b) -> {
            Double va = value.apply(a);
            Double vb = value.apply(b);
            if (va == null || vb == null) {
                return va == null && vb == null ? 0 : va == null ? dir : -dir;
            }
            return dir * Double.compare(va, vb);
        };
    }
}
