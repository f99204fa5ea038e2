package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.miningos.gateway.adapters.persistence.SqliteCopies;
import io.miningos.gateway.adapters.persistence.SqliteDatabase;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * {@code backup} and {@code restore}: the data folder in one zip file. The database is copied with SQLite's online
 * backup, consistent while a server keeps writing; beside it go the folder's other files (the sign-in state key,
 * the hrpc client key, the simulated ORKs' state...), except the serve lock and {@value #REGENERATED}, the hrpc
 * bridge's program files, which are unpacked again from the jar. A manifest ({@value #MANIFEST}) names the format
 * and every file. The archive is owner-only: it holds keys and token hashes.
 *
 * <p>{@code restore} takes the folder's serve lock first, so it is refused while a server uses the folder; it checks
 * the database copy (SQLite's integrity check, a schema this gateway can open) before anything changes, refuses to
 * overwrite data unless forced, and then first moves the data it replaces into a folder of its own beside the data
 * folder.
 */
final class Backups {

    static final String MANIFEST = "miningos-backup.json";
    static final int FORMAT = 1;
    /** The hrpc bridge's unpacked program: made again from the jar on its first use. */
    static final String REGENERATED = "hrpc-bridge";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FileAttribute<?> OWNER_ONLY = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------"));
    private static final DateTimeFormatter ASIDE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    record Summary(long databaseBytes, int otherFiles) {
    }

    record Restored(Instant backedUpAt, int otherFiles, Optional<Path> setAside) {
    }

    private Backups() {
    }

    /** Writes {@code dataDir} to {@code archive} (replacing it), beside a running server or not. */
    static Summary backup(Path dataDir, Path archive) {
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalStateException("no data folder " + dataDir);
        }
        Path folder = archive.toAbsolutePath().getParent();
        Path partial = null;
        Path database = null;
        try {
            Files.createDirectories(folder);
            partial = Files.createTempFile(folder, "." + archive.getFileName(), ".partial", ownerOnly(folder));
            database = Files.createTempFile(folder, "." + archive.getFileName(), ".db", ownerOnly(folder));
            Files.delete(database); // SQLite makes the copy itself
            SqliteCopies.backup(dataDir, database);
            List<Path> others = otherFiles(dataDir);
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest(dataDir, others)));
                zip.closeEntry();
                add(zip, SqliteDatabase.FILE_NAME, database);
                for (Path file : others) {
                    add(zip, entryName(dataDir, file), file);
                }
            }
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Summary(Files.size(database), others.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup " + archive + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
            deleteDatabase(database);
        }
    }

    /** Puts the backup {@code archive} in place as {@code dataDir}. */
    static Restored restore(Path archive, Path dataDir, boolean force, Clock clock) {
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("no backup file " + archive);
        }
        DataFolder.prepare(dataDir);
        try (DataFolder.ServeLock ignored = DataFolder.lockForServing(dataDir);
             ZipFile zip = new ZipFile(archive.toFile())) {
            Manifest manifest = readManifest(zip, archive);
            Path database = dataDir.resolve("." + SqliteDatabase.FILE_NAME + ".restoring");
            try {
                extract(zip, SqliteDatabase.FILE_NAME, database);
                SqliteCopies.check(database);
                for (String name : manifest.files()) {
                    if (zip.getEntry(name) == null) {
                        throw new IllegalStateException(archive + ": the manifest names " + name
                                + ", which is not in the file");
                    }
                }
                List<Path> replaced = new ArrayList<>(SqliteCopies.files(dataDir).stream().filter(Files::exists)
                        .toList());
                manifest.files().stream().map(dataDir::resolve).filter(Files::exists).forEach(replaced::add);
                if (!replaced.isEmpty() && !force) {
                    throw new IllegalStateException(dataDir + " already holds a gateway's data; restore into an"
                            + " empty folder, or add --force to replace it (the replaced files are kept aside)");
                }
                Optional<Path> aside = replaced.isEmpty() ? Optional.empty()
                        : Optional.of(setAside(dataDir, replaced, clock));
                Files.move(database, dataDir.resolve(SqliteDatabase.FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
                for (String name : manifest.files()) {
                    extract(zip, name, dataDir.resolve(name));
                }
                DataFolder.prepare(dataDir);
                return new Restored(manifest.createdAt(), manifest.files().size(), aside);
            } finally {
                deleteDatabase(database);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore " + archive + ": " + e.getMessage(), e);
        }
    }

    private record Manifest(Instant createdAt, List<String> files) {
    }

    private static Map<String, Object> manifest(Path dataDir, List<Path> others) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("createdAt", Instant.now().toString());
        manifest.put("database", SqliteDatabase.FILE_NAME);
        manifest.put("files", others.stream().map(file -> entryName(dataDir, file)).toList());
        return manifest;
    }

    private static Manifest readManifest(ZipFile zip, Path archive) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null || zip.getEntry(SqliteDatabase.FILE_NAME) == null) {
            throw new IllegalStateException(archive + " is not a gateway backup (no " + MANIFEST + " or "
                    + SqliteDatabase.FILE_NAME + ")");
        }
        JsonNode node;
        try (InputStream in = zip.getInputStream(entry)) {
            node = JSON.readTree(in);
        }
        if (!(node instanceof ObjectNode) || node.path("format").asInt() != FORMAT) {
            throw new IllegalStateException(archive + ": backup format " + node.path("format")
                    + " is not this gateway's (" + FORMAT + ")");
        }
        List<String> files = new ArrayList<>();
        for (JsonNode file : node.path("files")) {
            files.add(safeName(file.asText(), archive));
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(node.path("createdAt").asText());
        } catch (RuntimeException e) {
            throw new IllegalStateException(archive + ": the manifest's createdAt is not a time", e);
        }
        return new Manifest(createdAt, files);
    }

    /** A file's name inside the folder: relative, forward slashes, no way out, not the database or the lock. */
    private static String safeName(String name, Path archive) {
        boolean escapes = name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0")
                || Stream.of(name.split("/")).anyMatch(part -> part.isEmpty() || part.equals(".") || part.equals(".."));
        if (escapes || name.startsWith(SqliteDatabase.FILE_NAME) || name.equals(DataFolder.LOCK_FILE)
                || name.equals(MANIFEST)) {
            throw new IllegalStateException(archive + ": the manifest names a file a backup can't hold: " + name);
        }
        return name;
    }

    /** Every regular file of the folder to back up besides the database, in a stable order. */
    private static List<Path> otherFiles(Path dataDir) throws IOException {
        Set<Path> skipped = Set.copyOf(SqliteCopies.files(dataDir));
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !skipped.contains(file))
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(file -> !file.equals(dataDir.resolve(DataFolder.LOCK_FILE)))
                    .filter(file -> !dataDir.relativize(file).startsWith(REGENERATED))
                    .sorted().toList();
        }
    }

    private static String entryName(Path dataDir, Path file) {
        return dataDir.relativize(file).toString().replace(File.separatorChar, '/');
    }

    private static void add(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(file, zip);
        zip.closeEntry();
    }

    private static void extract(ZipFile zip, String name, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        try (InputStream in = zip.getInputStream(zip.getEntry(name));
             OutputStream out = Files.newOutputStream(Files.createFile(partial, ownerOnly(target.getParent())))) {
            in.transferTo(out);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Moves {@code files} of {@code dataDir} into a new folder beside it, keeping their relative paths. */
    private static Path setAside(Path dataDir, List<Path> files, Clock clock) throws IOException {
        Path aside = dataDir.resolveSibling(dataDir.getFileName() + ".before-restore-"
                + ASIDE_STAMP.format(clock.instant()));
        try {
            Files.createDirectory(aside, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException(aside + " exists already; try again in a second", e);
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(aside);
        }
        for (Path file : files) {
            Path target = aside.resolve(dataDir.relativize(file));
            Files.createDirectories(target.getParent());
            Files.move(file, target);
        }
        return aside;
    }

    private static FileAttribute<?>[] ownerOnly(Path folder) {
        return Files.getFileAttributeView(folder, PosixFileAttributeView.class) == null
                ? new FileAttribute<?>[0] : new FileAttribute<?>[]{OWNER_ONLY};
    }

    /** A temporary database copy with whatever companions SQLite left beside it. */
    private static void deleteDatabase(Path file) {
        if (file != null) {
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                deleteQuietly(file.resolveSibling(file.getFileName() + suffix));
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file, named as one
            }
        }
    }
}
