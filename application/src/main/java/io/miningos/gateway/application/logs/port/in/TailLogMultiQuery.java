package io.miningos.gateway.application.logs.port.in;

import io.miningos.gateway.domain.error.DomainException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /auth/tail-log/multi}: several tail-logs in one call. {@code keys} is a list of
 * {@code {key, type, tag}} objects; the other parameters are shared by every key (and win over the keys' own).
 */
public record TailLogMultiQuery(Map<String, Object> params) {

    public static final String KEYS_INVALID_ARRAY = "ERR_KEYS_INVALID_ARRAY";

    public TailLogMultiQuery {
        params = TimeSeriesParams.copy(params);
        if (!(params.get("keys") instanceof List<?> keys) || keys.stream().anyMatch(k -> !(k instanceof Map<?, ?>))) {
            throw DomainException.invalid(KEYS_INVALID_ARRAY);
        }
        if (keys.size() > ReadCost.MAX_MULTI_KEYS) {
            throw DomainException.invalid(ReadCost.KEYS_TOO_LARGE);
        }
        TimeSeriesParams.checkRanges(params, 1, TimeSeriesParams.MAX_TAIL_LIMIT);
        TimeSeriesParams.checkAggregation(params);
    }

    /**
     * Refuses a read that would make the ORKs go through too many entries, all keys together ({@link ReadCost}):
     * each key is read with its own parameters under the shared ones.
     */
    public void requireAffordable(long nowMillis) {
        List<Map<Object, Object>> logs = new ArrayList<>();
        for (Object key : (List<?>) params.get("keys")) {
            Map<Object, Object> log = new HashMap<>((Map<?, ?>) key);
            params.forEach((name, value) -> {
                if (!name.equals("keys")) {
                    log.put(name, value);
                }
            });
            logs.add(log);
        }
        ReadCost.requireAffordable(logs, nowMillis);
    }
}
