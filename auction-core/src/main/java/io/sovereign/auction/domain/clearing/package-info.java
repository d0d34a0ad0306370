/**
 * The clearing engine of DOMAIN.md §2, shared by the simulation and real auctions: validation,
 * bidder caps, non-competitive first, competitive best-first with proration at the stop-out, prices
 * and statistics. Amounts are long par units; rates and prices are scaled longs in units of the
 * auction's increment on the hot path, exact decimals at the edges. No framework imports.
 */
package io.sovereign.auction.domain.clearing;
