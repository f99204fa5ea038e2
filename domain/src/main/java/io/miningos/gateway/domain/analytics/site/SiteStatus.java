package io.miningos.gateway.domain.analytics.site;

import io.miningos.gateway.domain.analytics.Hashrate;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.Power;
import io.miningos.gateway.domain.analytics.Rounding;
import io.miningos.gateway.domain.analytics.UtcCalendar;
import io.miningos.gateway.domain.analytics.pools.PoolAccounts;

import java.util.ArrayList;
import java.util.List;

/**
 * The header's live snapshot ({@code /auth/site/status/live}) from the real-time stat records of every ORK: a
 * {@code tailLogMulti} of {@code stat-rtd} for miners ({@code t-miner}), power meters ({@code t-powermeter})
 * and containers ({@code t-container}) with {@link #FIELDS}, added up over the ORKs that answered.
 */
public final class SiteStatus {

    /** The {@code aggrFields} of the live request. */
    public static final List<String> FIELDS = List.of("hashrate_mhs_1m_sum_aggr", "nominal_hashrate_mhs_sum_aggr",
            "alerts_aggr", "online_or_minor_error_miners_amount_aggr", "error_miners_amount_aggr",
            "not_mining_miners_amount_aggr", "offline_or_sleeping_miners_amount_aggr", "hashrate_mhs_1m_cnt_aggr",
            "site_power_w", "container_nominal_miner_capacity_sum_aggr");

    private SiteStatus() {
    }

    /** What the real-time records say, summed over ORKs; {@code sitePowerW} null when no meter reported. */
    public record Live(double hashrateMhs, double nominalHashrateMhs, long online, long error, long notMining,
                       long offline, long total, Double sitePowerW, long containerCapacity, long critical, long high,
                       long medium) {
    }

    /**
     * The answer. Hashrates in MH/s, power in W, utilisations in % (1 decimal; null without a nominal value),
     * efficiency W/TH/s (2 decimals; null without hashrate or power).
     */
    public record Snapshot(HashrateView hashrate, PowerView power, Double efficiencyWThs, Miners miners,
                           Alerts alerts, Pools pools, long ts) {
    }

    public record HashrateView(double valueMhs, Double nominalMhs, Double utilizationPct) {
    }

    /** {@code alert}: the site meter's alerts as text ({@code ""} without), {@code error}: it has some. */
    public record PowerView(Double valueW, Double nominalW, Double utilizationPct, String alert, boolean error) {
    }

    /**
     * {@code error} counts miners in error, {@code notMining} those reporting not-mining (the Node gateway
     * showed the not-mining count as {@code error}); {@code total} counts miners with a hashrate reading.
     */
    public record Miners(long online, long offline, long error, long notMining, long total, long containerCapacity) {
    }

    /** Current alerts of miners, meters and containers; {@code total} = critical + high + medium. */
    public record Alerts(long critical, long high, long medium, long total) {
    }

    public record Pools(double totalHashrateMhs, long activeWorkers, long totalWorkers) {
    }

    public static Live read(List<JsonView> answers) {
        double hashrate = 0;
        double nominal = 0;
        long online = 0;
        long error = 0;
        long notMining = 0;
        long offline = 0;
        long total = 0;
        Double power = null;
        long capacity = 0;
        long[] alerts = new long[3];
        for (JsonView answer : answers) {
            JsonView miners = answer.at(0).at(0);
            JsonView meters = answer.at(1).at(0);
            JsonView containers = answer.at(2).at(0);
            hashrate += positive(miners.get("hashrate_mhs_1m_sum_aggr"));
            nominal += positive(miners.get("nominal_hashrate_mhs_sum_aggr"));
            online += count(miners.get("online_or_minor_error_miners_amount_aggr"));
            error += count(miners.get("error_miners_amount_aggr"));
            notMining += count(miners.get("not_mining_miners_amount_aggr"));
            offline += count(miners.get("offline_or_sleeping_miners_amount_aggr"));
            total += count(miners.get("hashrate_mhs_1m_cnt_aggr"));
            Double sitePower = meters.get("site_power_w").asDouble();
            if (sitePower != null && sitePower >= 0) {
                power = power == null ? sitePower : power + sitePower;
            }
            capacity += count(containers.get("container_nominal_miner_capacity_sum_aggr"));
            for (JsonView key : List.of(miners, meters, containers)) {
                JsonView a = key.get("alerts_aggr");
                alerts[0] += count(a.get("critical"));
                alerts[1] += count(a.get("high"));
                alerts[2] += count(a.get("medium"));
            }
        }
        return new Live(hashrate, nominal, online, error, notMining, offline, total, power, capacity, alerts[0],
                alerts[1], alerts[2]);
    }

