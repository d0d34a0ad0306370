package io.sovereign.portal.desk;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The announce form as the desk filled it in: every field the text typed, so a refused form comes
 * back as it was sent. {@link #check()} catches what is cheap to catch here (required fields, whole
 * numbers, decimals, dates); auction-core judges the rest and its 400 names the fields
 * ({@link #formField(String)} maps them back). Instants are typed in UTC.
 */
public class AnnounceForm {

    /** Terms the desk picks from instead of typing a maturity; the value is an ISO-8601 period. */
    public record Term(String period, String label) {
    }

    public static final List<Term> TERMS = List.of(new Term("P4W", "4-week"), new Term("P8W", "8-week"),
            new Term("P13W", "13-week"), new Term("P26W", "26-week"), new Term("P52W", "52-week"),
            new Term("P2Y", "2-year"), new Term("P3Y", "3-year"), new Term("P5Y", "5-year"), new Term("P7Y", "7-year"),
            new Term("P10Y", "10-year"), new Term("P20Y", "20-year"), new Term("P30Y", "30-year"));
    public static final List<String> SECURITY_TYPES = List.of("BILL", "NOTE", "BOND", "TIPS");
    public static final List<String> FORMATS = List.of("SINGLE_PRICE", "MULTI_PRICE");
    public static final List<String> BID_BASES = List.of("YIELD", "DISCOUNT_RATE", "PRICE");

    private static final Pattern WHOLE = Pattern.compile("\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,12}(\\.\\d{1,9})?");

    @RestForm public String securityType;
    @RestForm public String term;
    @RestForm public String issueDate;
    @RestForm public String maturityDate;
    @RestForm public String isin;
    @RestForm public String couponRate;
    @RestForm public String offeringAmount;
    @RestForm public String format;
    @RestForm public String bidBasis;
    @RestForm public String biddingOpensAt;
    @RestForm public String nonCompetitiveClosesAt;
    @RestForm public String competitiveClosesAt;
    @RestForm public String minimumBid;
    @RestForm public String bidMultiple;
    @RestForm public String maxAwardRatio;
    @RestForm public String nonCompetitiveLimit;
    @RestForm public String rateIncrement;
    @RestForm public String priceIncrement;
    @RestForm public String idempotencyKey;

    /** A fresh form: a 10-year note opening in two minutes, the API's defaults for the bid rules. */
    public static AnnounceForm defaults(Instant now) {
        AnnounceForm f = new AnnounceForm();
        Instant opens = now.truncatedTo(ChronoUnit.MINUTES).plus(2, ChronoUnit.MINUTES);
        LocalDate issue = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(7);
        f.securityType = "NOTE";
        f.term = "P10Y";
        f.issueDate = issue.toString();
        f.maturityDate = issue.plusYears(10).toString();
        f.offeringAmount = "1000000000";
        f.format = "SINGLE_PRICE";
        f.bidBasis = "YIELD";
        f.biddingOpensAt = local(opens);
        f.nonCompetitiveClosesAt = local(opens.plus(25, ChronoUnit.MINUTES));
        f.competitiveClosesAt = local(opens.plus(30, ChronoUnit.MINUTES));
        f.minimumBid = "100";
        f.bidMultiple = "100";
        f.maxAwardRatio = "0.35";
        f.nonCompetitiveLimit = "10000000";
        f.rateIncrement = "";
        f.priceIncrement = "";
        f.idempotencyKey = UUID.randomUUID().toString();
        return f;
    }

    /** An instant as a datetime-local input shows it (UTC, to the second). */
    static String local(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The problems found without asking auction-core, by form field; empty when the form may be sent. */
    public Map<String, String> check() {
        Map<String, String> e = new LinkedHashMap<>();
        oneOf(e, "securityType", securityType, SECURITY_TYPES);
        oneOf(e, "format", format, FORMATS);
        oneOf(e, "bidBasis", bidBasis, BID_BASES);
        LocalDate issue = date(e, "issueDate", issueDate, true);
        if (blank(maturityDate)) {
            if (blank(term)) {
                e.put("maturityDate", "Enter the maturity date or choose a term");
            } else if (TERMS.stream().noneMatch(t -> t.period().equals(term))) {
                e.put("term", "Choose one of the listed terms");
            }
        } else {
            date(e, "maturityDate", maturityDate, true);
        }
        if (!blank(isin) && !isin.strip().matches("[A-Z]{2}[A-Z0-9]{9}\\d")) {
            e.put("isin", "An ISIN is 12 characters: 2 letters, 9 letters or digits, a check digit");
        }
        decimal(e, "couponRate", couponRate, false);
        whole(e, "offeringAmount", offeringAmount, true);
        instant(e, "biddingOpensAt", biddingOpensAt);
        instant(e, "nonCompetitiveClosesAt", nonCompetitiveClosesAt);
        instant(e, "competitiveClosesAt", competitiveClosesAt);
        whole(e, "minimumBid", minimumBid, false);
        whole(e, "bidMultiple", bidMultiple, false);
        decimal(e, "maxAwardRatio", maxAwardRatio, false);
        whole(e, "nonCompetitiveLimit", nonCompetitiveLimit, false);
        decimal(e, "rateIncrement", rateIncrement, false);
        decimal(e, "priceIncrement", priceIncrement, false);
        if (issue == null) {
            e.remove("term"); // the term means nothing without an issue date, whose error says so
        }
        return e;
    }

    /** The maturity typed, or the issue date plus the chosen term. */
    public String effectiveMaturity() {
        if (!blank(maturityDate)) {
            return maturityDate.strip();
        }
        String p = term.strip();
        LocalDate issue = LocalDate.parse(issueDate.strip());
        return (p.endsWith("W") ? issue.plusWeeks(Long.parseLong(p.substring(1, p.length() - 1)))
                : issue.plus(java.time.Period.parse(p))).toString();
    }

    /** The POST /api/v1/auctions body; call only once {@link #check()} is empty. Blank optional fields are left out. */
    public ObjectNode toTerms() {
        JsonNodeFactory j = JsonNodeFactory.instance;
        ObjectNode body = j.objectNode();
        body.put("format", format);
        body.put("bidBasis", bidBasis);
        ObjectNode security = body.putObject("security");
        security.put("securityType", securityType);
        security.put("issueDate", issueDate.strip());
        security.put("maturityDate", effectiveMaturity());
        if (!blank(isin)) {
            security.put("isin", isin.strip());
        }
        if (!blank(couponRate)) {
            security.put("couponRate", couponRate.strip());
        }
        body.put("offeringAmount", Long.parseLong(offeringAmount.strip()));
        putDecimal(body, "maxAwardRatio", maxAwardRatio);
        putWhole(body, "nonCompetitiveLimit", nonCompetitiveLimit);
        putWhole(body, "minimumBid", minimumBid);
        putWhole(body, "bidMultiple", bidMultiple);
        putDecimal(body, "rateIncrement", rateIncrement);
        putDecimal(body, "priceIncrement", priceIncrement);
        body.put("biddingOpensAt", utc(biddingOpensAt).toString());
        body.put("nonCompetitiveClosesAt", utc(nonCompetitiveClosesAt).toString());
        body.put("competitiveClosesAt", utc(competitiveClosesAt).toString());
        return body;
    }

    /** The form field that shows an error auction-core reported for an API field ({@code security.isin} → {@code isin}). */
    public static String formField(String apiField) {
        return apiField.startsWith("security.") ? apiField.substring("security.".length()) : apiField;
    }

    private static void putWhole(ObjectNode body, String name, String value) {
        if (!blank(value)) {
            body.put(name, Long.parseLong(value.strip()));
        }
    }

    private static void putDecimal(ObjectNode body, String name, String value) {
        if (!blank(value)) {
            body.put(name, value.strip());
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void oneOf(Map<String, String> e, String name, String value, List<String> allowed) {
        if (blank(value)) {
            e.put(name, "Required");
        } else if (!allowed.contains(value)) {
            e.put(name, "Choose one of " + String.join(", ", allowed));
        }
    }

    private static LocalDate date(Map<String, String> e, String name, String value, boolean required) {
        if (blank(value)) {
            if (required) {
                e.put(name, "Required (YYYY-MM-DD)");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException x) {
            e.put(name, "Not a date: use YYYY-MM-DD");
            return null;
        }
    }

    private static void whole(Map<String, String> e, String name, String value, boolean required) {
        if (blank(value)) {
            if (required) {
                e.put(name, "Required: a whole amount in currency units");
            }
        } else if (!WHOLE.matcher(value.strip()).matches()) {
            e.put(name, "Must be a whole number of currency units, digits only (no separators)");
        }
    }

    private static void decimal(Map<String, String> e, String name, String value, boolean required) {
        if (blank(value)) {
            if (required) {
                e.put(name, "Required");
            }
        } else if (!DECIMAL.matcher(value.strip()).matches()) {
            e.put(name, "Must be a decimal number such as 0.35 (a dot, no separators)");
        }
    }

    private static void instant(Map<String, String> e, String name, String value) {
        if (blank(value)) {
            e.put(name, "Required (UTC date and time)");
            return;
        }
        try {
            utc(value);
        } catch (DateTimeParseException x) {
            e.put(name, "Not a date and time: use YYYY-MM-DDTHH:MM[:SS] in UTC");
        }
    }

    /** A datetime-local value (no zone) read as UTC; a full ISO instant is accepted as well. */
    static Instant utc(String value) {
        String v = value.strip();
        if (v.endsWith("Z")) {
            return Instant.parse(v);
        }
        return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
    }

    // the choices, for the template's selects
    public List<String> securityTypes() {
        return SECURITY_TYPES;
    }

    public List<String> formats() {
        return FORMATS;
    }

    public List<String> bidBases() {
        return BID_BASES;
    }

    public List<Term> terms() {
        return TERMS;
    }
}
