package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.live.JsonObjects;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkError;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkErrors;
import io.miningos.gateway.adapters.ork.sim.site.MinerModel;
import io.miningos.gateway.adapters.ork.sim.site.Noise;
import io.miningos.gateway.adapters.ork.sim.site.PoolConfigs;
import io.miningos.gateway.adapters.ork.sim.site.SimRack;
import io.miningos.gateway.adapters.ork.sim.site.Site;
import io.miningos.gateway.adapters.ork.sim.site.ThingKind;
import io.miningos.gateway.query.MongoFilter;
import io.miningos.gateway.query.Projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The newer ORK's config and firmware reads (docs/ORK.md §12): {@code getConfigs {type:"pool", query?, fields?}} lists
 * the ORK-stored pool configs the site's containers and a few miners refer to ({@code info.poolConfig}), filtered
 * and projected with the query engine; {@code listFirmwares {}} asks every miner rack for its firmware files
 * ({@code [{name, file, id}]}, {@code name} being the {@code config.firmware_ver} its miners report) and
 * concatenates them.
 */
final class StoredConfigs {

    private final Site site;
    private final PoolConfigs poolConfigs;

    StoredConfigs(Site site) {
        this.site = site;
        this.poolConfigs = PoolConfigs.of(site.seed(), site.pools(), site.commissionedAt());
    }

    List<Object> getConfigs(Map<String, Object> req) {
        if (!(req.get("type") instanceof String type) || type.isEmpty()) {
            throw new OrkError(OrkErrors.TYPE_INVALID);
        }
        MongoFilter filter = Requests.filter(req.get("query"), OrkErrors.QUERY_INVALID);
        Projection fields = Requests.projection(req.get("fields"), OrkErrors.FIELDS_INVALID);
        List<Object> out = new ArrayList<>();
        if (!type.equals("pool")) {
            return out;
        }
        for (Map<String, Object> config : poolConfigs.all()) {
            Map<String, Object> copy = JsonCopy.copy(config);
            if (filter.isMatchAll() || filter.matches(copy)) {
                out.add(fields.apply(copy));
            }
        }
        return out;
    }

    List<Object> listFirmwares(long now) {
        List<Object> out = new ArrayList<>();
        for (SimRack rack : site.racks()) {
            MinerModel model = MinerModel.ofType(rack.type());
            if (rack.kind() != ThingKind.MINER || model == null || rack.restarting(now)) {
                continue;
            }
            String version = model.firmware();
            String file = model.type().substring("miner-".length()) + "_" + version.replaceAll("[^A-Za-z0-9.]+", "_")
                    .toLowerCase(Locale.ROOT) + ".bin";
            String id = String.format("%016x", Noise.hash(Noise.of(model.type()), Noise.of(version)));
            out.add(JsonObjects.of("name", version, "file", file, "id", id));
        }
        return out;
    }
}
