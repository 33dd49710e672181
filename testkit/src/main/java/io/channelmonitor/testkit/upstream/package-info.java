/**
 * {@link io.channelmonitor.testkit.upstream.FakeUpstream}: a loopback HTTP(S) server that stands in
 * for OpenAI, Anthropic and Gemini and plays scripted {@link
 * io.channelmonitor.testkit.upstream.Behaviour behaviours}, for tests of probes and checkers.
 */
package io.channelmonitor.testkit.upstream;
