package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.http.HttpSettings;
import io.miningos.gateway.application.identity.IdentitySettings;
import io.miningos.gateway.application.identity.RateLimiter;
import io.miningos.gateway.domain.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private static final String NODE_COMMON = """
            {
              "dir_log": "logs",
              "debug": 0,
              "orks": { "cluster-1": { "rpcPublicKey": "RPC_PUBLIC_KEY" } },
              "staticRootPath": "/home/user/ui/build/",
              "cacheTiming": { "/auth/list-things": "15s", "/auth/global/data": "30s" },
              "featureConfig": { "comments": true, "inventory": false, "centralDCSSetup": { "enabled": false, "tag": "t-dcs" } },
              "ttl": 300,
              "site": "SITE_NAME",
              "rpcTimeout": 15000
            }
            """;

    private static final String NODE_AUTH = """
            {
              "a0": {
                "superAdmin": "Boss@Site.example",
                "ttl": 86400,
                "saltRounds": 10,
                "superAdminPerms": ["miner:rw", "users:rw", "pool_config:rw"],
                "roles": {
                  "admin": ["miner:rw", "users:rw", "actions:rw"],
                  "reporting_tool_manager": ["revenue:rw", "settings:r", "revenue:r"],
                  "pool_manager": ["pool_config:rw", "miner:r", "actions:rw"]
                },
                "roleManagement": { "admin": ["reporting_tool_manager", "pool_manager"] }
              }
            }
            """;

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private ConfigException failure() {
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(dir)));
    }

    @Test
    void embeddedDefaultIsASelfContainedDemoSite() {
        GatewayConfig config = ConfigLoader.load(Optional.empty());
        assertEquals("demo-site", config.site());
        assertEquals("admin@example.com", config.identity().superAdmin().value());
        assertEquals(86_400, config.identity().signInTtlSeconds());
        assertEquals(List.of("cluster-1"), List.copyOf(config.orks().keySet()), "one ORK holding the whole site");
        assertEquals("15s", config.cacheTiming().get("/auth/site/status/live"), "the Node example's live header");
        assertEquals("15s", config.cacheTiming().get("/auth/miners"));
        assertEquals(500, config.orks().get("cluster-1").get("miners"));
        assertEquals(40, config.orks().get("cluster-1").get("m63Miners"), "a rack with per-device groups");
        assertEquals(2, config.orks().get("cluster-1").get("requiredVotes"));
        assertTrue(config.embeddedDemo());
        assertEquals(true, config.featureConfig().get("comments"));
        assertTrue(config.identity().roles().exists("dev"));
    }

    @Test
    void readsANodeGatewayConfigFolderAsIs() throws IOException {
        write("common.json", NODE_COMMON);
        write("facs/auth.config.json", NODE_AUTH);
        GatewayConfig config = ConfigLoader.load(Optional.of(dir));
        assertEquals("SITE_NAME", config.site());
        assertEquals("boss@site.example", config.identity().superAdmin().value());
        assertEquals(86_400, config.identity().signInTtlSeconds());
        assertEquals(300, config.identity().refreshTtlSeconds());
        assertEquals(15_000, config.rpcTimeoutMs());
        assertEquals("RPC_PUBLIC_KEY", config.orks().get("cluster-1").get("rpcPublicKey"));
        assertEquals("15s", config.cacheTiming().get("/auth/list-things"));
        assertEquals(Optional.of("/home/user/ui/build/"), config.staticRootPath());
        assertEquals(List.of("comments", "inventory", "centralDCSSetup"), List.copyOf(config.featureConfig().keySet()));
        assertEquals(List.of("admin", "reporting_tool_manager", "pool_manager"),
                List.copyOf(config.identity().roles().roles().keySet()));
        assertTrue(config.identity().roles().mayManage("admin", "pool_manager"));
        assertTrue(config.identity().roles().permissionsOf(Role.SUPER_ADMIN).allows("pool_config:w"));
        assertTrue(config.identity().roles().permissionsOf("reporting_tool_manager").allows("revenue:w"));
    }

    @Test
    void withoutAnAuthFileTheShippedRolesApply() throws IOException {
        write("common.json", "{\"site\": \"north-field\"}");
        GatewayConfig config = ConfigLoader.load(Optional.of(dir));
        assertEquals("north-field", config.site());
        assertTrue(config.identity().roles().mayManage("admin", "dev"));
        assertTrue(config.orks().isEmpty());
    }

    @Test
    void ourAdditionsLiveUnderGateway() throws IOException {
        write("common.json", "{\"gateway\": {\"port\": 8080, \"host\": \"127.0.0.1\", \"maxBodyBytes\": 2048,"
                + " \"trustProxy\": true}}");
        GatewayConfig.Http http = ConfigLoader.load(Optional.of(dir)).http();
        assertEquals(new GatewayConfig.Http("127.0.0.1", 8080, 2048, true), http);
    }

    @Test
    void connectionLimitsAndTheStopGraceAreConfigurable() throws IOException {
        write("common.json", "{\"gateway\": {\"idleTimeout\": \"45s\", \"headerTimeout\": \"5s\","
                + " \"minBodyBytesPerSecond\": 0, \"maxConnectionsPerAddress\": 32, \"maxConnections\": 500,"
                + " \"maxHeaderBytes\": 65536, \"stopGrace\": \"30s\"}}");
        GatewayConfig.Http http = ConfigLoader.load(Optional.of(dir)).http();
        assertEquals(new HttpSettings.Connections(Duration.ofSeconds(45), Duration.ofSeconds(5), 0, 32, 500, 65_536),
                http.connections());
        assertEquals(Duration.ofSeconds(30), http.stopGrace());
        assertEquals(HttpSettings.Connections.defaults(), ConfigLoader.load(Optional.empty()).http().connections());
        write("common.json", "{\"gateway\": {\"headerTimeout\": \"0s\"}}");
        assertTrue(failure().getMessage().startsWith("common.json: gateway.headerTimeout: must be between"),
                failure().getMessage());
        write("common.json", "{\"gateway\": {\"maxHeaderBytes\": 100}}");
        assertTrue(failure().getMessage().startsWith("common.json: gateway.maxHeaderBytes"), failure().getMessage());
    }

    @Test
    void tokenBoundsAreConfigurable() throws IOException {
        write("common.json", "{\"gateway\": {\"maxTokensPerUser\": 20, \"rateLimits\": {"
                + "\"tokenIssues\": {\"burst\": 3, \"perMinute\": 2},"
                + " \"failedAuthentications\": {\"burst\": 50, \"perMinute\": 60}}}}");
        GatewayConfig.Identity identity = ConfigLoader.load(Optional.of(dir)).identity();
        assertEquals(20, identity.maxTokensPerUser());
        assertEquals(new RateLimiter.Limit(3, 2), identity.tokenIssues());
        assertEquals(new RateLimiter.Limit(50, 60), identity.failedAuthentications());
        GatewayConfig.Identity defaults = ConfigLoader.load(Optional.empty()).identity();
        assertEquals(IdentitySettings.DEFAULT_MAX_LIVE_TOKENS, defaults.maxTokensPerUser());
        assertEquals(IdentitySettings.DEFAULT_TOKEN_ISSUES, defaults.tokenIssues());
        write("common.json", "{\"gateway\": {\"rateLimits\": {\"tokenIssues\": {\"burst\": 3}}}}");
        assertTrue(failure().getMessage().contains("gateway.rateLimits.tokenIssues.perMinute: missing"),
                failure().getMessage());
        write("common.json", "{\"gateway\": {\"rateLimits\": {\"logins\": {}}}}");
        assertTrue(failure().getMessage().contains("gateway.rateLimits.logins: unknown key"), failure().getMessage());
    }

    @Test
    void storageIsTheDataFolderUnlessAPostgresDatabaseIsConfigured() throws IOException {
        write("common.json", "{}");
        assertEquals(new StorageConfig.Sqlite(), ConfigLoader.load(Optional.of(dir)).storage());
        write("pg.password", "s3cret\nignored\n");
        write("common.json", "{\"gateway\": {\"storage\": {\"kind\": \"postgres\","
                + " \"url\": \"jdbc:postgresql://db:5432/gateway\", \"user\": \"gw\","
                + " \"passwordFile\": \"" + dir.resolve("pg.password") + "\", \"poolSize\": 4}}}");
        StorageConfig.Postgres postgres = (StorageConfig.Postgres) ConfigLoader.load(Optional.of(dir)).storage();
        assertEquals("jdbc:postgresql://db:5432/gateway", postgres.settings().url());
        assertEquals("s3cret", postgres.settings().password());
        assertEquals(4, postgres.settings().poolSize());
        assertFalse(postgres.settings().toString().contains("s3cret"));

        write("common.json", "{\"gateway\": {\"storage\": {\"kind\": \"mysql\"}}}");
        assertEquals("common.json: gateway.storage.kind: must be \"sqlite\" or \"postgres\"", failure().getMessage());
        write("common.json", "{\"gateway\": {\"storage\": {\"kind\": \"postgres\", \"url\": \"postgres://db\","
                + " \"user\": \"gw\"}}}");
        assertTrue(failure().getMessage().startsWith("common.json: gateway.storage.url: must be a jdbc:postgresql:"));
        write("common.json", "{\"gateway\": {\"storage\": {\"kind\": \"postgres\","
                + " \"url\": \"jdbc:postgresql://db/gw\", \"user\": \"gw\", \"passwordFile\": \"/no/such/file\"}}}");
        assertEquals("common.json: gateway.storage.passwordFile: cannot read /no/such/file", failure().getMessage());
    }

    @Test
    void thePluginsFolderIsOursToConfigure() throws IOException {
        assertEquals(Optional.empty(), ConfigLoader.load(Optional.empty()).pluginsDir(), "the default folder");
        write("common.json", "{\"gateway\": {\"pluginsDir\": \"/opt/miningos/plugins\"}}");
        assertEquals(Optional.of(Path.of("/opt/miningos/plugins")), ConfigLoader.load(Optional.of(dir)).pluginsDir());
        write("common.json", "{\"gateway\": {\"pluginsDir\": \" \"}}");
        assertEquals("common.json: gateway.pluginsDir: must be a non-empty string", failure().getMessage());
        write("common.json", "{\"gateway\": {\"pluginsDir\": [\"plugins\"]}}");
        assertEquals("common.json: gateway.pluginsDir: must be a non-empty string", failure().getMessage());
        write("common.json", "{\"gateway\": {\"pluginsDir\": \"bad\\u0000path\"}}");
        assertTrue(failure().getMessage().startsWith("common.json: gateway.pluginsDir: not a folder path: "),
                failure().getMessage());
    }

    @Test
    void unknownKeysStopTheStartNamingFileAndKey() throws IOException {
        write("common.json", "{\"site\": \"x\", \"sitee\": \"typo\"}");
        assertEquals("common.json: sitee: unknown key", failure().getMessage());
        write("common.json", "{\"gateway\": {\"prot\": 1}}");
        assertEquals("common.json: gateway.prot: unknown key", failure().getMessage());
        write("common.json", "{}");
        write("facs/auth.config.json", "{\"a0\": {\"superadmin\": \"x@y.io\"}}");
        assertEquals("facs/auth.config.json: a0.superadmin: unknown key", failure().getMessage());
    }

    @Test
    void invalidValuesStopTheStartNamingFileAndKey() throws IOException {
        write("common.json", "{\"ttl\": 4}");
        assertTrue(failure().getMessage().startsWith("common.json: ttl: must be an integer"));
        write("common.json", "{\"site\": 5}");
        assertEquals("common.json: site: must be a non-empty string", failure().getMessage());
        write("common.json", "{\"orks\": {\"cluster-1\": \"key\"}}");
        assertEquals("common.json: orks.cluster-1: must be a JSON object", failure().getMessage());
        write("common.json", "{\"cacheTiming\": {\"/auth/list-things\": 15}}");
        assertTrue(failure().getMessage().startsWith("common.json: cacheTiming./auth/list-things:"));
        write("common.json", "{\"cacheTiming\": {\"/auth/global/data\": \"15 minutes\"}}");
        assertEquals("common.json: cacheTiming./auth/global/data: not a duration like \"15s\" or \"15m\": 15 minutes",
                failure().getMessage());
        write("common.json", "{\"rpcTimeout\": \"fast\"}");
        assertTrue(failure().getMessage().startsWith("common.json: rpcTimeout:"));
        write("common.json", "[1]");
        assertEquals("common.json: the file must hold a JSON object", failure().getMessage());
        write("common.json", "{\"site\": ");
        assertTrue(failure().getMessage().startsWith("common.json: not readable JSON"));
    }

    @Test
    void invalidRolesStopTheStart() throws IOException {
        write("common.json", "{}");
        write("facs/auth.config.json", "{\"a0\": {\"superAdmin\": \"not-an-email\"}}");
        assertEquals("facs/auth.config.json: a0.superAdmin: not a valid e-mail address: not-an-email",
                failure().getMessage());
        write("facs/auth.config.json", "{\"a0\": {\"roles\": {\"Site-Admin\": [\"miner:rw\"]}}}");
        assertTrue(failure().getMessage().startsWith("facs/auth.config.json: a0.roles.Site-Admin:"));
        write("facs/auth.config.json", "{\"a0\": {\"roles\": {\"admin\": [\"miner:rwx\"]}}}");
        assertTrue(failure().getMessage().startsWith("facs/auth.config.json: a0.roles.admin:"));
        write("facs/auth.config.json", "{\"a0\": {\"roles\": {\"admin\": [\"miner:rw\"]},"
                + " \"roleManagement\": {\"admin\": [\"ghost\"]}}}");
        assertTrue(failure().getMessage().contains("ghost"));
        write("facs/auth.config.json", "{\"b0\": {}}");
        assertEquals("facs/auth.config.json: a0: missing\nfacs/auth.config.json: b0: unknown key",
                failure().getMessage(), "every problem, one per line");
        // a misspelt resource would silently grant nothing
        write("facs/auth.config.json", "{\"a0\": {\"roles\": {\"scraper\": [\"metrcs:r\"]}}}");
        assertTrue(failure().getMessage().startsWith(
                "facs/auth.config.json: a0.roles.scraper: unknown permission resource 'metrcs' (known: actions,"),
                failure().getMessage());
    }

    @Test
    void theMetricsPermissionIsOneARoleCanHold() throws IOException {
        write("common.json", "{}");
        write("facs/auth.config.json", "{\"a0\": {\"roles\": {\"admin\": [\"miner:rw\"],"
                + " \"scraper\": [\"metrics:r\"], \"pool_manager\": [\"pool_config:rw\", \"work_order:r\"]}}}");
        GatewayConfig config = ConfigLoader.load(Optional.of(dir));
        assertTrue(config.identity().roles().permissionsOf("scraper").allows("metrics:r"));
        assertFalse(config.identity().roles().permissionsOf("admin").allows("metrics:r"));
    }

    @Test
    void metricsAreOpenToLoopbackUnlessConfiguredOtherwise() throws IOException {
        write("common.json", "{}");
        assertEquals(List.of("127.0.0.0/8", "::1/128"),
                ConfigLoader.load(Optional.of(dir)).observability().metricsAllow());
        write("common.json", "{\"gateway\": {\"metrics\": {\"allow\": [\"10.1.0.0/16\", \"::1\"]}}}");
        assertEquals(List.of("10.1.0.0/16", "::1"), ConfigLoader.load(Optional.of(dir)).observability().metricsAllow());
        write("common.json", "{\"gateway\": {\"metrics\": {\"allow\": []}}}");
        assertEquals(List.of(), ConfigLoader.load(Optional.of(dir)).observability().metricsAllow(),
                "an empty list: a token is always needed");
        write("common.json", "{\"gateway\": {\"metrics\": {\"allow\": [\"prometheus.local\"]}}}");
        assertEquals("common.json: gateway.metrics.allow: not an address or CIDR range: prometheus.local",
                failure().getMessage());
        write("common.json", "{\"gateway\": {\"metrics\": {\"alow\": []}}}");
        assertEquals("common.json: gateway.metrics.alow: unknown key", failure().getMessage());
    }

    @Test
    void theLogFormatIsTextOrJson() throws IOException {
        write("common.json", "{}");
        assertEquals(Optional.empty(), ConfigLoader.load(Optional.of(dir)).observability().logFormat());
        write("common.json", "{\"gateway\": {\"logFormat\": \"json\"}}");
        assertEquals(Optional.of("json"), ConfigLoader.load(Optional.of(dir)).observability().logFormat());
        write("common.json", "{\"gateway\": {\"logFormat\": \"logfmt\"}}");
        assertEquals("common.json: gateway.logFormat: must be \"text\" or \"json\"", failure().getMessage());
    }

    @Test
    void multiSiteModeNamesTheSitesAndAnnouncesThemInTheFeatureConfig() throws IOException {
        write("common.json", """
                {"featureConfig": {"comments": true},
                 "multiSite": {"sites": [
                   {"id": "north", "name": "North Farm", "url": "https://north.example:3000/", "tokenFile": "t/north"},
                   {"id": "south", "name": "South", "url": "http://10.0.0.7:3000", "tokenFile": "/etc/south.token",
                    "tls": {"verify": false}}],
                  "concurrency": 4, "siteTimeout": "5s", "cacheTtl": "2m"}}
                """);
        GatewayConfig config = ConfigLoader.load(Optional.of(dir));
        MultiSiteConfig multi = config.multiSite().orElseThrow();
        assertEquals(2, multi.sites().size());
        assertEquals("https://north.example:3000", multi.sites().get(0).baseUrl().toString());
        assertEquals(dir.resolve("t/north"), multi.sites().get(0).tokenFile());
        assertTrue(multi.sites().get(0).tls().verify());
        assertEquals(false, multi.sites().get(1).tls().verify());
        assertEquals(Path.of("/etc/south.token"), multi.sites().get(1).tokenFile());
        assertEquals(4, multi.concurrency());
        assertEquals(Duration.ofSeconds(5), multi.siteTimeout());
        assertEquals(Duration.ofMinutes(2), multi.cacheTtl());
        assertEquals(true, config.featureConfig().get("isMultiSiteModeEnabled"));
        assertEquals(true, config.featureConfig().get("comments"));
        assertEquals(List.of(Map.of("id", "north", "name", "North Farm"), Map.of("id", "south", "name", "South")),
                config.featureConfig().get("siteList"));
    }

    @Test
    void multiSiteProblemsStopTheStartNamingTheKey() throws IOException {
        write("common.json", """
                {"multiSite": {"sites": [
                   {"id": "north-1", "name": "N", "url": "ftp://x", "tokenFile": "t"},
                   {"id": "south", "name": "S", "url": "http://s:1"},
                   {"id": "east", "name": "E", "url": "http://e:1", "tokenFile": "t", "colour": "red"}],
                  "siteTimeout": "1h"}}
                """);
        String message = failure().getMessage();
        assertTrue(message.contains("multiSite.sites[0].id: must be 1 to 32 lower-case letters and digits"), message);
        assertTrue(message.contains("multiSite.sites[1].tokenFile: missing"), message);
        assertTrue(message.contains("multiSite.sites[2].colour: unknown key"), message);
        assertTrue(message.contains("multiSite.siteTimeout: must be between"), message);
    }

    @Test
    void aMissingFolderOrCommonFileIsReported() throws IOException {
        ConfigException missingDir = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Optional.of(dir.resolve("nope"))));
        assertTrue(missingDir.getMessage().contains("does not exist"));
        assertFalse(Files.exists(dir.resolve("common.json")));
        assertTrue(failure().getMessage().contains("common.json: missing"));
    }
}
