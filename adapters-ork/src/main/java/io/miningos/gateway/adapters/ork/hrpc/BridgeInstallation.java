package io.miningos.gateway.adapters.ork.hrpc;

import io.miningos.gateway.adapters.ork.spi.OrkTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The bridge script and its npm dependencies, shipped inside the jar and unpacked into the data dir on first use,
 * so a site needs Node.js and nothing else (no npm, no network). Each build's bridge lives in a folder named after
 * the hash of its content, so an upgraded gateway unpacks its own and removes the ones it replaced.
 *
 * <p>The build writes {@value #MANIFEST} next to the files: a {@code version<TAB><sha256>} line, then one
 * {@code <size><TAB><relative path>} line per file.
 */
final class BridgeInstallation {

    static final String RESOURCE_ROOT = "/io/miningos/gateway/adapters/ork/hrpc/bridge/";
    static final String MANIFEST = "bridge.manifest";
    static final String FOLDER = "hrpc-bridge";
    static final String SCRIPT = "bridge.js";

    private static final Logger LOG = LoggerFactory.getLogger(BridgeInstallation.class);
    private static final String COMPLETE_MARKER = ".complete";
    private static final Pattern VERSION = Pattern.compile("[0-9a-f]{64}");

    private BridgeInstallation() {
    }

    /**
     * Makes sure this build's bridge is unpacked under {@code dataDir} and returns its script.
     *
     * @throws OrkTransportException if this build carries no (or an incomplete) bridge
     * @throws UncheckedIOException  if the data dir cannot be written
     */
    static Path ensureInstalled(Path dataDir) {
        Manifest manifest = readManifest();
        Path root = dataDir.resolve(FOLDER);
        Path target = root.resolve(manifest.version().substring(0, 16));
        try {
            if (!isComplete(target, manifest.version())) {
                unpack(manifest, root, target);
            }
            removeOtherVersions(root, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the hrpc bridge into " + root + ": " + e.getMessage(), e);
        }
        return target.resolve(SCRIPT);
    }

    private record Entry(long size, String path) {
    }

    private record Manifest(String version, List<Entry> entries) {
    }

    private static Manifest readManifest() {
        String text;
        try (InputStream in = BridgeInstallation.class.getResourceAsStream(RESOURCE_ROOT + MANIFEST)) {
            if (in == null) {
                throw new OrkTransportException("this gateway build has no hrpc bridge (" + RESOURCE_ROOT + MANIFEST
                        + " is not on the classpath): build the adapters-ork module with Node.js and npm installed");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OrkTransportException("cannot read the hrpc bridge manifest: " + e.getMessage(), e);
        }
        List<String> lines = text.lines().toList();
        String[] head = lines.isEmpty() ? new String[0] : lines.getFirst().split("\t");
        if (head.length != 2 || !head[0].equals("version") || !VERSION.matcher(head[1]).matches()) {
            throw new OrkTransportException("the hrpc bridge manifest in this build is malformed");
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.split("\t", 2);
            if (parts.length != 2 || !parts[0].chars().allMatch(Character::isDigit) || !safePath(parts[1])) {
                throw new OrkTransportException("the hrpc bridge manifest in this build has a bad line: " + line);
            }
            entries.add(new Entry(Long.parseLong(parts[0]), parts[1]));
        }
        if (entries.stream().noneMatch(entry -> entry.path().equals(SCRIPT))) {
            throw new OrkTransportException("the hrpc bridge manifest in this build does not list " + SCRIPT);
        }
        return new Manifest(head[1], entries);
    }

    // Paths come from our own build, but a manifest line must still never reach outside the bridge folder.
    private static boolean safePath(String path) {
        return !path.isEmpty() && !path.startsWith("/") && !path.contains("\\")
                && Stream.of(path.split("/")).noneMatch(part -> part.isEmpty() || part.equals(".") || part.equals(".."));
    }

    private static boolean isComplete(Path target, String version) throws IOException {
        Path marker = target.resolve(COMPLETE_MARKER);
        return Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).trim().equals(version);
    }

    private static void unpack(Manifest manifest, Path root, Path target) throws IOException {
        Files.createDirectories(root);
        Path staging = Files.createTempDirectory(root, ".unpacking-");
        try {
            for (Entry entry : manifest.entries()) {
                Path file = staging.resolve(entry.path());
                Files.createDirectories(file.getParent());
                try (InputStream in = BridgeInstallation.class.getResourceAsStream(RESOURCE_ROOT + entry.path())) {
                    if (in == null) {
                        throw new OrkTransportException("the hrpc bridge in this build is incomplete: "
                                + entry.path() + " is missing; rebuild the gateway");
                    }
                    long copied = Files.copy(in, file);
                    if (copied != entry.size()) {
                        throw new OrkTransportException("the hrpc bridge in this build is damaged: " + entry.path()
                                + " has " + copied + " bytes, the manifest says " + entry.size());
                    }
                }
            }
            Files.writeString(staging.resolve(COMPLETE_MARKER), manifest.version(), StandardCharsets.UTF_8);
            deleteTree(target); // a folder without the marker is a leftover of an interrupted unpack
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                LOG.debug("Another start unpacked {} first", target);
            }
            LOG.info("Unpacked the hrpc bridge ({} files) into {}", manifest.entries().size(), target);
        } finally {
            deleteTree(staging);
        }
    }

    private static void removeOtherVersions(Path root, Path keep) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
            for (Path folder : folders) {
                if (!folder.equals(keep) && !folder.getFileName().toString().startsWith(".unpacking-")) {
                    deleteTree(folder);
                    LOG.info("Removed the hrpc bridge of an earlier build: {}", folder);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not remove earlier hrpc bridge builds under {}: {}", root, e.getMessage());
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
    }
}
