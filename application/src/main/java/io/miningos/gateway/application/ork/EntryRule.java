package io.miningos.gateway.application.ork;

import io.miningos.gateway.application.ork.port.out.JsonCodec;

import java.util.List;

/**
 * How one ORK's reply becomes entries of an "each"-style response (the entries of all ORKs are concatenated in
 * configuration order). Entries are plain Java JSON values, or {@link RawJson} to pass an answer on untouched.
 */
@FunctionalInterface
public interface EntryRule {

    List<Object> entriesOf(OrkReply reply, JsonCodec codec);
}
