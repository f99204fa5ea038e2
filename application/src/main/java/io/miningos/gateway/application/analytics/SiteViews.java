package io.miningos.gateway.application.analytics;

import io.miningos.gateway.domain.analytics.site.GroupOverview;
import io.miningos.gateway.domain.analytics.site.PowerSeries;
import io.miningos.gateway.domain.analytics.site.RackFigures;
import io.miningos.gateway.domain.analytics.site.SiteEfficiency;
import io.miningos.gateway.domain.analytics.site.SiteStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site routes' answers as JSON values: units in the field names where the gateway names the field (W, MH/s, %,
 * W/TH/s), {@code {value, unit}} pairs where the overview pages' shape is kept. Watts and MH/s are whole numbers.
 */
final class SiteViews {

    static final String EFFICIENCY_UNIT = "W/TH/s";

    private SiteViews() {
    }

    static Map<String, Object> status(SiteStatus.Snapshot s) {
        Map<String, Object> hashrate = new LinkedHashMap<>();
        hashrate.put("valueMhs", Math.round(s.hashrate().valueMhs()));
        hashrate.put("nominalMhs", whole(s.hashrate().nominalMhs()));
        hashrate.put("utilizationPct", s.hashrate().utilizationPct());
        Map<String, Object> power = new LinkedHashMap<>();
        power.put("valueW", whole(s.power().valueW()));
        power.put("nominalW", whole(s.power().nominalW()));
        power.put("utilizationPct", s.power().utilizationPct());
        power.put("alert", s.power().alert());
        power.put("error", s.power().error());
        Map<String, Object> miners = new LinkedHashMap<>();
        miners.put("online", s.miners().online());
        miners.put("offline", s.miners().offline());
        miners.put("error", s.miners().error());
        miners.put("notMining", s.miners().notMining());
        miners.put("total", s.miners().total());
        miners.put("containerCapacity", s.miners().containerCapacity());
        Map<String, Object> alerts = new LinkedHashMap<>();
        alerts.put("critical", s.alerts().critical());
        alerts.put("high", s.alerts().high());
        alerts.put("medium", s.alerts().medium());
        alerts.put("total", s.alerts().total());
        Map<String, Object> pools = new LinkedHashMap<>();
        pools.put("totalHashrateMhs", Math.round(s.pools().totalHashrateMhs()));
        pools.put("activeWorkers", s.pools().activeWorkers());
        pools.put("totalWorkers", s.pools().totalWorkers());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hashrate", hashrate);
        out.put("power", power);
        out.put("efficiencyWThs", s.efficiencyWThs());
        out.put("miners", miners);
        out.put("alerts", alerts);
        out.put("pools", pools);
        out.put("ts", s.ts());
        return out;
    }

    static Map<String, Object> powerSeries(List<PowerSeries.Point> points, PowerSeries.Summary summary) {
        List<Object> log = new ArrayList<>(points.size());
        for (PowerSeries.Point p : points) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("ts", p.ts());
            point.put("valueW", Math.round(p.valueW()));
            log.add(point);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("minW", whole(summary.minW()));
        s.put("maxW", whole(summary.maxW()));
        s.put("avgW", whole(summary.avgW()));
        s.put("currentW", whole(summary.currentW()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("log", log);
        out.put("summary", s);
        return out;
    }

    static Map<String, Object> groups(List<GroupOverview.Group> groups) {
        List<Object> out = new ArrayList<>(groups.size());
        for (GroupOverview.Group g : groups) {
            List<Object> racks = new ArrayList<>(g.racks().size());
            for (GroupOverview.Rack r : g.racks()) {
                Map<String, Object> rack = new LinkedHashMap<>();
                rack.put("id", r.id());
                rack.put("key", r.key());
                rack.put("name", r.name());
                rack.putAll(figures(r.figures()));
                racks.add(rack);
            }
            GroupOverview.Status s = g.status();
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("offline", s.offline());
            status.put("error", s.error());
            status.put("sleep", s.sleep());
            status.put("low", s.low());
            status.put("normal", s.normal());
            status.put("high", s.high());
            status.put("notMining", s.notMining());
            status.put("empty", s.empty());
            status.put("total", s.total());
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("id", g.id());
            group.put("name", g.name());
            group.put("summary", figures(g.summary()));
            group.put("racks", racks);
            group.put("status", status);
            out.add(group);
        }
        return Map.of("groups", out);
    }

    /** {@code efficiency} (W/TH/s), {@code consumption} (kW), {@code hashrate} (PH/s), each {@code {value, unit}}. */
    static Map<String, Object> figures(RackFigures f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("efficiency", valueUnit(f.efficiencyWThs(), EFFICIENCY_UNIT));
        out.put("consumption", valueUnit(f.consumptionKw(), "kW"));
        out.put("hashrate", valueUnit(f.hashratePhs(), "PH/s"));
        return out;
    }

    static Map<String, Object> efficiency(SiteEfficiency.Result r) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("site_efficiency", valueUnit(r.siteEfficiencyWThs(), EFFICIENCY_UNIT));
        summary.put("mining_efficiency", valueUnit(r.miningEfficiencyWThs(), EFFICIENCY_UNIT));
        summary.put("total_consumption", valueUnit(r.totalConsumptionMw(), "MW"));
        summary.put("ca_overhead", valueUnit(r.caOverheadPct(), "%"));
        List<Object> perMeter = new ArrayList<>();
        for (SiteEfficiency.MeterEfficiency m : r.perMeter()) {
            Map<String, Object> meter = new LinkedHashMap<>();
            meter.put("board", m.board());
            meter.put("board_name", m.boardName());
            meter.put("transformer", m.transformer());
            meter.put("transformer_name", m.transformerName());
            meter.put("feeds", m.feeds());
            meter.put("meter", m.meter());
            meter.put("efficiency", valueUnit(m.efficiencyWThs(), EFFICIENCY_UNIT));
            meter.put("power", valueUnit(m.powerKw(), m.unit()));
            meter.put("hashrate", valueUnit(m.hashratePhs(), "PH/s"));
            meter.put("miners", m.miners());
            perMeter.add(meter);
        }
        List<Object> breakdown = new ArrayList<>();
        for (SiteEfficiency.Share s : r.breakdown()) {
            Map<String, Object> share = new LinkedHashMap<>();
            share.put("source", s.source());
            share.put("board", s.board());
            if (s.board() != null) {
                share.put("feeds", s.feeds());
            }
            share.put("meter", s.meter());
            share.put("consumption", valueUnit(s.consumptionKw(), s.unit()));
            share.put("percent", s.percent());
            breakdown.add(share);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("summary", summary);
        out.put("efficiency_per_meter", perMeter);
        out.put("consumption_breakdown", breakdown);
        return out;
    }

    static Map<String, Object> valueUnit(Object value, String unit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", value);
        out.put("unit", unit);
        return out;
    }

    private static Long whole(Double v) {
        return v == null ? null : Math.round(v);
    }
}
