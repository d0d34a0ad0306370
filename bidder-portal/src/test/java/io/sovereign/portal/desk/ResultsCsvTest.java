package io.sovereign.portal.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsCsvTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void header_then_one_row_per_allocation_with_the_decimals_as_the_api_wrote_them() throws Exception {
        var results = JSON.readTree("""
                {"auctionId": "a1", "status": "PUBLISHED", "highRate": "3.202", "price": "99.781411",
                 "allocations": [
                   {"allocationId": "al-1", "bidId": "b1", "bidderId": "dealer-01", "kind": "COMPETITIVE",
                    "accepted": 1000000000, "price": "99.781400"},
                   {"allocationId": "al-2", "bidId": "b2", "bidderId": "dealer-02", "kind": "COMPETITIVE", "accepted": 0}]}""");
        var settlements = JSON.readTree("""
                [{"allocationId": "al-1", "status": "SETTLED", "reason": null, "txHash": "0xabc"}]""");

        String csv = ResultsCsv.render(ResultsView.of(results, settlements, null).allocations());

        assertThat(csv).isEqualTo("allocationId,bidId,bidderId,kind,accepted,price,settlementStatus,settlementReason,txHash\r\n"
                + "al-1,b1,dealer-01,COMPETITIVE,1000000000,99.781400,SETTLED,,0xabc\r\n"
                + "al-2,b2,dealer-02,COMPETITIVE,0,,,,\r\n");
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted_and_formulas_defused() {
        var row = new ResultsView.AllocationRow("al-1", "b,1", "=HYPERLINK(\"x\")", "NONCOMPETITIVE", 5000, "99.1",
                "FAILED", "no wallet\nregistered, \"KYC\"", null);

        String csv = ResultsCsv.render(List.of(row));

        assertThat(csv.split("\r\n", -1)[1]).isEqualTo(
                "al-1,\"b,1\",\"'=HYPERLINK(\"\"x\"\")\",NONCOMPETITIVE,5000,99.1,FAILED,\"no wallet\nregistered, \"\"KYC\"\"\",");
    }

    @Test
    void no_allocations_is_the_header_alone() {
        assertThat(ResultsCsv.render(List.of())).isEqualTo(ResultsCsv.HEADER + "\r\n");
    }
}
