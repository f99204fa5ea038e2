package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.ork.cluster.OrkTransportRegistry;
import io.miningos.gateway.adapters.ork.spi.CommandContext;
import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;
import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;
import io.miningos.gateway.adapters.ork.spi.TransportCommand;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commands that transport plugins add to the command line: listed in the usage text and run by name. */
class PluginCommandsTest {

    private record Outcome(int exit, String stdout, String stderr) {
    }

    /** A plugin command that records what it ran with, or fails as told by its first argument. */
    private static final class Recorded implements TransportCommand {
        private final String name;
        final List<CommandContext> runs = new ArrayList<>();

        Recorded(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String usage() {
            return "[--data-dir DIR] [--shout]";
        }

        @Override
        public String description() {
            return "says hello to the ORK operators\nin two lines";
        }

        @Override
        public int run(CommandContext context) {
            runs.add(context);
            if (context.args().contains("--bad")) {
                throw new IllegalArgumentException("unknown option: --bad");
            }
            if (context.args().contains("--broken")) {
                throw new IllegalStateException("the pigeon loft is locked");
            }
            context.out().println("hello" + (context.args().contains("--shout") ? "!" : ""));
            return 0;
        }
    }

    private static OrkTransportProvider provider(String name, TransportCommand... commands) {
        return new OrkTransportProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public OrkTransport open(OrkTransportContext context) {
                throw new UnsupportedOperationException("commands never open ORKs");
            }

            @Override
            public List<TransportCommand> commands() {
                return List.of(commands);
            }
        };
    }

    private static Outcome run(List<OrkTransportProvider> providers, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> new OrkTransportRegistry(providers));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theUsageListsEveryPluginCommandWithItsDescription() {
        Outcome help = run(List.of(provider("pigeon", new Recorded("pigeon-hello"))), "help");

        assertEquals(0, help.exit());
        assertTrue(help.stdout().contains("""
                  miningos-gateway migrate-storage --config DIR [--data-dir DIR]
                  miningos-gateway pigeon-hello [--data-dir DIR] [--shout]
                """), help.stdout());
        assertTrue(help.stdout().endsWith("""
                pigeon-hello says hello to the ORK operators
                            in two lines
                """), help.stdout());
    }

    @Test
    void aPluginCommandRunsWithTheDataDirTakenOutOfItsArguments() {
        Recorded hello = new Recorded("pigeon-hello");

        Outcome outcome = run(List.of(provider("pigeon", hello)), "pigeon-hello", "--shout", "--data-dir", "site/data");

        assertEquals(0, outcome.exit(), outcome.stderr());
        assertEquals("hello!\n", outcome.stdout());
        assertEquals(Path.of("site/data").toAbsolutePath(), hello.runs.getFirst().dataDir());
        assertEquals(List.of("--shout"), hello.runs.getFirst().args());
        assertEquals(Path.of(Main.DEFAULT_DATA_DIR).toAbsolutePath(),
                runAndGet(hello, "pigeon-hello").dataDir(), "the default data dir");
    }

    private static CommandContext runAndGet(Recorded command, String... args) {
        run(List.of(provider("pigeon", command)), args);
        return command.runs.getLast();
    }

    @Test
    void usageErrorsAndFailuresAreReportedLikeTheBuiltInCommands() {
        List<OrkTransportProvider> providers = List.of(provider("pigeon", new Recorded("pigeon-hello")));

        Outcome bad = run(providers, "pigeon-hello", "--bad");
        assertEquals(2, bad.exit());
        assertTrue(bad.stderr().startsWith("unknown option: --bad\nusage:"), bad.stderr());

        Outcome noValue = run(providers, "pigeon-hello", "--data-dir");
        assertEquals(2, noValue.exit());
        assertTrue(noValue.stderr().startsWith("option --data-dir needs a value\n"), noValue.stderr());

        Outcome broken = run(providers, "pigeon-hello", "--broken");
        assertEquals(1, broken.exit());
        assertEquals("error: the pigeon loft is locked\n", broken.stderr());

        Outcome unknown = run(providers, "pigeon-goodbye");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.stderr().startsWith("unknown command: pigeon-goodbye\nusage:"), unknown.stderr());
    }

    @Test
    void aPluginCommandMayNotTakeTheNameOfAnotherCommand() {
        Outcome builtIn = run(List.of(provider("pigeon", new Recorded("serve"))), "pigeon-hello");
        assertEquals(1, builtIn.exit());
        assertEquals("error: transport pigeon adds the command 'serve', which another command already has\n",
                builtIn.stderr());

        Outcome twice = run(List.of(provider("a", new Recorded("hello")), provider("b", new Recorded("hello"))),
                "hello");
        assertEquals(1, twice.exit());
        assertTrue(twice.stderr().startsWith("error: transport b adds the command 'hello'"), twice.stderr());

        Outcome help = run(List.of(provider("pigeon", new Recorded("serve"))), "help");
        assertEquals(0, help.exit(), "the usage text still shows");
        assertTrue(help.stdout().contains("(the transport plugins' commands are unavailable: transport pigeon adds"),
                help.stdout());
    }
}
