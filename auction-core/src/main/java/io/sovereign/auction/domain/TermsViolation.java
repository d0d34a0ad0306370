package io.sovereign.auction.domain;

/** One broken rule of an auction's terms, named by its request field. */
public record TermsViolation(String field, String message) {
}
