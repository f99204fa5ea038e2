package io.miningos.gateway.adapters.ork.hrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The gateway's own Hyperswarm client key pair: the identity every ORK sees, and whose public key an ORK operator
 * must put on the ORK's allow list. Made once (Ed25519, the scheme HyperDHT uses) and kept in the data dir in
 * {@value #FILE_NAME}, readable by the gateway's user only.
 *
 * <p>The file holds HyperDHT's own key-pair form, hex-encoded: {@code publicKey} (32 bytes) and {@code secretKey}
 * (64 bytes: the Ed25519 seed followed by the public key, as libsodium lays it out). The bridge re-derives the
 * pair from the seed with {@code DHT.keyPair(seed)} and refuses to start if it does not match.
 */
public final class GatewayKeys {

    public static final String FILE_NAME = "hrpc-client-key.json";

    private static final Logger LOG = LoggerFactory.getLogger(GatewayKeys.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern PUBLIC_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SECRET_HEX = Pattern.compile("[0-9a-f]{128}");
    // DER prefixes of an Ed25519 key in X.509 (public) form; the raw 32-byte key follows.
    private static final byte[] X509_ED25519_PREFIX = HEX.parseHex("302a300506032b6570032100");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final String publicKeyHex;
    private final String secretKeyHex;

    private GatewayKeys(Path file, String publicKeyHex, String secretKeyHex) {
        this.file = file;
        this.publicKeyHex = publicKeyHex;
        this.secretKeyHex = secretKeyHex;
    }

    /**
     * Loads the gateway's key pair from {@code dataDir}, making and saving a new one on first use.
     *
     * @throws IllegalStateException if the key file exists but is not a valid key pair (the message names it)
     * @throws UncheckedIOException  if the data dir cannot be read or written
     */
    public static GatewayKeys loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(dataDir, file);
            }
            return load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the hrpc client key " + file + ": " + e.getMessage(), e);
        }
    }

    /** The public key ORK operators allow, 64 lower-case hex characters. */
    public String publicKeyHex() {
        return publicKeyHex;
    }

    /** Where the key pair is kept. */
    public Path file() {
        return file;
    }

    /** The 64-byte secret key in hex; only the bridge gets it. */
    String secretKeyHex() {
        return secretKeyHex;
    }

    @Override
    public String toString() {
        return "GatewayKeys[publicKey=" + publicKeyHex + ", file=" + file + "]";
    }

    private static void create(Path dataDir, Path file) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            // The gateway's data folder is owner-only (0700); this command may be the first to make it.
            Files.createDirectories(dataDir.toAbsolutePath().getParent());
            try {
                if (ownerOnly(dataDir.toAbsolutePath().getParent())) {
                    Files.createDirectory(dataDir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectory(dataDir);
                }
            } catch (FileAlreadyExistsException e) {
                // made meanwhile, e.g. by a starting gateway
            }
        }
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot make Ed25519 keys", e);
        }
        byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes()
                .orElseThrow(() -> new IllegalStateException("the Ed25519 private key does not expose its seed"));
        byte[] publicKey = rawPublicKey(pair.getPublic().getEncoded());
        byte[] secretKey = new byte[64];
        System.arraycopy(seed, 0, secretKey, 0, 32);
        System.arraycopy(publicKey, 0, secretKey, 32, 32);

        Map<String, String> content = new LinkedHashMap<>();
        content.put("publicKey", HEX.formatHex(publicKey));
        content.put("secretKey", HEX.formatHex(secretKey));
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(content);
        Arrays.fill(seed, (byte) 0);
        Arrays.fill(secretKey, (byte) 0);

        // Written under a temporary name with owner-only permissions from the start, then moved into place, so
        // the secret is never readable by others and a crash never leaves half a key behind.
        Path temporary = ownerOnly(dataDir)
                ? Files.createTempFile(dataDir, ".hrpc-client-key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dataDir, ".hrpc-client-key", ".tmp", new FileAttribute<?>[0]);
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, file); // a rename within one folder; refuses to replace a key made meanwhile
            LOG.info("Made the gateway's hrpc client key pair in {}; public key {}", file, content.get("publicKey"));
        } catch (FileAlreadyExistsException e) {
            LOG.debug("Another start made {} first; using that one", file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static GatewayKeys load(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(file + ": not valid JSON; restore it from a backup, or delete it to make a "
                    + "new key (which every ORK operator must then allow)", e);
        }
        String publicKey = root != null && root.path("publicKey").isTextual() ? root.path("publicKey").asText() : "";
        String secretKey = root != null && root.path("secretKey").isTextual() ? root.path("secretKey").asText() : "";
        if (!PUBLIC_HEX.matcher(publicKey).matches() || !SECRET_HEX.matcher(secretKey).matches()) {
            throw new IllegalStateException(file + ": needs \"publicKey\" (64 hex characters) and \"secretKey\" "
                    + "(128 hex characters)");
        }
        if (!secretKey.endsWith(publicKey)) {
            throw new IllegalStateException(file + ": \"secretKey\" does not belong to \"publicKey\"");
        }
        tightenPermissions(file);
        return new GatewayKeys(file, publicKey, secretKey);
    }

    private static void tightenPermissions(Path file) throws IOException {
        if (!ownerOnly(file.getParent())) {
            return;
        }
        Set<PosixFilePermission> current = Files.getPosixFilePermissions(file);
        if (!current.equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            LOG.warn("{} was readable by others ({}); set it to {}", file, PosixFilePermissions.toString(current),
                    PosixFilePermissions.toString(OWNER_ONLY));
        }
    }

    private static boolean ownerOnly(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static byte[] rawPublicKey(byte[] x509) {
        if (x509.length != X509_ED25519_PREFIX.length + 32
                || !Arrays.equals(x509, 0, X509_ED25519_PREFIX.length, X509_ED25519_PREFIX, 0, X509_ED25519_PREFIX.length)) {
            throw new IllegalStateException("unexpected Ed25519 public key encoding");
        }
        return Arrays.copyOfRange(x509, X509_ED25519_PREFIX.length, x509.length);
    }
}
