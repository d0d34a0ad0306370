package io.sovereign.loadgen;

/**
 * One competitive bid as sent: its Idempotency-Key, the dealer whose token sent it, the rate in
 * thousandths of a percent (the 0.001 increment) and the par amount.
 */
record SentBid(String dealer, String idempotencyKey, int rateThousandths, long amount) {

    /** The rate as the API writes it: exactly three decimals ("3.202"). */
    String rate() {
        return rate(rateThousandths);
    }

    static String rate(int thousandths) {
        int whole = thousandths / 1000;
        int frac = thousandths % 1000;
        return whole + "." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + frac;
    }

    String json() {
        return "{\"kind\":\"COMPETITIVE\",\"rate\":\"" + rate() + "\",\"amount\":" + amount + ",\"netLongPosition\":0}";
    }
}
