package io.sovereign.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationsDigestTest {

    private static AllocationsDigest.Line line(String id, String bidder, long accepted, String price, String amount) {
        return new AllocationsDigest.Line(id, bidder, accepted, price == null ? null : new BigDecimal(price),
                new BigDecimal(amount), null);
    }

    @Test
    void isSha256OverTheDocumentedCanonicalLines() throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                ("a-1|US912828ZZ01|3.125|2\n"
                        + "al-1|dealer-01|1000|99.5|995|\n"
                        + "al-2|retail1|0||0|0xabc\n").getBytes(StandardCharsets.UTF_8)));

        String digest = AllocationsDigest.of("a-1", "US912828ZZ01", new BigDecimal("3.1250"), List.of(
                new AllocationsDigest.Line("al-2", "retail1", 0, null, new BigDecimal("0.00"), "0xabc"),
                line("al-1", "dealer-01", 1000, "99.500000", "995.00")));

        assertThat(digest).isEqualTo(expected);
    }

    @Test
    void anyChangeOfPriceAmountBidderOrSetChangesIt() {
        List<AllocationsDigest.Line> genuine = List.of(line("al-1", "dealer-01", 1000, "99.5", "995.00"),
                line("al-2", "dealer-02", 2000, "99.5", "1990.00"));
        String d = AllocationsDigest.of("a-1", "I", null, genuine);

        assertThat(AllocationsDigest.of("a-1", "I", null, List.of(genuine.get(1), genuine.get(0)))).isEqualTo(d);
        assertThat(AllocationsDigest.of("a-1", "I", null, List.of(line("al-1", "dealer-01", 1000, "90", "900.00"),
                genuine.get(1)))).isNotEqualTo(d);
        assertThat(AllocationsDigest.of("a-1", "I", null, List.of(line("al-1", "dealer-01", 9000, "99.5", "995.00"),
                genuine.get(1)))).isNotEqualTo(d);
        assertThat(AllocationsDigest.of("a-1", "I", null, List.of(line("al-1", "dealer-03", 1000, "99.5", "995.00"),
                genuine.get(1)))).isNotEqualTo(d);
        assertThat(AllocationsDigest.of("a-1", "I", null, genuine.subList(0, 1))).isNotEqualTo(d);
        assertThat(AllocationsDigest.of("a-1", "J", null, genuine)).isNotEqualTo(d);
    }
}
