package io.miningos.gateway.application.ork;

import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.application.ork.port.OrksUnavailableException;
import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.application.ork.port.out.JsonCodec;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatheringTest {

    private final JsonCodec codec = new TinyJsonCodec();

    private static OrkReply answer(String ork, String json) {
        return new OrkReply.Answered(ork, RawJson.of(json));
    }

    private static OrkReply failure(String ork, OrkFailure.Cause cause, String detail) {
        return new OrkReply.Failed(new OrkFailure(ork, cause, detail));
    }

    @Test
    void mapPutsEachAnswerInItsSlotAsSentAndAFailedSlotIsEmpty() {
        GatheredAnswer gathered = Gathering.map().gather(List.of(
                answer("a", "[{\"id\": \"m-1\",  \"hashrate\": 1.50}]"),
                failure("b", OrkFailure.Cause.TIMEOUT, "15 s"),
                answer("c", "{\"isAutoSleepAllowed\":true}")), codec);
        assertEquals("[[{\"id\": \"m-1\",  \"hashrate\": 1.50}],[],{\"isAutoSleepAllowed\":true}]",
                gathered.body().text());
        assertFalse(gathered.isComplete());
        assertEquals(List.of("b"), gathered.failures().stream().map(OrkFailure::orkId).toList());
        assertEquals(gathered.body().length(), gathered.sizeBytes());
    }

    @Test
    void aResponseOverItsBoundIsRefusedWhetherMapOrEach() {
        List<OrkReply> replies = List.of(answer("a", "[\"" + "x".repeat(100) + "\"]"), answer("b", "[1]"));
        assertEquals(110, Gathering.map().gather(replies, codec, 110).body().length(), "exactly the bound is fine");
        DomainException map = assertThrows(DomainException.class, () -> Gathering.map().gather(replies, codec, 109));
        assertEquals("ERR_RESPONSE_TOO_LARGE", map.code());
        assertEquals(ErrorKind.UPSTREAM_FAILED, map.kind());
        EntryRule asIs = (reply, c) -> reply instanceof OrkReply.Answered a ? List.of(a.answer()) : List.of();
        assertEquals(110, Gathering.each(asIs).gather(replies, codec, 110).body().length());
        DomainException each = assertThrows(DomainException.class,
                () -> Gathering.each(asIs).gather(replies, codec, 50));
        assertEquals("ERR_RESPONSE_TOO_LARGE", each.code());
    }

    @Test
    void mapOfCompleteAnswersIsComplete() {
        GatheredAnswer gathered = Gathering.map().gather(List.of(answer("a", "[]"), answer("b", "[1]")), codec);
        assertEquals("[[],[1]]", gathered.body().text());
        assertTrue(gathered.isComplete());
        assertEquals("[]", Gathering.map().gather(List.of(), codec).body().text());
    }

    @Test
    void mapUnderAKeyIsTheSameMapInAnObject() {
        GatheredAnswer gathered = Gathering.mapUnder("success").gather(List.of(answer("a", "{\"x\":1}"),
                failure("b", OrkFailure.Cause.UNREACHABLE, "")), codec);
        assertEquals("{\"success\":[{\"x\":1},[]]}", gathered.body().text());
        assertEquals(List.of("b"), gathered.failures().stream().map(OrkFailure::orkId).toList());
        assertThrows(OrksUnavailableException.class, () -> Gathering.mapUnder("success").gather(
                List.of(failure("a", OrkFailure.Cause.TIMEOUT, "")), codec));
    }

    @Test
    void whenEveryOrkFailedThereIsNoAnswer() {
        OrksUnavailableException down = assertThrows(OrksUnavailableException.class, () -> Gathering.map().gather(
                List.of(failure("a", OrkFailure.Cause.TIMEOUT, ""),
                        failure("b", OrkFailure.Cause.ORK_ERROR, "[HRPC_ERR]=ERR_X")), codec));
        DomainException error = down.asDomainException();
        assertEquals(ErrorKind.UPSTREAM_FAILED, error.kind());
        assertEquals("ERR_ORK_UNAVAILABLE", error.code());
        assertEquals(2, down.failures().size());

        OrksUnavailableException slow = assertThrows(OrksUnavailableException.class, () -> Gathering.map().gather(
                List.of(failure("a", OrkFailure.Cause.TIMEOUT, ""), failure("b", OrkFailure.Cause.TIMEOUT, "")),
                codec));
        assertEquals(ErrorKind.UPSTREAM_TIMEOUT, slow.asDomainException().kind());
        assertEquals("ERR_ORK_TIMEOUT", slow.asDomainException().code());
    }

    @Test
    void eachConcatenatesTheEntriesOfEveryOrk() {
        EntryRule rule = (reply, json) -> switch (reply) {
            case OrkReply.Answered a -> List.of(a.answer(), Map.of("from", a.orkId()));
            case OrkReply.Failed f -> List.of(Map.of("error", f.failure().clientMessage()));
        };
        GatheredAnswer gathered = Gathering.each(rule).gather(List.of(answer("a", "{\"id\":1}"),
                failure("b", OrkFailure.Cause.ORK_ERROR, "[HRPC_ERR]=ERR_NO"), answer("c", "2")), codec);
        assertEquals("[{\"id\":1},{\"from\":\"a\"},{\"error\":\"[HRPC_ERR]=ERR_NO\"},2,{\"from\":\"c\"}]",
                gathered.body().text());
        assertFalse(gathered.isComplete());
    }

    @Test
    void eachOfFailuresOnlyStillAnswersUnlessItNeedsAnAnswer() {
        EntryRule rule = (reply, json) -> reply instanceof OrkReply.Failed f
                ? List.of(Map.of("error", f.failure().clientMessage())) : List.of();
        List<OrkReply> allFailed = List.of(failure("a", OrkFailure.Cause.UNREACHABLE, "refused"));
        assertEquals("[{\"error\":\"ERR_ORK_UNAVAILABLE\"}]", Gathering.each(rule).gather(allFailed, codec)
                .body().text());
        assertThrows(OrksUnavailableException.class, () -> Gathering.eachOfAnswers(rule).gather(allFailed, codec));
        assertEquals("[]", Gathering.eachOfAnswers(rule).gather(List.of(answer("a", "[]")), codec).body().text());
    }
}
