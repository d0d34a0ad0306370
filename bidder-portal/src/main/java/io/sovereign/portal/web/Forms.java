package io.sovereign.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** Small helpers the section pages share: reading the services' JSON and answering forms. */
public final class Forms {

    private Forms() {
    }

    /** A field of a JSON object as text, or null when absent or null. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A new Idempotency-Key for a form as it is rendered: a double submit of that form is harmless. */
    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** POST-redirect-GET after a successful action. */
    public static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    /** The form field name of a service's field error: {@code bids[3].amount} → {@code amount}. */
    public static String fieldName(String serviceField) {
        if (serviceField == null) {
            return "";
        }
        int dot = serviceField.lastIndexOf('.');
        return dot < 0 ? serviceField : serviceField.substring(dot + 1);
    }

    /**
     * A service's message about a field, worded for the field's label: the services name the field
     * themselves ("amount must be at least the minimum bid 100") or not ("is required").
     */
    public static String fieldMessage(String label, String serviceField, String message) {
        String name = fieldName(serviceField);
        String m = message == null ? "" : message.strip();
        if (!name.isEmpty() && m.startsWith(name + " ")) {
            m = m.substring(name.length() + 1);
        }
        return m.startsWith("must") || m.startsWith("is ") ? label + " " + m : label + ": " + m;
    }

    /** A whole number of currency units typed into a form, or null when it is not one. */
    public static Long wholeNumber(String typed) {
        if (typed == null) {
            return null;
        }
        String s = typed.strip().replace(",", "").replace("_", "").replace(" ", "");
        if (!s.matches("\\d{1,15}")) {
            return null;
        }
        return Long.parseLong(s);
    }
}
