package io.miningos.gateway.adapters.ork.hrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayKeysTest {

    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dataDir;

    @Test
    void makesTheKeyPairOnceAndReadsTheSameOneAfterwards() throws Exception {
        GatewayKeys made = GatewayKeys.loadOrCreate(dataDir.resolve("nested"));
        GatewayKeys loaded = GatewayKeys.loadOrCreate(dataDir.resolve("nested"));

        assertTrue(made.publicKeyHex().matches("[0-9a-f]{64}"), made.publicKeyHex());
        assertEquals(made.publicKeyHex(), loaded.publicKeyHex());
        assertEquals(made.secretKeyHex(), loaded.secretKeyHex());
        assertNotEquals(made.publicKeyHex(), GatewayKeys.loadOrCreate(dataDir.resolve("other")).publicKeyHex());
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(dataDir.resolve("nested"))), "a data folder it makes");
    }

    @Test
    void keepsTheFileReadableByItsOwnerOnly() throws Exception {
        GatewayKeys keys = GatewayKeys.loadOrCreate(dataDir);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.file())));
        try (var leftovers = Files.list(dataDir)) {
            assertEquals(1, leftovers.count(), "no temporary file left behind");
        }
    }

    @Test
    void tightensAKeyFileOthersCouldRead() throws Exception {
        GatewayKeys keys = GatewayKeys.loadOrCreate(dataDir);
        Files.setPosixFilePermissions(keys.file(), PosixFilePermissions.fromString("rw-r--r--"));

        GatewayKeys.loadOrCreate(dataDir);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.file())));
    }

    /** The file holds libsodium's layout: secretKey = seed || publicKey, and publicKey is the seed's Ed25519 key. */
    @Test
    void storesAnEd25519PairInHyperdhtsLayout() throws Exception {
        GatewayKeys keys = GatewayKeys.loadOrCreate(dataDir);
        JsonNode file = new ObjectMapper().readTree(Files.readString(keys.file()));
        byte[] secretKey = HEX.parseHex(file.path("secretKey").asText());
        byte[] publicKey = HEX.parseHex(file.path("publicKey").asText());
        byte[] message = "allow me".getBytes(StandardCharsets.UTF_8);

        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKeyFromSeed(Arrays.copyOf(secretKey, 32)));
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKeyFromRaw(publicKey));
        verifier.update(message);

        assertTrue(verifier.verify(signature), "public key does not belong to the seed");
        assertEquals(file.path("publicKey").asText(), HEX.formatHex(Arrays.copyOfRange(secretKey, 32, 64)));
    }

    @Test
    void refusesADamagedKeyFileNamingIt() throws Exception {
        GatewayKeys keys = GatewayKeys.loadOrCreate(dataDir);
        String good = Files.readString(keys.file());

        Files.writeString(keys.file(), "{ not json");
        assertProblem(keys.file(), "not valid JSON");

        Files.writeString(keys.file(), "{\"publicKey\":\"abcd\",\"secretKey\":\"ef\"}");
        assertProblem(keys.file(), "needs \"publicKey\"");

        JsonNode parsed = new ObjectMapper().readTree(good);
        String otherPublic = "00".repeat(32);
        Files.writeString(keys.file(), "{\"publicKey\":\"" + otherPublic + "\",\"secretKey\":\""
                + parsed.path("secretKey").asText() + "\"}");
        assertProblem(keys.file(), "does not belong");
    }

    private void assertProblem(Path file, String text) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GatewayKeys.loadOrCreate(dataDir));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    private static PrivateKey privateKeyFromSeed(byte[] seed) throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    }

    // RFC 8032 encoding: y little-endian, the top bit of the last byte holds whether x is odd.
    private static PublicKey publicKeyFromRaw(byte[] raw) throws Exception {
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = raw[31 - i];
        }
        boolean xOdd = (bigEndian[0] & 0x80) != 0;
        bigEndian[0] &= 0x7f;
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, bigEndian));
        return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
    }
}
