package io.miningos.gateway.domain.analytics.finance;

import io.miningos.gateway.domain.analytics.Hashrate;
import io.miningos.gateway.domain.analytics.UtcCalendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The finance routes' inputs over a range, each source by UTC day start (a route fills only the sources it
 * reads; the others stay empty).
 */
public record FinanceInputs(Map<Long, DailyStat> sitePower, Map<Long, DailyStat> hashrate, Map<Long, PoolDay> pool,
                            PriceBook prices, CostBook costs, Map<Long, ElectricityDay> electricity,
                            Double nominalPowerMW, Map<Long, Hashrate> networkHashrate,
                            Map<Long, BlockSample> blocks) {

    public FinanceInputs {
        sitePower = Map.copyOf(sitePower);
        hashrate = Map.copyOf(hashrate);
        pool = Map.copyOf(pool);
        prices = prices == null ? PriceBook.none() : prices;
        costs = costs == null ? CostBook.empty() : costs;
        electricity = Map.copyOf(electricity);
        networkHashrate = Map.copyOf(networkHashrate);
        blocks = Map.copyOf(blocks);
    }

    public static FinanceInputs none() {
        return new FinanceInputs(Map.of(), Map.of(), Map.of(), null, null, Map.of(), null, Map.of(), Map.of());
    }

    public FinanceInputs withSitePower(Map<Long, DailyStat> v) {
        return new FinanceInputs(v, hashrate, pool, prices, costs, electricity, nominalPowerMW, networkHashrate,
                blocks);
    }

    public FinanceInputs withHashrate(Map<Long, DailyStat> v) {
        return new FinanceInputs(sitePower, v, pool, prices, costs, electricity, nominalPowerMW, networkHashrate,
                blocks);
    }

    public FinanceInputs withPool(Map<Long, PoolDay> v) {
        return new FinanceInputs(sitePower, hashrate, v, prices, costs, electricity, nominalPowerMW, networkHashrate,
                blocks);
    }

    public FinanceInputs withPrices(PriceBook v) {
        return new FinanceInputs(sitePower, hashrate, pool, v, costs, electricity, nominalPowerMW, networkHashrate,
                blocks);
    }

    public FinanceInputs withCosts(CostBook v) {
        return new FinanceInputs(sitePower, hashrate, pool, prices, v, electricity, nominalPowerMW, networkHashrate,
                blocks);
    }

    public FinanceInputs withElectricity(Map<Long, ElectricityDay> v, Double nominalMW) {
        return new FinanceInputs(sitePower, hashrate, pool, prices, costs, v, nominalMW, networkHashrate, blocks);
    }

    public FinanceInputs withNetwork(Map<Long, Hashrate> network, Map<Long, BlockSample> blockSamples) {
        return new FinanceInputs(sitePower, hashrate, pool, prices, costs, electricity, nominalPowerMW, network,
                blockSamples);
    }

    /** The inputs of each of {@code days} (UTC day starts), in that order. */
    public List<DayInputs> days(List<Long> days) {
        List<DayInputs> out = new ArrayList<>(days.size());
        for (long d : days) {
            long day = UtcCalendar.dayStart(d);
            out.add(new DayInputs(day, sitePower.get(day), hashrate.get(day), pool.get(day), prices.quoteOn(day),
                    prices.current(), costs.costOn(day), electricity.get(day), nominalPowerMW,
                    networkHashrate.get(day), blocks.get(day)));
        }
        return out;
    }
}
