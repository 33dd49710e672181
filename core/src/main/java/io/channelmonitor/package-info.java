/** channel-monitor: watches the health of LLM API channels from inside a host application. */
package io.channelmonitor;
