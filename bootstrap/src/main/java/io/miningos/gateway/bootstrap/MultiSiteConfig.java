package io.miningos.gateway.bootstrap;

import io.miningos.gateway.application.cache.CacheTimings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Multi-site mode ({@code common.json: multiSite}): this gateway is the central one, answering the UI's multi-site
 * views from the sites' own gateways over HTTP.
 *
 * @param sites           the sites, in the order the UI lists them
 * @param concurrency     site calls in flight at once, over all requests ({@code concurrency}, default 8)
 * @param siteTimeout     how long one site call may take ({@code siteTimeout}, default 10s)
 * @param maxAnswerBytes  the largest answer read from a site ({@code maxSiteAnswerBytes}, default 8 MiB)
 * @param cacheTtl        how long a site's answer is reused ({@code cacheTtl}, default 60s)
 */
public record MultiSiteConfig(List<Site> sites, int concurrency, Duration siteTimeout, long maxAnswerBytes,
                              Duration cacheTtl) {

    public static final int DEFAULT_CONCURRENCY = 8;
    public static final Duration DEFAULT_SITE_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_ANSWER_BYTES = 8L * 1024 * 1024;
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(60);
    /**
     * Site ids: lower-case letters and digits. The UI upper-cases them as region names and its all-sites report
     * looks cards up through lodash {@code upperCase}, which turns {@code -} and {@code _} into spaces.
     */
    static final Pattern SITE_ID = Pattern.compile("[a-z0-9]{1,32}");

    public MultiSiteConfig {
        sites = List.copyOf(sites);
        Objects.requireNonNull(siteTimeout, "siteTimeout");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
    }

    /**
     * @param id        lower-case letters and digits; the UI's region is its upper-case form
     * @param name      shown by the UI
     * @param baseUrl   the site gateway, e.g. {@code https://north.example.com:3000} (http or https)
     * @param tokenFile the file holding this gateway's service token on that site (from the site's
     *                  {@code service-token} command); relative paths are relative to the config folder
     * @param tls       how the site's certificate is checked (https only)
     */
    public record Site(String id, String name, URI baseUrl, Path tokenFile, Tls tls) {
        public Site {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(tokenFile, "tokenFile");
            Objects.requireNonNull(tls, "tls");
        }
    }

    /**
     * @param verify             check the site's certificate and host name (default true; false only for a lab)
     * @param trustStore         a PKCS#12 or JKS file of the CAs to trust for this site instead of the JVM's
     * @param trustStorePassword its password, if it has one
     */
    public record Tls(boolean verify, Optional<Path> trustStore, Optional<String> trustStorePassword) {
        public static final Tls DEFAULT = new Tls(true, Optional.empty(), Optional.empty());

        public Tls {
            Objects.requireNonNull(trustStore, "trustStore");
            Objects.requireNonNull(trustStorePassword, "trustStorePassword");
        }
    }

    /** {@code featureConfig} as the UI's multi-site mode reads it: the flag, the site list and the reports menu. */
    public Map<String, Object> featureConfig(Map<String, Object> configured) {
        Map<String, Object> features = new LinkedHashMap<>(configured);
        features.put("isMultiSiteModeEnabled", true);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Site site : sites) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", site.id());
            entry.put("name", site.name());
            list.add(entry);
        }
        features.put("siteList", list);
        features.putIfAbsent("reporting", true);
        return features;
    }

    /** Reads {@code common.json: multiSite}; relative paths are resolved against {@code configDir}. */
    static MultiSiteConfig read(ConfigObject section, Path configDir) {
        List<Site> sites = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<ConfigObject> entries = section.need("sites", section.objects("sites"),
                "must be an array of sites ({id, name, url, tokenFile})");
        for (ConfigObject entry : entries == null ? List.<ConfigObject>of() : entries) {
            section.problems().section(() -> {
                Site site = readSite(entry, configDir);
                if (!ids.add(site.id())) {
                    throw entry.error("id", "another site has the id " + site.id());
                }
                sites.add(site);
                return null;
            }, () -> null);
        }
        if (entries != null && entries.isEmpty()) {
            section.problems().report(section.error("sites", "must name at least one site"));
        }
        int concurrency = section.integer("concurrency", 1, 256).map(Long::intValue).orElse(DEFAULT_CONCURRENCY);
        Duration timeout = duration(section, "siteTimeout", Duration.ofMillis(100), Duration.ofMinutes(5))
                .orElse(DEFAULT_SITE_TIMEOUT);
        long maxBytes = section.integer("maxSiteAnswerBytes", 64 * 1024, 1024L * 1024 * 1024)
                .orElse(DEFAULT_MAX_ANSWER_BYTES);
        Duration ttl = duration(section, "cacheTtl", Duration.ZERO, Duration.ofHours(24)).orElse(DEFAULT_CACHE_TTL);
        section.finish();
        return new MultiSiteConfig(sites, concurrency, timeout, maxBytes, ttl);
    }

    private static Site readSite(ConfigObject entry, Path configDir) {
        String id = entry.need("id", entry.string("id"), "missing (lower-case letters and digits)");
        String name = entry.need("name", entry.string("name"), "missing (the name the UI shows)");
        String url = entry.need("url", entry.string("url"), "missing (the site gateway, e.g. https://host:3000)");
        String tokenFile = entry.need("tokenFile", entry.string("tokenFile"),
                "missing (the file the site's service-token command wrote)");
        Tls tls = entry.object("tls").map(t -> readTls(t, configDir)).orElse(Tls.DEFAULT);
        entry.finish();
        if (id == null || name == null || url == null || tokenFile == null) {
            throw ConfigObject.abandon();
        }
        if (!SITE_ID.matcher(id).matches()) {
            throw entry.error("id", "must be 1 to 32 lower-case letters and digits (the UI upper-cases it as the"
                    + " region and loses ids with - or _): " + id);
        }
        if (name.isBlank() || name.length() > 100) {
            throw entry.error("name", "must be 1 to 100 characters");
        }
        return new Site(id, name, baseUrl(entry, url), configDir.resolve(tokenFile).normalize(), tls);
    }

    private static URI baseUrl(ConfigObject entry, String text) {
        try {
            URI uri = new URI(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw entry.error("url", "must be an http or https URL of the site gateway: " + text);
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return new URI(uri.getScheme(), uri.getRawAuthority(), null, null, null)
                    .resolve(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        } catch (URISyntaxException e) {
            throw entry.error("url", "not a URL: " + text);
        }
    }

    private static Tls readTls(ConfigObject tls, Path configDir) {
        boolean verify = tls.bool("verify").orElse(true);
        Optional<Path> store = tls.string("trustStore").map(p -> configDir.resolve(p).normalize());
        Optional<String> password = tls.string("trustStorePassword");
        tls.finish();
        return new Tls(verify, store, password);
    }

    private static Optional<Duration> duration(ConfigObject section, String key, Duration min, Duration max) {
        return section.string(key).flatMap(text -> {
            try {
                Duration value = CacheTimings.parseDuration(text);
                if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                    throw new IllegalArgumentException("must be between " + min.toMillis() + "ms and "
                            + max.toMinutes() + "m: " + text);
                }
                return Optional.of(value);
            } catch (IllegalArgumentException e) {
                section.problems().report(section.error(key, e.getMessage()));
                return Optional.empty();
            }
        });
    }
}
