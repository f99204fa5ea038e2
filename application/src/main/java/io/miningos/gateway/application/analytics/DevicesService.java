package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.analytics.port.in.CabinetQuery;
import io.miningos.gateway.application.analytics.port.in.DeviceListQuery;
import io.miningos.gateway.application.analytics.port.in.DevicesUseCase;
import io.miningos.gateway.application.analytics.port.in.ExplorerQuery;
import io.miningos.gateway.application.analytics.port.in.MinersQuery;
import io.miningos.gateway.application.analytics.port.in.RackStatsQuery;
import io.miningos.gateway.application.ork.CallReplies;
import io.miningos.gateway.application.ork.OrkCall;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.devices.Cabinets;
import io.miningos.gateway.domain.analytics.devices.MinerFields;
import io.miningos.gateway.domain.analytics.devices.ThingLists;
import io.miningos.gateway.domain.analytics.site.DcsSite;
import io.miningos.gateway.domain.analytics.site.MinerGroupStats;
import io.miningos.gateway.domain.analytics.site.RackList;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.ork.OrkMethod;
import io.miningos.gateway.query.DocumentQuery;
import io.miningos.gateway.query.MongoFilter;
import io.miningos.gateway.query.Projection;
import io.miningos.gateway.query.SortSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The device lists ({@code /auth/miners}, {@code /auth/miners/groups/stats}, {@code /auth/explorer/racks},
 * {@code /auth/list-firmwares}, {@code /auth/containers}, {@code /auth/cabinets[/:id]}): every ORK's things merged
 * (each id once), filtered, sorted and paged by the gateway (the Node gateway paged per rack, or read the first ORK
 * only), cached under their parameters.
 */
public final class DevicesService implements DevicesUseCase {

    public static final String MINERS = "/auth/miners";
    public static final String RACK_STATS = "/auth/miners/groups/stats";
    public static final String EXPLORER_RACKS = "/auth/explorer/racks";
    public static final String FIRMWARES = "/auth/list-firmwares";
    public static final String CONTAINERS = "/auth/containers";
    public static final String CABINETS = "/auth/cabinets";
    public static final String CABINET = "/auth/cabinets/:id";

    /** What a container or cabinet list shows of a thing. */
    static final List<String> DEVICE_FIELDS = List.of("id", "type", "code", "address", "tags", "info", "rack");
    /** The miner view's pool-worker hashrate (H/s), with {@code featureConfig.poolStats}. */
    static final String POOL_HASHRATE = "poolHashrate";
    private static final List<String> CONTAINER_SEARCHED = List.of("id", "code", "address");

    private final OrkRequests orks;
    private final AnalyticsSettings settings;

