package io.miningos.gateway.adapters.ork.spi;

/**
 * A command a transport plugin adds to the gateway's command line ({@code miningos-gateway <name> [options]}), such
 * as {@code hrpc-key}. The gateway lists it in its usage text and runs it in a process of its own, without starting
 * the server or opening any ORK. Logging goes to stderr while a command runs, so stdout holds only what the command
 * prints.
 */
public interface TransportCommand {

    /** The command word, e.g. {@code hrpc-key}: lower-case letters, digits and dashes. */
    String name();

    /** Its options as shown in the usage line after the name, e.g. {@code [--data-dir DIR]}; empty for none. */
    String usage();

    /**
     * What it does, for the usage text: one short paragraph, wrapped by the plugin at about 90 characters (lines
     * separated by {@code \n}). Empty for none.
     */
    default String description() {
        return "";
    }

    /**
     * Runs the command. The gateway has already taken {@code --data-dir DIR} (every command accepts it) out of the
     * arguments and passes the rest.
     *
     * @return the process exit code: 0 done, 1 refused or failed (after one line on {@code err} saying why)
     * @throws IllegalArgumentException for a usage error (an unknown option, a missing value): the gateway prints
     *                                  the message and its usage text on stderr and exits with code 2
     * @throws RuntimeException         any other failure: the gateway prints {@code error: <message>} as one line
     *                                  on stderr and exits with code 1
     */
    int run(CommandContext context);
}
