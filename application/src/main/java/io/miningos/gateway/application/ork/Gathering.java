package io.miningos.gateway.application.ork;

import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.application.ork.port.OrksUnavailableException;
import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.application.ork.port.out.JsonCodec;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the replies of all ORKs become one response body (the two styles of the API contract):
 * <ul>
 *   <li><b>map</b>: a JSON array with one slot per ORK in configuration order holding that ORK's answer as it
 *       was sent; a failed ORK's slot is an empty array {@code []} (the UI iterates slots and reads properties, so
 *       a {@code null} slot would break it).</li>
 *   <li><b>each</b>: the entries an {@link EntryRule} makes of every reply, concatenated.</li>
 * </ul>
 * A map, and an each that {@linkplain #eachOfAnswers needs an answer}, fail with
 * {@link OrksUnavailableException} when every ORK failed.
 */
public final class Gathering {

    private static final byte[] EMPTY_SLOT = "[]".getBytes(StandardCharsets.US_ASCII);
    /** Java arrays stop a little short of Integer.MAX_VALUE. */
    public static final long MAX_BODY_BYTES = Integer.MAX_VALUE - 16;
    /** The answers of the ORKs would make a response larger than the gateway sends (502). */
    public static final String RESPONSE_TOO_LARGE = "ERR_RESPONSE_TOO_LARGE";

    private final EntryRule rule;
    private final boolean needsAnAnswer;
    /** When set, the map is sent as the value of this one key of an object. */
    private final String key;

    private Gathering(EntryRule rule, boolean needsAnAnswer, String key) {
        this.rule = rule;
        this.needsAnAnswer = needsAnAnswer;
        this.key = key;
    }

    public static Gathering map() {
        return new Gathering(null, true, null);
    }

    /**
     * The map as the value of {@code key} in an object, e.g. {@code {"success": [<each ORK's answer>]}} (what the
     * shipped UI reads of {@code POST /auth/global-config}); fails like {@link #map()} when every ORK failed.
     */
    public static Gathering mapUnder(String key) {
        if (!key.matches("[A-Za-z]+")) {
            throw new IllegalArgumentException("a plain key: " + key);
        }
        return new Gathering(null, true, key);
    }

    /** Each-style whose entry rule also describes failures (writes, settings): answers even if every ORK failed. */
    public static Gathering each(EntryRule rule) {
        return new Gathering(Objects.requireNonNull(rule, "rule"), false, null);
    }

    /** Each-style read that is meaningless without any answer (it fails, and is not cached, if every ORK failed). */
    public static Gathering eachOfAnswers(EntryRule rule) {
        return new Gathering(Objects.requireNonNull(rule, "rule"), true, null);
    }

    public GatheredAnswer gather(List<OrkReply> replies, JsonCodec codec) {
        return gather(replies, codec, MAX_BODY_BYTES);
    }

    /**
     * The response, at most {@code maxBodyBytes} long: a larger one fails with {@value #RESPONSE_TOO_LARGE} (502)
     * before it is assembled (map) or as soon as it grows past the bound (each).
     */
    public GatheredAnswer gather(List<OrkReply> replies, JsonCodec codec, long maxBodyBytes) {
        List<OrkFailure> failures = new ArrayList<>();
        long answered = 0;
        for (OrkReply reply : replies) {
            if (reply instanceof OrkReply.Failed failed) {
                failures.add(failed.failure());
            } else {
                answered++;
            }
        }
        if (needsAnAnswer && answered == 0 && !failures.isEmpty()) {
            throw new OrksUnavailableException(failures);
        }
        long bound = Math.min(maxBodyBytes, MAX_BODY_BYTES);
        RawJson body = rule == null ? mapBody(replies, bound) : eachBody(replies, codec, bound);
        return new GatheredAnswer(key == null ? body : under(key, body), failures);
    }

    private static RawJson mapBody(List<OrkReply> replies, long maxBodyBytes) {
        long size = 2 + Math.max(0, replies.size() - 1);
        for (OrkReply reply : replies) {
            size += reply instanceof OrkReply.Answered a ? a.answer().length() : EMPTY_SLOT.length;
        }
        if (size > maxBodyBytes) {
            throw tooLarge();
        }
        // Exactly sized: large answers (list-things on a big site) are copied once, straight into place.
        byte[] body = new byte[(int) size];
        int at = 0;
        body[at++] = '[';
        for (int i = 0; i < replies.size(); i++) {
            if (i > 0) {
                body[at++] = ',';
            }
            if (replies.get(i) instanceof OrkReply.Answered answered) {
                answered.answer().copyInto(body, at);
                at += answered.answer().length();
            } else {
                System.arraycopy(EMPTY_SLOT, 0, body, at, EMPTY_SLOT.length);
                at += EMPTY_SLOT.length;
            }
        }
        body[at] = ']';
        return RawJson.wrap(body);
    }

    private static RawJson under(String key, RawJson body) {
        byte[] head = ("{\"" + key + "\":").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + body.length() + 1];
        System.arraycopy(head, 0, out, 0, head.length);
        body.copyInto(out, head.length);
        out[out.length - 1] = '}';
        return RawJson.wrap(out);
    }

    private static DomainException tooLarge() {
        return new DomainException(ErrorKind.UPSTREAM_FAILED, RESPONSE_TOO_LARGE);
    }

    private RawJson eachBody(List<OrkReply> replies, JsonCodec codec, long maxBodyBytes) {
        BoundedBytes out = new BoundedBytes(maxBodyBytes);
        out.write('[');
        boolean first = true;
        for (OrkReply reply : replies) {
            for (Object entry : rule.entriesOf(reply, codec)) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                RawJson json = entry instanceof RawJson raw ? raw : codec.write(entry);
                json.writeTo(out);
            }
        }
        out.write(']');
        return RawJson.wrap(out.toByteArray());
    }

    /** A byte buffer that refuses to grow past its bound. */
    private static final class BoundedBytes extends ByteArrayOutputStream {
        private final long bound;

        BoundedBytes(long bound) {
            this.bound = bound;
        }

        @Override
        public synchronized void write(int b) {
            room(1);
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            room(length);
            super.write(bytes, offset, length);
        }

        private void room(int more) {
            if ((long) count + more > bound) {
                throw tooLarge();
            }
        }
    }
}
