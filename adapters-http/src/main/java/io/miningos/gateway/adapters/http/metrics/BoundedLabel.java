package io.miningos.gateway.adapters.http.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A label whose values come from outside (e.g. ORKs' error codes): the first {@code max} distinct values that look
 * like what they should are kept as they are, anything else becomes {@value #OTHER}, so one misbehaving peer can't
 * create series without end.
 */
final class BoundedLabel {

    static final String OTHER = "other";

    private final Pattern shape;
    private final int max;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    BoundedLabel(Pattern shape, int max) {
        this.shape = shape;
        this.max = max;
    }

    String of(String value) {
        if (value == null) {
            return OTHER;
        }
        if (seen.contains(value)) {
            return value;
        }
        if (seen.size() >= max || !shape.matcher(value).matches()) {
            return OTHER;
        }
        seen.add(value); // a race may add a few more than max: still bounded
        return value;
    }
}
