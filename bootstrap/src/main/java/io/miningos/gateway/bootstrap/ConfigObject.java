package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object of a configuration file, read key by key. Every read marks the key as known; {@link #finish()}
 * then rejects whatever was not read, so a typo stops the start instead of being silently ignored. Errors name
 * the file and the dotted key path. Reading with {@link ConfigProblems#gathering()}, a bad value is noted and read
 * as absent (its default applies) and every unknown key is noted, so one reading finds every problem.
 */
final class ConfigObject {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String file;
    private final String path;
    private final ObjectNode node;
    private final ConfigProblems problems;
    private final Set<String> known = new LinkedHashSet<>();

    /** Reads stopping at the first problem. */
    ConfigObject(String file, String path, JsonNode node) {
        this(file, path, node, ConfigProblems.stopAtFirst());
    }

    /** @throws ConfigException if {@code node} is not an object, gathering or not (there is nothing to read) */
    ConfigObject(String file, String path, JsonNode node, ConfigProblems problems) {
        this.file = file;
        this.path = path;
        this.problems = problems;
        if (!(node instanceof ObjectNode object)) {
            throw error(path.isEmpty() ? "the file must hold a JSON object" : "must be a JSON object");
        }
        this.node = object;
    }

    ConfigProblems problems() {
        return problems;
    }

    /** Notes a problem with {@code key} (thrown when not gathering) and reads the key as absent. */
    private <T> Optional<T> invalid(String key, String problem) {
        problems.report(error(key, problem));
        return Optional.empty();
    }

    /**
     * A key that must be there: its value, else null with the problem noted ({@code problem} when the key is absent;
     * a present but bad value was noted by the getter). Not gathering, the problem is thrown instead.
     */
    <T> T need(String key, Optional<T> value, String problem) {
        if (value.isPresent()) {
            return value.get();
        }
        if (!node.hasNonNull(key)) {
            problems.report(error(key, problem));
        }
        return null;
    }

    /** Leaves a section whose problems are noted; {@link ConfigProblems#section} catches it. */
    static SectionAbandoned abandon() {
        return new SectionAbandoned();
    }

    static final class SectionAbandoned extends RuntimeException {
        private SectionAbandoned() {
            super("a section with problems", null, false, false);
        }
    }

    String file() {
        return file;
    }

    /** Marks keys that the Node gateway uses and this gateway deliberately does not. */
    void ignore(String... keys) {
        known.addAll(List.of(keys));
    }

    boolean has(String key) {
        known.add(key);
        return node.hasNonNull(key);
    }

    Optional<String> string(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            return invalid(key, "must be a non-empty string");
        }
        return Optional.of(value.asText());
    }

    Optional<Long> integer(String key, long min, long max) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            return invalid(key, "must be an integer between " + min + " and " + max);
        }
        return Optional.of(value.asLong());
    }

    Optional<Double> number(String key, double min, double max) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            return invalid(key, "must be a number between " + min + " and " + max);
        }
        return Optional.of(value.asDouble());
    }

    Optional<Boolean> bool(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            return invalid(key, "must be true or false");
        }
        return Optional.of(value.asBoolean());
    }

    Optional<List<String>> strings(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            return invalid(key, "must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                return invalid(key, "must be an array of strings");
            }
            out.add(item.asText());
        }
        return Optional.of(out);
    }

    Optional<ConfigObject> object(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            return invalid(key, "must be a JSON object");
        }
        return Optional.of(new ConfigObject(file, child(key), value, problems));
    }

    /** An array of objects, each read like this one; errors name the element, e.g. {@code h0.users[2].email}. */
    Optional<List<ConfigObject>> objects(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            return invalid(key, "must be an array of objects");
        }
        List<ConfigObject> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isObject()) {
                out.add(new ConfigObject(file, child(key) + "[" + i + "]", value.get(i), problems));
            } else {
                problems.report(new ConfigException(file + ": " + child(key) + "[" + i + "]: must be a JSON object"));
            }
        }
        return Optional.of(out);
    }

    /** The keys of this object in file order (for maps such as {@code orks} or {@code roles}). */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** A free-form value as plain Java (Map/List/String/Number/Boolean), for sections owned elsewhere. */
    Optional<Object> plain(String key) {
        JsonNode value = value(key);
        return value == null ? Optional.empty() : Optional.of(MAPPER.convertValue(value, Object.class));
    }

    /** This whole object as a plain Java map, marking every key known. */
    Map<String, Object> asPlainMap() {
        known.addAll(keys());
        return MAPPER.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    /** Notes every key nobody read (thrown, the first, when not gathering). */
    void finish() {
        for (String key : keys()) {
            if (!known.contains(key)) {
                problems.report(error(key, "unknown key"));
            }
        }
    }

    ConfigException error(String key, String problem) {
        return new ConfigException(file + ": " + child(key) + ": " + problem);
    }

    ConfigException error(String problem) {
        return new ConfigException(file + (path.isEmpty() ? "" : ": " + path) + ": " + problem);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private JsonNode value(String key) {
        known.add(key);
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }
}
