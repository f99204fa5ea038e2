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
 *
 * <p>With several ORKs behind one UI ({@code gateway.mergeOrks}), a gathering that knows how to merge its answers
 * exactly ({@link #map(MapMerge)}, {@link #mergedBy(EntriesMerge)}) gives the answer one ORK holding every ORK's
 * racks would give instead: a map has one slot holding the merged answer, an each the merged entries.
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
    /** How a map merges its answers in the merged view; null: it is not merged. */
    private final MapMerge mapMerge;
    /** How an each merges its entries in the merged view; null: it is not merged. */
    private final EntriesMerge entriesMerge;

    private Gathering(EntryRule rule, boolean needsAnAnswer, String key, MapMerge mapMerge,
                      EntriesMerge entriesMerge) {
        this.rule = rule;
        this.needsAnAnswer = needsAnAnswer;
        this.key = key;
        this.mapMerge = mapMerge;
        this.entriesMerge = entriesMerge;
    }

    private Gathering(EntryRule rule, boolean needsAnAnswer, String key) {
        this(rule, needsAnAnswer, key, null, null);
    }

    /** A map whose answers are never merged (they do not merge exactly). */
    public static Gathering map() {
        return new Gathering(null, true, null);
    }

    /** A map that the merged view turns into one slot holding {@code merge}'s answer. */
    public static Gathering map(MapMerge merge) {
        return new Gathering(null, true, null, Objects.requireNonNull(merge, "merge"), null);
    }

    /** This each-style gathering, whose entries the merged view turns into {@code merge}'s. */
    public Gathering mergedBy(EntriesMerge merge) {
        if (rule == null) {
            throw new IllegalStateException("only an each-style gathering merges entries");
        }
        return new Gathering(rule, needsAnAnswer, key, null, Objects.requireNonNull(merge, "merge"));
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
        return gather(replies, codec, maxBodyBytes, false);
    }

    /** As {@link #gather(List, JsonCodec, long)}; {@code merged}: the merged view, where this gathering merges. */
    public GatheredAnswer gather(List<OrkReply> replies, JsonCodec codec, long maxBodyBytes, boolean merged) {
        long limit = Math.min(maxBodyBytes, MAX_BODY_BYTES);
        if (merged && mapMerge != null) {
            return mergedMap(replies, codec, limit);
        }
        if (merged && entriesMerge != null) {
            return mergedEach(replies, codec, limit);
        }
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

    private GatheredAnswer mergedMap(List<OrkReply> replies, JsonCodec codec, long maxBodyBytes) {
        List<MapMerge.Answer> answers = new ArrayList<>();
        for (OrkReply reply : replies) {
            if (reply instanceof OrkReply.Answered a) {
                answers.add(new MapMerge.Answer(a.orkId(), codec.read(a.answer())));
            }
        }
        List<String> unusable = new ArrayList<>();
        Object merged = answers.isEmpty() ? null : mapMerge.merge(answers, unusable);
        boolean usable = answers.size() > unusable.size();
        List<OrkFailure> failures = new ArrayList<>();
        for (OrkReply reply : replies) {
            if (reply instanceof OrkReply.Failed f && !(usable && mapMerge.isAbsence(f.failure()))) {
                failures.add(f.failure());
            } else if (unusable.contains(reply.orkId())) {
                failures.add(new OrkFailure(reply.orkId(), OrkFailure.Cause.BAD_ANSWER,
                        "an answer that cannot be merged with the other ORKs' answers"));
            }
        }
        if (!usable && !failures.isEmpty()) {
            throw new OrksUnavailableException(failures);
        }
        RawJson body = replies.isEmpty() ? RawJson.of("[]") : codec.write(List.of(merged == null ? List.of()
                : merged));
        if (body.length() > maxBodyBytes) {
            throw tooLarge();
        }
        return new GatheredAnswer(body, failures);
    }

    private GatheredAnswer mergedEach(List<OrkReply> replies, JsonCodec codec, long maxBodyBytes) {
        List<OrkFailure> failures = new ArrayList<>();
        List<List<Object>> perOrk = new ArrayList<>();
        for (OrkReply reply : replies) {
            if (reply instanceof OrkReply.Failed f) {
                failures.add(f.failure());
            }
            List<Object> entries = new ArrayList<>();
            for (Object entry : rule.entriesOf(reply, codec)) {
                entries.add(entry instanceof RawJson raw ? codec.read(raw) : entry);
            }
            perOrk.add(entries);
        }
        if (needsAnAnswer && failures.size() == replies.size() && !failures.isEmpty()) {
            throw new OrksUnavailableException(failures);
        }
        RawJson body = codec.write(entriesMerge.merge(perOrk));
        if (body.length() > maxBodyBytes) {
            throw tooLarge();
        }
        return new GatheredAnswer(body, failures);
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
