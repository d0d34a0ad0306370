/**
 * Building blocks every service shares: the transactional outbox and its relay to Kafka, the inbox
 * of an idempotent consumer, RFC 9457 problem responses, and who the caller is.
 */
package io.sovereign.kit;
