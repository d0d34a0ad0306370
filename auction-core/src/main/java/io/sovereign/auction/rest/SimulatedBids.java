package io.sovereign.auction.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.sovereign.auction.domain.clearing.BidKind;
import io.sovereign.kit.problem.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code bids} of a simulation, read straight into columns: a million bids without a million
 * objects. What is wrong with a bid's shape (missing, unknown or mistyped fields) is collected per
 * bid, named {@code bids[i].field} with the bid id, and reported with the other validation errors.
 * Past {@link #MAX} bids the rest are counted, not kept.
 */
@JsonDeserialize(using = SimulatedBids.Reader.class)
public final class SimulatedBids {

    public static final int MAX = 1_000_000;
    /** Beyond this many, field errors are counted but not listed. */
    static final int MAX_LISTED_ERRORS = 1_000;

    int size;
    int received;
    String[] bidId = new String[64];
    String[] bidderId = new String[64];
    BidKind[] kind = new BidKind[64];
    String[] value = new String[64];
    String[] valueField = new String[64];
    long[] amount = new long[64];
    long[] netLong = new long[64];
    final List<Problem.FieldError> errors = new ArrayList<>();

    public int size() {
        return size;
    }

    /** How many bids the request held (more than {@link #size} when over the limit). */
    public int received() {
        return received;
    }

    public String bidId(int i) {
        return bidId[i];
    }

    public String bidderId(int i) {
        return bidderId[i];
    }

    public BidKind kind(int i) {
        return kind[i];
    }

    /** The rate or price as written (null if absent). */
    public String value(int i) {
        return value[i];
    }

    /** "rate" or "price": the name the bid used for its value. */
    public String valueField(int i) {
        return valueField[i];
    }

    public long amount(int i) {
        return amount[i];
    }

    public long netLongPosition(int i) {
        return netLong[i];
    }

    public List<Problem.FieldError> shapeErrors() {
        return errors;
    }

    private void grow() {
        int cap = bidId.length * 2;
        bidId = Arrays.copyOf(bidId, cap);
        bidderId = Arrays.copyOf(bidderId, cap);
        kind = Arrays.copyOf(kind, cap);
        value = Arrays.copyOf(value, cap);
        valueField = Arrays.copyOf(valueField, cap);
        amount = Arrays.copyOf(amount, cap);
        netLong = Arrays.copyOf(netLong, cap);
    }



    void error(int i, String field, String message) {
        if (errors.size() < MAX_LISTED_ERRORS) {
            String id = bidId[i] == null ? "#" + i : bidId[i];
            errors.add(new Problem.FieldError("bids[" + i + "]." + field, "bid " + id + ": " + field + " " + message));
        }
    }

    /** Reads the JSON array of bids. */
    public static final class Reader extends JsonDeserializer<SimulatedBids> {
        @Override
        public SimulatedBids deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw MismatchedInputException.from(p, SimulatedBids.class, "bids must be a JSON array");
            }
            SimulatedBids bids = new SimulatedBids();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    throw MismatchedInputException.from(p, SimulatedBids.class, "unexpected end of bids");
                }
                bids.received++;
                if (bids.size == MAX) {
                    p.skipChildren(); // over the limit: counted, refused as a whole by validation
                    continue;
                }
                if (bids.size == bids.bidId.length) {
                    bids.grow();
                }
                int i = bids.size++;
                bids.netLong[i] = 0;
                if (t != JsonToken.START_OBJECT) {
                    bids.error(i, "bid", "must be a JSON object");
                    p.skipChildren();
                    continue;
                }
                readBid(p, bids, i);
            }
            return bids;
        }

        private static void readBid(JsonParser p, SimulatedBids bids, int i) throws IOException {
            boolean hasAmount = false;
            List<String[]> late = new ArrayList<>(0); // errors found before the bidId was read
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "bidId" -> bids.bidId[i] = text(v, p, field, late);
                    case "bidderId" -> bids.bidderId[i] = text(v, p, field, late);
                    case "kind" -> {
                        String k = text(v, p, field, late);
                        if (k != null) {
                            try {
                                bids.kind[i] = BidKind.valueOf(k);
                            } catch (IllegalArgumentException e) {
                                late.add(new String[] {field, "must be COMPETITIVE or NONCOMPETITIVE"});
                            }
                        }
                    }
                    case "rate", "price" -> {
                        if (bids.valueField[i] != null) {
                            late.add(new String[] {field, "a bid carries either rate or price, not both"});
                        }
                        bids.valueField[i] = field;
                        if (v == JsonToken.VALUE_STRING) {
                            bids.value[i] = p.getText();
                        } else {
                            late.add(new String[] {field, "must be a decimal written as a JSON string, e.g. \"3.125\""});
                            p.skipChildren();
                        }
                    }
                    case "amount" -> {
                        Long a = integer(v, p, field, late);
                        if (a != null) {
                            bids.amount[i] = a;
                            hasAmount = true;
                        }
                    }
                    case "netLongPosition" -> {
                        Long n = integer(v, p, field, late);
                        bids.netLong[i] = n == null ? 0 : n;
                    }
                    default -> {
                        late.add(new String[] {field, "is not a field of a bid"});
                        p.skipChildren();
                    }
                }
            }
            if (bids.bidId[i] == null) {
                late.add(new String[] {"bidId", "is required"});
            }
            if (bids.bidderId[i] == null) {
                late.add(new String[] {"bidderId", "is required"});
            }
            if (bids.kind[i] == null && late.stream().noneMatch(e -> e[0].equals("kind"))) {
                late.add(new String[] {"kind", "is required"});
            }
            if (!hasAmount && late.stream().noneMatch(e -> e[0].equals("amount"))) {
                late.add(new String[] {"amount", "is required"});
            }
            for (String[] e : late) {
                bids.error(i, e[0], e[1]);
            }
        }

        private static String text(JsonToken v, JsonParser p, String field, List<String[]> late) throws IOException {
            if (v == JsonToken.VALUE_STRING && !p.getText().isBlank()) {
                return p.getText();
            }
            late.add(new String[] {field, "must be a non-empty JSON string"});
            p.skipChildren();
            return null;
        }

        private static Long integer(JsonToken v, JsonParser p, String field, List<String[]> late) throws IOException {
            if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                    || v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.LONG) {
                return p.getLongValue();
            }
            late.add(new String[] {field, "must be a JSON integer (whole currency units)"});
            p.skipChildren();
            return null;
        }
    }
}
