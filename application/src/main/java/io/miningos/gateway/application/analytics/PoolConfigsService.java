package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.analytics.port.in.ConfigsQuery;
import io.miningos.gateway.application.analytics.port.in.PoolConfigsUseCase;
import io.miningos.gateway.application.ork.OrkCall;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.pools.PoolConfigUsage;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.ork.OrkMethod;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /auth/configs/pool}, {@code /auth/pools/config/:id} and {@code /auth/pools/stats/containers}: the ORKs'
 * pool configs and their users, every ORK's things read page by page.
 */
public final class PoolConfigsService implements PoolConfigsUseCase {

    public static final String CONFIGS = "/auth/configs/:type";
    public static final String THING_ID_INVALID = "ERR_THING_ID_INVALID";
    public static final String THING_NOT_FOUND = "ERR_THING_NOT_FOUND";
    public static final int MAX_THING_ID = 100;
    private static final List<String> USAGE_FIELDS = List.of("id", "type", "rack", "info.container", "info.poolConfig");

    private final OrkRequests orks;

    public PoolConfigsService(OrkRequests orks) {
        this.orks = Objects.requireNonNull(orks, "orks");
    }

    @Override
    public CompletableFuture<GatheredAnswer> configs(ConfigsQuery query, boolean refresh) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", query.type());
        if (query.query() != null) {
            payload.put("query", query.query());
        }
        if (query.fields() != null) {
            payload.put("fields", query.fields());
        }
        List<OrkCall> calls = List.of(new OrkCall(OrkMethod.GET_CONFIGS, payload), configuredThings());
        List<String> key = new ArrayList<>();
        key.add(query.type());
        key.addAll(query.identity());
        return orks.cachedCompute(CONFIGS, key, refresh, calls, replies -> {
            List<Object> configs = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (JsonView answer : replies.get(0).answers()) {
                for (JsonView config : answer.items()) {
                    String id = config.get("id").asText();
                    if (config.isObject() && (id == null || seen.add(id))) {
                        configs.add(config);
                        if (id != null) {
                            ids.add(id);
                        }
                    }
                }
            }
            Map<String, PoolConfigUsage.Usage> usage = PoolConfigUsage.byConfig(ids,
                    PoolConfigUsage.read(replies.get(1).answers()));
            List<Object> out = new ArrayList<>(configs.size());
            for (Object c : configs) {
                JsonView config = (JsonView) c;
                @SuppressWarnings("unchecked")
                Map<String, Object> shown = new LinkedHashMap<>((Map<String, Object>) config.raw());
                String id = config.get("id").asText();
                PoolConfigUsage.Usage u = id == null ? null : usage.get(id);
                shown.put("containers", u == null ? 0 : u.containers());
                shown.put("miners", u == null ? 0 : u.miners());
                out.add(shown);
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<GatheredAnswer> thingConfig(String thingId) {
        if (thingId == null || thingId.isEmpty() || thingId.length() > MAX_THING_ID) {
            throw DomainException.invalid(THING_ID_INVALID);
        }
        Map<String, Object> find = new LinkedHashMap<>();
        find.put("query", Map.of("id", thingId));
        find.put("fields", SiteService.flags(USAGE_FIELDS));
        return orks.compute(List.of(new OrkCall(OrkMethod.LIST_THINGS, find)), replies -> {
            for (JsonView answer : replies.getFirst().answers()) {
                for (JsonView thing : answer.items()) {
                    PoolConfigUsage.ThingConfig t = PoolConfigUsage.ThingConfig.read(thing);
                    if (t != null && thingId.equals(t.id())) {
                        Map<String, Object> found = new LinkedHashMap<>();
                        found.put("kind", t.kind().name());
                        found.put("container", t.container());
                        found.put("poolConfig", t.poolConfig());
                        return found;
                    }
                }
            }
            if (!replies.getFirst().failures().isEmpty()) {
                throw new io.miningos.gateway.application.ork.port.OrksUnavailableException(
                        replies.getFirst().failures());
            }
            throw DomainException.notFound(THING_NOT_FOUND);
        }).thenCompose(first -> {
            JsonView found = JsonView.of(orks.codec().read(first.body()));
            String container = found.get("container").asText();
            String poolConfig = found.get("poolConfig").asText();
            if ("MINER".equals(found.get("kind").asText()) || container == null || poolConfig == null) {
                return CompletableFuture.completedFuture(answer(poolConfig, 0, first.failures()));
            }
            Map<String, Object> devices = new LinkedHashMap<>();
            devices.put("query", Map.of("tags", Map.of("$in", List.of("container-" + container))));
            devices.put("fields", SiteService.flags(USAGE_FIELDS));
            return orks.compute(List.of(OrkCall.pagedThings(devices)), replies -> PoolConfigUsage.overriddenIn(
                            container, poolConfig, PoolConfigUsage.read(replies.getFirst().answers())))
                    .thenApply(second -> answer(poolConfig,
                            ((Number) orks.codec().read(second.body())).intValue(),
                            merged(first.failures(), second.failures())));
        });
    }

    @Override
    public CompletableFuture<GatheredAnswer> containers() {
        Map<String, Object> containers = new LinkedHashMap<>();
        containers.put("query", Map.of("tags", Map.of("$in", List.of("t-container"))));
        containers.put("fields", SiteService.flags(USAGE_FIELDS));
        return orks.compute(List.of(OrkCall.pagedThings(containers), configuredThings()), replies -> {
            List<JsonView> all = new ArrayList<>(replies.get(0).answers());
            all.addAll(replies.get(1).answers());
            List<Object> out = new ArrayList<>();
            for (PoolConfigUsage.ContainerOverrides c : PoolConfigUsage.containers(PoolConfigUsage.read(all))) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("container", c.container());
                row.put("overriddenConfig", c.overriddenConfig());
                out.add(row);
            }
            return out;
        });
    }

    /** Every thing with a pool config, page by page. */
    private static OrkCall configuredThings() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", Map.of("info.poolConfig", Map.of("$exists", true)));
        payload.put("fields", SiteService.flags(USAGE_FIELDS));
        return OrkCall.pagedThings(payload);
    }

    private GatheredAnswer answer(String poolConfig, int overridden, List<OrkFailure> failures) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("poolConfig", poolConfig);
        out.put("overriddenConfig", overridden);
        return new GatheredAnswer(orks.codec().write(out), failures);
    }

    private static List<OrkFailure> merged(List<OrkFailure> a, List<OrkFailure> b) {
        Map<String, OrkFailure> byOrk = new LinkedHashMap<>();
        a.forEach(f -> byOrk.putIfAbsent(f.orkId(), f));
        b.forEach(f -> byOrk.putIfAbsent(f.orkId(), f));
        return List.copyOf(byOrk.values());
    }
}
