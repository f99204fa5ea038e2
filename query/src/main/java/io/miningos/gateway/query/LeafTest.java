package io.miningos.gateway.query;

/**
 * A test on one value a {@link JsonPath} ends on. The value may be {@link JsonPath#MISSING}; arrays arrive whole,
 * and each test decides itself whether it also looks at their elements (as MongoDB's operators do).
 */
@FunctionalInterface
interface LeafTest {
    boolean test(Object leaf);
}
