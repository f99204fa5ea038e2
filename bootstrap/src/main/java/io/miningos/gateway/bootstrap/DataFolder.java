package io.miningos.gateway.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's data folder: the SQLite file with its audit log, e-mails and token hashes, the key files and the
 * simulated ORKs' state. Nobody but the user running the gateway may read it: the folder is made {@code 0700}, and
 * whatever in it is open to others (group or world bits, e.g. files copied in, or made by an older gateway) is
 * made owner-only at every start, with a log line. On a file system without POSIX permissions this is logged once
 * and skipped.
 *
 * <p>One {@code serve} per folder: {@link #lockForServing} takes an OS lock on {@value #LOCK_FILE} for as long as
 * the server runs, so a second one (whose simulated ORKs would overwrite the first's state files, and whose user
 * cache would let a demoted or deleted user keep working) refuses to start. The CLI's other commands take no lock
 * and keep working beside a running server.
 */
final class DataFolder {

    static final String LOCK_FILE = "serve.lock";
    private static final Logger LOG = LoggerFactory.getLogger(DataFolder.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** The lock files this process holds. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private DataFolder() {
    }

    /**
     * Creates the folder owner-only if missing, and takes every permission of group and others away from it and
     * from everything in it (symbolic links are not followed).
     *
     * @return how many files and folders had to be tightened
     */
    static int prepare(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir.toAbsolutePath().getParent());
                if (isPosix(dir.toAbsolutePath().getParent())) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
                } else {
                    Files.createDirectory(dir);
                }
            }
            if (!isPosix(dir)) {
                LOG.info("data folder {}: the file system has no POSIX permissions; make sure only the gateway's"
                        + " user can read it", dir);
                return 0;
            }
            int tightened = tighten(dir.toRealPath()); // a data folder reached through a link is still ours to check
            if (tightened > 0) {
                LOG.warn("data folder {}: {} files and folders were open to other users; made them owner-only"
                        + " (folders 0700, files 0600)", dir, tightened);
            }
            return tightened;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static int tighten(Path dir) throws IOException {
        int[] count = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) throws IOException {
                count[0] += ownerOnly(folder) ? 1 : 0;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    count[0] += ownerOnly(file) ? 1 : 0;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                LOG.warn("data folder: cannot check {}: {}", file, e.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
        return count[0];
    }

    /** Takes group and others' permissions away; the owner's stay. True if there were any. */
    private static boolean ownerOnly(Path path) throws IOException {
        Set<PosixFilePermission> current = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (current.stream().noneMatch(OTHERS::contains)) {
            return false;
        }
        Set<PosixFilePermission> owner = EnumSet.noneOf(PosixFilePermission.class);
        current.stream().filter(p -> !OTHERS.contains(p)).forEach(owner::add);
        Files.setPosixFilePermissions(path, owner);
        LOG.debug("{}: {} -> {}", path, PosixFilePermissions.toString(current), PosixFilePermissions.toString(owner));
        return true;
    }

    private static boolean isPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    /**
     * Takes the folder's serve lock, held until the returned lock is closed (or the process ends: the OS releases
     * it, so a killed gateway leaves nothing to clean up).
     *
     * @throws IllegalStateException naming the folder and the holder's process id when another gateway serves it
     */
    static ServeLock lockForServing(Path dir) {
        Path file = dir.toAbsolutePath().normalize().resolve(LOCK_FILE);
        // Closing any channel on a file drops this process's lock on it, so this process never opens the lock file
        // of a folder it already serves.
        if (!HELD.add(file)) {
            throw inUse(dir, " (this process)");
        }
        try {
            return lock(dir, file);
        } catch (RuntimeException e) {
            HELD.remove(file);
            throw e;
        }
    }

    private static IllegalStateException inUse(Path dir, String holder) {
        return new IllegalStateException("data folder " + dir + " is in use by another gateway" + holder
                + "; stop it, or give this one another --data-dir");
    }

    private static ServeLock lock(Path dir, Path file) {
        FileAttribute<?>[] ownerOnly = isPosix(dir)
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        FileChannel channel;
        try {
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), ownerOnly);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process
            }
            if (lock == null) {
                throw inUse(dir, holder(channel));
            }
            // For the message of a gateway refused later; the lock, not this text, is what counts.
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.force(false);
            return new ServeLock(file, channel);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot lock " + file + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
            return text.matches("\\d{1,19}") ? " (process " + text + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }

    /** A held serve lock; closing it releases the folder. */
    static final class ServeLock implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;

        private ServeLock(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        @Override
        public void close() {
            if (channel.isOpen()) {
                closeQuietly(channel); // releases the lock
                HELD.remove(file);
            }
        }
    }
}
