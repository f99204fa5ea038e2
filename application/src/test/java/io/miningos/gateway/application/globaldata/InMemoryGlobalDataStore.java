package io.miningos.gateway.application.globaldata;

import io.miningos.gateway.application.globaldata.port.out.GlobalDataStore;
import io.miningos.gateway.application.globaldata.port.out.RecordScan;
import io.miningos.gateway.domain.globaldata.GlobalDataType;
import io.miningos.gateway.domain.globaldata.GlobalRecord;
import io.miningos.gateway.domain.globaldata.RecordKey;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/** The store as a sorted map, for service tests; held to the same contract as the SQLite store. */
public final class InMemoryGlobalDataStore implements GlobalDataStore {

    private record Slot(GlobalDataType type, String site, long number, String name) {
    }

    private static final Comparator<Slot> ORDER = Comparator.comparing(Slot::type)
            .thenComparing(Slot::site)
            .thenComparingLong(Slot::number)
            .thenComparing(Slot::name);

    private final ConcurrentSkipListMap<Slot, Map<String, Object>> records = new ConcurrentSkipListMap<>(ORDER);

    @Override
    public void put(GlobalRecord record, Instant now) {
        records.put(new Slot(record.type(), record.site(), record.key().number(), record.key().name()),
                record.document());
    }

    @Override
    public Optional<Map<String, Object>> find(GlobalDataType type, String site, RecordKey key) {
        return Optional.ofNullable(records.get(new Slot(type, site, key.number(), key.name())));
    }

    @Override
    public <T> T scan(RecordScan scan, Function<Iterable<Map<String, Object>>, T> reader) {
        List<Map<String, Object>> selected = records.entrySet().stream()
                .filter(e -> e.getKey().type() == scan.type() && e.getKey().site().equals(scan.site()))
                .filter(e -> scan.range().contains(e.getKey().number()))
                .filter(e -> scan.name().map(e.getKey().name()::equals).orElse(true))
                .skip(scan.skip())
                .limit(scan.limit())
                .map(Map.Entry::getValue)
                .toList();
        return reader.apply(selected);
    }
}
