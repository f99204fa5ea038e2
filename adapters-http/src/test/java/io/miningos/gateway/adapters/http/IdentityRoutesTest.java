package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.miningos.gateway.application.identity.IdentitySettings;
import io.miningos.gateway.application.identity.RateLimiter;
import io.miningos.gateway.domain.user.ProviderProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityRoutesTest {

    private static final TestServer http = new TestServer();

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void userinfoDescribesTheTokensUserWithoutEchoingTheToken() {
        String token = http.tokenFor("op@example.com", "site_operator");
        TestServer.Reply reply = http.get("/auth/userinfo", token);
        assertEquals(200, reply.status());
        JsonNode info = reply.json();
        assertTrue(info.get("userId").asLong() > 1);
        assertEquals("op@example.com", info.get("email").asText());
        assertEquals("site_operator", info.get("roles").get(0).asText());
        assertEquals(http.clock.instant().getEpochSecond(), info.get("created").asLong());
        assertEquals(3600, info.get("ttl").asLong());
        assertEquals("op@example.com", info.get("metadata").get("email").asText());
        assertTrue(info.get("metadata").has("picture"));
        assertFalse(reply.raw().body().contains(token.substring(8, 40)));
        assertEquals("no-store", reply.header("Cache-Control"));
        assertEquals("nosniff", reply.header("X-Content-Type-Options"));
    }

    @Test
    void userinfoShowsTheProvidersProfileFromTheLastSignInElseTheUsersName() {
        String token = http.tokenFor("op@example.com", "site_operator");
        long userId = http.get("/auth/userinfo", token).json().get("userId").asLong();
        JsonNode before = http.get("/auth/userinfo", token).json().get("metadata");
        assertTrue(before.get("picture").isNull());
        http.profiles.save(userId, new ProviderProfile("Ana Tech", "Ana", "https://pics.example/ana.png"),
                http.clock.instant());
        JsonNode metadata = http.get("/auth/userinfo", token).json().get("metadata");
        assertEquals("op@example.com", metadata.get("email").asText());
        assertEquals("Ana Tech", metadata.get("name").asText());
        assertEquals("Ana", metadata.get("given_name").asText());
        assertEquals("https://pics.example/ana.png", metadata.get("picture").asText());
    }

    @Test
    void missingOrMalformedAuthorizationIs401WithTheContractText() {
        Expect.error(http.get("/auth/userinfo", null), 401, "Missing or invalid Authorization header",
                "ERR_AUTH_FAIL");
        TestServer.Reply basic = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/auth/userinfo"))
                .header("Authorization", "Basic abc"));
        Expect.error(basic, 401, "Missing or invalid Authorization header", "ERR_AUTH_FAIL");
        TestServer.Reply empty = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/auth/userinfo"))
                .header("Authorization", "Bearer   "));
        Expect.error(empty, 401, "Missing or invalid Authorization header", "ERR_AUTH_FAIL");
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        String token = http.tokenFor("op@example.com", "site_operator");
        TestServer.Reply reply = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/auth/site"))
                .header("Authorization", "bEaReR " + token));
        assertEquals(200, reply.status());
    }

    @Test
    void unknownForeignAddressAndExpiredTokensAre401() {
        Expect.error(http.get("/auth/userinfo", "pub:api:" + "0".repeat(32) + "-2-roles:dev"), 401,
                "Authentication failed", "ERR_AUTH_FAIL");
        Expect.error(http.get("/auth/userinfo", "nonsense"), 401, "Authentication failed", "ERR_AUTH_FAIL");
        String elsewhere = http.tokenFor("op@example.com", "site_operator", "10.1.2.3");
        Expect.error(http.get("/auth/userinfo", elsewhere), 401, "Authentication failed", "ERR_AUTH_FAIL");
        try (TestServer fresh = new TestServer()) {
            String token = fresh.tokenFor("short@example.com", "dev");
            assertEquals(200, fresh.get("/auth/userinfo", token).status());
            fresh.clock.advance(Duration.ofSeconds(3601));
            Expect.error(fresh.get("/auth/userinfo", token), 401, "Authentication failed", "ERR_AUTH_FAIL");
        }
    }

    @Test
    void permissionsOfAnOrdinaryUserAndOfTheSuperAdmin() {
        JsonNode field = http.get("/auth/permissions", http.tokenFor("field@example.com", "field_operator"))
                .json().get("permissions");
        assertFalse(field.get("write").asBoolean());
        assertFalse(field.get("superAdmin").asBoolean());
        assertTrue(contains(field.get("caps"), "comments"));
        assertTrue(contains(field.get("permissions"), "comments:w"));
        assertTrue(contains(field.get("permissions"), "miner:r"));
        assertFalse(contains(field.get("permissions"), "miner:w"));

        JsonNode root = http.get("/auth/permissions", http.rootToken()).json().get("permissions");
        assertTrue(root.get("write").asBoolean());
        assertTrue(root.get("superAdmin").asBoolean());
        assertTrue(contains(root.get("permissions"), "users:w"));
        assertTrue(contains(root.get("caps"), "users"));
    }

    @Test
    void siteComesFromConfiguration() {
        assertEquals(TestServer.SITE, http.get("/auth/site", http.rootToken()).json().get("site").asText());
    }

    @Test
    void tokenRefreshWithTheUisBodyAndWithout() {
        String token = http.tokenFor("op@example.com", "site_operator");
        TestServer.Reply refreshed = http.post("/auth/token", token, "{\"roles\":[\"site_operator\"]}");
        assertEquals(200, refreshed.status(), refreshed.raw().body());
        String newToken = refreshed.json().get("token").asText();
        assertTrue(newToken.matches("pub:api:[0-9a-f]{32}-\\d+-roles:site_operator"), newToken);
        JsonNode info = http.get("/auth/userinfo", newToken).json();
        assertEquals(300, info.get("ttl").asLong(), "refresh TTL from configuration");
        assertEquals(200, http.post("/auth/token", token, null).status());
        assertEquals(200, http.post("/auth/token", token, "{}").status());
        String custom = http.post("/auth/token", token,
                "{\"ips\":[\"127.0.0.1\",\"::1\"],\"ttl\":7200,\"pfx\":\"pub\",\"scope\":\"api\"}")
                .json().get("token").asText();
        assertEquals(7200, http.get("/auth/userinfo", custom).json().get("ttl").asLong());
        String elsewhere = http.post("/auth/token", token, "{\"ips\":[\"192.168.1.100\"]}").json().get("token").asText();
        Expect.error(http.get("/auth/userinfo", elsewhere), 401, "Authentication failed", "ERR_AUTH_FAIL");
    }

    @Test
    void tokenRefreshesAreRateLimitedPerUserWithWhenToRetry() {
        // Regression: one read-only user created 109k tokens in a minute.
        String token = http.tokenFor("eager@example.com", "read_only_user");
        RateLimiter.Limit limit = IdentitySettings.DEFAULT_TOKEN_ISSUES;
        for (int i = 0; i < limit.burst(); i++) {
            assertEquals(200, http.post("/auth/token", token, "{}").status());
        }
        TestServer.Reply limited = http.post("/auth/token", token, "{}");
        Expect.error(limited, 429, "Too Many Requests", "ERR_RATE_LIMITED");
        assertEquals(String.valueOf(60 / limit.perMinute()), limited.header("Retry-After"));
        assertEquals(200, http.get("/auth/userinfo", token).status(), "only issuing tokens is limited");
    }

    @Test
    void tokenRefreshRefusesEachBadField() {
        String token = http.tokenFor("op@example.com", "site_operator");
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[]{"{\"ips\":\"127.0.0.1\"}", "ERR_IPS_INVALID"});
        cases.add(new String[]{"{\"ips\":[]}", "ERR_IPS_INVALID"});
        cases.add(new String[]{"{\"ips\":[\"localhost\"]}", "ERR_IPS_INVALID"});
        cases.add(new String[]{"{\"ips\":[42]}", "ERR_IPS_INVALID"});
        cases.add(new String[]{"{\"ttl\":4}", "ERR_TTL_INVALID"});
        cases.add(new String[]{"{\"ttl\":86401}", "ERR_TTL_INVALID"});
        cases.add(new String[]{"{\"ttl\":\"soon\"}", "ERR_TTL_INVALID"});
        cases.add(new String[]{"{\"ttl\":1.5}", "ERR_TTL_INVALID"});
        cases.add(new String[]{"{\"pfx\":\"priv\"}", "ERR_PFX_INVALID"});
        cases.add(new String[]{"{\"pfx\":1}", "ERR_PFX_INVALID"});
        cases.add(new String[]{"{\"scope\":\"all\"}", "ERR_SCOPE_INVALID"});
        cases.add(new String[]{"{\"roles\":[\"admin\"]}", "ERR_ROLES_INVALID"});
        cases.add(new String[]{"{\"roles\":\"site_operator\"}", "ERR_ROLES_INVALID"});
        cases.add(new String[]{"{\"roles\":[]}", "ERR_ROLES_INVALID"});
        cases.add(new String[]{"{\"roles\":[1]}", "ERR_ROLES_INVALID"});
        cases.add(new String[]{"{not json", "ERR_BODY_INVALID_JSON"});
        cases.add(new String[]{"[1,2]", "ERR_BODY_INVALID_JSON"});
        cases.add(new String[]{"{\"ttl\":60}{}", "ERR_BODY_INVALID_JSON"});
        cases.add(new String[]{"{\"ttl\":60,\"ttl\":70}", "ERR_BODY_INVALID_JSON"});
        for (String[] c : cases) {
            Expect.badRequest(http.post("/auth/token", token, c[0]), c[1]);
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
