package io.sovereign.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Malformed and hostile request bodies, generated deterministically from a seed: the valid example
 * body of an endpoint mutated field by field (wrong types, nulls, missing fields, huge and odd numbers,
 * unicode tricks, SQL and script payloads, duplicate keys), plus bodies hostile whatever the endpoint
 * (deep nesting, giant arrays, trailing garbage, invalid UTF-8, wrong content types, empty bodies).
 * Every body is one the endpoint must refuse: nulls and removals only on required fields, no
 * mutation that leaves a field's value as it was.
 */
final class HostileBodies {

    /** One request body: what it tries, its Content-Type (null: none) and its bytes. */
    record Body(String category, String contentType, byte[] bytes) {

        static Body json(String category, String text) {
            return new Body(category, JSON, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static final String JSON = "application/json";
    /** The placeholder a mutated field's value is written as before the raw hostile JSON replaces it. */
    private static final String HOLE = "\u0001fuzz\u0001";
    private static final String HOLE_JSON = "\"\\u0001fuzz\\u0001\"";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FORTY_DIGITS = "1234567890123456789012345678901234567890";
    /** The body of the few 10 MB strings (a JSON string of 10 MiB of 'A'). */
    static final int TEN_MB = 10 * 1024 * 1024;

    /** Wrong types: raw JSON values. */
    private static final List<String> TYPES = List.of("true", "false", "[]", "{}", "[1,2,3]", "{\"$gt\":\"\"}",
            "[\"x\"]", "{\"value\":1}", "\"\"", "\" \"", "0", "-1", "1.5");
    /** Numbers a parser may choke on. */
    private static final List<String> NUMBERS = List.of("1e400", "-1e400", "1E-400", "9223372036854775808",
            "-9223372036854775809", "18446744073709551616", "-0", "-0.0", "1e2", "0.1e1", FORTY_DIGITS,
            "-" + FORTY_DIGITS, FORTY_DIGITS.substring(0, 34) + "." + FORTY_DIGITS.substring(34),
            "0." + FORTY_DIGITS, "NaN", "Infinity", "-Infinity", "0x10", "01", "+1", ".5", "1.", "1e", "--1",
            "9007199254740993", "4.9e-324");
    /** Numbers as strings. */
    private static final List<String> NUMERIC_STRINGS = List.of("\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"-0\"",
            "\"1e400\"", "\"1E3\"", "\"9223372036854775808\"", "\"0x1F\"", "\"1,000\"", "\"1_000\"", "\"١٢٣\"",
            "\"１２３\"", "\"" + FORTY_DIGITS + "\"", "\"" + FORTY_DIGITS.substring(0, 20) + "." + FORTY_DIGITS.substring(20) + "\"",
            "\"3.2020000000000000000000000000000000000001\"", "\" 100\"", "\"100 \"", "\"+5\"", "\"5.\"",
            "\".5\"", "\"--5\"", "\"5-\"");
    /** Unicode tricks (JSON escapes: a lone surrogate cannot be written otherwise). */
    private static final List<String> UNICODE = List.of("\"\\u202Eexe.pdf\"", "\"a\\u200Bb\"", "\"\\u200D\"",
            "\"\\u0000\"", "\"x\\u0000y\"", "\"\\ud800\"", "\"\\udc00x\"", "\"x\\ud83d\"", "\"\\ufeff\"",
            "\"\\uffff\"", "\"\\ufffe\"", "\"e\\u0301\\u0301\\u0301\"", "\"\\u0085\"", "\"\\u2028\"", "\"\\u001b[31m\"",
            "\"\\r\\nX-Injected: 1\"", "\"💰\"", "\"\\u00a0\"", "\"\\u3000\"", "\"\\u0130\"");
    /** SQL and script payloads, for every string field. */
    static final List<String> PAYLOADS = List.of("' OR '1'='1", "'; DROP TABLE investor; --",
            "1; SELECT pg_sleep(5)--", "\" OR \"\"=\"", "1' UNION SELECT usename, passwd FROM pg_shadow--",
            "%' AND 1=1 --", "$$; COPY (SELECT 1) TO PROGRAM 'id'; --", "1)) OR 1=1 /*",
            "'||(SELECT version())||'", "\\'; TRUNCATE bid; --", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "javascript:alert(document.cookie)", "{{7*7}}", "${7*7}",
            "#{7*7}", "<!--#exec cmd=\"id\"-->", "../../../../etc/passwd", "%00", "<svg/onload=alert(1)>",
            "${jndi:ldap://127.0.0.1/a}", "{\"$ne\": null}");

    /** Whether a raw value is valid for the field at a path by the published schema (its pattern or enum): not hostile. */
    interface SchemaCheck {
        boolean valid(String path, String raw);
    }

    private final Random random;
    private final String tenMegabytes;

    HostileBodies(long seed) {
        this.random = new Random(seed);
        this.tenMegabytes = "\"" + "A".repeat(TEN_MB) + "\"";
    }

    /**
     * The field-by-field mutations of {@code example} (an object), then {@code randomOnes} bodies with
     * two or three fields mutated at once. {@code required}: the paths of the fields that may not be
     * absent or null ("security.issueDate"); {@code huge}: whether one 10 MB string goes in.
     */
    List<Body> mutations(ObjectNode example, Set<String> required, SchemaCheck schema, int randomOnes, boolean huge) {
        List<String> paths = new ArrayList<>();
        leaves(example, "", paths);
        List<Body> out = new ArrayList<>();
        for (String path : paths) {
            JsonNode original = at(example, path);
            for (String raw : valuesFor(original, required.contains(path))) {
                if (schema.valid(path, raw)) {
                    continue;
                }
                out.add(Body.json("field " + category(raw), replaced(example, path, raw)));
            }
            out.add(Body.json("field duplicate key", duplicated(example, path)));
            if (required.contains(path)) {
                out.add(Body.json("field missing", removed(example, path)));
            }
        }
        if (huge && !paths.isEmpty()) {
            String stringField = paths.stream().filter(p -> at(example, p).isTextual()).findFirst().orElse(paths.get(0));
            out.add(Body.json("field 10 MB string", replaced(example, stringField, tenMegabytes)));
        }
        for (int i = 0; i < randomOnes && !paths.isEmpty(); i++) {
            ObjectNode copy = example.deepCopy();
            int fields = 2 + random.nextInt(2);
            List<String[]> holes = new ArrayList<>();
            for (int f = 0; f < fields; f++) {
                String path = paths.get(random.nextInt(paths.size()));
                List<String> values = valuesFor(at(example, path), required.contains(path));
                String value = values.get(random.nextInt(values.size()));
                if (schema.valid(path, value)) {
                    continue;
                }
                // a field and another inside it cannot both be replaced
                if (holes.stream().noneMatch(h -> h[0].startsWith(path) || path.startsWith(h[0]))) {
                    holes.add(new String[] {path, value});
                }
            }
            String text = null;
            for (String[] h : holes) {
                set(copy, h[0], HOLE + h[0]);
            }
            try {
                text = MAPPER.writeValueAsString(copy);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            for (String[] h : holes) {
                text = text.replace(quoted(HOLE + h[0]), h[1]);
            }
            out.add(Body.json("random multi-field", text));
        }
        return out;
    }

    /** Bodies hostile to any endpoint; {@code example} (may be null) is the endpoint's valid body. */
    List<Body> generic(String example) {
        String valid = example == null ? "{}" : example;
        List<Body> out = new ArrayList<>();
        out.add(new Body("empty body", JSON, new byte[0]));
        for (String s : List.of(" ", "\n", "null", "true", "0", "\"x\"", "[]", "[null]", "{", "}", "{]", "[",
                "{\"a\":}", "{,}", "{\"a\" 1}", "{'a': 1}", "{a: 1}", "{\"a\":1,}", "[1,]", "\u0000", "/* c */ {}")) {
            out.add(Body.json("not an object", s));
        }
        out.add(Body.json("array instead of object", "[" + valid + "]"));
        out.add(Body.json("array instead of object", "[" + valid + "," + valid + "]"));
        out.add(Body.json("trailing garbage", valid + "}"));
        out.add(Body.json("trailing garbage", valid + " xyz"));
        out.add(Body.json("trailing garbage", valid + valid));
        out.add(Body.json("trailing garbage", valid + "\u0000"));
        out.add(Body.json("trailing garbage", valid + ",{}"));
        out.add(Body.json("truncated", valid.substring(0, valid.length() / 2)));
        out.add(Body.json("truncated", valid.substring(0, Math.max(0, valid.length() - 1))));
        out.add(Body.json("comment", "/* x */" + valid));
        // encodings and media types: of the valid body with an unknown field, refused whatever is decoded
        String refused = valid.length() > 2 ? "{" + valid.substring(1, valid.length() - 1) + ",\"fuzz\":1}" : "{\"fuzz\":1}";
        out.add(Body.json("bom", "\uFEFF" + refused));
        out.add(Body.json("deep nesting", "[".repeat(10_000) + "]".repeat(10_000)));
        out.add(Body.json("deep nesting", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
        out.add(Body.json("deep nesting", "[".repeat(10_000)));
        String inner = valid.length() > 2 ? valid.substring(1, valid.length() - 1) + "," : "";
        out.add(Body.json("deep nesting", "{" + inner + "\"extra\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"));
        out.add(Body.json("giant array", "[" + "0,".repeat(500_000) + "0]"));
        out.add(Body.json("giant array", "{" + inner + "\"extra\":[" + "{},".repeat(200_000) + "{}]}"));
        StringBuilder keys = new StringBuilder("{");
        for (int i = 0; i < 100_000; i++) {
            keys.append("\"k").append(i).append("\":").append(i).append(',');
        }
        out.add(Body.json("giant object", keys.append("\"k\":0}").toString()));
        out.add(Body.json("unknown field", "{" + inner + "\"__proto__\":{\"admin\":true}}"));
        out.add(Body.json("unknown field", "{" + inner + "\"investorId\":\"dealer-01\",\"bidderId\":\"dealer-01\"}"));
        out.add(Body.json("NaN literal", "{\"amount\": NaN}"));
        out.add(Body.json("huge number", "{\"amount\": 1" + "0".repeat(1_000_000) + "}"));
        out.add(Body.json("huge number", "{\"amount\": 0." + "1".repeat(100_000) + "}"));
        out.add(new Body("invalid UTF-8", JSON, withBytes(valid, new byte[] {(byte) 0xC0, (byte) 0xAF})));
        out.add(new Body("invalid UTF-8", JSON, withBytes(valid, new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF})));
        out.add(new Body("invalid UTF-8", JSON, withBytes(valid, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})));
        out.add(new Body("invalid UTF-8", JSON, withBytes(valid, new byte[] {(byte) 0x80})));
        out.add(new Body("invalid UTF-8", JSON, withBytes(valid, new byte[] {(byte) 0xFF, (byte) 0xFE})));
        out.add(new Body("invalid UTF-8", JSON, new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0}));
        byte[] utf16 = refused.getBytes(StandardCharsets.UTF_16);
        out.add(new Body("UTF-16 body", JSON, utf16));
        out.add(new Body("wrong content type", "text/plain", valid.getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("wrong content type", "application/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"
                        .getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("wrong content type", "application/x-www-form-urlencoded",
                "amount=1&kind=COMPETITIVE".getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("wrong content type", "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n".getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("wrong content type", "application/octet-stream", new byte[] {0, 1, 2, 3}));
        out.add(new Body("wrong content type", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        out.add(new Body("wrong content type", "application/json; charset=utf-16", refused.getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("wrong content type", "application/json; charset=x-nonsense", refused.getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("wrong content type", "application/jsonx", refused.getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("wrong content type", "*/*; q=\u00ff", refused.getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("no content type", null, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        out.add(Body.json("10 MB string", "{\"x\":" + tenMegabytes + "}"));
        for (String p : PAYLOADS) {
            out.add(Body.json("payload as body", p));
        }
        return out;
    }

    /** Raw hostile values for a field whose valid value is {@code original}. */
    private List<String> valuesFor(JsonNode original, boolean required) {
        List<String> values = new ArrayList<>();
        values.addAll(TYPES);
        values.addAll(NUMBERS);
        values.addAll(NUMERIC_STRINGS);
        values.addAll(UNICODE);
        for (String p : PAYLOADS) {
            values.add(quoted(p));
        }
        values.add("\"" + "A".repeat(65_536) + "\"");
        values.add("[" + "1,".repeat(10_000) + "1]");
        if (required) {
            values.add("null");
        }
        if (original.isTextual()) {
            String v = original.textValue();
            values.add(quoted(" " + v));
            values.add(quoted(v + " "));
            values.add(quoted(v + "\u0000"));
            values.add(quoted("\u200B" + v));
            values.add(quoted(v + "\u202E"));
            values.add(quoted(v + "' --"));
            values.add(quoted(v + "<script>alert(1)</script>"));
            values.add(quoted(homoglyphs(v)));
            values.add(quoted(v + v));
            values.add(quoted(v.toLowerCase(java.util.Locale.ROOT).equals(v) ? v.toUpperCase(java.util.Locale.ROOT)
                    : v.toLowerCase(java.util.Locale.ROOT)));
            values.add(quoted(fullWidth(v)));
            values.add("[" + quoted(v) + "]");
            values.add("{\"value\":" + quoted(v) + "}");
        } else if (original.isNumber()) {
            String v = original.asText();
            values.add(quoted(v));
            values.add(v + ".0");
            values.add(v + "e0");
            values.add("[" + v + "]");
            values.add("-" + v);
        }
        // never the field's own value again (-0 is 0)
        values.removeIf(raw -> sameValue(original, raw));
        return values;
    }

    private static boolean sameValue(JsonNode original, String raw) {
        try {
            JsonNode parsed = MAPPER.readTree(raw);
            if (parsed == null) {
                return false;
            }
            if (original.isIntegralNumber() && parsed.isIntegralNumber()) {
                return original.bigIntegerValue().equals(parsed.bigIntegerValue());
            }
            return original.equals(parsed);
        } catch (Exception e) {
            return false;
        }
    }

    private static String category(String raw) {
        if (TYPES.contains(raw)) {
            return "wrong type";
        }
        if (NUMBERS.contains(raw)) {
            return "odd number";
        }
        if (NUMERIC_STRINGS.contains(raw)) {
            return "numeric string";
        }
        if (UNICODE.contains(raw)) {
            return "unicode trick";
        }
        if (raw.equals("null")) {
            return "null";
        }
        if (raw.length() > 10_000) {
            return "long value";
        }
        for (String p : PAYLOADS) {
            if (raw.equals(quoted(p))) {
                return "SQL or script payload";
            }
        }
        return "altered valid value";
    }

    /** Latin letters and digits swapped for look-alikes (Cyrillic а е о р с х, Greek Ο, the letter O for 0). */
    static String homoglyphs(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean changed = false;
        for (char c : s.toCharArray()) {
            char h = switch (c) {
                case 'a' -> 'а';
                case 'e' -> 'е';
                case 'o' -> 'о';
                case 'p' -> 'р';
                case 'c' -> 'с';
                case 'x' -> 'х';
                case 'A' -> 'А';
                case 'E' -> 'Е';
                case 'O' -> 'Ο';
                case 'T' -> 'Т';
                case 'N' -> 'Ν';
                case '0' -> 'O';
                case '1' -> 'l';
                default -> c;
            };
            changed |= h != c;
            sb.append(h);
        }
        return changed ? sb.toString() : "\u0410" + s;
    }

    private static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(c > 0x20 && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : c);
        }
        return sb.toString();
    }

    static String quoted(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The valid body with the raw bytes in place of the first string value's first character (or appended). */
    private static byte[] withBytes(String valid, byte[] raw) {
        int quote = valid.indexOf(":\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        int at = quote < 0 ? bytes.length : valid.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8).length;
        out.write(bytes, 0, at);
        out.write(raw, 0, raw.length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static void leaves(JsonNode node, String prefix, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                if (e.getValue().isContainerNode() && !e.getValue().isEmpty()) {
                    out.add(path); // the whole container is mutated too
                    leaves(e.getValue(), path, out);
                } else {
                    out.add(path);
                }
            });
        } else if (node.isArray()) {
            // the first element stands for all
            if (!node.isEmpty()) {
                String path = prefix + "[0]";
                if (node.get(0).isContainerNode()) {
                    leaves(node.get(0), path, out);
                } else {
                    out.add(path);
                }
            }
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            node = node.get(name);
            if (bracket >= 0) {
                node = node.get(0);
            }
        }
        return node;
    }

    /** Sets a value at a path; {@code value} null removes the field. */
    private static void set(ObjectNode root, String path, String value) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = step(node, parts[i]);
        }
        String last = parts[parts.length - 1];
        int bracket = last.indexOf('[');
        if (bracket >= 0) {
            ArrayNode array = (ArrayNode) node.get(last.substring(0, bracket));
            if (value == null) {
                array.remove(0);
            } else {
                array.set(0, TextNode.valueOf(value));
            }
        } else if (value == null) {
            ((ObjectNode) node).remove(last);
        } else {
            ((ObjectNode) node).put(last, value);
        }
    }

    private static JsonNode step(JsonNode node, String part) {
        int bracket = part.indexOf('[');
        if (bracket < 0) {
            return node.get(part);
        }
        return node.get(part.substring(0, bracket)).get(0);
    }

    private static String replaced(ObjectNode example, String path, String raw) {
        ObjectNode copy = example.deepCopy();
        set(copy, path, HOLE);
        return write(copy).replace(HOLE_JSON, raw);
    }

    private static String removed(ObjectNode example, String path) {
        ObjectNode copy = example.deepCopy();
        set(copy, path, null);
        return write(copy);
    }

    /** The field written twice: its valid value first, then the same again (a parser must refuse the duplicate). */
    private static String duplicated(ObjectNode example, String path) {
        ObjectNode copy = example.deepCopy();
        String name = path.substring(path.lastIndexOf('.') + 1);
        if (name.contains("[")) {
            return write(copy) + write(copy);
        }
        JsonNode original = at(example, path);
        set(copy, path, HOLE);
        return write(copy).replace(HOLE_JSON, write(original) + ",\"" + name + "\":" + write(original));
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
