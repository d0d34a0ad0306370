/**
 * Auction rules in the domain's words: security types, formats, bid bases, statuses, ISINs.
 * No framework imports: this package is plain Java and exact decimals.
 */
package io.sovereign.auction.domain;
