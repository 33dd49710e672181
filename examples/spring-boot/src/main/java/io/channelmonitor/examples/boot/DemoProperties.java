package io.channelmonitor.examples.boot;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo's own settings, under {@code demo.*}.
 *
 * @param dataDir where the H2 database and the demo key ring live ({@code demo.data-dir})
 * @param fakeUpstreamPort the fake upstream's port; a fixed one keeps the stored endpoints valid
 *     across restarts, 0 takes a free port ({@code demo.fake-upstream-port})
 */
@ConfigurationProperties("demo")
public record DemoProperties(
    @DefaultValue("./demo-data/spring-boot") Path dataDir,
    @DefaultValue("18443") int fakeUpstreamPort) {}
