package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.ork.cluster.OrkTransportRegistry;
import io.miningos.gateway.adapters.ork.spi.CommandContext;
import io.miningos.gateway.adapters.ork.spi.TransportCommand;
import io.miningos.gateway.adapters.persistence.PostgresDatabase;
import io.miningos.gateway.adapters.persistence.SqliteDatabase;
import io.miningos.gateway.adapters.persistence.StorageMigration;
import io.miningos.gateway.application.identity.port.in.IssuedToken;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.identity.Role;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;
import io.miningos.gateway.domain.user.User;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The command line: {@code serve}, {@code token}, {@code users add}, and the commands of the installed transport
 * plugins (e.g. {@code hrpc-key}). Exit codes: 0 done, 1 refused or failed (the {@code ERR_*} code, a configuration
 * message or what to fix on stderr, one line), 2 usage error.
 */
public final class Main {

    static final String DEFAULT_DATA_DIR = "miningos-data";
    private static final String BUILT_IN_USAGE = """
              miningos-gateway serve [--port 3000] [--host ADDR] [--data-dir DIR] [--config DIR] [--ui DIR]
              miningos-gateway token --email E [--data-dir DIR] [--config DIR] [--ip IP ...] [--ttl SECONDS]
              miningos-gateway users add --email E --role R [--name NAME] [--data-dir DIR] [--config DIR]
              miningos-gateway service-token --name NAME --out FILE [--ip IP ...] [--ttl SECONDS]
                                             [--role site_federation|site_federation_costs] [--revoke]
                                             [--data-dir DIR] [--config DIR]
              miningos-gateway multi-site-demo [--port 3000] [--sites 3] [--miners 300] [--data-dir DIR] [--ui DIR]
              miningos-gateway check-config --config DIR
              miningos-gateway backup --to FILE [--data-dir DIR]
              miningos-gateway restore --from FILE [--data-dir DIR] [--force]
              miningos-gateway migrate-storage --config DIR [--data-dir DIR]
            """;
    private static final String OPTIONS_HELP = """
            --data-dir  where the gateway keeps its SQLite file and state (default ./%s)
            --config    a Node MiningOS gateway config folder (common.json, facs/auth.config.json,
                        facs/httpd-oauth2.config.json); without it the embedded demo site is used
            --ui        (serve) a built MiningOS UI to host at / (as common.json's staticRootPath)
            --host      (serve) the address to listen on (as common.json's gateway.host)
            service-token  (on a site gateway) the long-lived token a central gateway (multi-site mode) reads
                        this site with: creates the service account NAME@federation.invalid (role
                        site_federation, read-only; site_federation_costs may also write production
                        costs), revokes its older tokens and writes the new one, bound to --ip (the central
                        gateway's address; default loopback) for --ttl seconds (default 90 days, at most 400),
                        into FILE (owner-only). --revoke revokes the account's tokens and writes nothing
            multi-site-demo  simulated site gateways (2..16, each over its own simulated ORK, the first with
                        --miners miners, each next one smaller) and the central gateway of multi-site mode on
                        --port, all in this process, data under --data-dir (default ./miningos-multi-site)
            check-config  every problem of a config folder (files, keys, values, ORK entries and their
                        transports' options, sign-in, the hosted UI), each with its file and key; exit 0 or 1
            backup      a consistent copy of the data folder (database, keys, simulated ORKs' state) in one
                        file, taken while the server runs
            restore     puts a backup in place; refused while a server uses the folder, and over existing
                        data unless --force (which first moves that data aside)
            migrate-storage  copies the data folder's SQLite database (users, tokens, settings, profiles,
                        audit, site-wide data) into the PostgreSQL database of --config's gateway.storage;
                        refused while a server uses the folder; copies only what is missing (run it again to
                        finish an interrupted copy); prints each table's rows on both sides; exit 1 if they differ
            """.formatted(DEFAULT_DATA_DIR);

    private Main() {
    }

    public static void main(String[] args) {
        // Always exit with the code: after a graceful stop, a thread a library left running must not keep the
        // process alive.
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        // Commands take no configuration folder: their plugins are those on the class path and in the default folder.
        return run(args, out, err, () -> TransportPlugins.installed(Optional.empty()));
    }