    /**
     * @param live        the real-time records
     * @param sitePowerW  the site power when another source rules (the DCS site meter), else null to use the
     *                    power meters' {@code site_power_w}
     * @param nominals    nameplate figures of the global configs
     * @param pools       the pool accounts' totals
     * @param meterAlerts the site meter's {@code last.alerts}
     */
    public static Snapshot of(Live live, Double sitePowerW, SiteNominals nominals, PoolAccounts.Summary pools,
                              JsonView meterAlerts, long now) {
        Double nominalHashrate = live.nominalHashrateMhs() > 0 ? Double.valueOf(live.nominalHashrateMhs())
                : nominals.hashrateMhs();
        Double power = sitePowerW != null ? sitePowerW : live.sitePowerW();
        Double nominalPower = nominals.powerMW() == null ? null : nominals.powerMW() * 1e6;
        Double efficiency = power == null ? null
                : Rounding.places(new Power(power).per(new Hashrate(live.hashrateMhs())), 2);
        String alert = alertText(meterAlerts);
        return new Snapshot(
                new HashrateView(live.hashrateMhs(), nominalHashrate, utilization(live.hashrateMhs(), nominalHashrate)),
                new PowerView(power, nominalPower, power == null ? null : utilization(power, nominalPower), alert,
                        !alert.isEmpty()),
                efficiency,
                new Miners(live.online(), live.offline(), live.error(), live.notMining(), live.total(),
                        live.containerCapacity()),
                new Alerts(live.critical(), live.high(), live.medium(), live.critical() + live.high() + live.medium()),
                new Pools(pools.totalHashrateHs() / 1e6, pools.totalActiveWorkers(), pools.totalWorkers()), now);
    }

    private static Double utilization(double value, Double nominal) {
        return nominal == null || nominal <= 0 ? null : Rounding.places(value / nominal * 100, 1);
    }

    /**
     * A meter's alerts as one text, as the Node gateway wrote it: {@code (<severity>) <ISO createdAt> : <name>
     * Description: <description> <message>} joined with a blank line; an alert without a valid {@code createdAt}
     * leaves the date out (the Node gateway failed the whole request).
     */
    public static String alertText(JsonView alerts) {
        List<String> lines = new ArrayList<>();
        for (JsonView a : alerts.items()) {
            if (!a.isObject()) {
                continue;
            }
            Long created = a.get("createdAt").asEpochMillis();
            String message = a.get("message").asText();
            lines.add("(" + text(a.get("severity")) + ") " + (created == null ? "" : UtcCalendar.iso(created) + " ")
                    + ": " + text(a.get("name")) + " Description: " + text(a.get("description")) + " "
                    + (message == null ? "" : message));
        }
        return String.join(",\n\n", lines);
    }

    private static String text(JsonView v) {
        return v.asText() == null ? "" : v.asText();
    }

    private static double positive(JsonView v) {
        double d = v.asDouble(0);
        return d > 0 ? d : 0;
    }

    private static long count(JsonView v) {
        Double d = v.asDouble();
        return d == null || d <= 0 ? 0 : Math.round(d);
    }
}
