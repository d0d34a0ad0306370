package io.sovereign.kit.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
}
