package io.miningos.gateway.query;


import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A client-supplied regular expression that cannot hang the server. Patterns come straight from HTTP clients, and
 * Java's backtracking engine takes exponential time on patterns such as {@code ((a+)+)+b}. So the subject is handed
 * to the engine through a {@link CharSequence} that counts character reads and gives up after a budget that grows
 * with the subject's length; a match that runs out of budget counts as "no match". A pattern that exhausts its
 * budget repeatedly is catastrophic, and from then on it matches nothing without being run, so a hostile query
 * over many documents costs a bounded amount of work in total.
 */
final class GuardedRegex {

    static final int MAX_PATTERN_LENGTH = 200;
    static final long BASE_STEPS = 100_000;
    static final long STEPS_PER_CHAR = 200;
    static final long MAX_STEPS = 5_000_000;
    static final int ABORTS_BEFORE_GIVING_UP = 16;

    private final Pattern pattern;
    private final AtomicInteger aborts = new AtomicInteger();
    // One reusable matcher for the common single-threaded case; concurrent callers make their own.
    private final AtomicReference<Scratch> spare = new AtomicReference<>();

    private GuardedRegex(Pattern pattern) {
        this.pattern = pattern;
    }

    /**
     * Compiles a {@code $regex} with MongoDB's {@code $options} letters: {@code i} (case-insensitive), {@code m}
     * (multi-line anchors), {@code s} (dot matches newline), {@code x} (extended). Anything else is refused.
     */
    static GuardedRegex compile(String regex, String options, String errorCode) {
        if (regex.length() > MAX_PATTERN_LENGTH) {
            throw new QueryException(errorCode);
        }
        int flags = 0;
        if (options != null) {
            for (int i = 0; i < options.length(); i++) {
                flags |= switch (options.charAt(i)) {
                    case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                    case 'm' -> Pattern.MULTILINE;
                    case 's' -> Pattern.DOTALL;
                    case 'x' -> Pattern.COMMENTS;
                    default -> throw new QueryException(errorCode);
                };
            }
        }
        try {
            return new GuardedRegex(Pattern.compile(regex, flags));
        } catch (PatternSyntaxException | StackOverflowError malformed) {
            throw new QueryException(errorCode);
        }
    }

    /** Whether the pattern occurs anywhere in {@code subject} (MongoDB's unanchored search). */
    boolean find(String subject) {
        if (aborts.get() >= ABORTS_BEFORE_GIVING_UP) {
            return false;
        }
        Scratch scratch = spare.getAndSet(null);
        if (scratch == null) {
            scratch = new Scratch(pattern);
        }
        try {
            scratch.input.start(subject, Math.min(MAX_STEPS, BASE_STEPS + STEPS_PER_CHAR * subject.length()));
            return scratch.matcher.reset(scratch.input).find();
        } catch (BudgetExhausted | StackOverflowError runaway) {
            // StackOverflowError: Java's engine recurses per repetition, so long subjects can overflow the stack.
            aborts.incrementAndGet();
            return false;
        } finally {
            scratch.input.finish();
            spare.set(scratch);
        }
    }

    /** Whether this pattern has been given up on as catastrophic. */
    boolean gaveUp() {
        return aborts.get() >= ABORTS_BEFORE_GIVING_UP;
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }

    private static final class Scratch {
        final CountingChars input = new CountingChars();
        final Matcher matcher;

        Scratch(Pattern pattern) {
            this.matcher = pattern.matcher(input);
        }
    }

    /** Hands the subject to the regex engine one counted character at a time. */
    private static final class CountingChars implements CharSequence {
        private String text = "";
        private long remaining;

        void start(String subject, long budget) {
            text = subject;
            remaining = budget;
        }

        void finish() {
            text = "";
        }

        @Override
        public char charAt(int index) {
            if (--remaining < 0) {
                throw BudgetExhausted.INSTANCE;
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Thrown out of the regex engine when a match has used up its budget; carries no stack trace. */
    private static final class BudgetExhausted extends RuntimeException {
        static final BudgetExhausted INSTANCE = new BudgetExhausted();

        private BudgetExhausted() {
            super("regex step budget exhausted", null, false, false);
        }
    }
}
