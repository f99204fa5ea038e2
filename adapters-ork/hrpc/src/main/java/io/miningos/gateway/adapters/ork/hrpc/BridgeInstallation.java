package io.miningos.gateway.adapters.ork.hrpc;

import io.miningos.gateway.adapters.ork.spi.OrkTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The bridge script and its npm dependencies, shipped inside the jar and unpacked into the data dir on first use,
 * so a site needs Node.js and nothing else (no npm, no network). Each build's bridge lives in a folder named after
 * the hash of its content, so an upgraded gateway unpacks its own and removes the ones it replaced.
 *
 * <p>The build packs every file into one resource, {@value #PACK} under {@value #RESOURCE_ROOT} (outside any Java
 * package, so class-path scans never walk it): a {@code miningos-hrpc-bridge-pack 1} line, a
 * {@code version<TAB><sha256>} line, one {@code <size><TAB><relative path>} line per file, an empty line, then the
 * files' bytes in that order. The version is the SHA-256 of every path and content ({@code path \0 content \0});
 * unpacking checks it, so a damaged jar never leaves a bridge that looks complete.
 */
final class BridgeInstallation {

    static final String RESOURCE_ROOT = "/META-INF/miningos/hrpc-bridge/";
    static final String PACK = "bridge.pack";
    static final String FOLDER = "hrpc-bridge";
    static final String SCRIPT = "bridge.js";

    private static final Logger LOG = LoggerFactory.getLogger(BridgeInstallation.class);
    private static final String MAGIC = "miningos-hrpc-bridge-pack 1";
    private static final String COMPLETE_MARKER = ".complete";
    private static final Pattern VERSION = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_HEADER_LINE = 4096;

    private BridgeInstallation() {
    }

    /**
     * Makes sure this build's bridge is unpacked under {@code dataDir} and returns its script.
     *
     * @throws OrkTransportException if this build carries no (or an incomplete or damaged) bridge
     * @throws UncheckedIOException  if the data dir cannot be written
     */
    static Path ensureInstalled(Path dataDir) {
        Manifest manifest;
        try (InputStream pack = openPack()) {
            manifest = readManifest(pack);
        } catch (IOException e) {
            throw new OrkTransportException("cannot read the hrpc bridge of this build: " + e.getMessage(), e);
        }
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

    private static InputStream openPack() {
        InputStream in = BridgeInstallation.class.getResourceAsStream(RESOURCE_ROOT + PACK);
        if (in == null) {
            throw new OrkTransportException("this gateway build has no hrpc bridge (" + RESOURCE_ROOT + PACK
                    + " is not on the classpath): build the adapters-ork-hrpc module with Node.js and npm installed");
        }
        return new BufferedInputStream(in, 1 << 16);
    }

    /** Reads the pack's header, leaving {@code pack} at the first file's bytes. */
    private static Manifest readManifest(InputStream pack) throws IOException {
        if (!MAGIC.equals(headerLine(pack))) {
            throw new OrkTransportException("the hrpc bridge pack in this build is not one this gateway reads");
        }
        String[] head = headerLine(pack).split("\t");
        if (head.length != 2 || !head[0].equals("version") || !VERSION.matcher(head[1]).matches()) {
            throw new OrkTransportException("the hrpc bridge pack in this build has a malformed version line");
        }
        List<Entry> entries = new ArrayList<>();
        for (String line = headerLine(pack); !line.isEmpty(); line = headerLine(pack)) {
            String[] parts = line.split("\t", 2);
            if (parts.length != 2 || parts[0].isEmpty() || parts[0].length() > 12
                    || !parts[0].chars().allMatch(c -> c >= '0' && c <= '9') || !safePath(parts[1])) {
                throw new OrkTransportException("the hrpc bridge pack in this build has a bad line: " + line);
            }
            entries.add(new Entry(Long.parseLong(parts[0]), parts[1]));
        }
        if (entries.stream().noneMatch(entry -> entry.path().equals(SCRIPT))) {
            throw new OrkTransportException("the hrpc bridge pack in this build does not hold " + SCRIPT);
        }
        return new Manifest(head[1], entries);
    }

    /** One UTF-8 header line without its newline; the pack's end before a newline means it is truncated. */
    private static String headerLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || line.size() >= MAX_HEADER_LINE) {
                throw new OrkTransportException("the hrpc bridge pack in this build is damaged (bad header)");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
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
        try (InputStream pack = openPack()) {
            readManifest(pack); // the same pack again: skip to its content
            MessageDigest hash = sha256();
            for (Entry entry : manifest.entries()) {
                Path file = staging.resolve(entry.path());
                Files.createDirectories(file.getParent());
                hash.update(entry.path().getBytes(StandardCharsets.UTF_8));
                hash.update((byte) 0);
                long copied;
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE), hash)) {
                    copied = copy(pack, out, entry.size());
                }
                if (copied != entry.size()) {
                    throw new OrkTransportException("the hrpc bridge in this build is incomplete: " + entry.path()
                            + " has " + copied + " bytes, the pack says " + entry.size() + "; rebuild the gateway");
                }
                hash.update((byte) 0);
            }
            if (!HexFormat.of().formatHex(hash.digest()).equals(manifest.version())) {
                throw new OrkTransportException("the hrpc bridge in this build is damaged (its content does not match"
                        + " its version); rebuild the gateway");
            }
            Files.writeString(staging.resolve(COMPLETE_MARKER), manifest.version(), StandardCharsets.UTF_8);
            ownerOnly(root);
            ownerOnly(staging);
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

    /**
     * The gateway's data folder and what it keeps are its user's alone (folders 0700, files 0600): nothing here is
     * secret, but a gateway start would otherwise find the files open to others and say so.
     */
    private static void ownerOnly(Path tree) throws IOException {
        if (Files.getFileAttributeView(tree, PosixFileAttributeView.class) == null) {
            return;
        }
        Set<PosixFilePermission> folder = PosixFilePermissions.fromString("rwx------");
        Set<PosixFilePermission> file = PosixFilePermissions.fromString("rw-------");
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.toList()) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(path, folder);
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(path, file);
                }
            }
        }
    }

    /** Copies up to {@code size} bytes; returns how many there were. */
    private static long copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[8192];
        long left = size;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            left -= read;
        }
        return size - left;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
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
