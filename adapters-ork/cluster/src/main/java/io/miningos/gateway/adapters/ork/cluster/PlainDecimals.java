package io.miningos.gateway.adapters.ork.cluster;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Writes decimals in plain notation, as people read amounts: {@code 0.00000000} BTC, not {@code 0E-8}, and
 * {@code 1000}, not {@code 1E+3} (BigDecimal's own text switches to an exponent for such values). Only a decimal
 * whose plain text would be long ({@code 1E+400}, which no amount is) keeps its exponent, so no value can make the
 * writer print thousands of zeros.
 */
final class PlainDecimals extends StdSerializer<BigDecimal> {

    /** Decimals with at most this many digits after (or zeros before) the point are written plainly. */
    static final int MAX_PLAIN_SCALE = 100;

    private PlainDecimals() {
        super(BigDecimal.class);
    }

    static SimpleModule module() {
        return new SimpleModule("plain-decimals").addSerializer(BigDecimal.class, new PlainDecimals());
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (Math.abs(value.scale()) <= MAX_PLAIN_SCALE) {
            gen.writeNumber(value.toPlainString());
        } else {
            gen.writeNumber(value);
        }
    }
}
