package io.miningos.gateway.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The problems found while reading a configuration folder. Gathering, the readers note every problem and go on with
 * the key's default, so one reading of a folder finds them all ({@code check-config}, and the one error that stops
 * {@code serve} lists them all); otherwise the first problem is thrown at once.
 */
final class ConfigProblems {

    private final boolean gather;
    private final List<String> found = new ArrayList<>();

    private ConfigProblems(boolean gather) {
        this.gather = gather;
    }

    static ConfigProblems gathering() {
        return new ConfigProblems(true);
    }

    static ConfigProblems stopAtFirst() {
        return new ConfigProblems(false);
    }

    /** Notes {@code problem}, or throws it when not gathering. */
    void report(ConfigException problem) {
        if (!gather) {
            throw problem;
        }
        found.add(problem.getMessage());
    }

    int count() {
        return found.size();
    }

    List<String> all() {
        return List.copyOf(found);
    }

    /**
     * Reads one section: what {@code read} gives, or {@code fallback} when it found a problem (noted; thrown when not
     * gathering), so the readings after it still run.
     */
    <T> T section(Supplier<T> read, Supplier<T> fallback) {
        int before = found.size();
        try {
            T value = read.get();
            return found.size() > before ? fallback.get() : value;
        } catch (ConfigException e) {
            report(e);
            return fallback.get();
        } catch (ConfigObject.SectionAbandoned e) {
            return fallback.get(); // its problem is noted already
        }
    }

    /** Throws one exception naming every problem noted (each on a line of its own), if there is any. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ConfigException(String.join("\n", found));
        }
    }
}
