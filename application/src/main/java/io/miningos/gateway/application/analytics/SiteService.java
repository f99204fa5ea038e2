package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.analytics.port.in.PowerConsumptionQuery;
import io.miningos.gateway.application.analytics.port.in.SiteUseCase;
import io.miningos.gateway.application.ork.CallReplies;
import io.miningos.gateway.application.ork.OrkCall;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.pools.PoolAccounts;
import io.miningos.gateway.domain.analytics.site.DcsSite;
import io.miningos.gateway.domain.analytics.site.GroupOverview;
import io.miningos.gateway.domain.analytics.site.MinerGroupStats;
import io.miningos.gateway.domain.analytics.site.PowerSeries;
import io.miningos.gateway.domain.analytics.site.SiteEfficiency;
import io.miningos.gateway.domain.analytics.site.SiteNominals;
import io.miningos.gateway.domain.analytics.site.SiteStatus;
import io.miningos.gateway.domain.ork.OrkMethod;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The site routes ({@code /auth/site/*}): the live header snapshot, the power chart, the overview by group and
 * rack and the DCS efficiency page, each computed from every ORK that answered (the Node gateway failed the whole
 * answer when one ORK did) and cached under its parameters.
 */
public final class SiteService implements SiteUseCase {

    public static final String STATUS_LIVE = "/auth/site/status/live";
    public static final String POWER_CONSUMPTION = "/auth/site/power-consumption";
    public static final String OVERVIEW_GROUPS = "/auth/site/overview/groups";
    public static final String EFFICIENCY = "/auth/site/efficiency";

    private static final String SITE_POWER = "site_power_w";
    private static final Pattern TRANSFORMER_POS = Pattern.compile("tr\\d+");
    private static final List<String> NO_PARAMETERS = List.of("-");

    private final OrkRequests orks;
    private final AnalyticsSettings settings;
    private final Clock clock;

    public SiteService(OrkRequests orks, AnalyticsSettings settings, Clock clock) {
        this.orks = Objects.requireNonNull(orks, "orks");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CompletableFuture<GatheredAnswer> statusLive(boolean refresh) {
        Map<String, Object> live = new LinkedHashMap<>();
        live.put("keys", List.of(rtdKey("miner", "t-miner"), rtdKey("powermeter", "t-powermeter"),
                rtdKey("container", "t-container")));
        live.put("limit", 1);
        live.put("aggrFields", flags(SiteStatus.FIELDS));
        List<OrkCall> calls = new ArrayList<>(List.of(
                new OrkCall(OrkMethod.TAIL_LOG_MULTI, live),
                new OrkCall(OrkMethod.GET_WRK_EXT_DATA, Map.of("type", "minerpool", "query", Map.of("key", "stats"))),
                new OrkCall(OrkMethod.GET_GLOBAL_CONFIG, Map.of("fields", flags(List.of("nominalHashrate",
                        "nominalSiteHashrate_MHS", "nominalPowerAvailability_MW", "nominalAvailablePowerMWh")))),
                siteMeterCall()));
        if (settings.dcsEnabled()) {
            calls.add(DcsThing.call(settings, DcsThing.LAYOUT_AND_METERS));
        } else if (settings.transformerConsumptionHeader()) {
            calls.add(transformerMetersCall());
        }
        return orks.cachedCompute(STATUS_LIVE, NO_PARAMETERS, refresh, calls, replies -> {
            Double sitePower = null;
            if (settings.dcsEnabled()) {
                sitePower = dcsSitePowerW(DcsThing.find(replies.get(4)));
            } else if (settings.transformerConsumptionHeader()) {
                sitePower = transformerPowerW(replies.get(4));
            }
            SiteStatus.Snapshot snapshot = SiteStatus.of(SiteStatus.read(replies.get(0).answers()), sitePower,
                    SiteNominals.read(replies.get(2).answers()),
                    PoolAccounts.summary(PoolAccounts.read(replies.get(1).answers())),
                    siteMeterAlerts(replies.get(3)), clock.millis());
            return SiteViews.status(snapshot);
        });
    }

    @Override
    public CompletableFuture<GatheredAnswer> powerConsumption(PowerConsumptionQuery query, boolean refresh) {
        PowerSeries.Request series = query.series();
        boolean sitePower = series.attribute().equals(SITE_POWER);
        boolean dcs = settings.dcsEnabled() && sitePower;
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("key", series.key());
        log.put("type", dcs ? "dcs" : series.type());
        log.put("tag", dcs ? settings.dcsTag() : query.tag());
        log.put("aggrFields", Map.of(series.aggrField(), 1));
        log.put("start", query.range().start());
        log.put("end", query.range().end());
        log.put("limit", query.limit());
        List<OrkCall> calls = new ArrayList<>(List.of(new OrkCall(OrkMethod.TAIL_LOG, log)));
        if (dcs) {
            calls.add(DcsThing.call(settings, DcsThing.LAYOUT_AND_METERS));
        } else if (sitePower) {
            Map<String, Object> live = new LinkedHashMap<>();
            live.put("keys", List.of(rtdKey("powermeter", "t-powermeter")));
            live.put("limit", 1);
            live.put("aggrFields", Map.of(SITE_POWER, 1));
            calls.add(new OrkCall(OrkMethod.TAIL_LOG_MULTI, live));
        }
        return orks.cachedCompute(POWER_CONSUMPTION, query.identity(), refresh, calls, replies -> {
            List<PowerSeries.Point> points = PowerSeries.read(replies.get(0).answers(), series.attribute());
            Double current = null;
            if (dcs) {
                current = dcsSitePowerW(DcsThing.find(replies.get(1)));
            } else if (sitePower) {
                current = liveSitePowerW(replies.get(1).answers());
            }
            return SiteViews.powerSeries(points, PowerSeries.summary(points, current));
        });
    }

    @Override
    public CompletableFuture<GatheredAnswer> overviewGroups(boolean refresh) {
        return orks.cachedCompute(OVERVIEW_GROUPS, NO_PARAMETERS, refresh,
                groupCalls(DcsThing.LAYOUT_AND_METERS, settings.dcsEnabled()), replies -> {
                    MinerGroupStats stats = MinerGroupStats.read(replies.get(0).answers());
                    DcsSite dcs = settings.dcsEnabled() ? DcsThing.find(replies.get(1)) : null;
                    return SiteViews.groups(GroupOverview.groups(stats, dcs));
                });
    }

    @Override
    public CompletableFuture<GatheredAnswer> efficiency(boolean refresh) {
        settings.requireDcs();
        List<String> fields = new ArrayList<>(DcsThing.LAYOUT_AND_METERS);
        fields.add("last.snap.stats.dcs_specific.equipment.distribution_boards");
        fields.add("last.snap.stats.dcs_specific.equipment.transformers");
        return orks.cachedCompute(EFFICIENCY, NO_PARAMETERS, refresh, groupCalls(fields, true), replies -> {
            DcsSite dcs = DcsThing.require(replies.get(1));
            return SiteViews.efficiency(SiteEfficiency.of(dcs, MinerGroupStats.read(replies.get(0).answers())));
        });
    }

    private List<OrkCall> groupCalls(List<String> dcsFields, boolean withDcs) {
        return groupCalls(settings, dcsFields, withDcs);
    }

    /**
     * The miners' live per-container and per-rack figures (the first call), with the DCS thing (the second) when
     * {@code withDcs}. The same calls serve the rack lists of the miner and explorer routes.
     */
    static List<OrkCall> groupCalls(AnalyticsSettings settings, List<String> dcsFields, boolean withDcs) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("keys", List.of(rtdKey("miner", "t-miner")));
        stats.put("limit", 1);
        stats.put("aggrFields", flags(MinerGroupStats.FIELDS));
        List<OrkCall> calls = new ArrayList<>(List.of(new OrkCall(OrkMethod.TAIL_LOG_MULTI, stats)));
        if (withDcs) {
            calls.add(DcsThing.call(settings, dcsFields));
        }
        return calls;
    }

    static Map<String, Object> rtdKey(String type, String tag) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("key", "stat-rtd");
        key.put("type", type);
        key.put("tag", tag);
        return key;
    }

    static Map<String, Object> flags(List<String> names) {
        Map<String, Object> out = new LinkedHashMap<>();
        names.forEach(n -> out.put(n, 1));
        return out;
    }

    /** The site meter(s): things positioned at {@code site}, with their current alerts. */
    private static OrkCall siteMeterCall() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", Map.of("info.pos", Map.of("$eq", "site")));
        payload.put("status", 1);
        payload.put("fields", flags(List.of("id", "tags", "last.alerts")));
        payload.put("limit", 10);
        return new OrkCall(OrkMethod.LIST_THINGS, payload);
    }

    /**
     * The alerts of each ORK's site meter (its first {@code t-powermeter} thing at {@code site}, else its first
     * {@code t-container} there), as one list.
     */
    private static JsonView siteMeterAlerts(CallReplies replies) {
        List<Object> alerts = new ArrayList<>();
        for (JsonView answer : replies.answers()) {
            JsonView meter = firstTagged(answer, "t-powermeter");
            if (meter == null) {
                meter = firstTagged(answer, "t-container");
            }
            if (meter != null) {
                meter.path("last.alerts").items().forEach(a -> alerts.add(a.raw()));
            }
        }
        return JsonView.of(alerts);
    }

    private static JsonView firstTagged(JsonView things, String tag) {
        for (JsonView thing : things.items()) {
            for (JsonView t : thing.get("tags").items()) {
                if (tag.equals(t.asText())) {
                    return thing;
                }
            }
        }
        return null;
    }

    private static OrkCall transformerMetersCall() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", Map.of("$and", List.of(Map.of("tags", Map.of("$in", List.of("t-powermeter"))),
                Map.of("info.pos", Map.of("$regex", "^tr\\d+$")))));
        payload.put("status", 1);
        payload.put("fields", flags(List.of("id", "type", "info.pos", "last.snap.stats.power_w")));
        return OrkCall.pagedThings(payload);
    }

    /** The transformer meters' power over every ORK (the Node gateway read the first ORK's only); null without any. */
    private static Double transformerPowerW(CallReplies replies) {
        Double total = null;
        for (JsonView answer : replies.answers()) {
            for (JsonView thing : answer.items()) {
                String type = thing.get("type").asText();
                String pos = thing.path("info.pos").asText();
                Double w = thing.path("last.snap.stats.power_w").asDouble();
                if (type != null && type.startsWith("powermeter-") && pos != null
                        && TRANSFORMER_POS.matcher(pos).matches() && w != null && w >= 0) {
                    total = total == null ? w : total + w;
                }
            }
        }
        return total;
    }

    /** The DCS site meter in W, null without a DCS or its meter. */
    private static Double dcsSitePowerW(DcsSite dcs) {
        DcsSite.Meter meter = dcs == null ? null : dcs.siteMeter();
        return meter == null ? null : meter.powerKw() * 1000;
    }

    /** The power meters' live {@code site_power_w}, added up over the ORKs; null when none reported it. */
    private static Double liveSitePowerW(List<JsonView> answers) {
        Double total = null;
        for (JsonView answer : answers) {
            Double w = answer.at(0).at(0).get(SITE_POWER).asDouble();
            if (w != null && w >= 0) {
                total = total == null ? w : total + w;
            }
        }
        return total;
    }
}
