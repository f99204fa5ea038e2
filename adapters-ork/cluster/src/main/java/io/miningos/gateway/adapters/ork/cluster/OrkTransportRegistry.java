package io.miningos.gateway.adapters.ork.cluster;

import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;
import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The installed ORK transports by name. Each configured ORK names its transport ({@code "transport": "sim"}) next
 * to that transport's own options; an entry from a Node gateway config, which only has {@code rpcPublicKey}, means
 * {@code hrpc}. Problems are reported as IllegalArgumentException whose message starts with the offending key
 * (e.g. {@code "transport: unknown transport 'x' (installed: hrpc, sim)"}), for the caller to prefix with the file
 * and the ORK id.
 */
public final class OrkTransportRegistry {

    public static final String TRANSPORT_KEY = "transport";
    /** What a Node gateway's ORK entry ({@code {"rpcPublicKey": "..."}}) is reached with. */
    public static final String NODE_DEFAULT_TRANSPORT = "hrpc";
    private static final String NODE_KEY_OPTION = "rpcPublicKey";

    private final Map<String, OrkTransportProvider> providers;

    public OrkTransportRegistry(Collection<? extends OrkTransportProvider> providers) {
        Map<String, OrkTransportProvider> byName = new TreeMap<>();
        for (OrkTransportProvider provider : providers) {
            OrkTransportProvider clash = byName.putIfAbsent(provider.name(), provider);
            if (clash != null) {
                throw new IllegalStateException("two ORK transports are named '" + provider.name() + "': "
                        + clash.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        this.providers = byName;
    }

    /** The transports registered in {@code META-INF/services} on the class path. */
    public static OrkTransportRegistry installed() {
        return new OrkTransportRegistry(ServiceLoader.load(OrkTransportProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    /** Installed transport names, sorted. */
    public List<String> names() {
        return List.copyOf(providers.keySet());
    }

    /** The installed providers, sorted by name. */
    public List<OrkTransportProvider> providers() {
        return List.copyOf(providers.values());
    }

    /**
     * The installed providers that some of {@code orkConfigs} use, in the order of their first use; entries naming
     * no installed transport are skipped (opening them reports that).
     */
    public List<OrkTransportProvider> usedBy(Collection<Map<String, Object>> orkConfigs) {
        Set<OrkTransportProvider> used = new LinkedHashSet<>();
        for (Map<String, Object> orkConfig : orkConfigs) {
            OrkTransportProvider provider = providers.get(transportOf(orkConfig));
            if (provider != null) {
                used.add(provider);
            }
        }
        return List.copyOf(used);
    }

    /** The transport an ORK entry asks for. */
    public String transportOf(Map<String, Object> orkConfig) {
        Object name = orkConfig.get(TRANSPORT_KEY);
        if (name == null) {
            if (orkConfig.containsKey(NODE_KEY_OPTION)) {
                return NODE_DEFAULT_TRANSPORT;
            }
            throw new IllegalArgumentException(TRANSPORT_KEY + ": missing (name one of the installed transports: "
                    + installedList() + ")");
        }
        if (!(name instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException(TRANSPORT_KEY + ": must be a transport name such as "
                    + NODE_DEFAULT_TRANSPORT);
        }
        return text;
    }

    /**
     * Checks an ORK entry as {@link #open} would, without opening anything: its transport is installed and that
     * transport finds its options fine ({@link OrkTransportProvider#validate}).
     *
     * @throws IllegalArgumentException whose message starts with the offending key
     */
    public void validate(String orkId, Map<String, Object> orkConfig) {
        OrkTransportProvider provider = providerOf(orkConfig);
        Map<String, Object> options = new LinkedHashMap<>(orkConfig);
        options.remove(TRANSPORT_KEY);
        provider.validate(orkId, options);
    }

    private OrkTransportProvider providerOf(Map<String, Object> orkConfig) {
        String name = transportOf(orkConfig);
        OrkTransportProvider provider = providers.get(name);
        if (provider == null) {
            throw new IllegalArgumentException(TRANSPORT_KEY + ": unknown transport '" + name + "' (installed: "
                    + installedList() + ")");
        }
        return provider;
    }

    /** Checks an ORK entry's options and opens its transport; the options exclude {@code transport}. */
    public OrkTransport open(String orkId, Map<String, Object> orkConfig, Path dataDir, Clock clock) {
        OrkTransportProvider provider = providerOf(orkConfig);
        Map<String, Object> options = new LinkedHashMap<>(orkConfig);
        options.remove(TRANSPORT_KEY);
        return provider.open(new OrkTransportContext(orkId, options, dataDir, clock));
    }

    private String installedList() {
        return providers.isEmpty() ? "none" : String.join(", ", providers.keySet());
    }
}
