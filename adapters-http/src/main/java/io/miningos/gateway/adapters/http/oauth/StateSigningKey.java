package io.miningos.gateway.adapters.http.oauth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The secret that signs sign-in states: configured, or 256 random bits created once in the data folder (owner
 * read/write only) so that states survive a restart. Whoever holds it can mint states, so it never leaves the
 * machine and is never logged.
 */
public final class StateSigningKey {

    private static final Logger LOG = LoggerFactory.getLogger(StateSigningKey.class);
    public static final String FILE_NAME = "oauth-state.key";
    public static final int MIN_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] bytes;

    private StateSigningKey(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("a state signing key needs at least " + MIN_BYTES + " bytes");
        }
        this.bytes = bytes.clone();
    }

    /** A configured secret: at least 32 characters. */
    public static StateSigningKey configured(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            throw new IllegalArgumentException("the state secret must be at least " + MIN_BYTES + " characters");
        }
        return new StateSigningKey(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** The key kept in {@code dataDir/oauth-state.key}, created on first use. */
    public static StateSigningKey inDataDir(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                try {
                    return create(file);
                } catch (FileAlreadyExistsException e) {
                    // another process created it first: use theirs
                }
            }
            return read(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot use the state signing key " + file + ": " + e.getMessage(), e);
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }

    private static StateSigningKey create(Path file) throws IOException {
        byte[] key = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(key);
        byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        if (isPosix()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
        Files.write(file, text);
        LOG.info("created the sign-in state signing key {}", file);
        return new StateSigningKey(key);
    }

    private static StateSigningKey read(Path file) throws IOException {
        if (isPosix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            LOG.warn("{} was readable by others; made it owner read/write only", file);
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length < MIN_BYTES) {
            throw new IllegalStateException(file + " does not hold a state signing key (base64 of at least "
                    + MIN_BYTES + " bytes); delete it and a new one is created at start");
        }
        return new StateSigningKey(key);
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return "StateSigningKey[hidden]";
    }
}
