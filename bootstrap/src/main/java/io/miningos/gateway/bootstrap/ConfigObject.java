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
 * the file and the dotted key path.
 */
final class ConfigObject {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String file;
    private final String path;
    private final ObjectNode node;
    private final Set<String> known = new LinkedHashSet<>();

    ConfigObject(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        if (!(node instanceof ObjectNode object)) {
            throw error(path.isEmpty() ? "the file must hold a JSON object" : "must be a JSON object");
        }
        this.node = object;
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
            throw error(key, "must be a non-empty string");
        }
        return Optional.of(value.asText());
    }

    Optional<Long> integer(String key, long min, long max) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw error(key, "must be an integer between " + min + " and " + max);
        }
        return Optional.of(value.asLong());
    }

    Optional<Double> number(String key, double min, double max) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            throw error(key, "must be a number between " + min + " and " + max);
        }
        return Optional.of(value.asDouble());
    }

    Optional<Boolean> bool(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw error(key, "must be true or false");
        }
        return Optional.of(value.asBoolean());
    }

    Optional<List<String>> strings(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw error(key, "must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw error(key, "must be an array of strings");
            }
            out.add(item.asText());
        }
        return Optional.of(out);
    }

    Optional<ConfigObject> object(String key) {
        JsonNode value = value(key);
        return value == null ? Optional.empty() : Optional.of(new ConfigObject(file, child(key), value));
    }

    /** An array of objects, each read like this one; errors name the element, e.g. {@code h0.users[2].email}. */
    Optional<List<ConfigObject>> objects(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw error(key, "must be an array of objects");
        }
        List<ConfigObject> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            out.add(new ConfigObject(file, child(key) + "[" + i + "]", value.get(i)));
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

    void finish() {
        for (String key : keys()) {
            if (!known.contains(key)) {
                throw error(key, "unknown key");
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
