package io.sovereign.portal.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sovereign.portal.desk.BidChart.Bar;
import io.sovereign.portal.desk.BidChart.State;
import org.junit.jupiter.api.Test;

class BidChartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void on_yield_lower_rates_are_accepted_the_high_rate_is_the_stop_out_higher_are_rejected() throws Exception {
        var book = JSON.readTree("""
                {"offeringAmount": 1000, "levels": [
                  {"rate": "3.100", "amount": 400, "cumulative": 400},
                  {"rate": "3.202", "amount": 900, "cumulative": 1300},
                  {"rate": "3.2100", "amount": 50, "cumulative": 1350}]}""");

        assertThat(BidChart.bars(book, "3.202", false)).containsExactly(
                new Bar("3.100", 400, State.ACCEPTED), new Bar("3.202", 900, State.STOP_OUT),
                new Bar("3.2100", 50, State.REJECTED));
    }

    @Test
    void on_price_higher_prices_are_accepted() throws Exception {
        var book = JSON.readTree("""
                {"levels": [{"price": "99.50", "amount": 10, "cumulative": 10},
                            {"price": "99.400000", "amount": 20, "cumulative": 30},
                            {"price": "99.30", "amount": 30, "cumulative": 60}]}""");

        assertThat(BidChart.bars(book, "99.40", true)).extracting(Bar::state)
                .containsExactly(State.ACCEPTED, State.STOP_OUT, State.REJECTED);
    }

    @Test
    void without_a_stop_out_nothing_is_accepted_competitively() throws Exception {
        var book = JSON.readTree("""
                {"levels": [{"rate": "1.000", "amount": 10, "cumulative": 10}]}""");

        assertThat(BidChart.bars(book, null, false)).extracting(Bar::state).containsExactly(State.REJECTED);
    }

    @Test
    void chart_json_keeps_the_values_as_strings_and_is_safe_inside_a_script_element() {
        var json = BidChart.json(java.util.List.of(new Bar("3.202", 900, State.STOP_OUT)), "3.202", false, 1000);

        assertThat(json.toString()).isEqualTo(
                "{\"axis\":\"rate\",\"stopOut\":\"3.202\",\"offering\":1000,\"bars\":[{\"value\":\"3.202\",\"amount\":900,\"state\":\"STOP_OUT\"}]}");
        assertThat(BidChart.scriptSafe(JSON.createObjectNode().put("x", "</script><!--")))
                .isEqualTo("{\"x\":\"\\u003c/script\\u003e\\u003c!--\"}");
    }
}
