package io.sovereign.portal.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The bids of a cleared auction as the results chart draws them: the competitive demand at each
 * rate (or price) level, from the book, marked accepted (better than the stop-out), at the stop-out
 * (accepted in part at the allotment percentage) or rejected (worse). Levels, not single bids: the
 * results carry no bid rates, and confidentiality keeps per-bidder demand out of the page anyway.
 */
public final class BidChart {

    public enum State { ACCEPTED, STOP_OUT, REJECTED }

    /** One bar: the level as the API wrote it, the amount bid at it, and what the clearing made of it. */
    public record Bar(String value, long amount, State state) {
    }

    private BidChart() {
    }

    /**
     * @param book    GET /book (levels best first, {@code rate} or {@code price})
     * @param stopOut the high rate (low price on PRICE basis), or null when the clearing found none
     * @param onPrice bids on price: higher is better
     */
    public static List<Bar> bars(JsonNode book, String stopOut, boolean onPrice) {
        BigDecimal stop = stopOut == null ? null : new BigDecimal(stopOut);
        List<Bar> bars = new ArrayList<>();
        for (JsonNode level : book.path("levels")) {
            String value = level.path(onPrice ? "price" : "rate").asText();
            State state;
            if (stop == null) {
                state = State.REJECTED;
            } else {
                int c = new BigDecimal(value).compareTo(stop);
                int better = onPrice ? -c : c; // below zero: better than the stop-out
                state = better < 0 ? State.ACCEPTED : better == 0 ? State.STOP_OUT : State.REJECTED;
            }
            bars.add(new Bar(value, level.path("amount").asLong(), state));
        }
        return bars;
    }

    /** The chart's data for desk.js: {@code {"basis", "stopOut", "offering", "bars": [{value, amount, state}]}}. */
    public static ObjectNode json(List<Bar> bars, String stopOut, boolean onPrice, long offeringAmount) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("axis", onPrice ? "price" : "rate");
        if (stopOut == null) {
            o.putNull("stopOut");
        } else {
            o.put("stopOut", stopOut);
        }
        o.put("offering", offeringAmount);
        var arr = o.putArray("bars");
        for (Bar b : bars) {
            arr.addObject().put("value", b.value()).put("amount", b.amount()).put("state", b.state().name());
        }
        return o;
    }

    /** JSON made safe inside a {@code <script type="application/json">}: no "</script>", no HTML comment. */
    public static String scriptSafe(JsonNode json) {
        return json.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
