package io.miningos.gateway.adapters.ork.hrpc;

import io.miningos.gateway.adapters.ork.spi.OrkTransportException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Node.js runtime the bridge runs on: the command that starts it and the version it reported.
 *
 * @param command how to start it, a name looked up on the PATH or a path
 * @param version what {@code node --version} printed, e.g. {@code v20.20.2}
 */
record NodeRuntime(String command, String version) {

    static final int MIN_MAJOR = 20;
    static final String DEFAULT_COMMAND = "node";

    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+)\\S*");
    private static final long PROBE_SECONDS = 15;

    NodeRuntime {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("command: must not be blank");
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("version: not a Node.js version: " + version);
        }
    }

    /**
     * Finds Node.js by running {@code command --version}; fails with one message that says what to install.
     *
     * @throws OrkTransportException if it cannot be run or is older than {@value #MIN_MAJOR}
     */
    static NodeRuntime locate(String command) {
        String printed;
        try {
            Process probe = new ProcessBuilder(List.of(command, "--version")).redirectErrorStream(true).start();
            probe.getOutputStream().close();
            byte[] output;
            try (InputStream in = probe.getInputStream()) {
                output = in.readNBytes(256);
            }
            if (!probe.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                throw missing("'" + command + " --version' did not finish within " + PROBE_SECONDS + " s");
            }
            printed = new String(output, StandardCharsets.UTF_8).trim();
            if (probe.exitValue() != 0) {
                throw missing("'" + command + " --version' failed with exit code " + probe.exitValue() + ": " + printed);
            }
        } catch (IOException e) {
            throw missing("cannot run '" + command + "': " + String.valueOf(e.getMessage()).strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw missing("interrupted while running '" + command + " --version'");
        }
        Matcher matcher = VERSION.matcher(printed);
        if (!matcher.matches()) {
            throw missing("'" + command + " --version' printed \"" + printed + "\", which is not a Node.js version");
        }
        if (Integer.parseInt(matcher.group(1)) < MIN_MAJOR) {
            throw new OrkTransportException("hrpc transport needs Node.js >= " + MIN_MAJOR + " (found " + printed
                    + " at '" + command + "'); install Node.js " + MIN_MAJOR + " or newer");
        }
        return new NodeRuntime(command, printed);
    }

    private static OrkTransportException missing(String detail) {
        return new OrkTransportException("hrpc transport needs Node.js >= " + MIN_MAJOR + " (found none: " + detail
                + "); install Node.js " + MIN_MAJOR + " or newer and put 'node' on the PATH");
    }
}