    /** @param transports the installed transports, whose plugins add commands; asked for only when needed */
    static int run(String[] args, PrintStream out, PrintStream err, Supplier<OrkTransportRegistry> transports) {
        PluginCommands plugins = new PluginCommands(transports);
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            out.print(plugins.usage());
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        if (!command.equals("serve")) {
            // Command output is the last stdout line; keep logging out of stdout.
            System.setProperty("MININGOS_LOG_TARGET", "System.err");
        }
        try {
            return switch (command) {
                case "serve" -> serve(CommandLine.parse(args, 1, Set.of("port", "host", "data-dir", "config", "ui"),
                        Set.of()), out);
                case "token" -> token(CommandLine.parse(args, 1, Set.of("email", "data-dir", "config", "ttl"),
                        Set.of("ip")), out, err);
                case "users" -> users(args, out, err);
                case "service-token" -> serviceToken(CommandLine.parse(args, 1, Set.of("name", "out", "ttl",
                        "role", "data-dir", "config"), Set.of("ip"), Set.of("revoke")), out, err);
                case "multi-site-demo" -> multiSiteDemo(CommandLine.parse(args, 1, Set.of("port", "sites", "miners",
                        "data-dir", "ui"), Set.of()), out);
                case "check-config" -> checkConfig(CommandLine.parse(args, 1, Set.of("config"), Set.of()), out);
                case "backup" -> backup(CommandLine.parse(args, 1, Set.of("to", "data-dir"), Set.of()), out, err);
                case "restore" -> restore(CommandLine.parse(args, 1, Set.of("from", "data-dir"), Set.of(),
                        Set.of("force")), out, err);
                case "migrate-storage" -> migrateStorage(CommandLine.parse(args, 1, Set.of("config", "data-dir"),
                        Set.of()), out);
                default -> {
                    Optional<TransportCommand> plugin = plugins.named(command);
                    yield plugin.isPresent() ? runPlugin(plugin.get(), args, out, err)
                            : usage(err, "unknown command: " + command, plugins);
                }
            };
        } catch (CommandLine.UsageException e) {
            return usage(err, e.getMessage(), plugins);
        } catch (ConfigException e) {
            e.getMessage().lines().forEach(line -> err.println("configuration error: " + line));
            return 1;
        } catch (DomainException e) {
            err.println(e.code());
            return 1;
        } catch (IllegalStateException | UncheckedIOException | ServiceConfigurationError e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // Anything else (e.g. the port is taken): one line for the operator; the trace only at debug level.
            LoggerFactory.getLogger(Main.class).debug("command failed", e);
            err.println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return 1;
        }
    }

    private static int usage(PrintStream err, String problem, PluginCommands plugins) {
        err.println(problem);
        err.print(plugins.usage());
        return 2;
    }

    /**
     * Runs a plugin's command: takes {@code --data-dir DIR} out of the arguments for it; an
     * IllegalArgumentException from the command is a usage error.
     */
    private static int runPlugin(TransportCommand command, String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>();
        String dataDir = null;
        for (int i = 1; i < args.length; i++) {
            if (!args[i].equals("--data-dir")) {
                rest.add(args[i]);
            } else if (i + 1 >= args.length) {
                throw new CommandLine.UsageException("option --data-dir needs a value");
            } else if (dataDir != null) {
                throw new CommandLine.UsageException("option --data-dir given twice");
            } else {
                dataDir = args[++i];
            }
        }
        Path dir = Path.of(dataDir == null ? DEFAULT_DATA_DIR : dataDir).toAbsolutePath();
        try {
            return command.run(new CommandContext(dir, rest, out, err));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException(e.getMessage());
        }
    }

    /** The installed plugins' commands, found only when the command line needs them. */
    private static final class PluginCommands {
        private static final Set<String> BUILT_IN = Set.of("serve", "token", "users", "service-token",
                "multi-site-demo", "check-config", "backup", "restore", "migrate-storage", "help", "--help");
        private final Supplier<OrkTransportRegistry> transports;
        private Map<String, TransportCommand> commands;

        PluginCommands(Supplier<OrkTransportRegistry> transports) {
            this.transports = transports;
        }

        Optional<TransportCommand> named(String name) {
            return Optional.ofNullable(commands().get(name));
        }

