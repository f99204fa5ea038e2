package io.miningos.gateway.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The built jar run as a separate process, as an operator runs it. */
final class GatewayProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");

    final Process process;
    final int port;
    private final List<String> output = new ArrayList<>();

    private GatewayProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("gateway.jar", "target/miningos-gateway.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first (mvn package): " + jar.toAbsolutePath());
        }
        return jar;
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static List<String> command(String... args) {
        return command(jar(), args);
    }

    static List<String> command(Path jar, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts {@code serve} on a free port and waits until it listens. */
    static GatewayProcess serve(String... args) throws IOException, InterruptedException {
        return serve(jar(), args);
    }

    /** As {@link #serve(String...)}, running {@code jar} (e.g. a copy of the built jar elsewhere). */
    static GatewayProcess serve(Path jar, String... args) throws IOException, InterruptedException {
        return serve(jar, Map.of(), args);
    }

    /** As {@link #serve(String...)} with these environment variables set (or replaced). */
    static GatewayProcess serve(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return serve(jar(), environment, args);
    }

    private static GatewayProcess serve(Path jar, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = command(jar, "serve", "--port", "0");
        command.addAll(List.of(args));
        return start(command, environment, LISTENING);
    }

    /**
     * Starts another long-running command (e.g. {@code multi-site-demo}) and waits until a line of its output
     * matches {@code listening}, whose group 1 is the port.
     */
    static GatewayProcess start(Pattern listening, String... args) throws IOException, InterruptedException {
        return start(command(jar(), args), Map.of(), listening);
    }

    private static GatewayProcess start(List<String> command, Map<String, String> environment, Pattern listening)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("gateway exited " + process.exitValue() + ": " + seen);
                }
                continue;
            }
            seen.add(line);
            Matcher m = listening.matcher(line);
            if (m.find()) {
                GatewayProcess started = new GatewayProcess(process, Integer.parseInt(m.group(1)));
                started.output.addAll(seen);
                Thread.ofVirtual().start(() -> {
                    try {
                        while (process.isAlive() || !lines.isEmpty()) {
                            String more = lines.poll(200, TimeUnit.MILLISECONDS);
                            if (more != null) {
                                synchronized (started.output) {
                                    started.output.add(more);
                                }
                            }
                        }
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                });
                return started;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("gateway did not start listening in time: " + seen);
    }

    /** Waits (up to 10 s) until some output line satisfies {@code test}. */
    boolean awaitLine(java.util.function.Predicate<String> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (output().stream().anyMatch(test)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** Runs a CLI command to completion: exit code, stdout, stderr. */
    record Run(int exit, String stdout, String stderr) {
        String lastLine() {
            List<String> lines = stdout.lines().toList();
            return lines.isEmpty() ? "" : lines.getLast();
        }
    }

    static Run run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    /** As {@link #run(String...)} with these environment variables set (or replaced) for the command. */
    static Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(args));
        builder.environment().putAll(environment);
        Process p = builder.start();
        byte[][] stderr = new byte[1][];
        Thread errors = Thread.ofVirtual().start(() -> {
            try {
                stderr[0] = p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                stderr[0] = new byte[0];
            }
        });
        byte[] stdout = p.getInputStream().readAllBytes();
        errors.join();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("command did not finish: " + List.of(args));
        }
        return new Run(p.exitValue(), new String(stdout, StandardCharsets.UTF_8),
                new String(stderr[0], StandardCharsets.UTF_8));
    }

    /** SIGTERM, then wait for a graceful exit. Returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("gateway did not stop on SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
