package io.miningos.gateway.domain.analytics.site;

import io.miningos.gateway.domain.analytics.Rounding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Site and mining efficiency from the DCS meters and the miners' hashrate ({@code /auth/site/efficiency}): the
 * site meter over all hashrate fed by rack meters, each rack meter over the hashrate of the groups it feeds, the
 * cooling-and-auxiliary overhead, and how the site's power splits over the branches. Efficiencies are W/TH/s
 * (unit {@code W/TH/s} like every other route; the Node gateway wrote {@code W/THs} here), 2 decimals, null when
 * there is no hashrate.
 */
public final class SiteEfficiency {

    private SiteEfficiency() {
    }

    /** One rack meter and the groups it feeds. */
    public record MeterEfficiency(String board, String boardName, String transformer, String transformerName,
                                  String feeds, String meter, Double efficiencyWThs, double powerKw, String unit,
                                  double hashratePhs, int miners) {
    }

    /** One line of the consumption breakdown; the site meter first ({@code board} null, 100 %). */
    public record Share(String source, String board, String feeds, String meter, double consumptionKw, String unit,
                        double percent) {
    }

    /**
     * @param siteEfficiencyWThs   site meter power over the hashrate of all rack-fed groups
     * @param miningEfficiencyWThs rack meters' power over the same hashrate
     * @param totalConsumptionMw   site meter, MW (3 decimals)
     * @param caOverheadPct        the cooling/auxiliary branch's share of the site power, % (1 decimal); null
     *                             without such a branch or site power
     */
    public record Result(Double siteEfficiencyWThs, Double miningEfficiencyWThs, double totalConsumptionMw,
                         Double caOverheadPct, List<MeterEfficiency> perMeter, List<Share> breakdown) {
    }

    public static Result of(DcsSite dcs, MinerGroupStats stats) {
        DcsSite.Meter site = dcs.siteMeter();
        double siteKw = site == null ? 0 : site.powerKw();
        String unit = site == null ? null : site.unit();
        double miningKw = 0;
        double totalMhs = 0;
        List<MeterEfficiency> perMeter = new ArrayList<>();
        Map<String, String> boards = dcs.boardNames();
        Map<String, String> transformers = dcs.transformerNames();
        for (DcsSite.Branch b : dcs.branches()) {
            DcsSite.Meter meter = b.meter() == null ? null : dcs.meter(b.meter());
            if (meter == null || !"rack".equals(meter.role())) {
                continue;
            }
            List<String> groups = Feeds.groups(b.feeds());
            double mhs = 0;
            for (String g : groups) {
                mhs += stats.containerHashrateMhs(g);
            }
            miningKw += meter.powerKw();
            totalMhs += mhs;
            perMeter.add(new MeterEfficiency(b.board(), boards.getOrDefault(b.board(), b.board()), b.transformer(),
                    transformers.getOrDefault(b.transformer(), b.transformer()), b.feeds(), b.meter(),
                    efficiency(meter.powerKw(), mhs), Rounding.places(meter.powerKw(), 1), meter.unit(),
                    Rounding.places(mhs / 1e9, 2), groups.size() * dcs.mining().minersPerGroup()));
        }
        Double overhead = null;
        for (DcsSite.Branch b : dcs.branches()) {
            if (b.feeds() != null && !Feeds.feedsMining(b.feeds())) {
                DcsSite.Meter ccm = b.meter() == null ? null : dcs.meter(b.meter());
                overhead = ccm == null || siteKw <= 0 ? null : Rounding.places(ccm.powerKw() / siteKw * 100, 1);
                break;
            }
        }
        List<Share> breakdown = new ArrayList<>();
        if (site != null) {
            breakdown.add(new Share(site.name() != null ? site.name() : site.equipment(), null, null,
                    site.equipment(), Rounding.places(siteKw, 1), unit, 100));
        }
        for (DcsSite.Branch b : dcs.branches()) {
            DcsSite.Meter meter = b.meter() == null ? null : dcs.meter(b.meter());
            if (meter != null) {
                breakdown.add(new Share(b.board(), b.board(), b.feeds(), b.meter(), Rounding.places(meter.powerKw(), 1),
                        meter.unit(), siteKw > 0 ? Rounding.places(meter.powerKw() / siteKw * 100, 1) : 0));
            }
        }
        return new Result(efficiency(siteKw, totalMhs), efficiency(miningKw, totalMhs),
                Rounding.places(siteKw / 1000, 3), overhead, perMeter, breakdown);
    }

    private static Double efficiency(double kw, double mhs) {
        return mhs > 0 && kw > 0 ? Rounding.places(kw * 1000 / (mhs / 1e6), 2) : null;
    }
}
