import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Summarizes a JFR recording of the gateway under load (bench/Bench.java --jfr writes them): where the CPU
 * samples are (self, and inclusive for the gateway's, Javalin's, Jetty's, Jackson's and logback's frames), what
 * share of the samples each part of request handling is on the stack for, and which sites allocate the most.
 *
 * <pre>java bench/JfrSummary.java RECORDING.jfr [top N]</pre>
 */
public final class JfrSummary {

    /** Parts of a request, by a frame that is on the stack; the first matching rule of a stack counts. */
    private static final Map<String, List<String>> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("access log (logback)", List.of("ch.qos.logback.", "io.miningos.gateway.adapters.http"
                + ".GatewayHttpServer.logRequest"));
        PARTS.put("request ids and metrics", List.of("io.miningos.gateway.adapters.http.RequestIds",
                "io.miningos.gateway.adapters.http.metrics.", "io.prometheus."));
        PARTS.put("authentication (token parse, SHA-256, session cache)", List.of(
                "io.miningos.gateway.adapters.http.Authentication.",
                "io.miningos.gateway.application.identity.IdentityService",
                "io.miningos.gateway.application.identity.UserActivity", "io.miningos.gateway.domain.token."));
        PARTS.put("storage (SQLite, jOOQ)", List.of("io.miningos.gateway.adapters.persistence.", "org.jooq.",
                "org.sqlite."));
        PARTS.put("JSON writing (ctx.json, Jackson)", List.of("io.javalin.json.", "io.javalin.util.PipedStreamUtil",
                "com.fasterxml.jackson.databind.ObjectMapper.write", "com.fasterxml.jackson.databind.ObjectWriter"));
        PARTS.put("query parameters (parsing, validation)", List.of("io.miningos.gateway.adapters.http.QueryParams",
                "com.fasterxml.jackson.core.json.ReaderBasedJsonParser", "com.fasterxml.jackson.databind.ObjectMapper"
                        + ".readTree"));
        // not application.ork.port.RequestDeadline, which wraps every handler
        PARTS.put("answer cache and ORK requests", List.of("io.miningos.gateway.application.cache.",
                "io.miningos.gateway.application.ork.Ork", "io.miningos.gateway.application.ork.Gathering",
                "com.github.benmanes.caffeine."));
        PARTS.put("writing the body (result stream copy, gzip, socket write)", List.of(
                "kotlin.io.ByteStreamsKt.copyTo", "io.javalin.http.servlet.JavalinServletContext",
                "io.javalin.compression.", "io.miningos.gateway.adapters.http.ResponseBodies", "java.util.zip."));
        PARTS.put("other gateway code", List.of("io.miningos."));
        PARTS.put("Javalin routing / handlers", List.of("io.javalin."));
        PARTS.put("Jetty HTTP (parse, headers, socket I/O)", List.of("org.eclipse.jetty."));
        PARTS.put("virtual-thread / fork-join scheduling", List.of("java.util.concurrent.ForkJoin",
                "java.lang.VirtualThread", "jdk.internal.vm.Continuation"));
    }

    /** Frames worth listing inclusively (Jetty's and Javalin's servlet frames are on every stack). */
    private static final List<String> INTERESTING = List.of("io.miningos.", "io.javalin.json.",
            "io.javalin.compression.", "io.javalin.router.", "io.javalin.http.servlet.JavalinServlet.writeResponse",
            "com.fasterxml.jackson.", "ch.qos.logback.", "org.slf4j.", "com.github.benmanes.", "kotlin.io.",
            "java.security.", "sun.security.", "java.util.regex.", "java.util.zip.");

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> parts = new LinkedHashMap<>();
        PARTS.keySet().forEach(p -> parts.put(p, 0L));
        parts.put("(JDK / JVM only)", 0L);
        Map<String, Long> regexCallers = new HashMap<>();
        Map<String, Double> allocationSites = new HashMap<>();
        Map<String, Double> allocationClasses = new HashMap<>();
        long samples = 0;
        double allocated = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null) {
                    continue;
                }
                List<RecordedFrame> frames = stack.getFrames();
                if (type.equals("jdk.ExecutionSample")) {
                    samples++;
                    if (!frames.isEmpty()) {
                        self.merge(name(frames.get(0)), 1L, Long::sum);
                    }
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame frame : frames) {
                        String name = name(frame);
                        if (INTERESTING.stream().anyMatch(name::startsWith) && seen.add(name)) {
                            inclusive.merge(name, 1L, Long::sum);
                        }
                    }
                    parts.merge(partOf(frames), 1L, Long::sum);
                    callerOf(frames, "java.util.regex.").ifPresent(c -> regexCallers.merge(c, 1L, Long::sum));
                } else if (type.equals("jdk.ObjectAllocationSample")) {
                    double weight = event.getLong("weight");
                    allocated += weight;
                    allocationClasses.merge(event.getClass("objectClass").getName(), weight, Double::sum);
                    allocationSites.merge(site(frames), weight, Double::sum);
                }
            }
        }
        System.out.printf("%s: %d CPU samples%n%n", file.getFileName(), samples);
        System.out.println("share of CPU samples by the part of request handling on the stack (first rule that matches, in this order):");
        long total = Math.max(1, samples);
        parts.forEach((part, count) -> System.out.printf("  %5.1f%%  %s%n", 100.0 * count / total, part));
        System.out.println("\ntop frames (self):");
        print(self, total, top);
        System.out.println("\non the stack (inclusive; gateway, Javalin JSON/routing, Jackson, logback, crypto, regex, zip):");
        print(inclusive, total, top);
        System.out.println("\nwho runs regular expressions (caller of the java.util.regex frames):");
        print(regexCallers, total, Math.min(top, 8));
        System.out.printf("%nallocation by site (first frame outside java.*/jdk.*/kotlin.*), of %.0f MB sampled weight:%n",
                allocated / 1e6);
        printWeights(allocationSites, allocated, top);
        System.out.println("\nallocation by class:");
        printWeights(allocationClasses, allocated, Math.min(top, 10));
    }

    /** The first frame below (calling) the top-most run of frames in {@code pkg}, if the stack has any. */
    private static java.util.Optional<String> callerOf(List<RecordedFrame> frames, String pkg) {
        boolean inside = false;
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            if (name.startsWith(pkg)) {
                inside = true;
            } else if (inside && !name.startsWith("java.lang.String")) {
                return java.util.Optional.of(name);
            }
        }
        return java.util.Optional.empty();
    }

    private static String partOf(List<RecordedFrame> frames) {
        for (Map.Entry<String, List<String>> part : PARTS.entrySet()) {
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (part.getValue().stream().anyMatch(name::startsWith)) {
                    return part.getKey();
                }
            }
        }
        return "(JDK / JVM only)";
    }

    private static String site(List<RecordedFrame> frames) {
        String first = frames.isEmpty() ? "?" : name(frames.get(0));
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            if (!name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")
                    && !name.startsWith("kotlin.")) {
                return name + (name.equals(first) ? "" : "  <- " + first);
            }
        }
        return first;
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }

    private static void print(Map<String, Long> counts, long total, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }

    private static void printWeights(Map<String, Double> weights, double total, int top) {
        weights.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total),
                        e.getKey()));
    }
}
