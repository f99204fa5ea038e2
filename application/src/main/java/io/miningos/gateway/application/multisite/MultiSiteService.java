package io.miningos.gateway.application.multisite;

import io.miningos.gateway.application.cache.CacheKey;
import io.miningos.gateway.application.cache.ResponseCache;
import io.miningos.gateway.application.multisite.port.FederatedAnswer;
import io.miningos.gateway.application.multisite.port.SiteFailure;
import io.miningos.gateway.application.multisite.port.SitesUnavailableException;
import io.miningos.gateway.application.multisite.port.in.CostsEntry;
import io.miningos.gateway.application.multisite.port.in.MultiSiteQuery;
import io.miningos.gateway.application.multisite.port.in.MultiSiteUseCase;
import io.miningos.gateway.application.multisite.port.out.SiteGateways;
import io.miningos.gateway.application.multisite.port.out.SiteReply;
import io.miningos.gateway.application.ork.port.out.JsonCodec;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.Period;
import io.miningos.gateway.domain.analytics.Rounding;
import io.miningos.gateway.domain.analytics.Usd;
import io.miningos.gateway.domain.analytics.UtcCalendar;
import io.miningos.gateway.domain.error.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The multi-site routes over the sites' gateways. Each site is asked once per range for its days
 * ({@code /auth/finance/revenue-summary?period=daily}: revenue, prices, power, hashrate, costs, energy, network)
 * and once for its nameplate figures ({@code /auth/global-config}); both answers are checked ({@link SiteLedger},
 * {@link SiteCapacity}) and cached per site in the response cache (coalesced: a dashboard's six routes over one
 * range ask each site once). Every route is computed from those days in UTC buckets. A site that failed is not
 * cached, its block is marked {@code missing}, and the others still answer.
 */
