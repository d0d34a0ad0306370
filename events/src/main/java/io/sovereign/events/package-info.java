/**
 * The event contract of API.md: topic names, the CloudEvents 1.0 envelope (structured JSON mode)
 * and one record per event type. Producers and consumers share these classes; nobody copies them.
 */
package io.sovereign.events;
