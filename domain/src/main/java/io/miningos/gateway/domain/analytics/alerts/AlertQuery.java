package io.miningos.gateway.domain.analytics.alerts;

import io.miningos.gateway.domain.analytics.NaturalText;
import io.miningos.gateway.domain.error.DomainException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Filter, search and order of an alert list. A filter is an object of field → value (equal) or array of values
 * (any of them); a list-valued field (a device's {@code tags}) matches when it holds one of the values (the Node
 * gateway compared a tag list with the value and never matched). Search: case-insensitive text in any of the
 * route's search fields. Order: fields in turn, {@code 1} ascending or {@code -1} descending; {@code severity}
 * by rank (low < medium < high < critical), texts in natural order, numbers by value, missing values last.
 *
 * @param filter field → accepted values
 * @param search lower-cased text, or null
 * @param sort   field → direction, in order
 */
public record AlertQuery(Map<String, List<Object>> filter, String search, Map<String, Integer> sort) {

    public static final String FILTER_INVALID = "ERR_INVALID_FILTER";
    public static final String SORT_INVALID = "ERR_INVALID_SORT";
    public static final String SEARCH_INVALID = "ERR_SEARCH_INVALID";
    /** Longer search text matches nothing useful and costs a scan of every alert. */
    public static final int MAX_SEARCH = 200;
    private static final List<String> SEVERITY_RANK = List.of("low", "medium", "high", "critical");

    /**
     * A query from the parsed parameters. {@code filterKeys}/{@code sortKeys} are the route's fields; another
     * key, or a value that is not a JSON scalar (or array of them, for filters; {@code 1}/{@code -1} for sort),
     * is {@code ERR_INVALID_FILTER} / {@code ERR_INVALID_SORT}. Without a sort: newest first.
     */
    public static AlertQuery of(Object filter, String search, Object sort, Set<String> filterKeys,
                                Set<String> sortKeys) {
        Map<String, List<Object>> f = new LinkedHashMap<>();
        if (filter != null) {
            if (!(filter instanceof Map<?, ?> map)) {
                throw DomainException.invalid(FILTER_INVALID);
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!filterKeys.contains(e.getKey())) {
                    throw DomainException.invalid(FILTER_INVALID);
                }
                List<Object> values = e.getValue() instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
                if (!(e.getValue() instanceof List<?>)) {
                    values.add(e.getValue());
                }
                if (values.stream().anyMatch(v -> v != null && !(v instanceof String || v instanceof Number
                        || v instanceof Boolean))) {
                    throw DomainException.invalid(FILTER_INVALID);
                }
                f.put((String) e.getKey(), values);
            }
        }
        Map<String, Integer> s = new LinkedHashMap<>();
        if (sort == null) {
            s.put("createdAt", -1);
        } else {
            if (!(sort instanceof Map<?, ?> map)) {
                throw DomainException.invalid(SORT_INVALID);
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!sortKeys.contains(e.getKey()) || !(e.getValue() instanceof Number n)
                        || n.doubleValue() != 1 && n.doubleValue() != -1) {
                    throw DomainException.invalid(SORT_INVALID);
                }
                s.put((String) e.getKey(), n.intValue());
            }
        }
        if (search != null && search.length() > MAX_SEARCH) {
            throw DomainException.invalid(SEARCH_INVALID);
        }
        String text = search == null || search.isBlank() ? null : search.toLowerCase(Locale.ROOT);
        return new AlertQuery(f, text, s);
    }

    /** The alerts that pass the filter and search, in order. */
    public List<Map<String, Object>> apply(List<Map<String, Object>> alerts, List<String> searchFields) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> a : alerts) {
            if (passes(a) && found(a, searchFields)) {
                out.add(a);
            }
        }
        Comparator<Map<String, Object>> order = null;
        for (Map.Entry<String, Integer> e : sort.entrySet()) {
            Comparator<Map<String, Object>> c = by(e.getKey(), e.getValue());
            order = order == null ? c : order.thenComparing(c);
        }
        if (order != null) {
            out.sort(order);
        }
        return out;
    }

    private boolean passes(Map<String, Object> alert) {
        for (Map.Entry<String, List<Object>> f : filter.entrySet()) {
            Object value = alert.get(f.getKey());
            boolean ok = value instanceof List<?> list
                    ? list.stream().anyMatch(v -> f.getValue().stream().anyMatch(w -> same(v, w)))
                    : f.getValue().stream().anyMatch(w -> same(value, w));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return a == null ? b == null : a.equals(b);
    }

    private boolean found(Map<String, Object> alert, List<String> fields) {
        if (search == null) {
            return true;
        }
        for (String f : fields) {
            Object v = alert.get(f);
            if (v != null && String.valueOf(v).toLowerCase(Locale.ROOT).contains(search)) {
                return true;
            }
        }
        return false;
    }

    private static Comparator<Map<String, Object>> by(String field, int dir) {
        return (a, b) -> {
            Object x = a.get(field);
            Object y = b.get(field);
            if (x == null || y == null) {
                return x == null && y == null ? 0 : x == null ? 1 : -1; // missing last either way
            }
            int c;
            if (field.equals("severity")) {
                c = Integer.compare(SEVERITY_RANK.indexOf(String.valueOf(x)), SEVERITY_RANK.indexOf(String.valueOf(y)));
            } else if (x instanceof Number nx && y instanceof Number ny) {
                c = new BigDecimal(nx.toString()).compareTo(new BigDecimal(ny.toString()));
            } else {
                c = NaturalText.compare(String.valueOf(x), String.valueOf(y));
            }
            return dir * c;
        };
    }
}
