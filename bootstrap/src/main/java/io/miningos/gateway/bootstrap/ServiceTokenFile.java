package io.miningos.gateway.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A service token kept in a file (multi-site mode): written owner-only and atomically by {@code service-token} on
 * the site gateway, read by the central gateway at start ({@code multiSite.sites[].tokenFile}).
 */
final class ServiceTokenFile {

    /** A token is about 90 characters; anything much longer is not a token file. */
    static final int MAX_BYTES = 1024;

    private ServiceTokenFile() {
    }

    static void write(Path file, String token) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".service-token", ".tmp");
            try {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(temp, token + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the service token to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The token in {@code file}: its first line, trimmed; a missing, empty or oversized file is an error. */
    static String read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(file + " is not a token file (over " + MAX_BYTES + " bytes)");
            }
            String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (token.isEmpty() || token.contains("\n")) {
                throw new IllegalArgumentException(file + " holds no token (one line expected)");
            }
            return token;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the token file " + file + ": " + e.getMessage(), e);
        }
    }
}
