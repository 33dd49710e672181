/**
 * What both demos share: the channels the fake upstream plays, the demo-only key ring kept next to
 * the database, and trust material for the fake's self-signed certificate.
 */
package io.channelmonitor.examples.demo;
