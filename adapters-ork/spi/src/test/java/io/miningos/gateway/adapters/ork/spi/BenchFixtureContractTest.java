package io.miningos.gateway.adapters.ork.spi;

import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The transport contract on the benchmark's third-party transport ({@code bench/fixture}), compiled here from its
 * one source file against this SPI alone, as its author would, and loaded in a class loader of its own.
 */
class BenchFixtureContractTest extends OrkTransportContract {

    private static final Path SOURCE = Path.of(System.getProperty("bench.fixture.dir", "../../bench/fixture"))
            .resolve("FixedSiteTransportProvider.java");

    @TempDir
    static Path classes;
    private static OrkTransportProvider provider;

    @Override
    protected synchronized OrkTransportProvider provider() {
        if (provider == null) {
            provider = compileAndLoad();
        }
        return provider;
    }

    @Override
    protected Target echo() {
        return new Target(Map.of("things", 3), "echo");
    }

    @Override
    protected Target silent() {
        return new Target(Map.of("things", 3, "latencyMs", 120_000), "listThings");
    }

    @Override
    protected List<BadOption> badOptions() {
        return List.of(new BadOption(Map.of("things", -1), "things"),
                new BadOption(Map.of("latencyMs", "slow"), "latencyMs"));
    }

    private static OrkTransportProvider compileAndLoad() {
        String spi = OrkTransportProvider.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, "-d", classes.toString(), "-cp", spi, "-proc:none",
                "-Xlint:all", "-Werror", SOURCE.toString());
        if (status != 0) {
            throw new IllegalStateException("bench/fixture does not compile against the SPI alone: " + diagnostics);
        }
        try {
            if (!Files.isRegularFile(classes.resolve("io/miningos/bench/FixedSiteTransportProvider.class"))) {
                throw new IllegalStateException("no provider class in " + classes);
            }
            URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    BenchFixtureContractTest.class.getClassLoader());
            return (OrkTransportProvider) loader.loadClass("io.miningos.bench.FixedSiteTransportProvider")
                    .getConstructor().newInstance();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the bench fixture's provider", e);
        }
    }
}
