package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.ork.cluster.OrkTransportRegistry;
import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;
import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transport plugins dropped into the plugins folder: loaded each with a class loader of its own, or refused. */
class TransportPluginsTest {

    private static final String CLASS_PATH = System.getProperty("java.class.path");

    @TempDir
    Path dir;

    private Path plugins() throws IOException {
        return Files.createDirectories(dir.resolve("plugins"));
    }

    private Path pluginJar(String jarName, String className, String transportName) throws IOException {
        Path source = PluginJars.providerSource(dir.resolve("src-" + jarName), "com.example." + className.toLowerCase(),
                className, transportName);
        return PluginJars.build(plugins().resolve(jarName), CLASS_PATH,
                "com.example." + className.toLowerCase() + "." + className, source);
    }

    private static OrkTransportProvider builtIn(String name) {
        return new OrkTransportProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public OrkTransport open(OrkTransportContext context) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void eachPluginJarAddsItsTransportsBesideTheBuiltInOnes() throws IOException {
        pluginJar("pigeon.jar", "PigeonProvider", "pigeon");
        pluginJar("carrier.jar", "CarrierProvider", "carrier");

        OrkTransportRegistry registry = TransportPlugins.load(List.of(builtIn("sim")), Optional.of(plugins()));

        assertEquals(List.of("carrier", "pigeon", "sim"), registry.names());
        ClassLoader pigeon = registry.providers().get(1).getClass().getClassLoader();
        ClassLoader carrier = registry.providers().get(0).getClass().getClassLoader();
        assertTrue(pigeon != carrier && pigeon.getParent() == TransportPlugins.class.getClassLoader(),
                "one class loader per plugin jar, under the gateway's");
    }

    @Test
    void aPluginNamingAnInstalledTransportStopsTheStartNamingBoth() throws IOException {
        Path jar = pluginJar("fake-sim.jar", "FakeSimProvider", "sim");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TransportPlugins.load(List.of(builtIn("sim")), Optional.of(plugins())));

        assertTrue(e.getMessage().startsWith("plugin jar " + jar + ": transport 'sim' is already installed by the"
                + " class path ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("; remove one of them"), e.getMessage());

        pluginJar("second.jar", "SecondProvider", "pigeon");
        pluginJar("first.jar", "FirstProvider", "pigeon");
        Files.delete(jar);
        assertEquals("plugin jar " + plugins().resolve("second.jar") + ": transport 'pigeon' is already installed by"
                + " plugin jar first.jar; remove one of them", assertThrows(IllegalStateException.class,
                () -> TransportPlugins.load(List.of(), Optional.of(plugins()))).getMessage());
    }

    @Test
    void aJarThatCannotBeLoadedStopsTheStartNamingIt() throws IOException {
        Path notAJar = Files.writeString(plugins().resolve("notes.jar"), "not a zip file");
        IllegalStateException garbage = assertThrows(IllegalStateException.class,
                () -> TransportPlugins.load(List.of(), Optional.of(plugins())));
        assertTrue(garbage.getMessage().startsWith("plugin jar " + notAJar + " cannot be loaded: not a readable jar"),
                garbage.getMessage());
        Files.delete(notAJar);

        Path source = PluginJars.providerSource(dir.resolve("src"), "com.example.typo", "TypoProvider", "typo");
        Path typo = PluginJars.build(plugins().resolve("typo.jar"), CLASS_PATH, "com.example.typo.TypoProvder",
                source);
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> TransportPlugins.load(List.of(), Optional.of(plugins())));
        assertTrue(missing.getMessage().startsWith("plugin jar " + typo + " cannot be loaded: "),
                missing.getMessage());
        assertTrue(missing.getMessage().contains("com.example.typo.TypoProvder"), missing.getMessage());
        assertEquals(1, missing.getMessage().lines().count(), "one line");
    }

    @Test
    void aJarWithoutARegistrationAddsNothingAndOtherFilesAreIgnored() throws IOException {
        Path source = PluginJars.providerSource(dir.resolve("src"), "com.example.quiet", "QuietProvider", "quiet");
        PluginJars.build(plugins().resolve("quiet.jar"), CLASS_PATH, null, source);
        Files.writeString(plugins().resolve("README.txt"), "drop plugin jars here");

        assertEquals(List.of("sim"), TransportPlugins.load(List.of(builtIn("sim")), Optional.of(plugins())).names());
        assertEquals(List.of("sim"), TransportPlugins.load(List.of(builtIn("sim")), Optional.empty()).names());
    }

    @Test
    void aConfiguredFolderMustExistWhileTheDefaultOneMayBeMissing() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TransportPlugins.installed(Optional.of(dir.resolve("nowhere"))));
        assertEquals("common.json: gateway.pluginsDir: not a folder: " + dir.resolve("nowhere"), e.getMessage());

        assertEquals(Optional.empty(), TransportPlugins.defaultFolder(), "tests run from class folders, not a jar");
        assertTrue(TransportPlugins.installed(Optional.empty()).names().contains("sim"), "the class path's");
    }
}
