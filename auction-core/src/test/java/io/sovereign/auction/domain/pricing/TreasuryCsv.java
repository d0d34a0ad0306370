package io.sovereign.auction.domain.pricing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough CSV (RFC 4180) for the TreasuryDirect export: a header row, fields optionally in
 * double quotes ({@code ""} inside quotes is a quote), commas inside quotes, CRLF or LF line ends.
 * Quoted line breaks do not occur in the file and are not supported.
 */
final class TreasuryCsv {

    /** One auction; {@link #get} answers "" for an empty field and fails on an unknown column. */
    record Row(int line, Map<String, String> fields) {
        String get(String column) {
            String v = fields.get(column);
            if (v == null) {
                throw new IllegalArgumentException("no column " + column);
            }
            return v;
        }
    }

    private TreasuryCsv() {
    }

    static List<Row> read(String resource) {
        InputStream in = TreasuryCsv.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = split(r.readLine());
            List<Row> rows = new ArrayList<>();
            int lineNo = 1;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                List<String> values = split(line);
                if (values.size() != header.size()) {
                    throw new IllegalStateException("line " + lineNo + " has " + values.size() + " fields, not " + header.size());
                }
                Map<String, String> fields = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    fields.put(header.get(i), values.get(i));
                }
                rows.add(new Row(lineNo, fields));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalStateException("unterminated quote in: " + line);
        }
        out.add(field.toString());
        return out;
    }
}
