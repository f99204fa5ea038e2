package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.http.StaticUi;
import io.miningos.gateway.adapters.ork.cluster.OrkTransportRegistry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;

/**
 * {@code check-config}: every problem of a site's configuration folder, each naming its file and key, without
 * starting anything (no database, no port, no ORK, no process). Beyond what {@code serve} reads from the files, it
 * asks each ORK entry's transport whether it takes the entry's options ({@code validate}, which opens nothing),
 * loads the plugins folder, and looks for the hosted UI's {@code index.html}.
 */
final class ConfigCheck {

    private ConfigCheck() {
    }

    /** The problems of {@code dir}, in the order found; empty when there is none. */
    static List<String> problems(Path dir) {
        ConfigProblems problems = ConfigProblems.gathering();
        GatewayConfig config;
        try {
            config = ConfigLoader.read(dir, problems);
        } catch (ConfigException e) { // no folder, or no common.json: nothing else to read
            return List.of(e.getMessage());
        }
        transports(config, problems).ifPresent(registry -> {
            for (Map.Entry<String, Map<String, Object>> ork : config.orks().entrySet()) {
                try {
                    registry.validate(ork.getKey(), ork.getValue());
                } catch (IllegalArgumentException e) {
                    problems.report(new ConfigException(ConfigLoader.COMMON + ": orks." + ork.getKey() + "."
                            + e.getMessage()));
                } catch (RuntimeException e) { // a plugin that breaks its contract: still the entry's problem
                    problems.report(new ConfigException(ConfigLoader.COMMON + ": orks." + ork.getKey()
                            + ": its transport could not check it: " + e));
                }
            }
        });
        config.staticRootPath().ifPresent(folder -> {
            try {
                new StaticUi(Path.of(folder));
            } catch (RuntimeException e) {
                problems.report(new ConfigException(ConfigLoader.COMMON + ": staticRootPath: " + e.getMessage()));
            }
        });
        config.multiSite().ifPresent(multiSite -> multiSite.sites().forEach(site -> {
            try {
                ServiceTokenFile.read(site.tokenFile());
            } catch (IllegalArgumentException e) {
                problems.report(new ConfigException(ConfigLoader.COMMON + ": multiSite: site " + site.id() + ": "
                        + e.getMessage()));
            }
            site.tls().trustStore().filter(store -> !java.nio.file.Files.isReadable(store)).ifPresent(store ->
                    problems.report(new ConfigException(ConfigLoader.COMMON + ": multiSite: site " + site.id()
                            + ": tls.trustStore: cannot read " + store)));
        }));
        return problems.all();
    }

    private static Optional<OrkTransportRegistry> transports(GatewayConfig config, ConfigProblems problems) {
        try {
            return Optional.of(TransportPlugins.installed(config.pluginsDir()));
        } catch (ConfigException e) {
            problems.report(e);
        } catch (IllegalStateException | ServiceConfigurationError e) {
            problems.report(new ConfigException(ConfigLoader.COMMON + ": gateway.pluginsDir: " + e.getMessage()));
        }
        return Optional.empty();
    }
}
