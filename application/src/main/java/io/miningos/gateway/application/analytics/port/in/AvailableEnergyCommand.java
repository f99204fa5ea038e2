package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.error.DomainException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /auth/energy/available} {@code {data: [{ts, availablePowerMW}]}}: the power the grid makes available
 * from each {@code ts} (epoch ms) on, in MW; at most {@value #MAX_POINTS} points (the electricity worker's bound),
 * {@code ts} a positive whole number, the power a number from 0 to {@value #MAX_MW}. The workers store points as
 * {@code {ts, availableMw}} (what the Node gateway's later version writes, also accepted here).
 *
 * @param points the points as the workers store them
 */
public record AvailableEnergyCommand(List<Map<String, Object>> points) {

    public static final String DATA_INVALID = "ERR_DATA_INVALID";
    public static final int MAX_POINTS = 1_000;
    public static final long MAX_MW = 1_000_000;

    public AvailableEnergyCommand {
        points = List.copyOf(points);
    }

    /** @throws DomainException {@code ERR_DATA_INVALID} for anything but the points above */
    public static AvailableEnergyCommand of(Object data) {
        if (!(data instanceof List<?> items) || items.size() > MAX_POINTS) {
            throw DomainException.invalid(DATA_INVALID);
        }
        List<Map<String, Object>> points = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> point)) {
                throw DomainException.invalid(DATA_INVALID);
            }
            Object power = point.containsKey("availablePowerMW") ? point.get("availablePowerMW")
                    : point.get("availableMw");
            if (!(point.get("ts") instanceof Number ts) || !wholePositive(ts) || !(power instanceof Number mw)
                    || !(mw.doubleValue() >= 0 && mw.doubleValue() <= MAX_MW)) {
                throw DomainException.invalid(DATA_INVALID);
            }
            Map<String, Object> stored = new LinkedHashMap<>();
            stored.put("ts", ts.longValue());
            stored.put("availableMw", mw);
            points.add(stored);
        }
        return new AvailableEnergyCommand(points);
    }

    private static boolean wholePositive(Number n) {
        double d = n.doubleValue();
        return d >= 1 && d <= 253_402_300_799_999L && d == Math.rint(d);
    }
}
