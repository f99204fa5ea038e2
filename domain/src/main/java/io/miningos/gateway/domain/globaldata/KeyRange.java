package io.miningos.gateway.domain.globaldata;

/**
 * Bounds on the numeric record key ({@code gt}, {@code gte}, {@code lt}, {@code lte} of the API), normalised to one
 * inclusive interval so storage can select it directly. {@code gte=202401&lte=202412} is the year 2024 of
 * production costs. Bounds that exclude everything give an empty range rather than an error.
 *
 * @param from smallest key included
 * @param to   largest key included
 */
public record KeyRange(long from, long to) {

    public static final KeyRange ALL = new KeyRange(Long.MIN_VALUE, Long.MAX_VALUE);

    /** The interval of the four optional bounds; null means "not given". */
    public static KeyRange of(Long gt, Long gte, Long lt, Long lte) {
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        boolean empty = false;
        if (gt != null) {
            if (gt == Long.MAX_VALUE) {
                empty = true;
            } else {
                from = Math.max(from, gt + 1);
            }
        }
        if (gte != null) {
            from = Math.max(from, gte);
        }
        if (lt != null) {
            if (lt == Long.MIN_VALUE) {
                empty = true;
            } else {
                to = Math.min(to, lt - 1);
            }
        }
        if (lte != null) {
            to = Math.min(to, lte);
        }
        return empty ? new KeyRange(Long.MAX_VALUE, Long.MIN_VALUE) : new KeyRange(from, to);
    }

    public boolean isEmpty() {
        return from > to;
    }

    public boolean isAll() {
        return from == Long.MIN_VALUE && to == Long.MAX_VALUE;
    }

    public boolean contains(long key) {
        return key >= from && key <= to;
    }
}