public final class MultiSiteService implements MultiSiteUseCase, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MultiSiteService.class);
    static final String LEDGER_ROUTE = "multisite:days:";
    static final String CAPACITY_ROUTE = "multisite:capacity:";
    static final String WORKERS_ROUTE = "multisite:workers:";
    /** A site's nameplate figures change rarely: kept ten times longer than its days. */
    private static final int CAPACITY_TTL_FACTOR = 10;

    private final Map<String, FederatedSite> sites = new LinkedHashMap<>();
    private final SiteCalls calls;
    private final ResponseCache cache;
    private final Duration ttl;
    private final JsonCodec codec;
    private final Clock clock;
    private final java.util.concurrent.ExecutorService loads =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    /** The routes whose answers are cached here (dropped when a site's costs change). */
    private final java.util.Set<String> routes = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public MultiSiteService(List<FederatedSite> sites, SiteGateways gateways, int concurrency, Duration siteTimeout,
                            ResponseCache cache, Duration ttl, JsonCodec codec, Clock clock) {
        sites.forEach(site -> this.sites.put(site.region(), site));
        this.calls = new SiteCalls(gateways, concurrency, siteTimeout);
        this.cache = Objects.requireNonNull(cache, "cache");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<String> regions() {
        return List.copyOf(sites.keySet());
    }

    // ---- inputs

    /** One requested region: its site's inputs, or why there are none. */
    record Region(String region, SiteLedger ledger, SiteCapacity capacity, SiteFailure failure) {
        boolean ok() {
            return failure == null;
        }
    }

    /** Every requested region's inputs, in the request's order; the failures; today (UTC). */
    record Gathered(MultiSiteQuery query, List<Region> regions, List<SiteFailure> failures, LocalDate today) {

        List<SiteLedger> answered() {
            return regions.stream().filter(Region::ok).map(Region::ledger).toList();
        }

        BigDecimal livePrice() {
            return answered().stream().map(SiteLedger::currentPriceUsd).filter(Objects::nonNull).findFirst()
                    .orElse(null);
        }
    }

    private CompletableFuture<Gathered> gather(MultiSiteQuery query, boolean refresh, boolean withCapacity) {
        return gather(query, refresh, withCapacity, false);
    }

    private CompletableFuture<Gathered> gather(MultiSiteQuery query, boolean refresh, boolean withCapacity,
                                               boolean withWorkers) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<CompletableFuture<Region>> pending = new ArrayList<>();
        for (String region : query.regions()) {
            FederatedSite site = sites.get(region);
            if (site == null) {
                pending.add(CompletableFuture.completedFuture(new Region(region, null, null,
                        new SiteFailure(region.toLowerCase(java.util.Locale.ROOT), SiteFailure.Cause.UNKNOWN_SITE,
                                "no site " + region + " is configured"))));
                continue;
            }
            if (query.isEmpty()) {
                pending.add(CompletableFuture.completedFuture(new Region(region, new SiteLedger(List.of(), null),
                        SiteCapacity.NONE, null)));
                continue;
            }
            CompletableFuture<SiteLedger> ledger = withWorkers
                    ? ledger(site, query, refresh).thenCombine(online(site, query, refresh), SiteLedger::withOnline)
                    : ledger(site, query, refresh);
            CompletableFuture<SiteCapacity> capacity = withCapacity ? capacity(site, refresh)
                    : CompletableFuture.completedFuture(SiteCapacity.NONE);
            pending.add(ledger.thenCombine(capacity, (l, c) -> new Region(region, l, c, null))
                    .exceptionally(e -> new Region(region, null, null, failureOf(site, e))));
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Region> regions = pending.stream().map(CompletableFuture::join).toList();
            List<SiteFailure> failures = regions.stream().filter(r -> !r.ok()).map(Region::failure).toList();
            if (!regions.isEmpty() && failures.size() == regions.size()) {
                throw new SitesUnavailableException(failures);
            }
            return new Gathered(query, regions, failures, today);
        });
    }

    private static SiteFailure failureOf(FederatedSite site, Throwable e) {
        Throwable cause = e;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof SiteFailureException failed) {
            return failed.failure();
        }
        LOG.warn("site {}: reading its answer failed inside the gateway", site.id(), cause);
        return new SiteFailure(site.id(), SiteFailure.Cause.BAD_ANSWER, String.valueOf(cause));
    }

    /** The site's days of the query's range, cached per site and range. */
    private CompletableFuture<SiteLedger> ledger(FederatedSite site, MultiSiteQuery query, boolean refresh) {
        long first = query.startMillis();
        long last = UtcCalendar.startOf(query.end());
        String path = "/auth/finance/revenue-summary?start=" + first + "&end=" + query.endMillis()
                + "&period=daily" + (refresh ? "&overwriteCache=true" : "");
        return cache.get(CacheKey.of(LEDGER_ROUTE + site.id(), Long.toString(first), Long.toString(last)), ttl,
                refresh, () -> calls.get(site.id(), path).thenApply(reply -> read(site, reply,
                        answer -> SiteLedger.read(answer, first, last))));
    }

    /** The site's mean online miners per day of the query's range, cached per site and range. */
    private CompletableFuture<Map<Long, Double>> online(FederatedSite site, MultiSiteQuery query, boolean refresh) {
        long first = query.startMillis();
        long last = UtcCalendar.startOf(query.end());
        String path = "/auth/metrics/miner-status?start=" + first + "&end=" + query.endMillis()
                + (refresh ? "&overwriteCache=true" : "");
        return cache.get(CacheKey.of(WORKERS_ROUTE + site.id(), Long.toString(first), Long.toString(last)), ttl,
                refresh, () -> calls.get(site.id(), path).thenApply(reply -> new SiteLedger.Online(read(site, reply,
                        answer -> SiteLedger.readOnline(answer, first, last))))).thenApply(SiteLedger.Online::byDay);
    }

    private CompletableFuture<SiteCapacity> capacity(FederatedSite site, boolean refresh) {
        return cache.get(CacheKey.of(CAPACITY_ROUTE + site.id()), ttl.multipliedBy(CAPACITY_TTL_FACTOR), refresh,
                () -> calls.get(site.id(), "/auth/global-config").thenApply(reply -> read(site, reply,
                        SiteCapacity::read)));
    }

    /** A reply's answer as {@code reader} reads it; the site's failure (thrown) otherwise. */
    private static <T> T read(FederatedSite site, SiteReply reply, Function<JsonView, T> reader) {
        if (!reply.ok()) {
            throw new SiteFailureException(reply.failure());
        }
        try {
            return reader.apply(reply.answer());
        } catch (IllegalArgumentException e) {
            LOG.warn("site {}: its answer is not of the expected shape: {}", site.id(), e.getMessage());
            throw new SiteFailureException(new SiteFailure(site.id(), SiteFailure.Cause.BAD_ANSWER, e.getMessage()));
        }
    }

    // ---- bucketing

    /** The buckets of the range (dense: every bucket up to today), each with its days inside the range. */
    private static Map<Long, Integer> buckets(Gathered g, Period period) {
        Map<Long, Integer> buckets = new LinkedHashMap<>();
        for (long day : g.query().days(g.today())) {
            buckets.merge(period.bucketOf(day), 1, Integer::sum);
        }
        return buckets;
    }

    /** One bucket over the given sites' days. */
    private static Bucket bucket(long ts, int days, Period period, List<SiteLedger> ledgers) {
        List<List<SiteDay>> cells = new ArrayList<>();
        for (SiteLedger ledger : ledgers) {
            cells.add(ledger.days().stream().filter(d -> period.bucketOf(d.ts()) == ts).toList());
        }
        return Bucket.of(ts, days, cells);
    }

    /** The whole range as one bucket over the given sites. */
    private static Bucket whole(Gathered g, List<SiteLedger> ledgers) {
        int days = g.query().days(g.today()).size();
        List<List<SiteDay>> cells = ledgers.stream().map(SiteLedger::days).toList();
        return Bucket.of(g.query().startMillis(), days, cells);
    }

    /** What a route writes into a row of a bucket. */
    private interface RowWriter {
        void write(Map<String, Object> row, Bucket bucket, Gathered g);
    }

    /**
     * The superset envelope every reader of the contract accepts: the aggregate as {@code log}/{@code summary} at
     * the top and under {@code data}, one block per requested region (in the request's order, a failed one marked
     * {@code missing} with its {@code error}), {@code errors} when some failed.
     */
    private Map<String, Object> envelope(Gathered g, Period period, RowWriter writer,
                                         BiConsumer<Map<String, Object>, List<SiteCapacity>> nominals) {
        Map<Long, Integer> buckets = buckets(g, period);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("period", period.text());
        List<Map<String, Object>> regions = new ArrayList<>();
        for (Region region : g.regions()) {
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("region", region.region());
            List<SiteLedger> ledgers = region.ok() ? List.of(region.ledger()) : List.of();
            block.putAll(series(g, period, buckets, ledgers, writer));
            if (nominals != null) {
                nominals.accept(block, region.ok() ? List.of(region.capacity()) : List.of());
            }
            if (!region.ok()) {
                block.put("missing", true);
                block.put("error", region.failure().clientMessage());
            }
            regions.add(block);
        }
        Map<String, Object> data = series(g, period, buckets, g.answered(), writer);
        if (nominals != null) {
            nominals.accept(data, g.regions().stream().filter(Region::ok).map(Region::capacity).toList());
        }
        out.putAll(data);
        out.put("regions", regions);
        out.put("data", data);
        putErrors(out, g.failures());
        return out;
    }

    private static Map<String, Object> series(Gathered g, Period period, Map<Long, Integer> buckets,
                                              List<SiteLedger> ledgers, RowWriter writer) {
        List<Map<String, Object>> log = new ArrayList<>();
        buckets.forEach((ts, days) -> {
            Map<String, Object> row = MultiSiteViews.labels(ts, period);
            writer.write(row, bucket(ts, days, period, ledgers), g);
            log.add(row);
        });
        Map<String, Object> wholeRow = new LinkedHashMap<>();
        writer.write(wholeRow, whole(g, ledgers), g);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("log", log);
        out.put("summary", MultiSiteViews.summary(log, wholeRow));
        return out;
    }

    private static void putErrors(Map<String, Object> out, List<SiteFailure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        for (SiteFailure f : failures) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("region", f.siteId().toUpperCase(java.util.Locale.ROOT));
            e.put("message", f.clientMessage());
            errors.add(e);
        }
        out.put("errors", errors);
    }

    /**
     * A route's answer, cached under the route and the query (an answer lacking a failed site is kept only
     * briefly, as every partial answer), computed from the sites' cached days.
     */
    private CompletableFuture<FederatedAnswer> answer(String route, MultiSiteQuery query, boolean refresh,
                                                      boolean withCapacity, Function<Gathered, Object> compute) {
        return answer(route, query, refresh, withCapacity, false, compute);
    }

    private CompletableFuture<FederatedAnswer> answer(String route, MultiSiteQuery query, boolean refresh,
                                                      boolean withCapacity, boolean withWorkers,
                                                      Function<Gathered, Object> compute) {
        routes.add(route);
        CacheKey key = new CacheKey(route, List.of(query.start().toString(), query.end().toString(),
                query.period().text(), String.join(",", query.regions())));
        // started on another thread: the sites' own cached loads must not run inside this entry's cache update
        return cache.get(key, ttl, refresh, () -> CompletableFuture.supplyAsync(() -> gather(query, refresh,
                        withCapacity, withWorkers), loads).thenCompose(Function.identity())
                .thenApply(g -> new FederatedAnswer(codec.write(compute.apply(g)), g.failures())));
    }

    // ---- routes

    @Override
    public CompletableFuture<FederatedAnswer> revenue(MultiSiteQuery query, boolean refresh) {
        return answer("/auth/revenue", query, refresh, false, g -> envelope(g, query.period(),
                (row, b, gathered) -> MultiSiteViews.revenueRow(row, b, gathered.livePrice(), false), null));
    }

    @Override
    public CompletableFuture<FederatedAnswer> reports(MultiSiteQuery query, boolean refresh) {
        return answer("/auth/reports", query, refresh, true, g -> {
            Map<String, Object> all = envelope(g, query.period(),
                    (row, b, gathered) -> MultiSiteViews.revenueRow(row, b, gathered.livePrice(), true),
                    (block, capacities) -> nominals(block, capacities, true));
            // the report's fixed shape: {regions, data, period}; each region's rows carry their region
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> regions = (List<Map<String, Object>>) all.get("regions");
            for (Map<String, Object> region : regions) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> log = (List<Map<String, Object>>) region.get("log");
                log.forEach(row -> row.put("region", region.get("region")));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("regions", regions);
            out.put("data", all.get("data"));
            out.put("period", query.period().text());
            putErrors(out, g.failures());
            return out;
        });
    }

    /** Nominal figures: hashrate (MH/s, or H/s in reports), power (W), miner slots, slot-weighted efficiency. */
    private static void nominals(Map<String, Object> block, List<SiteCapacity> capacities, boolean report) {
        Double hashrate = null;
        Double power = null;
        Long slots = null;
        double weighted = 0;
        long weights = 0;
        for (SiteCapacity c : capacities) {
            hashrate = c.hashrateMhs() == null ? hashrate : (hashrate == null ? 0 : hashrate) + c.hashrateMhs();
            power = c.availablePowerW() == null ? power : (power == null ? 0 : power) + c.availablePowerW();
            slots = c.minerCapacity() == null ? slots : (slots == null ? 0 : slots) + c.minerCapacity();
            if (c.efficiencyWThs() != null && c.minerCapacity() != null) {
                weighted += c.efficiencyWThs() * c.minerCapacity();
                weights += c.minerCapacity();
            }
        }
        block.put("nominalHashrate", hashrate == null ? null : Math.round(report ? hashrate * 1e6 : hashrate));
        block.put("nominalEfficiency", weights == 0 ? null : Rounding.places(weighted / weights, 2));
        block.put("nominalMinerCapacity", slots);
        if (!report) {
            block.put("availablePower", power == null ? null : Math.round(power));
        }
    }

    @Override
    public CompletableFuture<FederatedAnswer> operations(Operation operation, MultiSiteQuery query, boolean refresh) {
        RowWriter writer = switch (operation) {
            case HASHRATE -> (row, b, g) -> row.put("hashrate", MultiSiteViews.whole(b.hashrateMhs));
            case CONSUMPTION -> (row, b, g) -> row.put("consumption", MultiSiteViews.whole(b.sitePowerW));
            case EFFICIENCY -> (row, b, g) -> row.put("efficiency", Rounding.places(b.efficiencyWThs(), 2));
            case WORKERS -> (row, b, g) -> row.put("workers", Rounding.places(b.onlineMiners, 2));
        };
        String nominal = switch (operation) {
            case HASHRATE -> "nominalHashrate";
            case CONSUMPTION -> "availablePower";
            case EFFICIENCY -> "nominalEfficiency";
            case WORKERS -> "nominalMinerCapacity";
        };
        return answer("/auth/operations/" + operation.name().toLowerCase(java.util.Locale.ROOT), query, refresh, true,
                operation == Operation.WORKERS, g -> envelope(g, query.period(), writer, (block, capacities) -> {
            Map<String, Object> all = new LinkedHashMap<>();
            nominals(all, capacities, false);
            block.put(nominal, all.get(nominal));
        }));
    }

    @Override
    public CompletableFuture<FederatedAnswer> productionPrice(MultiSiteQuery query, boolean refresh) {
        // monthly rows whatever period says: the UI finds them by {month, year}
        return answer("/auth/costs/production-price", query, refresh, false, g -> envelope(g, Period.MONTHLY,
                (row, b, gathered) -> {
            Usd cost = b.totalCost();
            row.put("productionCostUSD", cost == null ? null : cost.per(b.revenueBtc()));
            row.put("btcPrice", b.priceUsd == null ? null : b.priceUsd.setScale(2, RoundingMode.HALF_EVEN));
            row.put("totalRevenueBTC", MultiSiteViews.btc(b.revenue));
            row.put("energyCostsUSD", MultiSiteViews.cents(b.energyCost));
            row.put("operationalCostsUSD", MultiSiteViews.cents(b.operationalCost));
        }, null));
    }

    @Override
    public CompletableFuture<FederatedAnswer> operationalEnergy(MultiSiteQuery query, boolean refresh) {
        return answer("/auth/costs/operational-energy", query, refresh, false, g -> {
            Map<String, Object> summary = new LinkedHashMap<>();
            for (Region region : g.regions()) {
                if (!region.ok()) {
                    continue;
                }
                summary.put(region.region(), costPerEnergy(g, region.ledger()));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("summary", summary);
            putErrors(out, g.failures());
            return out;
        });
    }

    /** USD per MWh consumed over the range, and the mean of the daily values ({@code avg*}). */
    private static Map<String, Object> costPerEnergy(Gathered g, SiteLedger ledger) {
        Bucket range = whole(g, List.of(ledger));
        Map<String, Object> record = new LinkedHashMap<>();
        BigDecimal mwh = range.consumptionMWh == null ? null : BigDecimal.valueOf(range.consumptionMWh);
        record.put("energyCostsUSD", MultiSiteViews.usdPer(range.energyCost, mwh));
        record.put("operationalCostsUSD", MultiSiteViews.usdPer(range.operationalCost, mwh));
        record.put("allInCostsUSD", MultiSiteViews.usdPer(range.totalCost(), mwh));
        List<BigDecimal[]> daily = new ArrayList<>();
        for (SiteDay day : ledger.days()) {
            Bucket b = Bucket.of(day.ts(), 1, List.of(List.of(day)));
            BigDecimal dayMwh = b.consumptionMWh == null ? null : BigDecimal.valueOf(b.consumptionMWh);
            daily.add(new BigDecimal[]{MultiSiteViews.usdPer(b.energyCost, dayMwh),
                MultiSiteViews.usdPer(b.operationalCost, dayMwh), MultiSiteViews.usdPer(b.totalCost(), dayMwh)});
        }
        record.put("avgEnergyCostsUSD", meanOf(daily, 0));
        record.put("avgOperationalCostsUSD", meanOf(daily, 1));
        record.put("avgAllInCostsUSD", meanOf(daily, 2));
        return record;
    }

    private static BigDecimal meanOf(List<BigDecimal[]> rows, int column) {
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (BigDecimal[] row : rows) {
            if (row[column] != null) {
                sum = sum.add(row[column]);
                n++;
            }
        }
        return n == 0 ? null : sum.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_EVEN);
    }

    @Override
    public CompletableFuture<FederatedAnswer> downtime(Downtime view, MultiSiteQuery query, boolean refresh) {
        RowWriter writer = switch (view) {
            case ALL -> (row, b, g) -> {
                row.put("curtailmentRate", Rounding.places(b.curtailmentRate(), 4));
                row.put("operationalIssues", Rounding.places(b.operationalIssuesRate(), 4));
                row.put("downtimeRate", Rounding.places(b.downtimeRate(), 4));
            };
            // these two are shown as received next to "%": percent, and the summary is the range's rate
            case CURTAILMENT -> (row, b, g) -> {
                row.put("curtailmentMWh", Rounding.places(b.curtailmentMWh, 3));
                row.put("curtailmentRate", percent(b.curtailmentRate()));
            };
            case OPERATIONAL_ISSUES -> (row, b, g) -> row.put("operationalIssues", percent(b.operationalIssuesRate()));
        };
        return answer("/auth/downtime/" + view.name().toLowerCase(java.util.Locale.ROOT), query, refresh, false, g -> {
            Map<String, Object> out = envelope(g, query.period(), writer, null);
            if (view != Downtime.ALL) {
                rangeRateAsSum(out, view == Downtime.CURTAILMENT ? "curtailmentRate" : "operationalIssues");
            }
            return out;
        });
    }

    /** {@code summary.sum.<rate>} is the range's rate (as {@code avg}), not a sum of the buckets' rates. */
    @SuppressWarnings("unchecked")
    private static void rangeRateAsSum(Map<String, Object> out, String field) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(out);
        blocks.add((Map<String, Object>) out.get("data"));
        blocks.addAll((List<Map<String, Object>>) out.get("regions"));
        for (Map<String, Object> block : blocks) {
            Map<String, Object> summary = (Map<String, Object>) block.get("summary");
            Map<String, Object> avg = (Map<String, Object>) summary.get("avg");
            ((Map<String, Object>) summary.get("sum")).put(field, avg.get(field));
        }
    }

    private static Double percent(Double fraction) {
        return fraction == null ? null : Rounding.places(fraction * 100, 2);
    }

    @Override
    public CompletableFuture<FederatedAnswer> btcData(BtcData view, MultiSiteQuery query, boolean refresh) {
        if (view == BtcData.CURRENT) {
            return current(query);
        }
        RowWriter writer = switch (view) {
            case PRICE -> (row, b, g) -> row.put("priceUSD",
                    b.priceUsd == null ? null : b.priceUsd.setScale(2, RoundingMode.HALF_EVEN));
            case HASHRATE -> (row, b, g) -> row.put("avgHashrateMHs", MultiSiteViews.whole(b.networkHashrateMhs));
            case HASHPRICE -> (row, b, g) -> hashprice(row, b);
            case CURRENT -> throw new IllegalStateException();
        };
        // network figures: the same on every site, so the first site that answered gives them
        return answer("/auth/btcData/" + view.name().toLowerCase(java.util.Locale.ROOT), query, refresh, false, g -> {
            Map<String, Object> out = new LinkedHashMap<>();
            List<SiteLedger> first = g.answered().isEmpty() ? List.of() : List.of(g.answered().getFirst());
            Map<String, Object> series = series(g, query.period(), buckets(g, query.period()), first, writer);
            out.putAll(series);
            putErrors(out, g.failures());
            return out;
        });
    }

    /** The network's hashprice in USD per PH/s·day (the labels' unit), and the day's network reward. */
    private static void hashprice(Map<String, Object> row, Bucket b) {
        row.put("hashprice", b.networkHashPriceUsd == null ? null
                : b.networkHashPriceUsd.setScale(2, RoundingMode.HALF_EVEN));
        row.put("networkHashrateTHs", b.networkHashrateMhs == null ? null : Math.round(b.networkHashrateMhs / 1e6));
        int sampled = b.networkDays.size();
        BigDecimal subsidy = b.blockSubsidy == null || sampled == 0 ? null
                : b.blockSubsidy.toBtc().divide(BigDecimal.valueOf(sampled), 8, RoundingMode.HALF_EVEN);
        BigDecimal fees = b.blockFees == null || sampled == 0 ? null
                : b.blockFees.toBtc().divide(BigDecimal.valueOf(sampled), 8, RoundingMode.HALF_EVEN);
        row.put("dailyRevenueUSD", subsidy == null || fees == null || b.priceUsd == null ? null
                : subsidy.add(fees).multiply(BigDecimal.valueOf(144)).multiply(b.priceUsd)
                .setScale(2, RoundingMode.HALF_EVEN));
        row.put("priceUSD", b.priceUsd == null ? null : b.priceUsd.setScale(2, RoundingMode.HALF_EVEN));
        row.put("feesBTC", fees);
        row.put("subsidyBTC", subsidy);
        row.put("subsidySats", subsidy == null ? null : subsidy.movePointRight(8).longValue());
    }

    /** {@code btcData/current}: the first requested site's live mempool answer, as its gateway gives it. */
    private CompletableFuture<FederatedAnswer> current(MultiSiteQuery query) {
        List<FederatedSite> asked = query.regions().stream().map(sites::get).filter(Objects::nonNull).toList();
        if (asked.isEmpty()) {
            asked = List.copyOf(sites.values());
        }
        List<FederatedSite> askedSites = asked;
        List<CompletableFuture<SiteReply>> replies = new ArrayList<>();
        for (FederatedSite site : askedSites) {
            replies.add(calls.get(site.id(), "/auth/ext-data?type=mempool"));
        }
        return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<SiteFailure> failures = new ArrayList<>();
            for (int i = 0; i < replies.size(); i++) {
                SiteReply reply = replies.get(i).join();
                if (reply.ok() && reply.answer().at(0).at(0).get("currentPrice").asDouble() != null) {
                    return new FederatedAnswer(codec.write(reply.answer().raw()), failures);
                }
                failures.add(reply.ok() ? new SiteFailure(askedSites.get(i).id(), SiteFailure.Cause.BAD_ANSWER,
                        "no [[{currentPrice}]]") : reply.failure());
            }
            throw new SitesUnavailableException(failures);
        });
    }

    @Override
    public CompletableFuture<FederatedAnswer> productionCosts(String region) {
        FederatedSite site = site(region);
        return calls.get(site.id(), "/auth/global/data?type=productionCosts").thenApply(reply -> {
            List<Map<String, Object>> months = read(site, reply, answer -> costMonths(site, answer));
            return new FederatedAnswer(codec.write(months), List.of());
        }).exceptionally(e -> {
            throw new SitesUnavailableException(List.of(failureOf(site, e)));
        });
    }

    /** The site's stored months as the Cost Input page reads them, sorted by (year, month). */
    private static List<Map<String, Object>> costMonths(FederatedSite site, JsonView answer) {
        if (!answer.isArray() || answer.items().size() > 100_000) {
            throw new IllegalArgumentException("production costs are not an array");
        }
        List<Map<String, Object>> months = new ArrayList<>();
        for (JsonView doc : answer.items()) {
            Long year = doc.get("year").asLong();
            Long month = doc.get("month").asLong();
            if (!doc.isObject() || year == null || month == null || month < 1 || month > 12) {
                throw new IllegalArgumentException("a production-cost record has no year and month");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("region", site.region());
            m.put("year", year.intValue());
            m.put("month", month.intValue());
            m.put("energyCostsUSD", cost(doc, "energyCost", "energyCostsUSD"));
            m.put("operationalCostsUSD", cost(doc, "operationalCost", "operationalCostsUSD"));
            months.add(m);
        }
        months.sort(Comparator.comparing((Map<String, Object> m) -> (Integer) m.get("year"))
                .thenComparing(m -> (Integer) m.get("month")));
        return months;
    }

    /** A stored cost: a number, or the sum of an itemised object's numbers; null when absent. */
    private static BigDecimal cost(JsonView doc, String name, String alias) {
        JsonView value = doc.has(name) ? doc.get(name) : doc.get(alias);
        if (value.isObject()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonView item : value.fields().values()) {
                BigDecimal v = item.asDecimal();
                sum = v == null ? sum : sum.add(v);
            }
            return sum;
        }
        return value.asDecimal();
    }

    @Override
    public CompletableFuture<FederatedAnswer> saveProductionCosts(CostsEntry entry) {
        FederatedSite site = site(entry.region());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("year", entry.year());
        data.put("month", entry.month());
        data.put("energyCost", entry.energyCostsUsd());
        data.put("operationalCost", entry.operationalCostsUsd());
        return calls.post(site.id(), "/auth/global/data?type=productionCosts", Map.of("data", data))
                .thenApply(reply -> {
                    if (!reply.ok()) {
                        throw new SitesUnavailableException(List.of(reply.failure()));
                    }
                    // the site's days carry its costs: ask it again next time
                    cache.invalidate(LEDGER_ROUTE + site.id());
                    routes.forEach(cache::invalidate);
                    return new FederatedAnswer(codec.write(Map.of("success", true)), List.of());
                });
    }

    private FederatedSite site(String region) {
        FederatedSite site = region == null ? null : sites.get(region.toUpperCase(java.util.Locale.ROOT));
        if (site == null) {
            throw DomainException.invalid(MultiSiteQuery.REGIONS_INVALID);
        }
        return site;
    }

    @Override
    public void close() {
        loads.shutdownNow();
        calls.close();
    }
}
