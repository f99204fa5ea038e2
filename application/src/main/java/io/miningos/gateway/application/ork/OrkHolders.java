package io.miningos.gateway.application.ork;

import io.miningos.gateway.application.ork.port.out.JsonCodec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which ORKs hold which targets (actions, racks), as their answers to a lookup say. A write aimed at one target goes
 * to the ORKs that hold it, so that an ORK that does not know the target neither answers "not found" first nor
 * counts as failed. A target no ORK is known to hold (not found anywhere, or the lookup failed) is sent to every
 * ORK, as before the lookup: the ORKs then say what they make of it.
 */
public final class OrkHolders {

    private final List<String> orkIds;
    private final Map<String, List<String>> holders;

    private OrkHolders(List<String> orkIds, Map<String, List<String>> holders) {
        this.orkIds = List.copyOf(orkIds);
        this.holders = holders;
    }

    /**
     * @param replies   every ORK's reply to the lookup, in configuration order
     * @param targetsIn the targets one ORK's answer (parsed JSON) says that ORK holds
     */
    public static OrkHolders read(List<OrkReply> replies, JsonCodec codec,
                                  Function<Object, Collection<String>> targetsIn) {
        Map<String, List<String>> holders = new HashMap<>();
        List<String> orkIds = new ArrayList<>();
        for (OrkReply reply : replies) {
            orkIds.add(reply.orkId());
            if (reply instanceof OrkReply.Answered answered) {
                for (String target : targetsIn.apply(codec.read(answered.answer()))) {
                    List<String> orks = holders.computeIfAbsent(Objects.requireNonNull(target), t -> new ArrayList<>());
                    if (!orks.contains(reply.orkId())) {
                        orks.add(reply.orkId());
                    }
                }
            }
        }
        return new OrkHolders(orkIds, holders);
    }

    /** The ORKs that hold {@code target}, in configuration order; every ORK when none is known to. */
    public List<String> of(String target) {
        List<String> found = holders.get(target);
        return found == null ? orkIds : List.copyOf(found);
    }
}
