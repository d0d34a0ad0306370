package io.sovereign.auction.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TreasuryCsvTest {

    @Test
    void splitsQuotedFieldsWithCommasAndEscapedQuotes() {
        assertThat(TreasuryCsv.split("\"a\",\"b, c\",,\"say \"\"hi\"\"\",d\r"))
                .containsExactly("a", "b, c", "", "say \"hi\"", "d");
    }
}