    public DevicesService(OrkRequests orks, AnalyticsSettings settings) {
        this.orks = Objects.requireNonNull(orks, "orks");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public CompletableFuture<GatheredAnswer> miners(MinersQuery query, boolean refresh) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("query", query.orkQuery());
        list.put("fields", query.orkProjection());
        list.put("status", 1);
        if (query.orkSort() != null) {
            list.put("sort", query.orkSort());
        }
        list.put("limit", query.page().offset() + query.page().limit());
        Map<String, Object> count = new LinkedHashMap<>();
        count.put("query", query.orkQuery());
        count.put("status", 1);
        List<OrkCall> calls = new ArrayList<>(List.of(new OrkCall(OrkMethod.LIST_THINGS, list),
                new OrkCall(OrkMethod.GET_THINGS_COUNT, count)));
        boolean poolHashrate = settings.poolStats() && (query.asked() == null
                || query.asked().contains(POOL_HASHRATE));
        if (poolHashrate) {
            calls.add(new OrkCall(OrkMethod.GET_WRK_EXT_DATA, Map.of("type", "minerpool", "query",
                    Map.of("key", "stats"))));
        }
        return orks.cachedCompute(MINERS, query.identity(), refresh, calls, replies -> {
            // each ORK sorted and cut its list at offset + limit; merged and sorted again, the page is exact
            List<Map<String, Object>> things = ThingLists.flatten(replies.get(0).answers());
            query.sort().sort(things);
            long total = 0;
            for (JsonView n : replies.get(1).answers()) {
                Long c = n.asLong();
                total += c == null || c < 0 ? 0 : c;
            }
            total = Math.max(total, things.size());
            Map<String, JsonView> workers = poolHashrate ? workers(replies.get(2).answers()) : Map.of();
            List<Object> data = new ArrayList<>();
            for (Map<String, Object> thing : query.page().slice(things)) {
                Map<String, Object> view = MinerFields.view(thing, query.asked());
                JsonView worker = workers.get(String.valueOf(thing.get("id")));
                if (worker == null && thing.get("code") != null) {
                    worker = workers.get(String.valueOf(thing.get("code")));
                }
                if (worker != null) {
                    view.put(POOL_HASHRATE, worker.get("hashrate").asDouble(0));
                }
                data.add(view);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("data", data);
            out.put("totalCount", total);
            out.put("offset", query.page().offset());
            out.put("limit", query.page().limit());
            out.put("hasMore", query.page().hasMore((int) Math.min(Integer.MAX_VALUE, total)));
            return out;
        });
    }

    @Override
    public CompletableFuture<GatheredAnswer> rackStats(RackStatsQuery query, boolean refresh) {
        return orks.cachedCompute(RACK_STATS, query.identity(), refresh, rackCalls(), replies -> {
            List<RackList.Rack> racks = RackList.select(racks(replies), query.ids());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("data", racks.stream().map(DevicesService::rack).toList());
            out.put("totalCount", racks.size());
            return out;
        });
    }

    @Override
    public CompletableFuture<GatheredAnswer> explorerRacks(ExplorerQuery query, boolean refresh) {
        return orks.cachedCompute(EXPLORER_RACKS, query.identity(), refresh, rackCalls(), replies -> {
            List<RackList.Rack> racks = query.racks().apply(racks(replies));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("data", query.page().slice(racks).stream().map(DevicesService::rack).toList());
            out.put("totalCount", racks.size());
            out.put("offset", query.page().offset());
            out.put("limit", query.page().limit());
            out.put("hasMore", query.page().hasMore(racks.size()));
            return out;
        });
    }

    @Override
    public CompletableFuture<GatheredAnswer> firmwares(boolean refresh) {
        return orks.cachedCompute(FIRMWARES, List.of("-"), refresh,
                List.of(new OrkCall(OrkMethod.LIST_FIRMWARES, Map.of())), replies -> {
                    List<Object> out = new ArrayList<>();
                    Set<String> seen = new HashSet<>();
                    for (JsonView answer : replies.getFirst().answers()) {
                        for (JsonView firmware : answer.items()) {
                            String id = firmware.get("id").asText();
                            if (firmware.isObject() && (id == null || seen.add(id))) {
                                out.add(firmware.raw());
                            }
                        }
                    }
                    return out;
                });
    }

    @Override
    public CompletableFuture<GatheredAnswer> containers(DeviceListQuery query, boolean refresh) {
        return orks.cachedCompute(CONTAINERS, query.identity(), refresh, List.of(taggedThings("t-container")),
                replies -> {
                    List<Map<String, Object>> things = ThingLists.flatten(replies.getFirst().answers());
                    List<Object> matching = DocumentQuery.of(query.filter(), Projection.identity(),
                            SortSpec.unsorted(), 0, DocumentQuery.UNLIMITED).run(searched(things, query.search()));
                    List<Object> sorted = DocumentQuery.of(MongoFilter.matchAll(), query.projection(), query.sort(), 0,
                            DocumentQuery.UNLIMITED).run(matching);
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("containers", query.page(sorted));
                    out.put("total", matching.size());
                    if (replies.getFirst().truncated()) {
                        out.put("truncated", true);
                    }
                    return out;
                });
    }

    @Override
    public CompletableFuture<GatheredAnswer> cabinets(DeviceListQuery query, boolean refresh) {
        return orks.cachedCompute(CABINETS, query.identity(), refresh, List.of(cabinetDevices()), replies -> {
            List<Object> cabinets = DocumentQuery.of(query.filter(), Projection.identity(), query.sort(), 0,
                    DocumentQuery.UNLIMITED).run(Cabinets.group(ThingLists.flatten(replies.getFirst().answers())));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("cabinets", query.page(cabinets));
            out.put("total", cabinets.size());
            return out;
        });
    }

    @Override
    public CompletableFuture<GatheredAnswer> cabinet(CabinetQuery query, boolean refresh) {
        return orks.cachedCompute(CABINET, List.of(query.id()), refresh, List.of(cabinetDevices()), replies -> {
            Map<String, Object> cabinet = Cabinets.find(
                    Cabinets.group(ThingLists.flatten(replies.getFirst().answers())), query.id());
            if (cabinet == null) {
                throw DomainException.notFound(CabinetQuery.NOT_FOUND);
            }
            return Map.of("cabinet", cabinet);
        });
    }

    /**
     * The pool workers of every pool account ({@code stats[].workers}, an object of worker name to worker) by name,
     * for {@code featureConfig.poolStats}: a miner whose id or code names a worker shows its {@code poolHashrate}
     * (the real pool workers report their workers elsewhere, so this is mostly empty, as in the Node gateway).
     */
    private static Map<String, JsonView> workers(List<JsonView> answers) {
        Map<String, JsonView> out = new LinkedHashMap<>();
        for (JsonView answer : answers) {
            for (JsonView entry : answer.items()) {
                for (JsonView account : entry.get("stats").isArray() ? entry.get("stats").items() : List.of(entry)) {
                    account.get("workers").fields().forEach(out::putIfAbsent);
                }
            }
        }
        return out;
    }

    private List<OrkCall> rackCalls() {
        return SiteService.groupCalls(settings, DcsThing.LAYOUT_AND_METERS, settings.dcsEnabled());
    }

    private List<RackList.Rack> racks(List<CallReplies> replies) {
        DcsSite dcs = settings.dcsEnabled() ? DcsThing.find(replies.get(1)) : null;
        return RackList.racks(MinerGroupStats.read(replies.get(0).answers()), dcs);
    }

    private static Map<String, Object> rack(RackList.Rack r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("name", r.name());
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("id", r.group().id());
        group.put("name", r.group().name());
        out.put("group", group);
        out.put("miners_count", r.minersCount());
        out.putAll(SiteViews.figures(r.figures()));
        return out;
    }

    private static OrkCall taggedThings(String... tags) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", Map.of("tags", Map.of("$in", List.of(tags))));
        payload.put("fields", SiteService.flags(DEVICE_FIELDS));
        return OrkCall.pagedThings(payload);
    }

    private static OrkCall cabinetDevices() {
        return taggedThings("t-powermeter", "t-sensor-temp");
    }

    /** The things {@code search} (lower-cased) occurs in, in id, code or address; all without a search. */
    private static List<Map<String, Object>> searched(List<Map<String, Object>> things, String search) {
        if (search == null) {
            return things;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> thing : things) {
            for (String field : CONTAINER_SEARCHED) {
                if (thing.get(field) instanceof String text && text.toLowerCase(Locale.ROOT).contains(search)) {
                    out.add(thing);
                    break;
                }
            }
        }
        return out;
    }
}
