package io.miningos.gateway.application.ork.port;

/** What {@link RequestDeadline} and {@link RequestCaller} share: a value the thread holds for the length of a work. */
final class ThreadValue {

    private ThreadValue() {
    }

    /** Runs {@code work} with {@code value} in {@code current}, restoring what it held before (or nothing) after. */
    static <T> void runWith(ThreadLocal<T> current, T value, RequestDeadline.Work work) throws Exception {
        T previous = current.get();
        current.set(value);
        try {
            work.run();
        } finally {
            if (previous == null) {
                current.remove();
            } else {
                current.set(previous);
            }
        }
    }
}
