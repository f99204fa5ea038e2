package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.analytics.port.in.FinanceQuery;
import io.miningos.gateway.application.analytics.port.in.FinanceReport;
import io.miningos.gateway.application.analytics.port.in.FinanceUseCase;
import io.miningos.gateway.application.analytics.port.out.ProductionCostRecords;
import io.miningos.gateway.application.ork.CallReplies;
import io.miningos.gateway.application.ork.OrkCall;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.UtcCalendar;
import io.miningos.gateway.domain.analytics.finance.CostBook;
import io.miningos.gateway.domain.analytics.finance.DailyAggregates;
import io.miningos.gateway.domain.analytics.finance.ElectricityAnswers;
import io.miningos.gateway.domain.analytics.finance.FinanceInputs;
import io.miningos.gateway.domain.analytics.finance.MempoolAnswers;
import io.miningos.gateway.domain.analytics.finance.PoolTransactions;
import io.miningos.gateway.domain.analytics.finance.PriceBook;
import io.miningos.gateway.domain.analytics.site.SiteNominals;
import io.miningos.gateway.domain.ork.OrkMethod;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The finance routes: for the range's UTC days up to now, each report asks every ORK the reads its figures need
 * (all at once, docs/analytics-design.md §4.1), reads the answers with the domain's readers, adds the production
 * costs entered here, and has {@link io.miningos.gateway.domain.analytics.finance.FinanceLedger} compute the
 * buckets and the summary; {@link FinanceViews} shows the report's selection. Cached per route, parameters and
 * the range's last day so far.
 */
public final class FinanceService implements FinanceUseCase {

    static final String METER = "powermeter";
    static final String MINER = "miner";
    static final String SITE_POWER = "site_power_w";
    static final String HASHRATE = "hashrate_mhs_5m_sum_aggr";

    /** What a report's figures are made of. */
    enum Source { SITE_POWER, HASHRATE, POOL, PRICES, BLOCKS, NETWORK, ELECTRICITY, NOMINALS, COSTS }

    /** The ORK reads, each asked of every ORK at most once per answer. */
    private enum Read { RANGE_AGGR, TRANSACTIONS, PRICES, CURRENT_PRICE, BLOCKS, NETWORK, ELECTRICITY, NOMINALS }

    private final OrkRequests orks;
    private final ProductionCostRecords costs;
    private final Clock clock;

