package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.ork.cluster.OrkTransportRegistry;
import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The installed ORK transports: those on the class path (the jar's own, {@code sim} and {@code hrpc}) and those in
 * the plugins folder, where a site drops a third-party transport's jar. Each {@code *.jar} there is one plugin with
 * a class loader of its own (so plugins can't clash with each other's classes) whose parent is the gateway's, so
 * it sees the SPI and the gateway's libraries; a plugin needing other libraries bundles them. A jar that can't be
 * loaded, or that registers a transport name already installed, stops the start with one line naming it.
 */
final class TransportPlugins {

    static final String DEFAULT_FOLDER = "plugins";
    private static final Logger LOG = LoggerFactory.getLogger(TransportPlugins.class);

    private TransportPlugins() {
    }

    /**
     * The class path's transports plus the plugins folder's: {@code configured} ({@code gateway.pluginsDir}), which
     * must exist, or else {@value #DEFAULT_FOLDER} next to the running jar, if there is one.
     *
     * @throws ConfigException       if the configured folder is not a folder
     * @throws IllegalStateException if a plugin jar can't be loaded or clashes with an installed transport
     */
    static OrkTransportRegistry installed(Optional<Path> configured) {
        Optional<Path> folder = configured;
        if (configured.isPresent() && !Files.isDirectory(configured.get())) {
            throw new ConfigException(ConfigLoader.COMMON + ": gateway.pluginsDir: not a folder: "
                    + configured.get().toAbsolutePath());
        }
        if (folder.isEmpty()) {
            folder = defaultFolder().filter(Files::isDirectory);
        }
        return load(classPathProviders(), folder);
    }

    /** {@value #DEFAULT_FOLDER} next to the jar the gateway runs from; empty when it runs from class folders. */
    static Optional<Path> defaultFolder() {
        try {
            Path code = Path.of(TransportPlugins.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(code) && code.getFileName().toString().endsWith(".jar")
                    ? Optional.of(code.toAbsolutePath().getParent().resolve(DEFAULT_FOLDER)) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<OrkTransportProvider> classPathProviders() {
        try {
            return ServiceLoader.load(OrkTransportProvider.class, TransportPlugins.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get).toList();
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("cannot load the ORK transports on the class path: " + e.getMessage(), e);
        }
    }

    /** {@code builtIn} plus every plugin jar of {@code folder}, in file-name order. */
    static OrkTransportRegistry load(List<OrkTransportProvider> builtIn, Optional<Path> folder) {
        Map<String, String> installedBy = new LinkedHashMap<>();
        List<OrkTransportProvider> providers = new ArrayList<>();
        for (OrkTransportProvider provider : builtIn) {
            installedBy.putIfAbsent(provider.name(), "the class path (" + provider.getClass().getName() + ")");
            providers.add(provider);
        }
        if (folder.isPresent()) {
            for (Path jar : jars(folder.get())) {
                List<OrkTransportProvider> added = plugin(jar);
                for (OrkTransportProvider provider : added) {
                    String clash = installedBy.putIfAbsent(provider.name(), "plugin jar " + jar.getFileName());
                    if (clash != null) {
                        throw new IllegalStateException("plugin jar " + jar + ": transport '" + provider.name()
                                + "' is already installed by " + clash + "; remove one of them");
                    }
                }
                providers.addAll(added);
                if (added.isEmpty()) {
                    LOG.warn("plugin jar {} adds no ORK transport (it has no META-INF/services/{} entry)", jar,
                            OrkTransportProvider.class.getName());
                } else {
                    LOG.info("plugin jar {} adds ORK transport(s): {}", jar,
                            String.join(", ", added.stream().map(OrkTransportProvider::name).toList()));
                }
            }
        }
        return new OrkTransportRegistry(providers);
    }

    private static List<Path> jars(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar") && Files.isRegularFile(file))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugins folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The transports one plugin jar registers, each made once (the SPI's one instance per process). */
    private static List<OrkTransportProvider> plugin(Path jar) {
        try (JarFile ignored = new JarFile(jar.toFile())) {
            // opened only to refuse a file that is not a jar with a clear message
        } catch (IOException e) {
            throw new IllegalStateException("plugin jar " + jar + " cannot be loaded: not a readable jar ("
                    + e.getMessage() + ")", e);
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin " + jar.getFileName(), new URL[]{jar.toUri().toURL()},
                    TransportPlugins.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException("plugin jar " + jar + " cannot be loaded: " + e.getMessage(), e);
        }
        try {
            // The loader also sees the class path's registrations through its parent: keep this jar's own.
            return ServiceLoader.load(OrkTransportProvider.class, loader).stream()
                    .filter(provider -> provider.type().getClassLoader() == loader)
                    .map(ServiceLoader.Provider::get).toList();
        } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
            throw new IllegalStateException("plugin jar " + jar + " cannot be loaded: " + e.getMessage(), e);
        }
    }
}
