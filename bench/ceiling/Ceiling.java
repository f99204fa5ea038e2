import io.javalin.Javalin;
import io.javalin.http.ContentType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ceiling the gateway's routes are compared with: a trivial Javalin app on the gateway jar's own class path
 * (same Javalin, Jetty and JVM), configured like the gateway's server (virtual threads, JSON content type), that
 * answers {@code GET /bytes/{n}} with a fixed JSON body of exactly n bytes from memory: no authentication, no
 * cache look-up, no access log. {@code GET /bytes/{n}} for the size of a gateway route's answer gives that route's
 * ceiling. Javalin's default compression applies, as in the gateway.
 *
 * <pre>java -cp CLASSES:miningos-gateway.jar Ceiling PORT [platform]</pre>
 *
 * With {@code platform} handlers run on Jetty's platform-thread pool instead of virtual threads.
 */
public final class Ceiling {

    private static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final ConcurrentHashMap<Integer, byte[]> BODIES = new ConcurrentHashMap<>();

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        boolean virtualThreads = !(args.length > 1 && args[1].equals("platform"));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = virtualThreads;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = port;
            config.routes.get("/bytes/{n}", ctx -> {
                int n = Integer.parseInt(ctx.pathParam("n"));
                if (n < 2 || n > MAX_BYTES) {
                    ctx.status(400).result("n: 2.." + MAX_BYTES);
                    return;
                }
                ctx.contentType(ContentType.APPLICATION_JSON).result(BODIES.computeIfAbsent(n, Ceiling::body));
            });
        });
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
        app.start();
        System.out.println("ceiling listening on http://127.0.0.1:" + app.port());
    }

    /**
     * JSON of exactly n bytes that compresses about as well as the gateway's answers: an array of small objects
     * with changing ids and numbers, padded with spaces (a string {@code "xx..."} when n is too small for one).
     */
    private static byte[] body(int n) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; ; i++) {
            String item = (i > 0 ? "," : "") + "{\"id\":\"cluster-1-miner-" + i + "\",\"tags\":[\"t-miner\",\"pos-"
                    + (i * 7919 % 100) + "\"],\"power_w\":" + (3200 + i * 31 % 150) + "}";
            if (json.length() + item.length() + 1 > n) {
                break;
            }
            json.append(item);
        }
        byte[] body = new byte[n];
        if (json.length() == 1) {
            Arrays.fill(body, (byte) 'x');
            body[0] = '"';
            body[n - 1] = '"';
            return body;
        }
        byte[] text = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, body, 0, text.length);
        Arrays.fill(body, text.length, n, (byte) ' ');
        return body;
    }
}