        /** Every plugin command by name, in the order of their transports' names. */
        private Map<String, TransportCommand> commands() {
            if (commands == null) {
                Map<String, TransportCommand> byName = new LinkedHashMap<>();
                for (var provider : transports.get().providers()) {
                    for (TransportCommand command : provider.commands()) {
                        if (BUILT_IN.contains(command.name()) || byName.putIfAbsent(command.name(), command) != null) {
                            throw new IllegalStateException("transport " + provider.name() + " adds the command '"
                                    + command.name() + "', which another command already has");
                        }
                    }
                }
                commands = byName;
            }
            return commands;
        }

        /** The usage text: the built-in commands, then the plugins'; a plugin that can't be loaded is named. */
        String usage() {
            Map<String, TransportCommand> plugins;
            String problem = null;
            try {
                plugins = commands();
            } catch (RuntimeException | ServiceConfigurationError e) {
                plugins = Map.of();
                problem = "(the transport plugins' commands are unavailable: " + e.getMessage() + ")\n";
            }
            StringBuilder text = new StringBuilder("usage:\n").append(BUILT_IN_USAGE);
            for (TransportCommand command : plugins.values()) {
                text.append("  miningos-gateway ").append(command.name())
                        .append(command.usage().isEmpty() ? "" : " " + command.usage()).append('\n');
            }
            if (problem != null) {
                text.append(problem);
            }
            text.append('\n').append(OPTIONS_HELP);
            for (TransportCommand command : plugins.values()) {
                List<String> lines = command.description().lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    text.append(i == 0 ? "%-11s ".formatted(command.name()) : " ".repeat(12))
                            .append(lines.get(i)).append('\n');
                }
            }
            return text.toString();
        }
    }

    private static int serve(CommandLine cli, PrintStream out) {
        GatewayConfig loaded = ConfigLoader.load(cli.path("config"));
        GatewayConfig hosting = cli.value("ui").map(loaded::withStaticRoot).orElse(loaded);
        GatewayConfig config = cli.value("host").map(hosting::withHost).orElse(hosting);
        config.observability().logFormat().ifPresent(LogLines::use);
        Path dataDir = cli.path("data-dir").orElse(Path.of(DEFAULT_DATA_DIR)).toAbsolutePath();
        int port = cli.integer("port", 0, 65_535).map(Long::intValue).orElse(config.http().port());
        Gateway gateway = Gateway.openToServe(config, dataDir, Clock.systemUTC());
        int bound;
        try {
            bound = gateway.serve(port).port();
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
        GracefulStop graceful = GracefulStop.of(gateway::close);
        printWelcome(out, gateway, dataDir, bound);
        try {
            graceful.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * What the operator needs right after the start, on stdout; with JSON log lines, as log lines (logger
     * {@code welcome}) so stdout stays one JSON object per line, and without the signed-in UI link: a token never
     * goes into a log.
     */
    private static void printWelcome(PrintStream out, Gateway gateway, Path dataDir, int port) {
        boolean json = LogLines.writingJson();
        List<String> lines = new ArrayList<>();
        GatewayConfig config = gateway.config();
        // the distribution's launcher says it ran us: the operator runs commands with it, not with java -jar
        String launcher = System.getenv("MININGOS_LAUNCHER");
        String command = launcher != null && !launcher.isBlank() ? launcher
                : ProcessHandle.current().info().command().orElse("java") + " -jar " + jarPath();
        lines.add("MiningOS gateway for site %s listening on http://localhost:%d (data in %s)".formatted(
                config.site(), port, dataDir));
        lines.add("Get a token for the super admin (" + config.identity().superAdmin() + "):");
        lines.add("  TOKEN=$(%s token --data-dir %s --email %s | tail -n 1)".formatted(command, dataDir,
                config.identity().superAdmin()));
        lines.add("  curl -H \"Authorization: Bearer $TOKEN\" http://localhost:%d/auth/userinfo".formatted(port));
        lines.add(config.signIn().map(signIn -> "Users sign in with Google at http://localhost:%d%s".formatted(port,
                        signIn.startPath()))
                .orElse("Google sign-in is not configured (facs/httpd-oauth2.config.json); use the token command"
                        + " above."));
        if (config.staticRootPath().isPresent()) {
            if (config.signIn().isEmpty() && !json) {
                // Nobody can sign in through the hosted UI: hand the operator a link that is signed in already.
                IssuedToken issued = gateway.identity().issueFor(config.identity().superAdmin(),
                        Set.of(ClientIp.parse("127.0.0.1"), ClientIp.parse("::1")), OptionalLong.empty());
                lines.add("Open the UI as %s (from this machine, valid %d s):%n  http://localhost:%d/?authToken=%s"
                        .formatted(config.identity().superAdmin(), issued.grant().ttlSeconds(), port,
                                URLEncoder.encode(issued.text(), StandardCharsets.UTF_8)));
            } else if (config.signIn().isEmpty()) {
                lines.add("The UI: http://localhost:%d/?authToken=<a token from the token command>".formatted(port));
            } else {
                lines.add("The UI: http://localhost:%d/".formatted(port));
            }
        }
        lines.addAll(gateway.startupNotes());
        if (json) {
            org.slf4j.Logger welcome = LoggerFactory.getLogger("welcome");
            lines.forEach(welcome::info);
        } else {
            lines.forEach(out::println);
            out.flush();
        }
    }

    private static String jarPath() {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            return "miningos-gateway.jar";
        }
    }

    private static int token(CommandLine cli, PrintStream out, PrintStream err) {
        Email email = Email.parse(cli.required("email"));
        List<String> ipTexts = cli.all("ip").isEmpty() ? List.of("127.0.0.1", "::1") : cli.all("ip");
        Set<ClientIp> ips = new LinkedHashSet<>();
        for (String ip : ipTexts) {
            ips.add(ClientIp.parse(ip));
        }
        OptionalLong ttl = cli.integer("ttl", 1, Long.MAX_VALUE).map(OptionalLong::of).orElse(OptionalLong.empty());
        try (Gateway gateway = open(cli)) {
            IssuedToken issued = gateway.identity().issueFor(email, ips, ttl);
            err.printf("token for %s (user %d), valid %d s, usable from %s%n", email, issued.grant().userId(),
                    issued.grant().ttlSeconds(), ips);
            out.println(issued.text());
        }
        return 0;
    }

    /** The service account's name: letters, digits, {@code -}; its e-mail is {@code <name>@federation.invalid}. */
    private static final java.util.regex.Pattern SERVICE_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    static final long DEFAULT_SERVICE_TTL_SECONDS = 90L * 86_400;

    private static int serviceToken(CommandLine cli, PrintStream out, PrintStream err) {
        String name = cli.required("name");
        if (!SERVICE_NAME.matcher(name).matches()) {
            throw new CommandLine.UsageException("--name must be 1 to 40 lower-case letters, digits and -");
        }
        Email email = new Email(name + "@federation.invalid");
        try (Gateway gateway = open(cli)) {
            if (cli.flag("revoke")) {
                User user = gateway.users().findByEmail(email)
                        .orElseThrow(() -> DomainException.notFound("ERR_USER_INVALID"));
                int revoked = gateway.identity().revokeAllOf(user.id());
                err.printf("revoked %d token(s) of %s%n", revoked, email);
                return 0;
            }
            Path file = Path.of(cli.required("out")).toAbsolutePath();
            String role = cli.value("role").orElse(RoleCatalog.SITE_FEDERATION);
            if (!RoleCatalog.SERVICE_ROLES.contains(role)) {
                throw new CommandLine.UsageException("--role must be " + RoleCatalog.SITE_FEDERATION + " or "
                        + RoleCatalog.SITE_FEDERATION_COSTS);
            }
            List<String> ipTexts = cli.all("ip").isEmpty() ? List.of("127.0.0.1", "::1") : cli.all("ip");
            Set<ClientIp> ips = new LinkedHashSet<>();
            for (String ip : ipTexts) {
                ips.add(ClientIp.parse(ip));
            }
            long ttl = cli.integer("ttl", 1, Long.MAX_VALUE).orElse(DEFAULT_SERVICE_TTL_SECONDS);
            User user = gateway.users().ensureServiceAccount(email, name, role);
            IssuedToken issued = gateway.identity().issueServiceToken(email, ips, ttl);
            ServiceTokenFile.write(file, issued.text());
            err.printf("service token for %s (user %d, role %s), valid %d s, usable from %s, written to %s%n", email,
                    user.id(), user.role(), issued.grant().ttlSeconds(), ips, file);
            out.println(file);
        }
        return 0;
    }

    private static int multiSiteDemo(CommandLine cli, PrintStream out) {
        Path root = cli.path("data-dir").orElse(Path.of("miningos-multi-site")).toAbsolutePath();
        int sites = cli.integer("sites", 2, MultiSiteDemo.MAX_SITES).map(Long::intValue).orElse(3);
        int miners = cli.integer("miners", 8, 2_000).map(Long::intValue).orElse(300);
        int port = cli.integer("port", 0, 65_535).map(Long::intValue).orElse(GatewayConfig.Http.DEFAULT_PORT);
        MultiSiteDemo demo = MultiSiteDemo.start(root, sites, miners, port, cli.value("ui"), Clock.systemUTC());
        GracefulStop graceful = GracefulStop.of(demo::close);
        out.printf("MiningOS multi-site demo: %d simulated site gateways and the central gateway on"
                + " http://localhost:%d (data in %s)%n", sites, demo.port(), root);
        out.printf("Get a token for the super admin:%n  TOKEN=$(%s -jar %s token --data-dir %s --email %s | tail -n 1)%n",
                ProcessHandle.current().info().command().orElse("java"), jarPath(), root.resolve("central"),
                demo.central().config().identity().superAdmin());
        if (cli.value("ui").isPresent()) {
            out.println("Open the UI (from this machine): " + demo.signedInLink());
        }
        out.flush();
        demo.warmUp();
        try {
            graceful.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int users(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !args[1].equals("add")) {
            throw new CommandLine.UsageException("users: the only subcommand is 'add'");
        }
        CommandLine cli = CommandLine.parse(args, 2, Set.of("email", "role", "name", "data-dir", "config"), Set.of());
        NewUser user = new NewUser(Email.parse(cli.required("email")), cli.value("name").orElse(null),
                validRoleName(cli.required("role")));
        try (Gateway gateway = open(cli)) {
            User created = gateway.users().createFromConsole(user);
            out.printf("created user %d %s with role %s%n", created.id(), created.email(), created.role());
        }
        return 0;
    }

    /** Each problem on a line of its own (stdout), then one line with the verdict. */
    private static int checkConfig(CommandLine cli, PrintStream out) {
        Path dir = Path.of(cli.required("config")).toAbsolutePath();
        List<String> problems = ConfigCheck.problems(dir);
        problems.forEach(out::println);
        out.println(problems.isEmpty() ? dir + ": configuration OK"
                : dir + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        return problems.isEmpty() ? 0 : 1;
    }

    private static int backup(CommandLine cli, PrintStream out, PrintStream err) {
        Path dataDir = cli.path("data-dir").orElse(Path.of(DEFAULT_DATA_DIR)).toAbsolutePath();
        Path archive = Path.of(cli.required("to")).toAbsolutePath();
        Backups.Summary summary = Backups.backup(dataDir, archive);
        err.printf("backed up %s: the database (%d bytes) and %d other files%n", dataDir, summary.databaseBytes(),
                summary.otherFiles());
        out.println(archive);
        return 0;
    }

    private static int restore(CommandLine cli, PrintStream out, PrintStream err) {
        Path dataDir = cli.path("data-dir").orElse(Path.of(DEFAULT_DATA_DIR)).toAbsolutePath();
        Path archive = Path.of(cli.required("from")).toAbsolutePath();
        Backups.Restored restored = Backups.restore(archive, dataDir, cli.flag("force"), Clock.systemUTC());
        restored.setAside().ifPresent(aside -> err.println("the data it replaced is in " + aside));
        err.printf("restored %s from %s (backed up %s): the database and %d other files%n", dataDir, archive,
                restored.backedUpAt(), restored.otherFiles());
        out.println(dataDir);
        return 0;
    }

    private static String validRoleName(String role) {
        if (!Role.isValidName(role)) {
            throw DomainException.invalid("ERR_INVALID_ROLE");
        }
        return role;
    }

    /**
     * Copies the data folder's SQLite database into the configured PostgreSQL one, holding the folder's serve lock so
     * no server writes to the SQLite file meanwhile.
     */
    private static int migrateStorage(CommandLine cli, PrintStream out) {
        Path configDir = cli.path("config").orElseThrow(() -> new CommandLine.UsageException(
                "migrate-storage needs --config: the folder whose common.json names the PostgreSQL database"));
        if (!(ConfigLoader.load(Optional.of(configDir)).storage() instanceof StorageConfig.Postgres target)) {
            throw new CommandLine.UsageException("the configuration's gateway.storage is not {\"kind\": \"postgres\","
                    + " ...}: there is nothing to migrate to");
        }
        Path dataDir = cli.path("data-dir").orElse(Path.of(DEFAULT_DATA_DIR)).toAbsolutePath();
        if (!Files.isRegularFile(dataDir.resolve(SqliteDatabase.FILE_NAME))) {
            throw new IllegalStateException("no gateway database in " + dataDir + " (" + SqliteDatabase.FILE_NAME
                    + " is missing)");
        }
        boolean same = true;
        try (DataFolder.ServeLock ignored = DataFolder.lockForServing(dataDir);
             SqliteDatabase from = SqliteDatabase.open(dataDir);
             PostgresDatabase to = PostgresDatabase.open(target.settings())) {
            out.printf("%-15s %8s %8s %11s%n", "table", "sqlite", "copied", "postgresql");
            for (StorageMigration.TableCount count : StorageMigration.copy(from, to)) {
                out.printf("%-15s %8d %8d %11d%s%n", count.table(), count.source(), count.copied(), count.target(),
                        count.matches() ? "" : "  differs");
                same &= count.matches();
            }
        }
        out.println(same ? "every table has as many rows in PostgreSQL as in SQLite"
                : "some tables differ: was the PostgreSQL database empty? (rows already there are kept)");
        return same ? 0 : 1;
    }

    private static Gateway open(CommandLine cli) {
        GatewayConfig config = ConfigLoader.load(cli.path("config"));
        Path dataDir = cli.path("data-dir").orElse(Path.of(DEFAULT_DATA_DIR)).toAbsolutePath();
        return Gateway.open(config, dataDir, Clock.systemUTC());
    }

    /** {@code --name value} options; repeatable ones collect every value. */
    static final class CommandLine {
        private final Map<String, List<String>> values;

        private CommandLine(Map<String, List<String>> values) {
            this.values = values;
        }

        static final class UsageException extends RuntimeException {
            UsageException(String message) {
                super(message);
            }
        }

        static CommandLine parse(String[] args, int from, Set<String> single, Set<String> repeatable) {
            return parse(args, from, single, repeatable, Set.of());
        }

        /** @param flags options without a value ({@code --force}), read with {@link #flag} */
        static CommandLine parse(String[] args, int from, Set<String> single, Set<String> repeatable,
                                 Set<String> flags) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (int i = from; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    throw new UsageException("unexpected argument: " + arg);
                }
                String name = arg.substring(2);
                if (flags.contains(name)) {
                    if (values.putIfAbsent(name, List.of()) != null) {
                        throw new UsageException("option " + arg + " given twice");
                    }
                    continue;
                }
                if (!single.contains(name) && !repeatable.contains(name)) {
                    throw new UsageException("unknown option: " + arg);
                }
                if (i + 1 >= args.length) {
                    throw new UsageException("option " + arg + " needs a value");
                }
                List<String> list = values.computeIfAbsent(name, k -> new ArrayList<>());
                if (single.contains(name) && !list.isEmpty()) {
                    throw new UsageException("option " + arg + " given twice");
                }
                list.add(args[++i]);
            }
            return new CommandLine(values);
        }

        Optional<String> value(String name) {
            List<String> list = values.get(name);
            return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.getFirst());
        }

        boolean flag(String name) {
            return values.containsKey(name);
        }

        String required(String name) {
            return value(name).orElseThrow(() -> new UsageException("option --" + name + " is required"));
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }

        Optional<Path> path(String name) {
            return value(name).map(Path::of);
        }

        Optional<Long> integer(String name, long min, long max) {
            Optional<String> text = value(name);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                long v = Long.parseLong(text.get());
                if (v < min || v > max) {
                    throw new UsageException("--" + name + " must be between " + min + " and " + max);
                }
                return Optional.of(v);
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be a whole number");
            }
        }
    }
}
