package io.miningos.gateway.domain.globaldata;

import java.util.Objects;

/**
 * Where a record sits among the records of its type and site: a number (production costs: {@code year * 100 +
 * month}, the key range queries select on) and a name (container settings: the model). Kinds stored as one
 * document per site use {@link #SINGLE}.
 */
public record RecordKey(long number, String name) {

    public static final RecordKey SINGLE = new RecordKey(0, "");

    public RecordKey {
        Objects.requireNonNull(name, "name");
    }

    public static RecordKey ofNumber(long number) {
        return new RecordKey(number, "");
    }

    public static RecordKey ofName(String name) {
        return new RecordKey(0, name);
    }

    @Override
    public String toString() {
        return name.isEmpty() ? Long.toString(number) : name;
    }
}
