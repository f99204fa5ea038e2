package io.miningos.gateway.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds transport plugin jars in tests, as a third party would: compile against the SPI, jar, register. */
final class PluginJars {

    static final String SERVICES = "META-INF/services/io.miningos.gateway.adapters.ork.spi.OrkTransportProvider";

    private PluginJars() {
    }

    /**
     * Compiles {@code sources} against {@code classPath} and jars the classes with {@code services} as the
     * transport registration (null for none) into {@code jar}.
     */
    static Path build(Path jar, String classPath, String services, Path... sources) throws IOException {
        Path classes = Files.createTempDirectory(jar.getParent().getParent(), "plugin-classes-");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classPath, "-proc:none"));
        for (Path source : sources) {
            args.add(source.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        if (javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the plugin does not compile: " + diagnostics);
        }
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path each : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(each).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(each));
                out.closeEntry();
            }
            if (services != null) {
                out.putNextEntry(new JarEntry(SERVICES));
                out.write((services + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Writes a one-class provider named {@code name} in package {@code pkg} and returns its source file. */
    static Path providerSource(Path dir, String pkg, String className, String name) throws IOException {
        Path source = dir.resolve(pkg.replace('.', '/')).resolve(className + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package %s;

                import io.miningos.gateway.adapters.ork.spi.OrkTransport;
                import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;
                import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;

                public final class %s implements OrkTransportProvider {
                    @Override
                    public String name() {
                        return "%s";
                    }

                    @Override
                    public OrkTransport open(OrkTransportContext context) {
                        throw new UnsupportedOperationException("never opened in this test");
                    }
                }
                """.formatted(pkg, className, name));
        return source;
    }
}
