/**
 * The SSRF guard: {@link io.channelmonitor.ssrf.SsrfGuard} checks endpoints at save time and vets
 * every address at connect time under an {@link io.channelmonitor.ssrf.SsrfPolicy}; names are
 * resolved through an injectable {@link io.channelmonitor.ssrf.HostResolver}.
 */
package io.channelmonitor.ssrf;
