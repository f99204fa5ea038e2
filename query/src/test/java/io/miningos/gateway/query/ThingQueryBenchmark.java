package io.miningos.gateway.query;

import io.miningos.gateway.query.SortSpec.Ordering;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * How long the query engine takes to answer {@code listThings}-style queries over a 50,000-thing site, the
 * simulated ORK's worst case. Not a test (surefire does not run it); run it by hand:
 *
 * <pre>
 * mvn -q -pl query test-compile
 * java -cp query/target/classes:query/target/test-classes io.miningos.gateway.query.ThingQueryBenchmark
 * </pre>
 *
 * Each scenario is warmed up, then timed over several passes; it prints the fastest and the median pass.
 */
public final class ThingQueryBenchmark {

    private static final int THINGS = 50_000;
    private static final int WARM_UP_PASSES = 8;
    private static final int TIMED_PASSES = 15;
    private static final String CODE = "ERR_QUERY_INVALID";

    private ThingQueryBenchmark() {
    }

    public static void main(String[] args) {
        long built = System.nanoTime();
        List<Object> site = SampleThings.site(THINGS, 2024);
        System.out.printf("built %,d things in %.0f ms (%s, %d cores)%n", site.size(),
                (System.nanoTime() - built) / 1e6, Runtime.version(), Runtime.getRuntime().availableProcessors());

        String minerPower = "{\"id\": 1, \"last.snap.stats.power_w\": 1}";
        scenario("tags $in t-miner + {id, power_w}, no limit", site,
                "{\"tags\": {\"$in\": [\"t-miner\"]}}", minerPower, null, DocumentQuery.UNLIMITED);
        scenario("tags $in t-miner + {id, power_w}, limit 100", site,
                "{\"tags\": {\"$in\": [\"t-miner\"]}}", minerPower, null, 100);
        scenario("UI: info.pos $eq site + {id, power_w, tags}", site,
                "{\"info.pos\": {\"$eq\": \"site\"}}", "{\"id\": 1, \"last.snap.stats.power_w\": 1, \"tags\": 1}", null, 100);
        scenario("UI: last.alerts $elemMatch critical + 6 fields", site,
                "{\"last.alerts\": {\"$elemMatch\": {\"severity\": \"critical\"}}}",
                "{\"last.snap.stats.status\": 1, \"last.alerts\": 1, \"last.snap.config.firmware_ver\": 1, \"info\": 1, \"type\": 1, \"id\": 1}",
                null, 1000);
        scenario("UI: last.alerts $ne null + 5 fields, no limit", site,
                "{\"last.alerts\": {\"$ne\": null}}",
                "{\"id\": 1, \"type\": 1, \"info.pos\": 1, \"info.container\": 1, \"last.alerts\": 1}", null, DocumentQuery.UNLIMITED);
        scenario("code $regex i + $or of ranges, no limit", site,
                "{\"code\": {\"$regex\": \"s21-00\", \"$options\": \"i\"}, \"$or\": [{\"last.snap.stats.power_w\": {\"$gt\": 3600}}, {\"last.snap.stats.status\": \"sleeping\"}]}",
                minerPower, null, DocumentQuery.UNLIMITED);
        scenario("all things, exclusion {opts, comments}, no limit", site,
                null, "{\"opts\": 0, \"comments\": 0}", null, DocumentQuery.UNLIMITED);
        scenario("miners, natural sort info.pos, top 100", site,
                "{\"tags\": \"t-miner\"}", minerPower, "{\"info.pos\": 1}", 100);
        scenario("miners, natural sort code desc, no limit", site,
                "{\"tags\": \"t-miner\"}", minerPower, "{\"code\": -1}", DocumentQuery.UNLIMITED);

        time("compile filter + projection + sort (x1000)", () -> {
            int compiled = 0;
            for (int i = 0; i < 1000; i++) {
                MongoFilter.compile(Json.parse("{\"last.alerts\": {\"$elemMatch\": {\"severity\": \"critical\"}}, \"code\": {\"$regex\": \"^AM\"}}"), CODE);
                Projection.compile(Json.parse(minerPower), CODE);
                SortSpec.compile(Json.parse("{\"info.pos\": 1}"), Ordering.NATURAL, CODE);
                compiled++;
            }
            return compiled;
        });
    }

    private static void scenario(String name, List<Object> site, String filter, String fields, String sort, int limit) {
        DocumentQuery query = DocumentQuery.of(
                filter == null ? null : MongoFilter.compile(Json.parse(filter), CODE),
                fields == null ? null : Projection.compile(Json.parse(fields), CODE),
                sort == null ? null : SortSpec.compile(Json.parse(sort), Ordering.NATURAL, CODE),
                0, limit);
        time(name, () -> query.run(site).size());
    }

    private static void time(String name, Supplier<Integer> pass) {
        int results = 0;
        for (int i = 0; i < WARM_UP_PASSES; i++) {
            results = pass.get();
        }
        double[] millis = new double[TIMED_PASSES];
        for (int i = 0; i < TIMED_PASSES; i++) {
            long start = System.nanoTime();
            results = pass.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("%-52s %7.2f ms/pass fastest, %7.2f median  (%,d results)%n",
                name, millis[0], millis[TIMED_PASSES / 2], results);
    }
}
