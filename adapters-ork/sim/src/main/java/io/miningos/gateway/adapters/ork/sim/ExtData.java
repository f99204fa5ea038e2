package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.ext.MempoolData;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkError;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkErrors;
import io.miningos.gateway.adapters.ork.sim.site.SimRack;
import io.miningos.gateway.adapters.ork.sim.site.Site;
import io.miningos.gateway.adapters.ork.sim.site.ThingKind;
import io.miningos.gateway.query.Projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code getWrkExtData} of the external-data racks (types {@code mempool}, {@code electricity}): the ORK has no
 * aggregation spec for them, so it concatenates the racks' answers (a list answer flattened one level). Requests
 * for any other type go on to {@link TailLogs} (pool racks, thing racks).
 */
final class ExtData {

    private final Site site;
    private final TailLogs tailLogs;
    private final MempoolData mempool = new MempoolData();

    ExtData(Site site, TailLogs tailLogs) {
        this.site = site;
        this.tailLogs = tailLogs;
    }

    @SuppressWarnings("unchecked")
    List<Object> read(Map<String, Object> req, long now) {
        if (!(req.get("type") instanceof String type) || type.isEmpty()) {
            throw new OrkError(OrkErrors.TYPE_INVALID);
        }
        List<SimRack> racks = new ArrayList<>();
        for (SimRack rack : site.racks()) {
            if (rack.ofType(type) && (rack.kind() == ThingKind.MEMPOOL || rack.kind() == ThingKind.ELECTRICITY)) {
                racks.add(rack);
            }
        }
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
