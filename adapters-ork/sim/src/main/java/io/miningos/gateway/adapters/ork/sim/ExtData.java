package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.ext.ElectricityData;
import io.miningos.gateway.adapters.ork.sim.ext.MempoolData;
import io.miningos.gateway.adapters.ork.sim.rpc.Deadline;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkError;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkErrors;
import io.miningos.gateway.adapters.ork.sim.site.SimRack;
import io.miningos.gateway.adapters.ork.sim.site.Site;
import io.miningos.gateway.adapters.ork.sim.site.ThingKind;
import io.miningos.gateway.query.Projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * {@code getWrkExtData} and {@code setWrkExtData} of the external-data racks (types {@code mempool},
 * {@code electricity}): the ORK has no aggregation spec for them, so it concatenates the racks' answers (a list
 * answer flattened one level). Reads for any other type go on to {@link TailLogs} (pool racks, thing racks).
 */
final class ExtData {

    private final Site site;
    private final TailLogs tailLogs;
    private final Supplier<List<Object>> timezones;
    private final MempoolData mempool = new MempoolData();
    private final ElectricityData electricity;

    /**
     * @param timezones  the ORK's daily-store timezones (the electricity rack reads the site meter's UTC days)
     * @param nominalMw  the site's nominal available power (global config), which the grid offers
     */
    ExtData(Site site, TailLogs tailLogs, Supplier<List<Object>> timezones, DoubleSupplier nominalMw) {
        this.site = site;
        this.tailLogs = tailLogs;
        this.timezones = timezones;
        this.electricity = new ElectricityData(site.seed(), site.commissionedAt(), nominalMw);
    }

    ElectricityData electricity() {
        return electricity;
    }

    private List<SimRack> extRacks(Map<String, Object> req) {
        if (!(req.get("type") instanceof String type) || type.isEmpty()) {
            throw new OrkError(OrkErrors.TYPE_INVALID);
        }
        List<SimRack> racks = new ArrayList<>();
        for (SimRack rack : site.racks()) {
            if (rack.ofType(type) && (rack.kind() == ThingKind.MEMPOOL || rack.kind() == ThingKind.ELECTRICITY)) {
                racks.add(rack);
            }
        }
        return racks;
    }

    @SuppressWarnings("unchecked")
    List<Object> read(Map<String, Object> req, long now, Deadline deadline) {
        List<SimRack> racks = extRacks(req);
        if (racks.isEmpty()) {
            return tailLogs.extData(req, now);
        }
        Map<String, Object> query = req.get("query") instanceof Map<?, ?> q ? (Map<String, Object>) q : Map.of();
        List<Object> out = new ArrayList<>();
        for (SimRack rack : racks) {
            if (rack.restarting(now)) {
                continue; // a rack that does not answer contributes nothing
            }
            Object answer = switch (rack.kind()) {
                case MEMPOOL -> mempool(req, query, now);
                case ELECTRICITY -> electricity.answer(req, query, (from, to) -> dailySitePower(from, to, now,
                        deadline), now);
                default -> List.of();
            };
            if (answer instanceof List<?> list) {
                out.addAll(list);
            } else {
                out.add(answer);
            }
        }
        return out;
    }

    /**
     * {@code setWrkExtData {type, key, value}}: forwarded to the racks of the type; the electricity rack stores
     * {@code forecastSettings} and {@code availableEnergy}. A type without such a rack is {@code ERR_RACK_NOTFOUND}.
     */
    Object write(Map<String, Object> req, long now) {
        List<SimRack> racks = extRacks(req);
        Object answer = null;
        for (SimRack rack : racks) {
            if (rack.restarting(now)) {
                continue;
            }
            if (rack.kind() != ThingKind.ELECTRICITY) {
                throw new OrkError(OrkErrors.KEY_INVALID); // the mempool worker keeps nothing a client writes
            }
            answer = electricity.write(req.get("key"), req.get("value"));
        }
        if (answer == null) {
            throw new OrkError(OrkErrors.RACK_NOTFOUND);
        }
        return answer;
    }

    /** Mean site power (W) of each closed UTC day the ORK's daily store holds in {@code [from, to]}. */
    @SuppressWarnings("unchecked")
    private Map<Long, Double> dailySitePower(long from, long to, long now, Deadline deadline) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("type", "powermeter");
        key.put("startDate", from);
        key.put("endDate", to);
        key.put("fields", Map.of("site_power_w", 1, "aggrIntervals", 1));
        key.put("shouldReturnDailyData", 1);
        Map<Long, Double> out = new LinkedHashMap<>();
        List<Object> answer = tailLogs.customRange(Map.of("keys", List.of(key)), timezones.get(), now, deadline);
        if (answer.isEmpty() || !(((Map<String, Object>) answer.get(0)).get("data") instanceof List<?> days)) {
            return out;
        }
        for (Object d : days) {
            if (d instanceof Map<?, ?> day && day.get("val") instanceof Map<?, ?> val
                    && day.get("ts") instanceof Number ts && val.get("site_power_w") instanceof Number power
                    && val.get("aggrIntervals") instanceof Number intervals && intervals.doubleValue() > 0) {
                out.put(ts.longValue(), power.doubleValue() / intervals.doubleValue());
            }
        }
        return out;
    }

    /** The worker projects only its live object, with the request's {@code fields} (else the query's). */
    private Object mempool(Map<String, Object> req, Map<String, Object> query, long now) {
        Object answer = mempool.answer(query, now);
        if (answer instanceof List<?>) {
            return answer;
        }
        Object fields = req.get("fields") instanceof Map<?, ?> f && !f.isEmpty() ? f : query.get("fields");
        Projection projection;
        try {
            projection = Requests.projection(fields, OrkErrors.FIELDS_INVALID);
        } catch (OrkError e) {
            return List.of(); // the rack fails on a bad projection; the ORK swallows it
        }
        return projection.apply(answer);
    }
}
