package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.specification.RequestSpecification;
import io.sovereign.events.EventCodec;
import io.sovereign.events.PlatformEvent;
import io.sovereign.events.Topics;
import io.sovereign.stack.Service;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** settlement as the operator, the desk and the investors call it, and its events on Kafka. */
final class SettlementApi {

    /** One instruction of GET /api/v1/settlements. */
    record Instruction(String allocationId, String investorId, String walletAddress, long amount, BigDecimal cashAmount,
            String status, String reason, String txHash) {
    }

    private SettlementApi() {
    }

    static String url(String path) {
        return PlatformStack.url(Service.SETTLEMENT) + "/api/v1" + path;
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    static RequestSpecification operator() {
        return as(Tokens.user("operator1"));
    }

    /** The auction's instructions, by allocation id. */
    static Map<String, Instruction> instructions(String auctionId) {
        List<Map<String, Object>> rows = operator().queryParam("auctionId", auctionId).get(url("/settlements"))
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Instruction> byId = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            byId.put((String) r.get("allocationId"), new Instruction((String) r.get("allocationId"),
                    (String) r.get("investorId"), (String) r.get("walletAddress"), ((Number) r.get("amount")).longValue(),
                    new BigDecimal((String) r.get("cashAmount")), (String) r.get("status"), (String) r.get("reason"),
                    (String) r.get("txHash")));
        }
        return byId;
    }

    /** Waits until every one of {@code count} instructions of the auction is SETTLED or FAILED. */
    static Map<String, Instruction> awaitFinal(String auctionId, int count, Duration atMost) {
        Map<String, Instruction> last = new LinkedHashMap<>();
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            last.clear();
            last.putAll(instructions(auctionId));
            return last.size() == count && last.values().stream().noneMatch(i -> i.status().equals("PENDING"));
        });
        return last;
    }

    /** The investor's cash available, as the operator sees it. */
    static BigDecimal balance(String investorId) {
        return new BigDecimal(operator().get(url("/cash-accounts/" + investorId)).then().statusCode(200).extract()
                .<String>path("balance"));
    }

    /** The investor's movements whose journal id starts with {@code prefix}, by journal id. */
    static Map<String, BigDecimal> movements(String investorId, String prefix) {
        List<Map<String, Object>> rows = operator().get(url("/cash-accounts/" + investorId)).then().statusCode(200)
                .extract().jsonPath().getList("movements");
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (Map<String, Object> m : rows) {
            String journal = (String) m.get("journalId");
            if (journal.startsWith(prefix)) {
                if (out.containsKey(journal)) {
                    throw new AssertionError("Journal " + journal + " booked twice on " + investorId);
                }
                out.put(journal, new BigDecimal((String) m.get("amount")));
            }
        }
        return out;
    }

    /**
     * The operator deposits cash for the investor, once settlement knows it (404 until the
     * investor's approval has come through identity's events).
     */
    static void deposit(String investorId, String amount) {
        await().atMost(Duration.ofSeconds(30)).until(() -> operator().contentType("application/json")
                .body("{\"amount\": \"" + amount + "\"}").post(url("/cash-accounts/" + investorId + "/deposits"))
                .statusCode() == 201);
    }

    /** The token address of the ISIN, once deployed. */
    static String awaitToken(String isin) {
        String[] token = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<Map<String, Object>> all = operator().get(url("/securities")).then().statusCode(200).extract().jsonPath()
                    .getList("$");
            token[0] = all.stream().filter(s -> isin.equals(s.get("isin"))).map(s -> (String) s.get("tokenAddress"))
                    .filter(t -> t != null).findFirst().orElse(null);
            return token[0] != null;
        });
        return token[0];
    }

    /** The events of a type on settlement.events.v1, as (key, event) in topic order. */
    static <T extends PlatformEvent> List<Map.Entry<String, T>> events(Class<T> type) {
        List<Map.Entry<String, T>> out = new ArrayList<>();
        TopicRecords.all(Topics.SETTLEMENT_EVENTS).forEach(r -> {
            PlatformEvent e = EventCodec.read(r.value()).data();
            if (type.isInstance(e)) {
                out.add(Map.entry(r.key(), type.cast(e)));
            }
        });
        return out;
    }

    /** The event ids per key of a type on settlement.events.v1 (a re-sent event keeps its id). */
    static Map<String, List<String>> eventIds(Class<? extends PlatformEvent> type) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        TopicRecords.all(Topics.SETTLEMENT_EVENTS).forEach(r -> {
            var e = EventCodec.read(r.value());
            if (type.isInstance(e.data())) {
                out.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(e.id());
            }
        });
        return out;
    }
}