    public FinanceService(OrkRequests orks, ProductionCostRecords costs, Clock clock) {
        this.orks = Objects.requireNonNull(orks, "orks");
        this.costs = Objects.requireNonNull(costs, "costs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    static Set<Source> sources(FinanceReport report) {
        return switch (report) {
            case ENERGY_BALANCE -> EnumSet.of(Source.SITE_POWER, Source.POOL, Source.PRICES, Source.ELECTRICITY,
                    Source.NOMINALS, Source.COSTS);
            case EBITDA -> EnumSet.of(Source.SITE_POWER, Source.HASHRATE, Source.POOL, Source.PRICES, Source.COSTS);
            case COST_SUMMARY -> EnumSet.of(Source.SITE_POWER, Source.PRICES, Source.COSTS);
            case SUBSIDY_FEES -> EnumSet.of(Source.BLOCKS);
            case REVENUE -> EnumSet.of(Source.POOL);
            case REVENUE_SUMMARY -> EnumSet.allOf(Source.class);
            case HASH_REVENUE -> EnumSet.of(Source.HASHRATE, Source.POOL, Source.PRICES, Source.BLOCKS,
                    Source.NETWORK, Source.COSTS);
        };
    }

    @Override
    public CompletableFuture<GatheredAnswer> report(FinanceQuery query, boolean refresh) {
        List<Long> days = query.range().daysUntil(clock.millis());
        List<String> key = new ArrayList<>(query.identity());
        key.add(days.isEmpty() ? "-" : Long.toString(days.getLast()));
        Set<Source> sources = sources(query.report());
        if (days.isEmpty()) {
            return orks.cachedCompute(query.report().route(), key, refresh, List.of(),
                    replies -> FinanceViews.answer(query, sources, List.of(), FinanceInputs.none()));
        }
        List<String> types = new ArrayList<>();
        if (sources.contains(Source.SITE_POWER)) {
            types.add(METER);
        }
        if (sources.contains(Source.HASHRATE)) {
            types.add(MINER);
        }
        DailyAggregates daily = DailyAggregates.of(days, types);
        Map<Read, Integer> at = new EnumMap<>(Read.class);
        List<OrkCall> calls = new ArrayList<>();
        for (Map.Entry<Read, OrkCall> call : calls(query, sources, days, daily).entrySet()) {
            at.put(call.getKey(), calls.size());
            calls.add(call.getValue());
        }
        return orks.cachedCompute(query.report().route(), key, refresh, calls, replies -> FinanceViews.answer(query,
                sources, days, inputs(sources, daily, at, replies)));
    }

    private static Map<Read, OrkCall> calls(FinanceQuery query, Set<Source> sources, List<Long> days,
                                            DailyAggregates daily) {
        long start = days.getFirst();
        long end = Math.min(query.range().end(), days.getLast() + UtcCalendar.DAY_MS - 1);
        Map<Read, OrkCall> calls = new LinkedHashMap<>();
        if (!daily.keys().isEmpty()) {
            calls.put(Read.RANGE_AGGR, new OrkCall(OrkMethod.TAIL_LOG_CUSTOM_RANGE_AGGR,
                    Map.of("keys", daily.request())));
        }
        if (sources.contains(Source.POOL)) {
            calls.put(Read.TRANSACTIONS, extData(query.pool() == null ? "minerpool" : "minerpool-" + query.pool(),
                    ranged("transactions", start, end)));
        }
        if (sources.contains(Source.PRICES)) {
            Map<String, Object> prices = ranged("HISTORICAL_PRICES", start, end);
            prices.put("limit", days.size() + 1);
            calls.put(Read.PRICES, extData("mempool", prices));
            calls.put(Read.CURRENT_PRICE, extData("mempool", Map.of("key", "current_price")));
        }
        if (sources.contains(Source.BLOCKS)) {
            Map<String, Object> blocks = ranged("HISTORICAL_BLOCKSIZES", start, end);
            blocks.put("limit", days.size() + 1);
            calls.put(Read.BLOCKS, extData("mempool", blocks));
        }
        if (sources.contains(Source.NETWORK)) {
            Map<String, Object> network = ranged("HISTORICAL_HASHRATE", start, end);
            network.put("limit", days.size() + 1);
            calls.put(Read.NETWORK, extData("mempool", network));
        }
        if (sources.contains(Source.ELECTRICITY)) {
            Map<String, Object> energy = ranged("stats-history", start, end);
            energy.put("groupRange", "1D");
            calls.put(Read.ELECTRICITY, extData("electricity", energy));
        }
        if (sources.contains(Source.NOMINALS)) {
            calls.put(Read.NOMINALS, new OrkCall(OrkMethod.GET_GLOBAL_CONFIG, Map.of("fields",
                    Map.of("nominalPowerAvailability_MW", 1, "nominalAvailablePowerMWh", 1))));
        }
        return calls;
    }

    private static Map<String, Object> ranged(String key, long start, long end) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("key", key);
        query.put("start", start);
        query.put("end", end);
        return query;
    }

    private static OrkCall extData(String type, Map<String, Object> query) {
        return new OrkCall(OrkMethod.GET_WRK_EXT_DATA, Map.of("type", type, "query", query));
    }

    private FinanceInputs inputs(Set<Source> sources, DailyAggregates daily, Map<Read, Integer> at,
                                 List<CallReplies> replies) {
        FinanceInputs in = FinanceInputs.none();
        if (sources.contains(Source.SITE_POWER)) {
            in = in.withSitePower(daily.sums(answers(replies, at, Read.RANGE_AGGR), METER, SITE_POWER));
        }
        if (sources.contains(Source.HASHRATE)) {
            in = in.withHashrate(daily.sums(answers(replies, at, Read.RANGE_AGGR), MINER, HASHRATE));
        }
        if (sources.contains(Source.POOL)) {
            in = in.withPool(PoolTransactions.daily(answers(replies, at, Read.TRANSACTIONS)));
        }
        if (sources.contains(Source.PRICES)) {
            in = in.withPrices(new PriceBook(MempoolAnswers.dailyPrices(answers(replies, at, Read.PRICES)),
                    MempoolAnswers.currentPrice(answers(replies, at, Read.CURRENT_PRICE))));
        }
        if (sources.contains(Source.ELECTRICITY) || sources.contains(Source.NOMINALS)) {
            in = in.withElectricity(ElectricityAnswers.daily(answers(replies, at, Read.ELECTRICITY)),
                    SiteNominals.read(answers(replies, at, Read.NOMINALS)).powerMW());
        }
        if (sources.contains(Source.NETWORK) || sources.contains(Source.BLOCKS)) {
            in = in.withNetwork(MempoolAnswers.dailyNetworkHashrate(answers(replies, at, Read.NETWORK)),
                    MempoolAnswers.dailyBlocks(answers(replies, at, Read.BLOCKS)));
        }
        if (sources.contains(Source.COSTS)) {
            in = in.withCosts(CostBook.read(costs.all().stream().map(JsonView::of).toList()));
        }
        return in;
    }

    private static List<JsonView> answers(List<CallReplies> replies, Map<Read, Integer> at, Read read) {
        Integer index = at.get(read);
        return index == null ? List.of() : replies.get(index).answers();
    }
}
