/**
 * Settlement's rules in plain Java, without framework imports: the coupon schedule of a bond and
 * what a coupon or a redemption pays.
 */
package io.sovereign.settlement.domain;
