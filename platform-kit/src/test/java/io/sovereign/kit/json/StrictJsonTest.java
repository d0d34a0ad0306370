package io.sovereign.kit.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper m = new ObjectMapper();
        new StrictJson().customize(m);
        return m;
    }

    @Test
    void aKeyTwiceIsRefused() {
        assertThatThrownBy(() -> mapper.readValue("{\"amount\": 5000, \"amount\": 9000000}", Map.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field 'amount'");
    }

    @Test
    void trailingTokensAreRefused() {
        assertThatThrownBy(() -> mapper.readValue("{\"amount\": 5000} {}", Map.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    enum Format { SINGLE_PRICE }

    record Terms(LocalDate issueDate, Instant opensAt, Format format) {
    }

    @Test
    void datesInstantsAndEnumsOnlyAsTheyAreWritten() throws Exception {
        Terms t = mapper.readValue("{\"issueDate\": \"2026-11-29\", \"opensAt\": \"2026-11-29T10:00:00.5+01:00\", "
                + "\"format\": \"SINGLE_PRICE\"}", Terms.class);
        assertThat(t).isEqualTo(new Terms(LocalDate.of(2026, 11, 29), Instant.parse("2026-11-29T09:00:00.5Z"), Format.SINGLE_PRICE));
        for (String bad : new String[] {"\"issueDate\": [2026, 11, 29]", "\"issueDate\": 0", "\"issueDate\": \" 2026-11-29\"",
                "\"issueDate\": \"2026-11-29\\u0000\"", "\"opensAt\": 9007199254740993", "\"opensAt\": 0",
                "\"opensAt\": \"+285428751-11-12T07:36:33Z\"", "\"opensAt\": \"2026-11-29T10:00:00Z \"",
                "\"format\": \"SINGLE_PRICE \"", "\"format\": \"SINGLE_PRICE\\u0000\"", "\"format\": 0"}) {
            assertThatThrownBy(() -> mapper.readValue("{" + bad + "}", Terms.class)).as(bad)
                    .isInstanceOf(JsonProcessingException.class);
        }
    }

    record Bid(Long amount, @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = DecimalString.class)
            java.math.BigDecimal rate) {
    }

    @Test
    void blankStringsAreNotAbsentNumbersAndNegativeZeroIsNoRate() throws Exception {
        assertThat(mapper.readValue("{\"amount\": 100, \"rate\": \"-0.125\"}", Bid.class).rate()).isEqualByComparingTo("-0.125");
        for (String bad : new String[] {"\"amount\": \"\"", "\"amount\": \" \"", "\"amount\": \"\\u0000\"",
                "\"rate\": \"-0\"", "\"rate\": \"-0.000\""}) {
            assertThatThrownBy(() -> mapper.readValue("{" + bad + "}", Bid.class)).as(bad)
                    .isInstanceOf(JsonProcessingException.class);
        }
        assertThatThrownBy(() -> mapper.readValue("{\"issueDate\": \"\"}", Terms.class)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"format\": \"\"}", Terms.class)).isInstanceOf(JsonProcessingException.class);
    }
}
