package io.miningos.gateway.application.logs.port.in;

import io.miningos.gateway.domain.error.DomainException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rules shared by the log routes, whose parameters are passed on to the ORKs as a whole (parameters this gateway
 * does not know travel as the client sent them, as text). Known parameters arrive typed: integers as
 * {@code Long}, flags as {@code Boolean}, JSON parameters as {@code Map} or {@code List}.
 */
final class TimeSeriesParams {

    static final String LIMIT_INVALID = "ERR_LIMIT_INVALID";
    static final String GROUP_RANGE_INVALID = "ERR_GROUPRANGE_INVALID";
    static final String AGGR_TIMES_INVALID_ARRAY = "ERR_AGGRTIMES_INVALID_ARRAY";
    /** The widest client-supplied limit a real client uses: seven days of one-minute stats. */
    static final long MAX_TAIL_LIMIT = 10_080;
    private static final List<String> NON_NEGATIVE = List.of("start", "end", "startExcl", "endExcl", "offset");
    private static final Pattern GROUP_RANGE = Pattern.compile("\\d{1,4}[HDWM]");

    private TimeSeriesParams() {
    }

    static Map<String, Object> copy(Map<String, Object> params) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Time bounds and offsets are non-negative; {@code limit} is within {@code min..max}. */
    static void checkRanges(Map<String, Object> params, long minLimit, long maxLimit) {
        for (String name : NON_NEGATIVE) {
            Object value = params.get(name);
            if (value != null && (!(value instanceof Long l) || l < 0)) {
                throw DomainException.invalid(invalid(name));
            }
        }
        Object limit = params.get("limit");
        if (limit != null && (!(limit instanceof Long l) || l < minLimit || l > maxLimit)) {
            throw DomainException.invalid(LIMIT_INVALID);
        }
    }

    /** {@code aggrTimes} is a list of {@code {start, end}} ranges; {@code groupRange} is like {@code 1D}. */
    static void checkAggregation(Map<String, Object> params) {
        Object aggrTimes = params.get("aggrTimes");
        if (aggrTimes != null && (!(aggrTimes instanceof List<?> ranges)
                || ranges.stream().anyMatch(range -> !(range instanceof Map<?, ?>)))) {
            throw DomainException.invalid(AGGR_TIMES_INVALID_ARRAY);
        }
        Object groupRange = params.get("groupRange");
        if (groupRange != null && (!(groupRange instanceof String text) || !GROUP_RANGE.matcher(text).matches())) {
            throw DomainException.invalid(GROUP_RANGE_INVALID);
        }
    }

    static String requiredText(Map<String, Object> params, String name, String code) {
        if (!(params.get(name) instanceof String text) || text.isBlank()) {
            throw DomainException.invalid(code);
        }
        return text;
    }

    /** {@code ERR_<NAME>_INVALID} with the parameter name upper-cased as one word (the Node gateway's style). */
    static String invalid(String name) {
        return "ERR_" + name.toUpperCase(java.util.Locale.ROOT) + "_INVALID";
    }
}
